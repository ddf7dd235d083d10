package calendar

import "strings"

// termInfo names one of the 24 solar terms (节气). The table is in calendar
// order within a Gregorian year: 小寒 falls in early January, 冬至 in late
// December.
type termInfo struct {
	name   string // simplified Chinese
	pinyin string
	trad   string // traditional Chinese, where it differs
}

var terms = [24]termInfo{
	{"小寒", "Xiaohan", ""},
	{"大寒", "Dahan", ""},
	{"立春", "Lichun", ""},
	{"雨水", "Yushui", ""},
	{"惊蛰", "Jingzhe", "驚蟄"},
	{"春分", "Chunfen", ""},
	{"清明", "Qingming", ""},
	{"谷雨", "Guyu", "穀雨"},
	{"立夏", "Lixia", ""},
	{"小满", "Xiaoman", "小滿"},
	{"芒种", "Mangzhong", "芒種"},
	{"夏至", "Xiazhi", ""},
	{"小暑", "Xiaoshu", ""},
	{"大暑", "Dashu", ""},
	{"立秋", "Liqiu", ""},
	{"处暑", "Chushu", "處暑"},
	{"白露", "Bailu", ""},
	{"秋分", "Qiufen", ""},
	{"寒露", "Hanlu", ""},
	{"霜降", "Shuangjiang", ""},
	{"立冬", "Lidong", ""},
	{"小雪", "Xiaoxue", ""},
	{"大雪", "Daxue", ""},
	{"冬至", "Dongzhi", ""},
}

// SolarTerm is one of the 24 solar terms on its local (UTC+8) day.
type SolarTerm struct {
	Name   string `json:"name"`   // simplified Chinese, e.g. 清明
	Pinyin string `json:"pinyin"` // e.g. Qingming
	Date   Date   `json:"date"`
}

// TermNames returns the 24 solar-term names in simplified Chinese, in
// calendar order from 小寒 to 冬至.
func TermNames() []string {
	names := make([]string, len(terms))
	for i, t := range terms {
		names[i] = t.name
	}
	return names
}

// termIndex finds a solar term by its simplified or traditional Chinese
// name or its pinyin (any case, with or without a trailing 节/節).
func termIndex(name string) (int, bool) {
	name = strings.TrimSpace(name)
	name = strings.TrimSuffix(strings.TrimSuffix(name, "节"), "節")
	for i, t := range terms {
		if name == t.name || (t.trad != "" && name == t.trad) || strings.EqualFold(name, t.pinyin) {
			return i, true
		}
	}
	return 0, false
}

// termCandidates lists every accepted spelling, for "did you mean".
func termCandidates() []string {
	var c []string
	for _, t := range terms {
		c = append(c, t.name, t.pinyin)
		if t.trad != "" {
			c = append(c, t.trad)
		}
	}
	return c
}
