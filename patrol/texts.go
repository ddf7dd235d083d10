package patrol

// texts is the catalogue of the words this package writes itself; every
// other word comes from the rule files or the calendar. The poster's page
// text lives in its templates (templates/).
var texts = struct {
	effective, validUntil                    string
	calName, projected, dataLine, articleFmt string
	effectiveSummary, validUntilSummary      string
	daily, weekly, nextDay                   string
	weekdays                                 [7]string
	feedValue, feedStale                     string
}{
	feedValue:         "据%d月%d日发布的%s，%s%d月%d日为%s，已过%d天。",
	feedStale:         "条件数据没有%s%d月%d日的%s（最近一次为%d月%d日，%d月%d日发布，已过%d天）：请向值班人员核实。",
	daily:             "每日%s—%s",
	weekly:            "每%s %s—%s %s",
	nextDay:           "次日",
	weekdays:          [7]string{"周日", "周一", "周二", "周三", "周四", "周五", "周六"},
	effective:         "施行之日",
	validUntil:        "有效期最后一日",
	calName:           "%d年 通告时段与关键日期",
	projected:         "（节假日安排尚未公布，按规则推算）",
	dataLine:          "数据：%s；规则集 %s；节假日 %s",
	articleFmt:        "第%s条",
	effectiveSummary:  "%s 施行",
	validUntilSummary: "%s 有效期至此日",
}

// ArticleName renders an article reference as printed: 三 → 第三条; a
// reference already written out (第十九条（二）, 二（四）, 标题) is kept.
func ArticleName(a string) string {
	if a == "" {
		return ""
	}
	for _, r := range a {
		if !isChineseDigit(r) {
			return a
		}
	}
	return fmtString(texts.articleFmt, a)
}

func isChineseDigit(r rune) bool {
	switch r {
	case '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '百', '零':
		return true
	}
	return false
}
