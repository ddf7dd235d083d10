// Package dates reads the days a caller names, in Mandarin, relative to the
// day of the call in China: 10月3日, 十月三号, 2024年10月3日, 下个月5号,
// 10号, 10月份, 月底, 这周六, 下周三, 上周日, 明天, 大后天, 农历九月初六,
// 腊月二十三, 大年初三, 清明, 国庆节后第三天, 春节前一天, 小年, 过了15号,
// 2026年清明, 三天后, the holidays of other calendars by their rules
// (复活节, 东正教复活节星期一, 赎罪日, 2018年逾越节, 开斋节; see Feast) — and
// the times of day said with them (今晚11点, 下午三点半; see Clocks).
//
// A day without a year means its next occurrence (today included); a
// festival means today while its holiday lasts, else its next day. The
// words — day words, festival names, named lunar days — come from the
// caller of New: the hotline's Mandarin grammar and the rule set's
// vocabulary. Conformance with Duckling's Chinese corpus is tested.
package dates

import (
	"cmp"
	"fmt"
	"iter"
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/calendar/feast"
	"github.com/tonggao/tonggao/hotline/zh"
)

// Words are the words a Reader knows beyond numerals and the calendar's
// own festival names.
type Words struct {
	Days     map[string]int // 今天 0, 明天 1
	WeakDays map[string]int // 现在: a narrative "now", overridden by any other day
	Months   map[string]int // 下个月 1
	// LunarMonths name lunar months said alone (正月 1, 腊月 12): the
	// month, from its first day (初一), of the year said or the next
	LunarMonths map[string]int
	Years       map[string]int // 明年 1
	// NotYears are words a year word is part of without naming a year
	// (年前年后: the days round the new year, no 前年 in it).
	NotYears   []string
	MonthParts map[string]int // 月初 1, 月中 15, 月底 0 (the last day)
	// MonthSpans are parts of a month said as spans of days: 中旬 [11, 20],
	// 下旬 [21, 0] (0 is the last day).
	MonthSpans map[string][2]int
	// SomeDays said right after a lunar day of tens (腊月二十几) make it some
	// day of the nine after it: the span, asked today while it runs.
	SomeDays   []string
	YearParts  map[string]int // 年底 0
	This       []string       // 这, 本 (this week)
	Next       []string       // 下 (next week)
	Last       []string       // 上 (last week)
	Week       []string       // 周, 星期, 礼拜
	Weekdays   map[string]int // 一 1 … 日 7
	Lunar      []string       // 农历
	After      []string       // 后第 (节后第三天)
	Before     []string       // 前一天
	BeforeDays []string       // 前 (清明前三天: that many days before)
	AfterDays  []string       // 后, 过了 (清明过了十天, 中秋后一个礼拜: that many days after)
	Past       []string       // 过了 (过了15号: the day after)
	PastAfter  []string       // 一过 (寒露一过, 4月30号过了: the day after)
	// PastOver are the words of PastAfter that say the day is over already
	// (清明过了): said on the day itself (in the holiday), the time after
	// it is now, not tomorrow.
	PastOver []string
	TermCome []string // 过了 after a solar term: its own day (寒露过了就可以摘)
	AfterDay []string // 以后 (12月31号以后: the day after)
	// CountUnits are the units of a count of days from today (三天后, 两个
	// 礼拜后, 再过一个星期), in days; MonthUnits count months (三个月后: the
	// same day of the month, or the month's last).
	CountUnits map[string]int
	MonthUnits []string
	// CountNotAfter are the characters after which 过 + a count is a length,
	// not a day (超过三天, 经过三天).
	CountNotAfter []string
	// CountWaitBefore are the words after which 过 + a count is a wait
	// asked of (要过90天才能报: how long until the cover), not a day on.
	CountWaitBefore []string
	// LastNotAfter are the words after which 后 + a count is no day on
	// (最后一天: the last day of what is named).
	LastNotAfter []string
	// NewYearFirst are the words for the new year after which a lunar day
	// said alone is of the first lunar month (过完年初八, 年后初六: 正月).
	NewYearFirst []string
	// BeforeDay are the words after a day that ask about the days before it
	// (寒露前摘, 10月8号以前, 五一前, 九月份以前): the last of them, the day
	// before, is the one answered.
	BeforeDay []string
	// BeforeFew are the words after a day that say a few days before it,
	// no count said (霜降前几天, 寒露前些天): answered as BeforeDay's, for
	// the day before.
	BeforeFew []string
	// AroundTerm are the words after a solar term that say the days round
	// it (霜降前后, 寒露左右): answered as BeforeFew's, for the day before, so
	// that a start on the term's day is not answered for all of them.
	AroundTerm []string
	// AroundDays are the days either side of the term that AroundTerm
	// says (霜降前后: three before to three after), a stretch answered as
	// a month is; zero answers the day before the term.
	AroundDays int
	// StretchTo joins two days into the stretch from the first to the
	// second (寒露到霜降); StretchInside after the second leaves both ends
	// out (寒露到霜降中间那几天).
	StretchTo, StretchInside []string
	// DayList are the words that join days said one after another into
	// the days a plan holds (这个礼拜天和下个礼拜一、礼拜二): read as one
	// span from the first to the last, answered as a week is.
	DayList []string
	// NotReached are the words before a day that say it has not come yet
	// (还没到寒露, 冇到霜降): the days before it, as BeforeDay's.
	NotReached []string
	// Festivals map everyday names to the calendar's (过年 → 春节).
	Festivals map[string]string
	// EitherFestivals map a name said of several festivals to them (新年:
	// 元旦 or 春节): with no year said, the one that comes first from the
	// call's day is meant (迎新年 said in 腊月 is 春节, in December 元旦);
	// with a year, the first listed.
	EitherFestivals map[string][]string
	// Customs map what is done on a festival to it (挂青 → 清明): the
	// festival's day, said by the custom, is Custom — a day said as well
	// is the one asked about (冬至去坟上挂青).
	Customs map[string]string
	// Gregorian are fixed days of the year: 劳动节 05-01.
	Gregorian map[string]string
	// LunarDays are named lunar days: 小年 → 腊月二十四.
	LunarDays map[string]LunarDay
	// TermDays are words for a solar term's day: 开春 → 立春.
	TermDays map[string]LunarDay
	// Feasts are holidays of other calendars (复活节, 赎罪日, 开斋节), each
	// read by its rule.
	Feasts map[string]Feast
	// Orthodox are words that, said right before a feast defined from
	// Easter, move it onto Orthodox Easter (东正教复活节).
	Orthodox []string
	// LunarFirstNote says how 初一 … 初十 said after a month word
	// (下个月初三) were read: as a lunar day (a solar day is said N号),
	// with the alternative. Empty: they are still read so, without a note.
	LunarFirstNote string
	// PastNote says that a day said with 过了 (过了15号, 12月31号一过) had
	// passed on the day of the call, so the time after it asked about is
	// the call's own day. Empty: it is still read so, without a note.
	PastNote string
	// Recent are the words after a day said without a year that point back
	// to one both know (小年那天, 冬至那晚): said within RecentDays after
	// the day's last occurrence, that one — the day just gone — is meant,
	// not next year's; RecentNote says so. Empty: the next occurrence.
	Recent     []string
	RecentDays int
	RecentNote string
	// Reached are the words right after a day said without a year that
	// say it has come (初十了, 二十号了还能交不): when its occurrence just
	// gone is nearer than its next, the caller asks of now, past that day
	// — the call's own day is answered, with PastNote — not of next
	// month's (or year's). A day nearer ahead keeps it (二十号了再去).
	Reached []string
	// TermAfter are the words after a solar term's name that make it a day
	// (寒露那天, 霜降以后): a name said inside a longer word (寒露籽, 下大雪)
	// names no day. A pause or the end of the call after it does too.
	TermAfter []string
	// Since are the words after a day that ask of the time after it (霜降后,
	// 国庆以后): said after a solar term of this year, or within RecentDays
	// after any day said without a year, that time is now, not next year's.
	Since []string
	// TermWord are the words after a solar term's name that make a longer
	// word of it even after a year (今年霜降籽 is this year's variety).
	TermWord []string
	// TermLead are the words before a solar term's name that make it a day
	// whatever follows but a word of TermWord (是寒露摘还是霜降摘, 等到寒露再
	// 摘: the days weighed, not 是霜降籽).
	TermLead []string
	// TermWait are the words after a solar term's name that ask whether
	// the act must wait for it (等到霜降才能摘): then TermLead does not make
	// it a day — the call's own day is asked.
	TermWait []string
	// DotNotBefore are the units after which M.D is a number, not a day
	// (1.5公里, 2.50元): 10.23 and 11.23号 are days.
	DotNotBefore []string
	// ClockParts are the parts of the day said before a time, with the
	// hours they span (下午 [12, 19], 夜里 [19, 29]: past 24 is the next
	// morning): an hour of 1 to 12 is put in its span.
	ClockParts map[string][2]int
	// ClockBefore are the words after a time that say the act is done
	// before it (十二点以前): midnight so said is the end of the day before.
	ClockBefore []string
	// HolidayAfter are words for the days after a public holiday said with
	// no festival named (节后, 收假以后, 过完节): the holiday the call is in
	// or near (HolidayNear), its first day after — or the Nth, with 第N天
	// after them (节后第三天). With no holiday near they name no day (Bad,
	// Unplaced): it is asked, never taken for the day of the call.
	HolidayAfter []string
	// HolidayNamed are words said right after a festival's name that say
	// its holiday is over (国庆放完假了, 国庆收假以后): the first day after
	// that holiday, or the call's day once it has passed — not the holiday
	// nearest the call. (Not 放假回来: after a name it is coming home for
	// the holiday.)
	HolidayNamed []string
	// HolidayBefore are words for the day before such a holiday (节前): one
	// beginning within HolidayNear days of the call.
	HolidayBefore []string
	// HolidayNear is how many days before a holiday's first day or after
	// its last a call may be for those words to mean it.
	HolidayNear int
	// HolidayDays are words for a festival's holiday whose days are
	// counted from its first (清明假期第二天), not from the festival's day.
	HolidayDays []string
}

// LunarDay is a named day of the lunar year with the reading chosen.
type LunarDay struct {
	Date calendar.LunarDate
	Note string
	// Term is the solar term a term day names (TermDays), "" for a
	// lunar day
	Term string
	// Since: said at most this many days after the day, the word names
	// the time after it, which is now (过了年 said in 正月)
	Since int
	// HolidayAfter: said before the public holiday that holds the day is
	// over, the word names the holiday's first day after, as HolidayAfter
	// words are read (过完年 said in 腊月: after the Spring Festival's days
	// off, not 正月初一)
	HolidayAfter bool
}

// Feast is a holiday of another calendar, with how it is read when that
// is not plain (a Jewish holy day begins at sunset the evening before).
// A holiday another tradition keeps on a day of the Chinese calendar
// (Singapore's Vesak on 四月十五) has Lunar instead of a Rule.
type Feast struct {
	Rule  feast.Rule
	Lunar *calendar.LunarDate
	Note  string
	// Published are the days its organisers published, by year, for a
	// holiday they choose each year by no rule (Global Youth Service Day):
	// in another year the name names no known day (a Bad mention: the day
	// is asked for).
	Published map[int][2]calendar.Date
	// After, when given, are the words the name is read after, and only
	// there: 周日节 after a year (2018年周日节) or 犹太 is Shavuot, alone
	// it is 周日 (Sunday) and 节 (这周日节假日).
	After []string
}

// Mention is one day named in the text.
type Mention struct {
	// Start and End are byte offsets in the text read.
	Start, End int
	Words      string
	Date       calendar.Date
	// Weak marks a narrative 现在: any other day said wins.
	Weak bool
	// Custom marks a festival's day named by what is done on it (挂青 is
	// 清明's): a day said as well wins (冬至去坟上挂青 is about 冬至).
	Custom bool
	// MonthEnd is the last day of a span named as a whole: a month
	// (10月份), a holiday of several days (逾越节, 斋月); nil for one day.
	MonthEnd *calendar.Date
	// Stretch marks a span said in words round or between days (霜降前后,
	// 寒露到霜降中间): when the verdict changes inside it, the answer
	// depends on the day.
	Stretch bool
	// Note says how the words were read when it is not plain (小年 is
	// 腊月二十四 in Hunan, 10月份 is answered for its first day).
	Note string
	// Bad is set when the words name no day (2月30日): the day must be
	// asked for, not guessed.
	Bad bool
	// Unplaced is set, with Bad, when the words count from a holiday not
	// named and none is near the call (节后第三天 said in June).
	Unplaced bool
	// Past marks a day said as a bound passed (过了4月30号): a day said
	// after it names the day asked about (…5月3号在山上烧田埂).
	Past bool
	// Passed is the day said with 过了 when it had passed on the day of the
	// call (过了15号, said on the 20th): Date is then the call's day.
	Passed calendar.Date
	// Before marks the day before one said with 以前 (寒露前, 10月15号之前):
	// the answer says it as said, the day after it and 以前.
	Before bool
	// term marks a solar term's day (寒露), which 过了 after it says has
	// come (TermCome)
	term bool
	// prev is the previous occurrence of a day said without a year (10月15号,
	// 15号), for 过了 to pick the nearer; zero when there is none.
	prev calendar.Date
	// prevEnd is the last day of prev's month when the mention is a
	// month (MonthEnd's for prev); nil otherwise.
	prevEnd *calendar.Date
	// ahead marks a day of the month said alone (二十九号) whose day this
	// month is still to come: 那天 after it points to that one, not back
	// to the month before's
	ahead bool
}

// Reader finds days in text. It is immutable and safe for concurrent use.
type Reader struct {
	cal *calendar.Calendar
	w   Words
	// festival words, longest first, with the calendar name they mean
	fest []festWord
	// terms are the solar terms' names, read as days (寒露那天)
	terms []string
	// termOf maps a word for a solar term's day (开春, in terms too) to
	// the term and the reading's note
	termOf map[string]LunarDay
	reYMD  *pattern
	reMDY  *pattern
	reMD   *pattern
	// reDotMD is a month and day with a dot: 10.23, 11.5号
	reDotMD   *pattern
	reDOM     *pattern
	reMonth   *pattern
	reLunar   *pattern
	reLunar2  *pattern
	reNewYear *pattern
	// reBareLunar is a lunar day said alone: 初二
	reBareLunar *pattern
	// reMonthLunar is a lunar day said after a month word: 下个月初三
	reMonthLunar *pattern
	// reWeekAlone is a week said without a day: 下个礼拜, 这周
	reWeekAlone *pattern
	reWeek      *pattern
	reOrdWeek   *pattern
	reYear      *pattern
	reRel       *pattern
	reFestMod   *pattern
	reFeastDay  *pattern
	// reHolidayDay is 假期第二天 after a festival: counted from its holiday's first day
	reHolidayDay *pattern
	// reFestBefore is a count of days before a festival (清明前三天)
	reFestBefore *pattern
	// reFestAfter is a count of days after one (中秋后一个礼拜, 清明过了十天)
	reFestAfter *pattern
	// reHolidayN is the count after a bare holiday word (节后第三天, 节前一天)
	reHolidayN *pattern
	// holidayWords are HolidayAfter and HolidayBefore, longest first
	holidayWords []string
	reClock      *pattern
	// the word lists, longest first, sorted once
	years, monthWords, monthParts, monthSpans, yearParts, lunarDays, gregorian, dayWords, feasts []string
	dayWord                                                                                      map[string]dayWord
	wordIndex                                                                                    *wordTrie
	// feastRank is each feast word's place in feasts (scan.said)
	feastRank map[string]int
	// chars are the characters any pattern or word may hold (anyChar: a
	// pattern may hold any): text made of others names no day (Touches)
	chars   runeSet
	anyChar bool
	// ungated: see Ungated
	ungated bool
}

type dayWord struct {
	n    int
	weak bool
}

type festWord struct {
	word, name string
	custom     bool // a custom's usual day (挂青): Mention.Custom
}

const num = `[0-9]{1,4}|[零〇一二两三四五六七八九十廿百]{1,5}`

// halfMonth writes a lunar day as old callers say it in the form the
// calendar reads: the month's half (九月半) is its fifteenth, a bare
// numeral (阴历三月三) one of its first ten days.
func halfMonth(day string) string {
	if h, ok := strings.CutSuffix(day, "半"); ok {
		return h + "十五"
	}
	if i := strings.LastIndex(day, "月"); i >= 0 {
		if d := day[i+len("月"):]; utf8.RuneCountInString(d) == 1 && strings.Contains("一二三四五六七八九十", d) {
			return day[:i+len("月")] + "初" + d
		}
	}
	return day
}

// New builds a Reader.
func New(cal *calendar.Calendar, w Words) (*Reader, error) {
	r := &Reader{cal: cal, w: w}
	for _, name := range calendar.FestivalNames() {
		r.fest = append(r.fest, festWord{word: name, name: name})
	}
	for word, name := range w.Festivals {
		r.fest = append(r.fest, festWord{word: word, name: name})
	}
	for word, name := range w.Customs {
		r.fest = append(r.fest, festWord{word: word, name: name, custom: true})
	}
	// The calendar's aliases and holiday names: a word is a festival if the
	// calendar resolves it; these are the ones callers say.
	for _, a := range []string{"元旦节", "新年", "大年三十", "年三十", "春节", "大年初一", "正月初一", "元宵节", "上元节", "正月十五",
		"清明节", "端午节", "端阳", "中元节", "鬼节", "中秋节", "重阳节", "国庆节", "十一", "寒衣节", "冬至节", "五一", "劳动节", "国庆"} {
		if _, err := cal.Festival(a, 2025); err == nil {
			r.fest = append(r.fest, festWord{word: a, name: a})
		} else if _, err := cal.HolidayPeriod(a, 2025); err == nil {
			r.fest = append(r.fest, festWord{word: a, name: a})
		}
	}
	// A fixed day of the year wins over a holiday of the same name: 劳动节
	// is 05-01, not the first day of the 五一 holiday (04-29 in 2013).
	fest := r.fest[:0]
	for _, f := range r.fest {
		if _, fixed := w.Gregorian[f.word]; !fixed {
			fest = append(fest, f)
		}
	}
	r.fest = fest
	// longest first; of two as long (年三十, 三十夜 in 年三十夜里) the one first
	// in code-point order — the words came from maps, and a reading must
	// not change from one process to the next
	sort.SliceStable(r.fest, func(i, j int) bool {
		if a, b := len(r.fest[i].word), len(r.fest[j].word); a != b {
			return a > b
		}
		return r.fest[i].word < r.fest[j].word
	})
	// solar terms that are not festivals already (清明 and 冬至 are)
	for _, t := range calendar.TermNames() {
		if !slices.ContainsFunc(r.fest, func(f festWord) bool { return f.word == t }) {
			r.terms = append(r.terms, t)
		}
	}
	r.termOf = map[string]LunarDay{}
	for _, k := range sortedKeys(w.TermDays) {
		r.terms = append(r.terms, k)
		r.termOf[k] = w.TermDays[k]
	}
	var err error
	compile := func(s string) *pattern {
		if err != nil {
			return nil
		}
		var re *pattern
		re, err = compilePattern(s)
		return re
	}
	r.reYMD = compile(`([0-9]{4}|[零〇一二三四五六七八九]{4})\s*[年\-/.]\s*(` + num + `)\s*[月\-/.]\s*(` + num + `)\s*[日号]?`)
	r.reMDY = compile(`([0-9]{1,2})/([0-9]{1,2})/([0-9]{4}|[0-9]{2})`)
	r.reMD = compile(`(` + num + `)\s*(?:月|/)\s*(` + num + `)\s*[日号]?`)
	r.reDotMD = compile(`([0-9]{1,2})[.．]([0-9]{1,2})\s*([号日]?)`)
	r.reDOM = compile(`(` + num + `)\s*[号日]`)
	r.reMonth = compile(`(` + num + `)\s*月份?`)
	// X月半 is the month's fifteenth, as old callers name a lunar day
	// (七月半, 老历的九月半): said in words, never of a solar month
	lday := `(?:初[一二三四五六七八九十]|廿[一二三四五六七八九]?|二十[一二三四五六七八九]?|三十|十[一二三四五六七八九]?|[一二三四五六七八九]|半)`
	r.reLunar = compile(zh.Alternation(w.Lunar) + `的?\s*(?:([0-9]{4})年)?\s*(闰?[正一二三四五六七八九十冬腊0-9]{1,2}月` + lday + `)[日号]?`)
	r.reLunar2 = compile(`()((?:[正冬腊]月` + lday + `)|(?:闰?(?:十[一二]?|[一二三四五六七八九])月(?:初[一二三四五六七八九十]|廿[一二三四五六七八九]?|半)))`)
	r.reNewYear = compile(`大年(初[一二三四五六七八九十]|十[一二三四五六七八九]?)`)
	r.reWeekAlone = compile(`(` + zh.Alternation(append(append(append([]string{}, w.This...), w.Next...), w.Last...)) + `)` + zh.Alternation(w.Week))
	r.reBareLunar = compile(`初([一二三四五六七八九十])(?:[日号]|那天)?`)
	r.reMonthLunar = compile(`(` + zh.Alternation(slices.Sorted(maps.Keys(w.Months))) + `)初([一二三四五六七八九十])[日号]?`)
	r.reWeek = compile(`(` + zh.Alternation(append(append(append([]string{}, w.This...), w.Next...), w.Last...)) + `)?` + zh.Alternation(w.Week) + `(` + zh.Alternation(slices.Sorted(maps.Keys(w.Weekdays))) + `)`)
	r.reOrdWeek = compile(`(` + num + `)\s*月的?第(` + num + `)个` + zh.Alternation(w.Week) + `(` + zh.Alternation(slices.Sorted(maps.Keys(w.Weekdays))) + `)`)
	r.reYear = compile(`([0-9]{4}|[零〇一二三四五六七八九]{4})\s*年度?`)
	units := `[天日]`
	if len(w.CountUnits)+len(w.MonthUnits) > 0 {
		units = zh.Alternation(append(slices.Sorted(maps.Keys(w.CountUnits)), w.MonthUnits...))
	}
	r.reRel = compile(`(` + num + `)\s*(` + units + `)\s*(?:之|以)?([后前])|([前后下上过])\s*(` + num + `)\s*(` + units + `)`)
	r.reFeastDay = compile(`^的?第(` + num + `)天`)
	if len(w.HolidayDays) > 0 {
		r.reHolidayDay = compile(`^的?(?:` + zh.Alternation(w.HolidayDays) + `)的?第(` + num + `)天`)
	}
	// 的 may join them to the day (大年初一的前一天, 国庆节的后第二天)
	r.reFestMod = compile(`^的?(?:节)?(?:` + zh.Alternation(w.After) + `\s*(` + num + `)\s*天|` + zh.Alternation(w.Before) + `)`)
	if len(w.BeforeDays) > 0 {
		// (清明前一个礼拜: in any unit of a count of days)
		r.reFestBefore = compile(`^的?(?:节)?(?:` + zh.Alternation(w.BeforeDays) + `)\s*(` + num + `)\s*(` + zh.Alternation(append(slices.Sorted(maps.Keys(w.CountUnits)), "天")) + `)`)
	}
	if len(w.AfterDays) > 0 {
		r.reFestAfter = compile(`^的?(?:节)?(?:` + zh.Alternation(w.AfterDays) + `)\s*(` + num + `)\s*(` + zh.Alternation(append(slices.Sorted(maps.Keys(w.CountUnits)), "天")) + `)`)
	}
	r.reHolidayN = compile(`^的?第?(` + num + `)天`)
	if err == nil {
		r.reClock, err = r.compileClock()
	}
	if err != nil {
		return nil, fmt.Errorf("dates: %w", err)
	}
	r.years, r.monthWords, r.monthParts = sortedKeys(w.Years), sortedKeys(w.Months), sortedKeys(w.MonthParts)
	r.monthSpans = sortedKeys(w.MonthSpans)
	r.yearParts, r.lunarDays, r.gregorian = sortedKeys(w.YearParts), sortedKeys(w.LunarDays), sortedKeys(w.Gregorian)
	r.dayWord = map[string]dayWord{}
	for k, n := range w.Days {
		r.dayWord[k] = dayWord{n, false}
	}
	for k, n := range w.WeakDays {
		r.dayWord[k] = dayWord{n, true}
	}
	r.dayWords = sortedKeys(r.dayWord)
	r.feasts = sortedKeys(w.Feasts)
	r.feastRank = make(map[string]int, len(r.feasts))
	for k, f := range r.feasts {
		r.feastRank[f] = k
	}
	r.wordIndex = &wordTrie{root: &wordNode{}}
	if w.HolidayNear > 0 {
		r.holidayWords = append(slices.Clone(w.HolidayAfter), w.HolidayBefore...)
		slices.SortStableFunc(r.holidayWords, func(a, b string) int { return cmp.Compare(len(b), len(a)) })
	}
	for _, l := range [][]string{r.years, r.monthWords, r.monthParts, r.monthSpans, r.yearParts, r.lunarDays, r.gregorian, r.dayWords, r.feasts, r.holidayWords} {
		for _, w := range l {
			r.wordIndex.add(w)
		}
	}
	for _, f := range r.fest {
		r.wordIndex.add(f.word)
	}
	for _, t := range r.terms {
		r.wordIndex.add(t)
	}
	for w := range w.LunarMonths {
		r.wordIndex.add(w)
		r.addChars(w)
	}
	for _, p := range append(r.patterns(), r.reFeastDay, r.reFestBefore, r.reFestAfter) {
		if p == nil {
			continue
		}
		if !p.chars(&r.chars) {
			r.anyChar = true
		}
	}
	for _, l := range [][]string{r.years, r.monthWords, r.monthParts, r.monthSpans, r.yearParts, r.lunarDays, r.gregorian, r.dayWords, r.feasts,
		w.This, w.Next, w.Last, w.Week, slices.Sorted(maps.Keys(w.Weekdays)), w.Lunar, w.After, w.Before, w.BeforeDays, w.AfterDays, w.Past, w.PastAfter, w.AfterDay, w.Orthodox, slices.Sorted(maps.Keys(w.ClockParts)),
		slices.Sorted(maps.Keys(w.CountUnits)), w.MonthUnits, r.holidayWords} {
		for _, x := range l {
			r.addChars(x)
		}
	}
	for _, f := range r.fest {
		r.addChars(f.word)
	}
	for _, t := range r.terms {
		r.addChars(t)
	}
	r.addChars("．")
	// the characters the readers below test for themselves (before or
	// after a match), and every numeral
	r.addChars("年-./月第大正冬腊初廿周星礼拜天日前后下上过号还点點时時钟鐘的节" + clockUnits)
	for c := rune(0); c < 1<<16; c++ {
		if zh.IsNumeral(c) {
			r.chars.add(c)
		}
	}
	return r, nil
}

func (r *Reader) addChars(w string) {
	for _, c := range w {
		if c >= 1<<16 {
			r.anyChar = true
		}
		r.chars.add(c)
	}
}

// Ungated is r reading without its shortcuts: every pattern runs on the
// whole text and every pass runs, whatever characters the text holds. It
// finds what r finds, at more cost: for tests that hold r's shortcuts to
// that.
func (r *Reader) Ungated() *Reader {
	u := *r
	u.ungated = true
	return &u
}

// Touches reports whether text holds a character that a day or a time
// of day may be said with. Replacing, in a text, characters it does not
// touch by others it does not touch, of the same length, leaves its days
// and times as they were (Read and Clocks find the same, at the same
// places): a caller may then keep what it read.
func (r *Reader) Touches(text string) bool {
	if r.anyChar {
		return true
	}
	for _, c := range text {
		if c >= 1<<16 || r.chars.has(c) {
			return true
		}
	}
	return false
}

// scan tracks which bytes are taken by a mention already.
type scan struct {
	text    string
	taken   []bool
	out     []Mention
	present runeSet  // the runes of the text, so that words that cannot occur are not searched for
	chars   []runeAt // the text decoded, for the patterns' walks (nil until one walks)
	// ungated: every pattern runs on the whole text and every pass runs
	// (Reader.Ungated)
	ungated bool
	at      map[string][]int
	// fests are the festivals resolved so far: a name said again (清明 …
	// 清明) is not resolved again
	fests []festDay
	// days are the lunar days and the days without a year resolved so
	// far: a day said again (农历九月初六 … 农历九月初六) is not resolved
	// again (four lunar years, five solar ones)
	days []dayOf
	// nextByWord: the year said is the next one, said by a word (明年),
	// not by its number — counted in lunar years for a lunar day
	// (nextLunar)
	nextByWord bool
}

// dayOf is a day resolved in a scan: a lunar date (lunar) or a month and
// day (mo, d), in the year said (year; 0 for none).
type dayOf struct {
	lunar   calendar.LunarDate
	isLunar bool
	mo, d   int
	year    int
	day     calendar.Date
	ok      bool
}

// lunarDay is r.lunarDay, once per lunar date, year and text.
func (s *scan) lunarDay(r *Reader, l calendar.LunarDate, today calendar.Date, year int) (calendar.Date, bool) {
	for _, x := range s.days {
		if x.isLunar && x.lunar == l && x.year == year {
			return x.day, x.ok
		}
	}
	day, ok := r.lunarDay(l, today, year)
	if ok && s.nextByWord && year == today.Year()+1 {
		if d, ok := r.lunarDay(l, today, today.Year()); ok && r.nextLunar(d, today) {
			day = d
		}
	}
	s.days = append(s.days, dayOf{lunar: l, isLunar: true, year: year, day: day, ok: ok})
	return day, ok
}

// nextLunar reports whether day d, still to come, falls in the lunar year
// after the one of today: said between 1 January and 春节, 明年正月十五 is
// the coming one, of the next lunar year — not the next Gregorian year's,
// a year on (明年除夕, the end of this lunar year, stays next January's).
func (r *Reader) nextLunar(d, today calendar.Date) bool {
	if !d.After(today) {
		return false
	}
	ld, err := r.cal.Lunar(d)
	lt, err2 := r.cal.Lunar(today)
	return err == nil && err2 == nil && ld.Year == lt.Year+1
}

// yearless is r.yearless, once per month, day, year and text.
func (s *scan) yearless(r *Reader, mo, d int, today calendar.Date, year int) (calendar.Date, bool) {
	for _, x := range s.days {
		if !x.isLunar && x.mo == mo && x.d == d && x.year == year {
			return x.day, x.ok
		}
	}
	day, ok := r.yearless(mo, d, today, year)
	s.days = append(s.days, dayOf{mo: mo, d: d, year: year, day: day, ok: ok})
	return day, ok
}

type festDay struct {
	name       string
	day, block calendar.Date
	ok         bool
}

// festivalDay is r.festivalDay, once per name and text.
// soonestFestival is which of the festivals one name is said of (新年:
// 元旦, 春节) comes first from today; with a year said, the first listed.
func (s *scan) soonestFestival(r *Reader, names []string, today calendar.Date, year int) string {
	best, bestDay := names[0], calendar.Date{}
	if year != 0 {
		return best
	}
	for _, n := range names {
		if d, _, ok := s.festivalDay(r, n, today, year); ok && (bestDay == (calendar.Date{}) || d.Before(bestDay)) {
			best, bestDay = n, d
		}
	}
	return best
}

func (s *scan) festivalDay(r *Reader, name string, today calendar.Date, year int) (day, block calendar.Date, ok bool) {
	for _, f := range s.fests {
		if f.name == name {
			return f.day, f.block, f.ok
		}
	}
	day, block, ok = r.festivalDay(name, today, year)
	if ok && s.nextByWord && year == today.Year()+1 {
		// 明年元宵 said in January before 春节: the coming one (nextLunar),
		// for a festival of the lunar calendar (not 清明, 国庆)
		if d, b, ok := r.festivalAt(name, today.Year()); ok && r.nextLunar(d, today) {
			l, err := r.cal.Lunar(d)
			ln, err2 := r.cal.Lunar(day)
			if err == nil && err2 == nil && l.Month == ln.Month && l.Day == ln.Day {
				day, block = d, b
			}
		}
	}
	s.fests = append(s.fests, festDay{name, day, block, ok})
	return day, block, ok
}

// occurrences yields the start and end of each occurrence of word, left
// to right, that does not overlap the one before and lies in text no
// mention has taken yet (checked as each is reached, so a mention added
// for one occurrence is seen by the next).
func (s *scan) occurrences(word string) iter.Seq2[int, int] {
	return func(yield func(int, int) bool) {
		if !s.mayHave(word) {
			return
		}
		off := 0
		for _, i := range s.at[word] {
			if i < off {
				continue
			}
			j := i + len(word)
			off = j
			if s.free(i, j) && !yield(i, j) {
				return
			}
		}
	}
}

// said are the words of a list that occur in the text, in the list's order
// (rank: each word's place in it): a pass over a long list of words (the
// other calendars' holidays) looks only at those said, found once per text
// (wordsAt), instead of asking for each word of the list.
func (s *scan) said(rank map[string]int) []string {
	var out []string
	for w := range s.at {
		if _, ok := rank[w]; ok {
			out = append(out, w)
		}
	}
	slices.SortFunc(out, func(a, b string) int { return cmp.Compare(rank[a], rank[b]) })
	return out
}

// index is the first place at or after off where word occurs, or -1: the
// words are found once per text, in one pass (wordsAt).
func (s *scan) index(word string, off int) int {
	for _, i := range s.at[word] {
		if i >= off {
			return i
		}
	}
	return -1
}

// wordsAt finds every occurrence of every word of t in text.
func wordsAt(t *wordTrie, text string) map[string][]int {
	at := map[string][]int{}
	for i := 0; i < len(text); {
		if r, sz := utf8.DecodeRuneInString(text[i:]); r < 1<<16 && !t.first.has(r) {
			i += sz // starts no word: most characters of a long text
			continue
		} else if r < 1<<16 && !t.single.has(r) {
			if r2, _ := utf8.DecodeRuneInString(text[i+sz:]); !t.pairs.has(r, r2) {
				i += sz // no word starts with these two characters
				continue
			}
		}
		n := t.root
		for j := i; j < len(text); {
			r, sz := utf8.DecodeRuneInString(text[j:])
			n = n.next[r]
			if n == nil {
				break
			}
			j += sz
			if n.end != "" {
				at[n.end] = append(at[n.end], i)
			}
		}
		_, sz := utf8.DecodeRuneInString(text[i:])
		i += sz
	}
	return at
}

// wordTrie holds every word a Reader looks for.
type wordTrie struct {
	root  *wordNode
	first runeSet // the first characters of its words (of the BMP)
	// single are the characters that are words alone, pairs the first
	// two characters of the others: in a text made of the words' own
	// characters, most start a word but few start one with the next
	single runeSet
	pairs  pairSet
}

// pairSet is a hashed set of pairs of characters (false positives only).
type pairSet [1 << 10]uint64

func pairKey(a, b rune) uint32 { return (uint32(a)*0x9E3779B1 ^ uint32(b)*0x85EBCA77) >> 16 }

func (p *pairSet) add(a, b rune) { k := pairKey(a, b); p[k>>6] |= 1 << (k & 63) }

func (p *pairSet) has(a, b rune) bool { k := pairKey(a, b); return p[k>>6]&(1<<(k&63)) != 0 }

type wordNode struct {
	next map[rune]*wordNode
	end  string
}

func (t *wordTrie) add(w string) {
	if r, sz := utf8.DecodeRuneInString(w); w != "" {
		t.first.add(r)
		if sz == len(w) {
			t.single.add(r)
		} else {
			r2, _ := utf8.DecodeRuneInString(w[sz:])
			t.pairs.add(r, r2)
		}
	}
	n := t.root
	for _, r := range w {
		if n.next == nil {
			n.next = map[rune]*wordNode{}
		}
		c := n.next[r]
		if c == nil {
			c = &wordNode{}
			n.next[r] = c
		}
		n = c
	}
	n.end = w
}

// runeSet is a set of runes of the Basic Multilingual Plane.
type runeSet [1 << 10]uint64

func (s *runeSet) add(r rune) {
	if r < 1<<16 {
		s[r>>6] |= 1 << (r & 63)
	}
}

func (s *runeSet) has(r rune) bool { return r < 1<<16 && s[r>>6]&(1<<(r&63)) != 0 }

// mayHave reports whether word can occur in the text: its first rune does.
func (s *scan) mayHave(word string) bool {
	r, _ := utf8.DecodeRuneInString(word)
	return s.present.has(r)
}

// holds reports whether the text holds word: searched for only when the
// text holds each of its characters (always, when ungated) — a long call
// made of common characters holds the first of most words, and a search
// of it is not cheap.
func (s *scan) holds(word string) bool {
	if !s.ungated {
		for _, r := range word {
			if r < 1<<16 && !s.present.has(r) {
				return false
			}
		}
	}
	return strings.Contains(s.text, word)
}

// find is p's matches that overlap no mention yet (findIn, cut at the
// mentions).
func (s *scan) find(p *pattern) [][]int { return s.findIn(p, s.taken) }

// findOpen is p's matches in the whole text, less some that overlap a
// mention (findIn, not cut): for a reader that drops those.
func (s *scan) findOpen(p *pattern) [][]int { return s.findIn(p, nil) }

func (s *scan) findIn(p *pattern, cut []bool) [][]int {
	if s.ungated || p.whole {
		return p.re.FindAllStringSubmatchIndex(s.text, -1)
	}
	for _, n := range p.needs {
		if !slices.ContainsFunc(n, s.present.has) {
			return nil // a character every match holds one of is not in the text
		}
	}
	if s.chars == nil { // once, when a pattern first walks the text
		s.chars = decode(s.text, make([]runeAt, 0, len(s.text)/2))
	}
	return p.findIn(s.text, s.chars, cut, s.taken)
}

func (s *scan) free(i, j int) bool {
	for k := i; k < j; k++ {
		if s.taken[k] {
			return false
		}
	}
	return true
}

func (s *scan) add(m Mention) {
	for k := m.Start; k < m.End; k++ {
		s.taken[k] = true
	}
	m.Words = s.text[m.Start:m.End]
	s.out = append(s.out, m)
}

func (s *scan) bad(i, j int) { s.add(Mention{Start: i, End: j, Bad: true}) }

// Read returns the days named in text (folded by zh.Script), in order of
// their position, read as said on day today.
func (r *Reader) Read(text string, today calendar.Date) []Mention {
	s := &scan{text: text, taken: make([]bool, len(text)), ungated: r.ungated}
	for _, r := range text {
		s.present.add(r)
	}
	s.at = wordsAt(r.wordIndex, text)
	// Most patterns need a character few questions have: test for it
	// before running them (a long question with no date stays cheap).
	has := func(chars string) bool {
		if s.ungated {
			return true
		}
		for _, c := range chars {
			if s.present.has(c) {
				return true
			}
		}
		return false
	}
	year := 0
	if has("年") {
		year = r.yearContext(s, today)
		r.full(s)
	} else if has("-./") {
		r.full(s)
	}
	if has("/") {
		r.mdy(s)
	}
	if has("月") && has("第") {
		r.ordinalWeekday(s, today)
	}
	r.lunar(s, today, year)
	if has("月/") {
		r.monthDay(s, today, year)
	}
	if has(".．") {
		r.dotDay(s, today, year)
	}
	r.otherFeasts(s, today, year)
	r.festivals(s, today, year)
	if len(r.holidayWords) > 0 {
		r.bareHoliday(s, today)
	}
	r.solarTerms(s, today, year)
	r.months(s, today, year)
	if has("周星礼拜") {
		r.week(s, today)
	}
	if has("天日周星礼拜月") && has("前后下上过") && has("0123456789一二两三四五六七八九十") {
		r.relative(s, today)
	}
	r.words(s, today)
	if has("号日") {
		r.dayOfMonth(s, today)
	}
	r.recent(s, today)
	r.past(s, today)
	if has("周星礼拜") && has("月") {
		r.withWeekday(s, today)
	}
	out := byStart(s.out)
	agree(s.text, out, today)
	return r.listed(s.text, r.between(s.text, r.boundNamed(s.text, monthNamed(s.text, r.seasonNamed(s.text, out))), today))
}

// boundNamed reads a day said with 之前 or 前 right before another day (赶在
// 九月一号之前8月31号, 国庆前9月10号) as one mention of the second: the first
// is only the bound the day asked keeps inside, never the day itself.
func (r *Reader) boundNamed(text string, ms []Mention) []Mention {
	for k := 0; k+1 < len(ms); k++ {
		a, b := ms[k], ms[k+1]
		if a.Bad || b.Bad || a.Weak || b.Weak || a.Before || b.MonthEnd != nil || a.End >= b.Start {
			continue
		}
		if !slices.Contains(r.w.BeforeDay, text[a.End:b.Start]) {
			continue
		}
		b.Start, b.Words = a.Start, text[a.Start:b.End]
		out := append(slices.Clone(ms[:k]), b)
		return append(out, ms[k+2:]...)
	}
	return ms
}

// monthNamed reads a month said right before a day named in it (九月重阳,
// 十月份国庆节) as one mention of that day: the month is only its setting,
// often the lunar one the festival keeps (九月重阳 is 重阳, not 9月1日).
// A day said by number after a month is read with it already (九月十号).
func monthNamed(text string, ms []Mention) []Mention {
	for k := 0; k+1 < len(ms); k++ {
		a, b := ms[k], ms[k+1]
		if a.Bad || b.Bad || a.Weak || b.Weak || a.MonthEnd == nil || a.Stretch || b.MonthEnd != nil || a.End != b.Start {
			continue
		}
		if c, _ := utf8.DecodeRuneInString(b.Words); unicode.IsDigit(c) || zh.IsNumeral(c) {
			continue
		}
		b.Start, b.Words = a.Start, text[a.Start:b.End]
		out := append(slices.Clone(ms[:k]), b)
		return append(out, ms[k+2:]...)
	}
	return ms
}

// between reads two days joined by a word of StretchTo (寒露到霜降, 清明到五一)
// as one stretch from the first to the second, answered as a month is
// (MonthEnd, Stretch); a word of StretchInside after the second (寒露到霜降
// 中间那几天) leaves both ends out. Only a second day after the first, at
// most stretchDays on, is joined: 九月一号到四月三十号 (the ban's own
// period, read across the new year) is left as two days.
func (r *Reader) between(text string, ms []Mention, today calendar.Date) []Mention {
	const stretchDays = 62
	for k := 0; k+1 < len(ms); k++ {
		a, b := ms[k], ms[k+1]
		if a.Bad || b.Bad || a.Weak || b.Weak || a.Past || b.Past || a.Before || b.Before || a.MonthEnd != nil || b.MonthEnd != nil ||
			a.End > b.Start || !slices.Contains(r.w.StretchTo, strings.TrimSpace(text[a.End:b.Start])) ||
			!b.Date.After(a.Date) || b.Date.Sub(a.Date) > stretchDays {
			continue
		}
		from, to, end := a.Date, b.Date, b.End
		for _, w := range r.w.StretchInside {
			if strings.HasPrefix(text[end:], w) {
				from, to, end = from.AddDays(1), to.AddDays(-1), end+len(w)
				break
			}
		}
		// (…中间那几天: the days pointed back to are the stretch's)
		for _, w := range r.w.Recent {
			if strings.HasPrefix(text[end:], w) {
				end += len(w)
				break
			}
		}
		if to.Before(from) || to.Before(today) {
			continue
		}
		m := a
		m.End, m.Words = end, text[a.Start:end]
		m.Date, m.MonthEnd, m.Stretch = from, &to, true
		if m.Date.Before(today) {
			m.Date = today
		}
		m.prev, m.prevEnd, m.Note = calendar.Date{}, nil, ""
		out := append(slices.Clone(ms[:k]), m)
		return append(out, ms[k+2:]...)
	}
	return ms
}

// listed reads days said one after another, joined only by a word of
// DayList (这个礼拜天和下个礼拜一、礼拜二; 礼拜五和礼拜六两天), as one span
// from the first day to the last with Note "days": the caller plans to do
// the act on each, so the answer is the first day's with the day the
// verdict changes inside it said — the last day alone would answer 可以
// for days before it that a rule forbids. Only single days, each after
// the one before and at most listDays after the first, are joined: two
// festivals a season apart (清明和冬至) stay two days.
func (r *Reader) listed(text string, ms []Mention) []Mention {
	const listDays = 13
	single := func(m Mention) bool {
		return !m.Bad && !m.Weak && !m.Past && !m.Before && !m.Custom && !m.Stretch
	}
	for k := 0; k+1 < len(ms); k++ {
		a, b := ms[k], ms[k+1]
		if !single(a) || !single(b) || b.MonthEnd != nil || a.MonthEnd != nil && a.Note != "days" || a.End > b.Start ||
			!slices.Contains(r.w.DayList, strings.TrimSpace(text[a.End:b.Start])) {
			continue
		}
		last := a.Date
		if a.MonthEnd != nil {
			last = *a.MonthEnd
		}
		if !b.Date.After(last) || b.Date.Sub(a.Date) > listDays {
			continue
		}
		m := a
		to := b.Date
		m.End, m.Words = b.End, text[a.Start:b.End]
		m.MonthEnd, m.Note = &to, "days"
		m.prev, m.prevEnd = calendar.Date{}, nil
		out := append(slices.Clone(ms[:k]), m)
		// (…、礼拜二: a third day joins the span the first two made)
		return r.listed(text, append(out, ms[k+2:]...))
	}
	return ms
}

// seasonNamed reads a new-year word read as a day (过年: 春节) said right
// before a day of its season (过年除夕, 过年的腊月二十八) as one mention of
// that day: the day said after it is the one meant, the season only its
// setting.
func (r *Reader) seasonNamed(text string, ms []Mention) []Mention {
	const reach = 15 // days on either side of 春节 the season holds
	var drop []int
	for k := 0; k+1 < len(ms); k++ {
		a, b := ms[k], ms[k+1]
		if a.Bad || b.Bad || a.MonthEnd != nil || b.MonthEnd != nil || a.End > b.Start || !slices.Contains(r.w.NewYearFirst, a.Words) ||
			strings.Trim(text[a.End:b.Start], " 的") != "" || a.Date.Sub(b.Date) > reach || b.Date.Sub(a.Date) > reach {
			continue
		}
		drop = append(drop, k)
	}
	if len(drop) == 0 {
		return ms
	}
	out := make([]Mention, 0, len(ms)-len(drop))
	for k, m := range ms {
		if slices.Contains(drop, k-1) {
			m.Start, m.Words = ms[k-1].Start, text[ms[k-1].Start:m.End] // one mention: 过年除夕
		}
		if !slices.Contains(drop, k) {
			out = append(out, m)
		}
	}
	return out
}

// agree makes two days said one right after the other, only a pause
// between (中秋前两天，9月15号), both read ahead but not as one day, the
// day their occurrences gone by name alike when that one is the nearer:
// the caller said one day twice (said on 9月20日, this year's 中秋 and 9月15号,
// five days gone, not next year's two days). A festival read as today while
// its holiday lasts (十月一号国庆节 said on 10月5日) is no day read ahead.
func agree(text string, ms []Mention, today calendar.Date) {
	plain := func(m Mention) bool {
		return !m.Bad && !m.Weak && !m.Past && !m.Before && m.MonthEnd == nil && m.Date.After(today) && m.prev != (calendar.Date{})
	}
	for k := 1; k < len(ms); k++ {
		a, b := &ms[k-1], &ms[k]
		if !plain(*a) || !plain(*b) || a.End > b.Start || a.Date == b.Date || a.prev != b.prev ||
			strings.TrimFunc(text[a.End:b.Start], func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) }) != "" ||
			today.Sub(a.prev) >= min(a.Date.Sub(today), b.Date.Sub(today)) {
			continue
		}
		a.Date, b.Date = a.prev, a.prev
		a.prev, b.prev = calendar.Date{}, calendar.Date{}
	}
}

// byStart is ms in order of Start, mentions with the same Start in the
// order found (a stable sort): the positions are sorted, not the mentions,
// which are large to move.
func byStart(ms []Mention) []Mention {
	if slices.IsSortedFunc(ms, func(a, b Mention) int { return cmp.Compare(a.Start, b.Start) }) {
		return ms
	}
	order := make([]int32, len(ms))
	for k := range order {
		order[k] = int32(k)
	}
	slices.SortFunc(order, func(a, b int32) int {
		if c := cmp.Compare(ms[a].Start, ms[b].Start); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	out := make([]Mention, len(ms))
	for k, o := range order {
		out[k] = ms[o]
	}
	return out
}

// yearContext reads a year said on its own (2026年的清明, 明年清明): the
// year festivals and month-days without one are read in. It returns 0 when
// none was said; a year alone ("2026年的医保") is a mention of its first day
// (or today, in the current year).
func (r *Reader) yearContext(s *scan, today calendar.Date) int {
	y := 0
	for _, m := range s.findOpen(r.reYear) {
		rest := s.text[m[1]:]
		if startsDigitMonth(rest) { // 2024年10月: a full date, read later
			continue
		}
		n, ok := zh.Number(s.text[m[2]:m[3]])
		if !ok || n < calendar.MinYear || n > calendar.MaxYear {
			continue
		}
		d := calendar.MustDate(int(n), 1, 1)
		if int(n) == today.Year() {
			d = today
		}
		s.add(Mention{Start: m[0], End: m[1], Date: d, Weak: true})
		// 九月一号交2025年的医保, 九月一号交2025年度的居民医保: the year
		// names whose, as 明年的 does below
		if ownerYear(s.text, m[0], m[1]) {
			continue
		}
		y = int(n)
	}
	byWord := false // the year set is the next, said by word (明年)
	said := 0       // years said by word (去年, 今年)
	for _, w := range r.years {
		if !s.mayHave(w) {
			continue
		}
		if i := s.index(w, 0); i >= 0 && s.free(i, i+len(w)) && !r.endsTimeWord(s.text, i, w) && !r.inNotYear(s.text, i, w) {
			if said++; said > 1 && y != today.Year()+r.w.Years[w] {
				// 去年冬天走了，今年是头一年……冬至: a story of several
				// years sets none for the days said in it
				y, byWord = 0, false
				s.add(Mention{Start: i, End: i + len(w), Date: today, Weak: true})
				continue
			}
			yw := today.Year() + r.w.Years[w]
			// 我儿子去年底退伍回来，4月份去交: the year's end said with its
			// year word names that day alone, not the year of days said
			// after; a past one is the story's, and any other day said wins
			if n, ok := r.yearPartAfter(s.text[i+len(w):]); ok {
				s.add(Mention{Start: i, End: i + len(w) + n, Date: calendar.MustDate(yw, 12, 31), Weak: yw < today.Year()})
				continue
			}
			if n, ok := r.sameDay(s.text[i+len(w):]); ok && yw != today.Year() { // 明年的今天
				y = yw
				s.add(Mention{Start: i, End: i + len(w) + n, Date: calendar.MustDate(y, today.Month(), min(today.Day(), daysIn(y, today.Month())))})
				continue
			}
			d := calendar.MustDate(yw, 1, 1)
			if yw == today.Year() {
				d = today
			}
			s.add(Mention{Start: i, End: i + len(w), Date: d, Weak: true})
			// 8月31号交明年的医保: 明年的 names whose (next year's
			// insurance), said after the day; it is not that day's year
			// (nor a month's: 八月份伢子考上大学，现在就交明年的医保)
			if ownerYear(s.text, i, i+len(w)) {
				continue
			}
			y, byWord = yw, r.w.Years[w] == 1
		}
	}
	s.nextByWord = byWord && y != 0
	return y
}

// yearPartAfter reports whether rest opens with a part of the year said
// right after a year word — the whole word (去年年底) or its part after 年,
// the year word's own 年 doing for both (去年底, 今年末) — and its length.
func (r *Reader) yearPartAfter(rest string) (int, bool) {
	for _, p := range r.yearParts {
		if strings.HasPrefix(rest, p) {
			return len(p), true
		}
		if suf, ok := strings.CutPrefix(p, "年"); ok && suf != "" && strings.HasPrefix(rest, suf) {
			return len(suf), true
		}
	}
	return 0, false
}

// ownerYear reports whether the year said at text[i:j] names whose a thing
// is — said right before 的 (or 年度的) after a day (8月31号交明年的医保,
// 前天交的医保是2026年的): not the year of the day said.
func ownerYear(text string, i, j int) bool {
	return strings.HasPrefix(strings.TrimPrefix(text[j:], "度"), "的") && strings.ContainsAny(text[:i], "号日月天")
}

// endsTimeWord reports whether the first character of year word w at byte
// i of text ends a word of after or before that begins before it: 以后年年
// (every year from now on) is 以后 and 年年, not 后年.
func (r *Reader) endsTimeWord(text string, i int, w string) bool {
	_, sz := utf8.DecodeRuneInString(w)
	for _, t := range slices.Concat(r.w.AfterDay, r.w.BeforeDay) {
		if len(t) > sz && strings.HasSuffix(t, w[:sz]) && strings.HasSuffix(text[:i+sz], t) {
			return true
		}
	}
	return false
}

// inNotYear reports whether the year word w at text[i:] is part of a word
// that names no year (年前年后).
func (r *Reader) inNotYear(text string, i int, w string) bool {
	for _, p := range r.w.NotYears {
		if k := strings.Index(p, w); k >= 0 && k <= i && strings.HasPrefix(text[i-k:], p) {
			return true
		}
	}
	return false
}

// yearBefore reads a year said just before byte i of text (2024年, 二〇二五年
// ), returning it and where it starts.
func yearBefore(text string, i int) (year, start int, ok bool) {
	t := strings.TrimRight(text[:i], " ")
	t, ok = strings.CutSuffix(t, "年")
	if !ok {
		return 0, 0, false
	}
	j := len(t)
	for n := 0; n < 4; n++ {
		rr, size := utf8.DecodeLastRuneInString(t[:j])
		if size == 0 || !(rr >= '0' && rr <= '9' || strings.ContainsRune("零〇一二三四五六七八九", rr)) {
			return 0, 0, false
		}
		j -= size
	}
	if rr, _ := utf8.DecodeLastRuneInString(t[:j]); rr >= '0' && rr <= '9' {
		return 0, 0, false // 12024年: no year
	}
	y, ok := zh.Number(t[j:])
	if !ok || y < calendar.MinYear || y > calendar.MaxYear {
		return 0, 0, false
	}
	return int(y), j, true
}

func startsDigitMonth(s string) bool {
	s = strings.TrimLeft(s, " ")
	i := 0
	for i < len(s) {
		rr, n := utf8.DecodeRuneInString(s[i:])
		if !zh.IsNumeral(rr) {
			break
		}
		i += n
	}
	return i > 0 && (strings.HasPrefix(s[i:], "月") || strings.HasPrefix(s[i:], "-") || strings.HasPrefix(s[i:], "/") || strings.HasPrefix(s[i:], "."))
}

// date is calendar.NewDate without the message of its error: the reader
// tries days that do not exist (2月30日, 29 February in four years) at every
// mention, and needs only to know.
func date(y, m, d int) (calendar.Date, bool) {
	if y < calendar.MinYear || y > calendar.MaxYear || m < 1 || m > 12 || d < 1 || d > calendar.DaysIn(y, m) {
		return calendar.Date{}, false
	}
	day, err := calendar.NewDate(y, m, d)
	return day, err == nil
}

func sortedKeys[V any](m map[string]V) []string {
	ks := slices.Sorted(maps.Keys(m))
	sort.Slice(ks, func(i, j int) bool {
		if len(ks[i]) != len(ks[j]) {
			return len(ks[i]) > len(ks[j])
		}
		return ks[i] < ks[j]
	})
	return ks
}

func (r *Reader) full(s *scan) {
	for _, m := range s.find(r.reYMD) {
		if !s.free(m[0], m[1]) {
			continue
		}
		y, ok1 := zh.Number(s.text[m[2]:m[3]])
		mo, ok2 := zh.Number(s.text[m[4]:m[5]])
		d, ok3 := zh.Number(s.text[m[6]:m[7]])
		day, ok := date(int(y), int(mo), int(d))
		if !ok || !ok1 || !ok2 || !ok3 {
			s.bad(m[0], m[1])
			continue
		}
		s.add(Mention{Start: m[0], End: m[1], Date: day})
	}
}

// mdy reads 3/3/2015, 10/31/74: month first, as written in English.
func (r *Reader) mdy(s *scan) {
	for _, m := range s.find(r.reMDY) {
		if !s.free(m[0], m[1]) {
			continue
		}
		mo, _ := strconv.Atoi(s.text[m[2]:m[3]])
		d, _ := strconv.Atoi(s.text[m[4]:m[5]])
		y, _ := strconv.Atoi(s.text[m[6]:m[7]])
		if m[7]-m[6] == 2 { // 74 → 1974, 15 → 2015: the nearer century
			if y > 50 {
				y += 1900
			} else {
				y += 2000
			}
		}
		day, ok := date(y, mo, d)
		if !ok {
			s.bad(m[0], m[1])
			continue
		}
		s.add(Mention{Start: m[0], End: m[1], Date: day})
	}
}

// ordinalWeekday reads 十月第一个星期一.
func (r *Reader) ordinalWeekday(s *scan, today calendar.Date) {
	for _, m := range s.find(r.reOrdWeek) {
		if !s.free(m[0], m[1]) {
			continue
		}
		mo, ok1 := zh.Number(s.text[m[2]:m[3]])
		n, ok2 := zh.Number(s.text[m[4]:m[5]])
		want := r.w.Weekdays[s.text[m[6]:m[7]]]
		if !ok1 || !ok2 || mo < 1 || mo > 12 || n < 1 || n > 5 {
			s.bad(m[0], m[1])
			continue
		}
		y := today.Year()
		if int(mo) < today.Month() {
			y++
		}
		first := calendar.MustDate(y, int(mo), 1)
		d := first.AddDays((want-isoWeekday(first)+7)%7 + 7*(int(n)-1))
		if d.Month() != int(mo) {
			s.bad(m[0], m[1])
			continue
		}
		s.add(Mention{Start: m[0], End: m[1], Date: d})
	}
}

func isoWeekday(d calendar.Date) int {
	w := int(d.Weekday())
	if w == 0 {
		return 7
	}
	return w
}

// upcoming picks the first candidate on or after today.
func upcoming(cands []calendar.Date, today calendar.Date) (calendar.Date, bool) {
	sort.Slice(cands, func(i, j int) bool { return cands[i].Before(cands[j]) })
	for _, d := range cands {
		if !d.Before(today) {
			return d, true
		}
	}
	return calendar.Date{}, false
}

func (r *Reader) lunar(s *scan, today calendar.Date, year int) {
	var all [][]int
	for _, p := range r.w.Lunar {
		if s.ungated || s.holds(p) {
			all = s.find(r.reLunar)
			break
		}
	}
	// the days without 农历 (腊月初八) are matches on the text the ones with
	// it (农历九月初六) found free, as each is: those cut where they are
	// not taken by these
	second := s.ungated || s.present.has('月') && (s.present.has('正') || s.present.has('冬') || s.present.has('腊') || s.present.has('初') || s.present.has('廿') || s.present.has('半'))
	var cut []bool
	if second && len(all) > 0 {
		cut = slices.Clone(s.taken)
	}
	for k := 0; k < len(all) || second; k++ {
		if k == len(all) {
			second = false
			if cut == nil {
				all = append(all, s.find(r.reLunar2)...)
			} else {
				all = append(all, s.findIn(r.reLunar2, cut)...)
			}
			if k == len(all) {
				break
			}
		}
		m := all[k]
		if !s.free(m[0], m[1]) {
			continue
		}
		l, err := calendar.ParseLunarDate(halfMonth(s.text[m[4]:m[5]]))
		if err != nil {
			s.bad(m[0], m[1])
			continue
		}
		if m[2] >= 0 && m[3] > m[2] {
			l.Year, _ = strconv.Atoi(s.text[m[2]:m[3]])
		}
		if mn, ok := r.someDays(s, m[0], m[1], l, today, year); ok {
			s.add(mn)
			continue
		}
		if d0, ok := s.lunarDay(r, l, today, year); ok {
			// 农历九月初六前一天, 腊月二十三后第二天
			d, end := r.dayMod(s, m[1], d0)
			mn := Mention{Start: m[0], End: end, Date: d}
			if year == 0 && l.Year == 0 {
				// the one before, for an act told as done (正月初一放了
				// 鞭炮 said a week after it)
				if pd, ok := r.lunarDay(l, d0.AddDays(-390), 0); ok {
					if pm, _ := r.dayMod(s, m[1], pd); pm.Before(today) {
						mn.prev = pm
					}
				}
			}
			s.add(mn)
		} else {
			s.bad(m[0], m[1])
		}
	}
	if !s.ungated && !s.holds("大年") {
		goto named
	}
	for _, m := range s.find(r.reNewYear) {
		if !s.free(m[0], m[1]) {
			continue
		}
		l, err := calendar.ParseLunarDate("正月" + s.text[m[2]:m[3]])
		if err != nil {
			continue
		}
		if d0, ok := s.lunarDay(r, l, today, year); ok {
			// 大年初一的前一天 is 除夕
			d, end := r.dayMod(s, m[1], d0)
			mn := Mention{Start: m[0], End: end, Date: d}
			if year == 0 {
				// the one before, for an act told as done (大年初一在山上
				// 放了鞭子 said a week after it), as 正月初一's
				if pd, ok := r.lunarDay(l, d0.AddDays(-390), 0); ok {
					if pm, _ := r.dayMod(s, m[1], pd); pm.Before(today) {
						mn.prev = pm
					}
				}
			}
			s.add(mn)
		}
	}
named:
	for _, w := range r.lunarDays {
		for i := range s.occurrences(w) {
			// 两年后, 3年后: a count of years, not 年后
			if p, _ := utf8.DecodeLastRuneInString(s.text[:i]); isNumeral(p) {
				continue
			}
			// 三月三号, 三月三十: a solar date or a longer number, not 三月三
			if last, _ := utf8.DecodeLastRuneInString(w); isNumeral(last) {
				if next, _ := utf8.DecodeRuneInString(s.text[i+len(w):]); isNumeral(next) || strings.ContainsRune("号日点點时時", next) {
					continue
				}
			}
			ld := r.w.LunarDays[w]
			// 腊月二十三小年送灶: a name said right after the day it
			// names to the caller is that day, whatever the custom
			if r.apposition(s, i+len(w)) {
				continue
			}
			// 过完年初八, 年后正月初六: the day said after it is the one
			if ld.Since > 0 && r.startsLunar(s.text[i+len(w):]) {
				continue
			}
			if ld.HolidayAfter && year == 0 {
				if d, ok := r.holidayAfter(ld.Date, today.AddDays(-ld.Since), today); ok {
					s.add(Mention{Start: i, End: i + len(w), Date: d, Note: ld.Note})
					continue
				}
			}
			if ld.Since > 0 && year == 0 {
				if past, ok := r.lunarDay(ld.Date, today.AddDays(-ld.Since), 0); ok && !past.After(today) {
					s.add(Mention{Start: i, End: i + len(w), Date: today, Note: ld.Note})
					continue
				}
			}
			if d, ok := s.lunarDay(r, ld.Date, today, year); ok {
				mn := Mention{Start: i, End: i + len(w), Date: d, Note: ld.Note}
				if year == 0 {
					// the one before (a lunar year is 354 to 384 days):
					// for 小年那天 said a few days after it
					if pd, ok := r.lunarDay(ld.Date, d.AddDays(-390), 0); ok && pd.Before(today) {
						mn.prev = pd
					}
				}
				s.add(mn)
			}
		}
	}
	if s.ungated || s.present.has('初') {
		r.monthLunar(s, today)
		r.bareLunar(s, today)
	}
}

// someDays reads lunar day l of tens said at text[i:j] with a word of
// SomeDays after it (腊月二十几): the days from the one after l to the ninth,
// in the occurrence whose last day is still to come — today when they
// run now (腊月二十几 said on 腊月廿一), else the first of them.
func (r *Reader) someDays(s *scan, i, j int, l calendar.LunarDate, today calendar.Date, year int) (Mention, bool) {
	if l.Day < 10 || l.Day%10 != 0 || l.Day > 20 {
		return Mention{}, false
	}
	n := 0
	for _, w := range r.w.SomeDays {
		if strings.HasPrefix(s.text[j:], w) {
			n = len(w)
		}
	}
	if n == 0 {
		return Mention{}, false
	}
	last := l
	last.Day = l.Day + 9
	end, ok := s.lunarDay(r, last, today, year)
	if !ok {
		return Mention{}, false
	}
	d := end.AddDays(-8)
	if today.After(d) && !today.After(end) {
		d = today
	}
	return Mention{Start: i, End: j + n, Date: d}, true
}

// apposition reports whether a day was read ending where named days begin
// that run up to j (腊月二十三小年送灶, 腊月二十三过小年): each is then the
// caller's name for the day said, not a day of its own.
func (r *Reader) apposition(s *scan, j int) bool {
	for _, m := range s.out {
		if m.Bad || m.Weak || m.Past || m.End >= j {
			continue
		}
		between := s.text[m.End:j]
		for between != "" {
			k := 0
			for _, w := range r.lunarDays {
				if len(w) > k && strings.HasPrefix(between, w) {
					k = len(w)
				}
			}
			if k == 0 {
				break
			}
			between = between[k:]
		}
		if between == "" {
			return true
		}
	}
	return false
}

// startsLunar: rest begins, after spaces, with a lunar day (初八, 正月初六).
func (r *Reader) startsLunar(rest string) bool {
	rest = strings.TrimLeft(rest, " ")
	for _, p := range []*pattern{r.reBareLunar, r.reLunar2} {
		if p == nil {
			continue
		}
		if loc := p.re.FindStringIndex(rest); loc != nil && loc[0] == 0 {
			return true
		}
	}
	return false
}

// monthLunar reads 初一 … 初十 said after a month word (下个月初三) as that
// day of the lunar month the word counts to from the day of the call:
// 下个月 said in 冬月 is 腊月. 初N names a lunar day (a solar day is said
// N号), so 下个月初三 is not 月初 and a stray 三.
func (r *Reader) monthLunar(s *scan, today calendar.Date) {
	for _, m := range s.findOpen(r.reMonthLunar) {
		if !s.free(m[0], m[1]) {
			continue
		}
		n, ok := zh.Number(s.text[m[4]:m[5]])
		start, ok2 := r.lunarMonthStart(today)
		if !ok || !ok2 || n < 1 || n > 10 {
			continue
		}
		for k := r.w.Months[s.text[m[2]:m[3]]]; k != 0 && ok2; {
			if k > 0 {
				start, k = r.nextLunarMonth(start), k-1
			} else {
				start, ok2 = r.lunarMonthStart(start.AddDays(-1))
				k++
			}
		}
		if ok2 {
			s.add(Mention{Start: m[0], End: m[1], Date: start.AddDays(int(n) - 1), Note: r.w.LunarFirstNote})
		}
	}
}

// lunarMonth is lunar month mo said alone at i..j: of the lunar year said
// (2026年正月 is the 正月 of the lunar year 2026, 去年腊月 said in 2025 the
// 腊月 of 2024 — which ends in January 2025), else the one it is while it
// lasts, else the next; answered for its first day, or today within it,
// with its last day as MonthEnd.
func (r *Reader) lunarMonth(i, j, mo int, today calendar.Date, year int) (Mention, bool) {
	var start calendar.Date
	if year != 0 {
		d, err := r.cal.FromLunar(calendar.LunarDate{Year: year, Month: mo, Day: 1})
		if err != nil {
			return Mention{}, false
		}
		start = d
	} else if l, err := r.cal.Lunar(today); err == nil && l.Month == mo && !l.Leap {
		start = today.AddDays(1 - l.Day)
	} else {
		d, ok := r.lunarDay(calendar.LunarDate{Month: mo, Day: 1}, today, 0)
		if !ok {
			return Mention{}, false
		}
		start = d
	}
	last := r.nextLunarMonth(start).AddDays(-1)
	day := start
	if start.Before(today) && !last.Before(today) {
		day = today
	}
	return Mention{Start: i, End: j, Date: day, Note: "month", MonthEnd: &last}, true
}

// lunarMonthStart is the first day (初一) of the lunar month d is in.
func (r *Reader) lunarMonthStart(d calendar.Date) (calendar.Date, bool) {
	l, err := r.cal.Lunar(d)
	if err != nil {
		return calendar.Date{}, false
	}
	return d.AddDays(1 - l.Day), true
}

// nextLunarMonth is the first day of the lunar month after the one that
// begins on start (29 or 30 days on; a leap month counts as a month).
func (r *Reader) nextLunarMonth(start calendar.Date) calendar.Date {
	if l, err := r.cal.Lunar(start.AddDays(29)); err == nil && l.Day == 1 {
		return start.AddDays(29)
	}
	return start.AddDays(30)
}

// bareLunar reads a lunar day said without its month (初二去拜年, 初八):
// the next day of that number in the lunar calendar, today included. Said
// right after a month word (月初) or a year (大年) it is not bare.
func (r *Reader) bareLunar(s *scan, today calendar.Date) {
	for _, m := range s.findOpen(r.reBareLunar) {
		pre := s.text[:m[0]]
		// 过完年初八 is 正月初八: the new year said as past, not 年初 (a year's start)
		from, afterNewYear := r.newYearBefore(pre)
		if !s.free(m[0], m[1]) || strings.HasSuffix(pre, "月") || strings.HasSuffix(pre, "年") && !afterNewYear {
			continue
		}
		n, ok := zh.Number(s.text[m[2]:m[3]])
		if !ok {
			continue
		}
		if afterNewYear {
			if d, ok := s.lunarDay(r, calendar.LunarDate{Month: 1, Day: int(n)}, today, 0); ok {
				if !s.free(from, m[0]) {
					from = m[0] // the new-year word read as a day of its own (过年: 春节)
				}
				mn := Mention{Start: from, End: m[1], Date: d}
				// the one a lunar year before, for 那天 said just after it
				if pd, ok := r.lunarDay(calendar.LunarDate{Month: 1, Day: int(n)}, d.AddDays(-390), 0); ok && pd.Before(today) {
					mn.prev = pd
				}
				s.add(mn)
			}
			continue
		}
		for d, k := today, 0; k < 31; d, k = d.AddDays(1), k+1 {
			if l, err := r.cal.Lunar(d); err == nil && l.Day == int(n) {
				s.add(Mention{Start: m[0], End: m[1], Date: d, prev: r.lunarBefore(today, int(n))})
				break
			}
		}
	}
}

// lunarBefore is the last day before today whose lunar day is n, within a
// month back (the occurrence just gone of a bare 初十); zero if none.
func (r *Reader) lunarBefore(today calendar.Date, n int) calendar.Date {
	for d, k := today.AddDays(-1), 0; k < 30; d, k = d.AddDays(-1), k+1 {
		if l, err := r.cal.Lunar(d); err == nil && l.Day == n {
			return d
		}
	}
	return calendar.Date{}
}

// newYearBefore reports whether pre ends with a word for the new year
// (NewYearFirst), spaces or 的 after it (过年的初二), and where it starts.
// A count of years is no new year (两年后初六).
func (r *Reader) newYearBefore(pre string) (int, bool) {
	t := strings.TrimRight(pre, " 的")
	for _, w := range r.w.NewYearFirst {
		if !strings.HasSuffix(t, w) {
			continue
		}
		if p, _ := utf8.DecodeLastRuneInString(t[:len(t)-len(w)]); isNumeral(p) {
			continue
		}
		return len(t) - len(w), true
	}
	return 0, false
}

// lunarDay resolves a lunar date: in its own year if written, else in the
// year said, else its next occurrence.
func (r *Reader) lunarDay(l calendar.LunarDate, today calendar.Date, year int) (calendar.Date, bool) {
	if l.Year != 0 {
		d, err := r.cal.FromLunar(l)
		return d, err == nil
	}
	if year != 0 {
		ds, _ := r.cal.LunarInYear(l, year)
		if len(ds) > 0 {
			return ds[0], true
		}
		return calendar.Date{}, false
	}
	var cands []calendar.Date
	for y := today.Year() - 1; y <= today.Year()+2; y++ {
		ds, _ := r.cal.LunarInYear(l, y)
		cands = append(cands, ds...)
	}
	return upcoming(cands, today)
}

func (r *Reader) monthDay(s *scan, today calendar.Date, year int) {
	for _, m := range s.find(r.reMD) {
		if !s.free(m[0], m[1]) {
			continue
		}
		// 八月十五, 七月十五 said bare are the festivals (中秋, 中元), read
		// by festivals; 八月十五号 is a solar day
		if w := strings.TrimSpace(s.text[m[0]:m[1]]); slices.ContainsFunc(r.fest, func(f festWord) bool { return f.word == w }) {
			continue
		}
		// 7月 一般区, 5月 一把火烧掉: a pause after the month, then a
		// numeral that begins a word, is the month alone (read by months)
		if strings.TrimSpace(s.text[m[3]:m[4]]) != s.text[m[3]:m[4]] && strings.TrimSpace(s.text[m[5]:m[1]]) == "" {
			if c, _ := utf8.DecodeRuneInString(s.text[m[5]:]); unicode.Is(unicode.Han, c) && !zh.IsNumeral(c) {
				continue
			}
		}
		mo, ok1 := zh.Number(s.text[m[2]:m[3]])
		d, ok2 := zh.Number(s.text[m[4]:m[5]])
		if !ok1 || !ok2 || mo < 1 || mo > 12 {
			if strings.Contains(s.text[m[0]:m[1]], "/") {
				continue // not a date: a fraction, a path
			}
			s.bad(m[0], m[1])
			continue
		}
		if day, ok := s.yearless(r, int(mo), int(d), today, year); ok {
			mn := Mention{Start: m[0], End: m[1], Date: day}
			if year == 0 {
				mn.prev, _ = date(day.Year()-1, int(mo), int(d))
			}
			s.add(mn)
		} else {
			s.bad(m[0], m[1])
		}
	}
}

// dotDay reads a month and day said with a dot (10.23, 11.23号克山上):
// not a number with a unit after it (1.5公里) or inside a longer number
// (2024.10.23 is read whole by full, 3.14159 is none).
func (r *Reader) dotDay(s *scan, today calendar.Date, year int) {
	for _, m := range s.find(r.reDotMD) {
		if !s.free(m[0], m[1]) {
			continue
		}
		before, after := s.text[:m[0]], strings.TrimLeft(s.text[m[1]:], " ")
		if strings.HasSuffix(before, ".") || strings.HasSuffix(before, "．") || len(before) > 0 && isDigit(before[len(before)-1]) ||
			len(after) > 0 && (isDigit(after[0]) || after[0] == '.') {
			continue
		}
		if m[6] == m[7] && slices.ContainsFunc(r.w.DotNotBefore, func(u string) bool { return strings.HasPrefix(after, u) }) {
			continue
		}
		mo, ok1 := zh.Number(s.text[m[2]:m[3]])
		d, ok2 := zh.Number(s.text[m[4]:m[5]])
		if !ok1 || !ok2 || mo < 1 || mo > 12 || d < 1 {
			continue
		}
		if day, ok := r.yearless(int(mo), int(d), today, year); ok {
			mn := Mention{Start: m[0], End: m[1], Date: day}
			if year == 0 {
				mn.prev, _ = calendar.NewDate(day.Year()-1, int(mo), int(d))
			}
			s.add(mn)
		}
	}
}

func isDigit(b byte) bool { return '0' <= b && b <= '9' }

// isNumeral: r is a digit or a Chinese numeral (两年后 counts years).
func isNumeral(r rune) bool {
	return '0' <= r && r <= '9' || '０' <= r && r <= '９' || strings.ContainsRune("零〇一二两三四五六七八九十百几", r)
}

// solarTerms reads a solar term's name as its day (霜降那天, 寒露以后,
// 茶籽 霜降 摘得不): today when it is today, else its next day, or its day
// in the year said. Only when a word of TermAfter, a pause or the end of
// the call follows it: a name inside a longer word is not a day (寒露籽 is
// a variety, 下大雪 snow).
func (r *Reader) solarTerms(s *scan, today calendar.Date, year int) {
	for _, t := range r.terms {
		name, word := t, r.termOf[t]
		if word.Term != "" {
			name = word.Term // 开春 → 立春
		}
		for i, j := range s.occurrences(t) {
			if !s.free(i, j) {
				continue
			}
			rest := s.text[j:]
			if word.Term != "" {
				// an everyday word is no variety's name (开春了): a day
				// whatever follows
				rest = ""
			}
			// 今年寒露, 明年霜降, 2025年寒露: said after a year it is that year's day
			// whatever follows (今年寒露摘茶籽)
			// and after 过了 (过了寒露摘茶籽: from the day after it)
			before := strings.TrimRight(s.text[:i], " ")
			afterYear := (strings.HasSuffix(before, "年") || slices.ContainsFunc(r.w.Past, func(w string) bool { return strings.HasSuffix(before, w) }) ||
				slices.ContainsFunc(r.w.TermLead, func(w string) bool { return strings.HasSuffix(before, w) }) &&
					!slices.ContainsFunc(r.w.TermWait, func(w string) bool { return strings.HasPrefix(rest, w) })) &&
				!slices.ContainsFunc(r.w.TermWord, func(w string) bool { return strings.HasPrefix(rest, w) })
			if rest != "" && !afterYear && !slices.ContainsFunc(r.w.TermAfter, func(w string) bool { return strings.HasPrefix(rest, w) }) {
				if c, _ := utf8.DecodeRuneInString(rest); !unicode.IsSpace(c) && !unicode.IsPunct(c) {
					continue
				}
			}
			var day calendar.Date
			// 霜降以后 said after this year's 霜降: the time after it is now
			// (霜降以后, 霜降过了 said after this year's: the term has come, the
			// time after it is now — not next year's)
			// (not 霜降后第三天: a count from the day, read below)
			after := slices.ContainsFunc(r.w.Since, func(w string) bool { return strings.HasPrefix(rest, w) }) &&
				!slices.ContainsFunc(r.w.After, func(w string) bool { return strings.HasPrefix(rest, w) })
			come := 0
			for _, w := range r.w.TermCome {
				if strings.HasPrefix(rest, w) {
					come = len(w)
				}
			}
			// 开春 said in February: the spring has come, the time after
			// 立春 is now (a term day's Since), not next year's
			if d, err := r.cal.SolarTerm(name, today.Year()); word.Since > 0 && year == 0 && err == nil && !d.After(today) && today.Sub(d) <= word.Since {
				s.add(Mention{Start: i, End: j, Date: today})
				continue
			}
			if d, err := r.cal.SolarTerm(name, today.Year()); (after || come > 0) && year == 0 && err == nil && !d.After(today) {
				s.add(Mention{Start: i, End: j + come, Date: today})
				continue
			}
			if year != 0 {
				d, err := r.cal.SolarTerm(name, year)
				if err != nil {
					continue
				}
				day = d
			} else {
				// the next day said: 立冬后第六天 said after this year's
				// 立冬 but before the sixth day after it is that day,
				// counted from this year's 立冬
				found := false
				for y := today.Year() - 1; y <= today.Year()+1 && !found; y++ {
					if d, err := r.cal.SolarTerm(name, y); err == nil {
						if md, _ := r.dayMod(s, j, d); !md.Before(today) {
							day, found = d, true
						}
					}
				}
				if !found {
					continue
				}
			}
			mn := Mention{Start: i, End: j, Date: day, Note: word.Note, term: true}
			if year == 0 {
				// the year before's, for 寒露一过 said after it
				mn.prev, _ = r.cal.SolarTerm(name, day.Year()-1)
			}
			// 寒露前一天, 霜降后第三天
			mn.Date, mn.End = r.dayMod(s, j, day)
			if mn.End != j && mn.prev != (calendar.Date{}) {
				// counted from the year before's, for an act told as
				// done (霜降后第三天摘了 said in November)
				if pm, _ := r.dayMod(s, j, mn.prev); pm.Before(today) {
					mn.prev = pm
				} else {
					mn.prev = calendar.Date{}
				}
			}
			s.add(mn)
		}
	}
}

// dayMod reads 前一天, 前N天 or 后第N天 said right after a day named at the byte
// offset j (a solar term, a fixed day of the year): the day it moves to
// and where the words end. Without them it is day and j.
func (r *Reader) dayMod(s *scan, j int, day calendar.Date) (calendar.Date, int) {
	// 寒露前三天, 寒露前一个星期: that many days before, as after a
	// festival, in the unit said
	if r.reFestBefore != nil {
		if m := r.reFestBefore.re.FindStringSubmatchIndex(s.text[j:]); m != nil && s.free(j, j+m[1]) {
			unit := max(r.w.CountUnits[s.text[j+m[4]:j+m[5]]], 1)
			if n, ok := zh.Number(s.text[j+m[2] : j+m[3]]); ok && n >= 1 && n*float64(unit) <= 31 {
				return day.AddDays(-int(n) * unit), j + m[1]
			}
		}
	}
	// 寒露过了三天, 五一后一个礼拜: that many days after
	if r.reFestAfter != nil {
		if m := r.reFestAfter.re.FindStringSubmatchIndex(s.text[j:]); m != nil && s.free(j, j+m[1]) {
			unit := max(r.w.CountUnits[s.text[j+m[4]:j+m[5]]], 1)
			if n, ok := zh.Number(s.text[j+m[2] : j+m[3]]); ok && n >= 1 && n*float64(unit) <= 31 {
				return day.AddDays(int(n) * unit), j + m[1]
			}
		}
	}
	m := r.reFestMod.re.FindStringSubmatchIndex(s.text[j:])
	if m == nil || !s.free(j, j+m[1]) {
		return day, j
	}
	if m[2] < 0 {
		return day.AddDays(-1), j + m[1]
	}
	n, ok := zh.Number(s.text[j+m[2] : j+m[3]])
	if !ok {
		return day, j
	}
	return day.AddDays(int(n)), j + m[1]
}

// yearless resolves a month and day: in the year said, else the next
// occurrence.
func (r *Reader) yearless(mo, d int, today calendar.Date, year int) (calendar.Date, bool) {
	if year != 0 {
		return date(year, mo, d)
	}
	var cands []calendar.Date
	for y := today.Year(); y <= today.Year()+4; y++ {
		if day, ok := date(y, mo, d); ok {
			cands = append(cands, day)
		}
	}
	return upcoming(cands, today)
}

// festivals reads festival names, with 节后第N天, 节前一天 after them, and the
// fixed days of the year (劳动节).
func (r *Reader) festivals(s *scan, today calendar.Date, year int) {
	for _, f := range r.fest {
		for off := 0; s.mayHave(f.word); {
			i := s.index(f.word, off)
			if i < 0 {
				break
			}
			j := i + len(f.word)
			off = j
			if !s.free(i, j) || numeralName(f.word) && strings.ContainsAny(firstRune(s.text[j:]), "月号日点點时時") {
				continue // 十一月 is a month, 十一点 a time, not 国庆
			}
			if r.inGregorian(s.text, i, j) {
				continue // 双十一 is 11月11日, not 国庆 with 双 before it
			}
			if alts := r.w.EitherFestivals[f.word]; len(alts) > 0 {
				f.name = s.soonestFestival(r, alts, today, year)
			}
			d, block, ok := s.festivalDay(r, f.name, today, year)
			if !ok {
				continue
			}
			fday := func() calendar.Date {
				if fd, err := r.cal.Festival(f.name, d.Year()); err == nil {
					return fd
				}
				return d
			}
			// 国庆节第三天, 春节第二天: the festival's days counted from
			// its own day (正月初一 for 春节, not the holiday's first)
			if m := r.reFeastDay.re.FindStringSubmatchIndex(s.text[j:]); m != nil {
				if n, ok := zh.Number(s.text[j+m[2] : j+m[3]]); ok && n >= 1 && n <= 31 {
					s.add(Mention{Start: i, End: j + m[1], Date: fday().AddDays(int(n) - 1)})
					continue
				}
			}
			// 清明假期第二天: the holiday's days, from its first
			if r.reHolidayDay != nil {
				if m := r.reHolidayDay.re.FindStringSubmatchIndex(s.text[j:]); m != nil {
					n, ok := zh.Number(s.text[j+m[2] : j+m[3]])
					if b, err := r.cal.HolidayPeriod(f.name, fday().Year()); ok && err == nil && n >= 1 && !b.From.AddDays(int(n)-1).After(b.To) {
						s.add(Mention{Start: i, End: j + m[1], Date: b.From.AddDays(int(n) - 1)})
						continue
					}
				}
			}
			// 清明前三天: that many days before the festival's day
			if r.reFestBefore != nil {
				if m := r.reFestBefore.re.FindStringSubmatchIndex(s.text[j:]); m != nil {
					unit := max(r.w.CountUnits[s.text[j+m[4]:j+m[5]]], 1)
					if n, ok := zh.Number(s.text[j+m[2] : j+m[3]]); ok && n >= 1 && n*float64(unit) <= 31 {
						mn := Mention{Start: i, End: j + m[1], Date: fday().AddDays(-int(n) * unit)}
						if year == 0 {
							// the year before's, for an act told as done
							// (清明前三天在坟山上烧了纸 said after 清明)
							if pd, _, ok := r.festivalAt(f.name, d.Year()-1); ok && pd.AddDays(-int(n)*unit).Before(today) {
								mn.prev = pd.AddDays(-int(n) * unit)
							}
						}
						s.add(mn)
						continue
					}
				}
			}
			// 中秋后一个礼拜, 清明过了十天: that many days after, counted as
			// 节后第N天 is — from the holiday's last day, a solar term said by
			// its name from its own day
			if r.reFestAfter != nil {
				if m := r.reFestAfter.re.FindStringSubmatchIndex(s.text[j:]); m != nil {
					unit := max(r.w.CountUnits[s.text[j+m[4]:j+m[5]]], 1)
					if n, ok := zh.Number(s.text[j+m[2] : j+m[3]]); ok && n >= 1 && n*float64(unit) <= 31 {
						from := func(d, end calendar.Date) calendar.Date {
							if slices.Contains(calendar.TermNames(), f.word) {
								return d
							}
							return end
						}
						mn := Mention{Start: i, End: j + m[1], Date: from(d, block).AddDays(int(n) * unit)}
						if year == 0 {
							// this year's gone by (the festival's, with the
							// count still to come, or for an act told as done)
							if pd, end, ok := r.festivalAt(f.name, d.Year()-1); ok {
								if pm := from(pd, end).AddDays(int(n) * unit); !pm.Before(today) {
									mn.Date = pm
								} else {
									mn.prev = pm
									// (清明过了一个礼拜去上坟 said a day past
									// that week: the count, said loosely, of
									// the one just lived — the call's day,
									// as 过了15号 said on the 20th)
									if today.Sub(pm) <= r.w.RecentDays {
										mn.Passed, mn.Date, mn.Note = pm, today, r.w.PastNote
									}
								}
							}
						}
						s.add(mn)
						continue
					}
				}
			}
			// 国庆放完假了, 国庆收假以后: the days after the named
			// festival's holiday, not the holiday nearest the call
			if k := r.holidayAfterNamed(s.text[j:]); k > 0 {
				s.add(r.afterHoliday(f.name, i, j+k, block, today, year))
				continue
			}
			// 国庆节后第三天, 春节前一天
			mod := 0 // the count moved by: -1 the day before, n the nth after
			if m := r.reFestMod.re.FindStringSubmatchIndex(s.text[j:]); m != nil {
				if m[2] >= 0 {
					n, ok := zh.Number(s.text[j+m[2] : j+m[3]])
					if ok {
						mod = int(n)
						// 国庆节后第三天 counts from the holiday's last day;
						// a solar term said by its name (清明后第三天, as
						// 寒露后第三天) from its own day — 清明节后 names
						// the holiday
						from := func(d, end calendar.Date) calendar.Date {
							if slices.Contains(calendar.TermNames(), f.word) {
								return d
							}
							return end
						}
						d = from(d, block).AddDays(int(n))
						// 端午节后第十六天 said after this year's 端午 but
						// before the day counted: from this year's
						if year == 0 {
							if pd, end, ok := r.festivalAt(f.name, d.Year()-1); ok && !from(pd, end).AddDays(int(n)).Before(today) {
								d = from(pd, end).AddDays(int(n))
							}
						}
					}
				} else {
					if fd, err := r.cal.Festival(f.name, d.Year()); err == nil {
						d = fd
					}
					d = d.AddDays(-1)
					mod = -1
				}
				j += m[1]
			}
			mn := Mention{Start: i, End: j, Date: d, Custom: f.custom}
			if year != 0 && j == i+len(f.word) {
				// 今年三十晚上 said in December: this lunar year's, in the
				// next Gregorian year; the Gregorian year's, gone by, for
				// an act told as done
				if nd, ok := r.lunarYears(f.name, d, today, year); ok {
					mn.Date, mn.prev = nd, d
				}
			}
			if year == 0 && j == i+len(f.word) {
				// the year before's, for 端午过后 said a few days after it
				if pd, _, ok := r.festivalAt(f.name, d.Year()-1); ok && pd.Before(today) {
					mn.prev = pd
				}
				// 国庆那天放了烟花 said on 10月3日: read as today, a day of
				// its holiday still running, the festival's own day gone by
				// this year is the one an act told done was done on
				if fd := fday(); fd.Before(today) && fd.Before(d) {
					mn.prev = fd
				}
			} else if year == 0 && mod != 0 {
				// moved by a count (霜降后第三天, 春节前一天): the year
				// before's moved alike, for an act told as done
				if pd, end, ok := r.festivalAt(f.name, d.Year()-1); ok {
					pm := pd.AddDays(-1)
					if mod > 0 {
						pm = end.AddDays(mod)
						if slices.Contains(calendar.TermNames(), f.word) {
							pm = pd.AddDays(mod)
						}
					}
					if pm.Before(today) && pm.Before(d) {
						mn.prev = pm
					}
				}
			}
			s.add(mn)
		}
	}
	for _, w := range r.gregorian {
		if !s.mayHave(w) {
			continue
		}
		if i := s.index(w, 0); i >= 0 && s.free(i, i+len(w)) {
			var mo, d int
			if _, err := fmt.Sscanf(r.w.Gregorian[w], "%d-%d", &mo, &d); err != nil {
				continue
			}
			if day, ok := s.yearless(r, mo, d, today, year); ok {
				// 劳动节前一天, 五一后第三天: counted from the day itself
				md, j := r.dayMod(s, i+len(w), day)
				mn := Mention{Start: i, End: j, Date: md}
				if held, ok := r.heldToday(mo, d, today); ok && year == 0 && j == i+len(w) {
					// 五一 said on 5月3日, inside the holiday the day begins:
					// today, as a holiday name is while it lasts; the day
					// itself, gone by, for an act told as done
					mn.Date, mn.prev = today, held
				} else if year == 0 {
					// the year before's, for an act told as done (五一在
					// 后山烧了荒 said a week after it)
					if pd, ok := date(day.Year()-1, mo, d); ok {
						if pm, _ := r.dayMod(s, i+len(w), pd); pm.Before(today) {
							mn.prev = pm
						} else if j > i+len(w) {
							// 五一后第三天 said on 5月3日: counted from this
							// year's day, gone by, it is still ahead
							mn.Date = pm
						}
					}
				}
				s.add(mn)
			}
		}
	}
}

// heldToday is this year's fixed day mo-d when it has gone by and today
// is still in the statutory holiday it falls in (五一 on 5月3日).
func (r *Reader) heldToday(mo, d int, today calendar.Date) (calendar.Date, bool) {
	fixed, ok := date(today.Year(), mo, d)
	if !ok || !fixed.Before(today) {
		return calendar.Date{}, false
	}
	blocks, err := r.cal.HolidayBlocks(today.Year())
	if err != nil {
		return calendar.Date{}, false
	}
	for _, b := range blocks {
		if !fixed.Before(b.From) && !fixed.After(b.To) && !today.After(b.To) {
			return fixed, true
		}
	}
	return calendar.Date{}, false
}

// inGregorian reports whether text[i:j], a festival's word, lies inside a
// longer fixed day's word said there (十一 in 双十一).
func (r *Reader) inGregorian(text string, i, j int) bool {
	w := text[i:j]
	for _, g := range r.gregorian {
		if len(g) <= len(w) || !strings.Contains(g, w) {
			continue
		}
		for k := strings.Index(g, w); k >= 0; {
			if start := i - k; start >= 0 && strings.HasPrefix(text[start:], g) {
				return true
			}
			n := strings.Index(g[k+1:], w)
			if n < 0 {
				break
			}
			k += 1 + n
		}
	}
	return false
}

// bareHoliday reads 节后, 节后第三天, 收假以后, 节前 said with no festival
// named (a named one is taken before: 国庆节后第三天): the public holiday
// the call is in, else one that ended or begins within HolidayNear days.
func (r *Reader) bareHoliday(s *scan, today calendar.Date) {
	var near calendar.HolidayBlock
	looked, found := false, false
	for _, w := range r.holidayWords {
		for i, j := range s.occurrences(w) {
			if !looked {
				near, found = r.nearHoliday(today)
				looked = true
			}
			after := slices.Contains(r.w.HolidayAfter, w)
			n := 1
			if m := r.reHolidayN.re.FindStringSubmatchIndex(s.text[j:]); m != nil && s.free(j, j+m[1]) {
				if k, ok := zh.Number(s.text[j+m[2] : j+m[3]]); ok && k >= 1 && k <= 31 {
					n, j = int(k), j+m[1]
				}
			}
			switch {
			case !found:
				s.add(Mention{Start: i, End: j, Bad: true, Unplaced: true})
			case after:
				s.add(Mention{Start: i, End: j, Date: near.To.AddDays(n)})
			default: // 节前: of the holiday the call is in or nearest, as 节后
				s.add(Mention{Start: i, End: j, Date: near.From.AddDays(-n)})
			}
		}
	}
}

// nearHoliday is the public holiday going on today, else the one that
// ended or begins within HolidayNear days of it, the nearer first.
func (r *Reader) nearHoliday(today calendar.Date) (calendar.HolidayBlock, bool) {
	var best calendar.HolidayBlock
	gap := r.w.HolidayNear + 1
	for y := today.Year() - 1; y <= today.Year()+1; y++ {
		blocks, err := r.cal.HolidayBlocks(y)
		if err != nil {
			continue
		}
		for _, b := range blocks {
			g := 0
			switch {
			case today.Before(b.From):
				g = b.From.Sub(today)
			case today.After(b.To):
				g = today.Sub(b.To)
			}
			if g < gap {
				best, gap = b, g
			}
		}
	}
	return best, gap <= r.w.HolidayNear
}

// otherFeasts reads the names of other calendars' holidays (复活节,
// 东正教复活节星期一, 2018年逾越节): today while one lasts, else its next
// occurrence, or its occurrence in the year said. A holiday of several
// days, or one that begins the evening before, is a span.
func (r *Reader) otherFeasts(s *scan, today calendar.Date, year int) {
	for _, w := range s.said(r.feastRank) {
		for i, j := range s.occurrences(w) {
			f := r.w.Feasts[w]
			if len(f.After) > 0 {
				k := slices.IndexFunc(f.After, func(a string) bool { return strings.HasSuffix(s.text[:i], a) })
				if k < 0 {
					continue
				}
				if a := f.After[k]; s.free(i-len(a), i) {
					i -= len(a) // 犹太周日节: the word is the name's; a year is a mention of its own
				}
			}
			rule := f.Rule
			for _, p := range r.w.Orthodox {
				if strings.HasSuffix(s.text[:i], p) && s.free(i-len(p), i) {
					if o, ok := rule.Orthodox(); ok {
						rule, i = o, i-len(p)
					}
					break
				}
			}
			sp, ok := feastSpan(rule, today, year)
			if f.Lunar != nil {
				sp, ok = r.lunarFeastSpan(*f.Lunar, today, year)
			}
			if f.Published != nil {
				if sp, ok = publishedSpan(f.Published, today, year); !ok {
					s.add(Mention{Start: i, End: j, Bad: true, Note: f.Note})
					continue
				}
			}
			if !ok {
				continue
			}
			// the day named: its eve for a holiday that begins at sunset
			day := sp.Day
			if rule.Eve {
				day = sp.From
			}
			// 庞格尔节第三天: the festival's days counted from its first
			if m := r.reFeastDay.re.FindStringSubmatchIndex(s.text[j:]); m != nil {
				if n, ok := zh.Number(s.text[j+m[2] : j+m[3]]); ok && n >= 1 && int(n) <= sp.To.Sub(sp.From)+1 {
					first := sp.From
					if rule.Eve {
						first = sp.Day
					}
					s.add(Mention{Start: i, End: j + m[1], Date: first.AddDays(int(n) - 1), Note: f.Note})
					continue
				}
			}
			m := Mention{Start: i, End: j, Date: day, Note: f.Note}
			if year == 0 && day.Before(today) {
				m.Date = today // asked while it lasts: now
			}
			if sp.To.After(m.Date) {
				to := sp.To
				m.MonthEnd = &to
			}
			s.add(m)
		}
	}
}

// feastSpan is the occurrence of a rule a caller means: in the year said,
// else the one going on today or the next.
// publishedSpan is the published days of the year said, else of this
// year if they are not past, else of the next: none when that year's
// were not published (nor when this year's were not: whether they are
// past is not known).
func publishedSpan(days map[int][2]calendar.Date, today calendar.Date, year int) (feast.Span, bool) {
	y := year
	if y == 0 {
		y = today.Year()
		if d, ok := days[y]; ok && d[1].Before(today) {
			y++
		}
	}
	d, ok := days[y]
	return feast.Span{From: d[0], To: d[1], Day: d[0]}, ok
}

func feastSpan(rule feast.Rule, today calendar.Date, year int) (feast.Span, bool) {
	if year != 0 {
		if ss := rule.In(year); len(ss) > 0 {
			return ss[0], true
		}
		return feast.Span{}, false
	}
	for y := today.Year() - 1; y <= today.Year()+2; y++ {
		for _, sp := range rule.In(y) {
			if !sp.To.Before(today) {
				return sp, true
			}
		}
	}
	return feast.Span{}, false
}

// lunarFeastSpan is the day of a feast kept on a day of the Chinese
// calendar that a caller means: in the year said, else the next.
func (r *Reader) lunarFeastSpan(l calendar.LunarDate, today calendar.Date, year int) (feast.Span, bool) {
	from, to := today.Year(), today.Year()+1
	if year != 0 {
		from, to = year, year
	}
	for y := from; y <= to; y++ {
		ds, err := r.cal.LunarInYear(l, y)
		if err != nil {
			return feast.Span{}, false
		}
		for _, d := range ds {
			if year != 0 || !d.Before(today) {
				return feast.Span{From: d, To: d, Day: d}, true
			}
		}
	}
	return feast.Span{}, false
}

// festivalDay resolves a festival or holiday name: today while its holiday
// lasts, else its next day (in the year said, if one was). block is the
// last day of its holiday (the festival day when it has none), from which
// 节后第N天 counts.
func (r *Reader) festivalDay(name string, today calendar.Date, year int) (day, block calendar.Date, ok bool) {
	at := func(y int) (calendar.Date, calendar.Date, bool) { return r.festivalAt(name, y) }
	if year != 0 {
		return at(year)
	}
	for y := today.Year() - 1; y <= today.Year()+1; y++ {
		if b, err := r.cal.HolidayPeriod(name, y); err == nil && !today.Before(b.From) && !today.After(b.To) {
			// (中秋 said on the first day of a holiday that ends with it,
			// or of a block it shares with another festival — 国庆节、中秋
			// 节: its own day, still ahead, is the one meant; 清明 said
			// on the first of its three days is today)
			if fd, err := r.cal.Festival(name, y); err == nil && fd.After(today) && (fd == b.To || strings.Contains(b.Name, "、") && fd.Before(b.To)) {
				return fd, b.To, true
			}
			return today, b.To, true
		}
		if d, end, ok := at(y); ok && !d.Before(today) {
			return d, end, true
		}
	}
	return calendar.Date{}, calendar.Date{}, false
}

// lunarYears is a festival's day d of the year said (今年) moved to the
// next Gregorian year's when d has gone by and the next one falls in the
// lunar year of the call: a lunar year's end (除夕, 小年) said with 今年 in
// December is the one still to come (2026-02-16 said on 2025-12-20), any
// other (中秋) stays the year's.
func (r *Reader) lunarYears(name string, d, today calendar.Date, year int) (calendar.Date, bool) {
	if year != today.Year() || !d.Before(today) {
		return d, false
	}
	nd, _, ok := r.festivalAt(name, year+1)
	if !ok {
		return d, false
	}
	ln, err := r.cal.Lunar(nd)
	lt, err2 := r.cal.Lunar(today)
	if err != nil || err2 != nil || ln.Year != lt.Year {
		return d, false
	}
	return nd, true
}

// festivalAt is a festival's day in year y and the last day of its
// holiday (the day itself when it has none).
func (r *Reader) festivalAt(name string, y int) (day, block calendar.Date, ok bool) {
	fd, ferr := r.cal.Festival(name, y)
	b, berr := r.cal.HolidayPeriod(name, y)
	switch {
	case ferr == nil && berr == nil:
		return fd, b.To, true
	case ferr == nil:
		return fd, fd, true
	case berr == nil:
		return b.From, b.To, true
	}
	return calendar.Date{}, calendar.Date{}, false
}

// months reads 10月份, 十月, 下个月, 月底, 下个月中, 十月初, 年底.
func (r *Reader) months(s *scan, today calendar.Date, year int) {
	// X月份 / X月 (not followed by a day), with a month part after it
	var monthMatches [][]int
	if s.ungated || s.present.has('月') {
		monthMatches = s.find(r.reMonth)
	}
	for _, m := range monthMatches {
		if !s.free(m[0], m[1]) {
			continue
		}
		mo, ok := zh.Number(s.text[m[2]:m[3]])
		if !ok || mo < 1 || mo > 12 {
			continue
		}
		// 农历八月: the lunar month, from its first day (2025's 八月 is
		// 9月22日–10月20日), not the solar one
		if i, ok := r.lunarWordBefore(s.text, m[0]); ok && s.free(i, m[0]) {
			if mn, ok := r.lunarMonth(i, m[1], int(mo), today, year); ok {
				s.add(mn)
				continue
			}
		}
		y, start := year, m[0]
		if yy, i, ok := yearBefore(s.text, m[0]); ok && s.free(i, m[0]) {
			// 2024年12月: the month of the year said before it, not the
			// next one of that name (yearContext leaves it to be read here)
			y, start = yy, i
		}
		gone := false // this year's month of that name is over
		if y == 0 {
			y = today.Year()
			if int(mo) < today.Month() {
				y, gone = y+1, true
			}
		}
		end := m[1]
		if mn, ok := r.monthSpan(s.text, start, end, y, int(mo), today); ok { // 10月下旬
			// the one gone by, for an act told as done (九月中旬…那时候
			// 通告出来没有, said in October), as for a month
			if pm, ok := r.monthSpan(s.text, start, end, y-1, int(mo), today); ok && gone {
				mn.prev, mn.prevEnd = pm.Date, pm.MonthEnd
			}
			s.add(mn)
			continue
		}
		// a month named by its number is the month as a whole, from its
		// first day — or from today while it runs (九月份 said on 9月10日
		// asks of the rest of it, as 这个月 does): the answer says the
		// change inside it
		day, note, part := r.monthStart(y, int(mo), today), "month", -1
		if pt, n, ok := r.monthPart(s.text[end:]); ok {
			day, note, part = partDay(y, int(mo), pt), "", pt
			end += n
		}
		last := calendar.MustDate(y, int(mo), 1).AddDays(daysIn(y, int(mo)) - 1)
		mn := Mention{Start: start, End: end, Date: day, Note: note}
		if note == "month" {
			mn.MonthEnd = &last
		}
		if gone {
			// the one gone by, for an act told as done (九月份交的医保
			// said in October)
			if part >= 0 {
				mn.prev = partDay(y-1, int(mo), part)
			} else {
				mn.prev = calendar.MustDate(y-1, int(mo), 1)
				pl := mn.prev.AddDays(daysIn(y-1, int(mo)) - 1)
				mn.prevEnd = &pl
			}
		}
		s.add(mn)
	}
	for _, w := range r.monthWords {
		for i, j := range s.occurrences(w) {
			y, mo := today.Year(), today.Month()+r.w.Months[w]
			for mo > 12 {
				y, mo = y+1, mo-12
			}
			for mo < 1 {
				y, mo = y-1, mo+12
			}
			if n, ok := r.sameDay(s.text[j:]); ok { // 下个月的今天: that month's same day
				s.add(Mention{Start: i, End: j + n, Date: calendar.MustDate(y, mo, min(today.Day(), daysIn(y, mo)))})
				continue
			}
			if d, n, ok := r.dayAfter(s.text[j:]); ok { // 下个月5号
				if day, ok := date(y, mo, d); ok {
					s.add(Mention{Start: i, End: j + n, Date: day})
				} else {
					s.bad(i, j+n)
				}
				continue
			}
			if mn, ok := r.monthSpan(s.text, i, j, y, mo, today); ok { // 下个月中旬
				s.add(mn)
				continue
			}
			day, note := r.monthStart(y, mo, today), "month"
			if part, n, ok := r.monthPart(s.text[j:]); ok {
				day, note = partDay(y, mo, part), ""
				j += n
			}
			mn := Mention{Start: i, End: j, Date: day, Note: note}
			if note == "month" {
				last := calendar.MustDate(y, mo, daysIn(y, mo))
				mn.MonthEnd = &last
			}
			s.add(mn)
		}
	}
	// 正月, 腊月 alone: the lunar month, from its first day
	// (in a fixed order, longest first: what is read must not change with a
	// map's order from one process to the next)
	for _, w := range sortedKeys(r.w.LunarMonths) {
		mo := r.w.LunarMonths[w]
		for i, j := range s.occurrences(w) {
			if !s.free(i, j) {
				continue
			}
			if c, _ := utf8.DecodeRuneInString(s.text[j:]); zh.IsNumeral(c) || c == '初' || c == '廿' {
				continue // 正月初八, 腊月二十八: a lunar day, not the month
			}
			y := year
			for _, yw := range r.years { // longest first: 大前年腊月 is not 前年's
				if strings.HasSuffix(s.text[:i], yw) {
					y = today.Year() + r.w.Years[yw] // 去年腊月: that lunar year's, whatever else the call says
					break
				}
			}
			if mn, ok := r.lunarMonth(i, j, mo, today, y); ok {
				s.add(mn)
			}
		}
	}
	// 月底 alone: this month's, or next month's when it has passed (a part
	// that does not name the month itself, 最后一天, is one only after a
	// month: 整改期最后一天 is no month's)
	for _, w := range r.monthParts {
		if !strings.Contains(w, "月") {
			continue
		}
		for i, j := range s.occurrences(w) {
			y, mo := today.Year(), today.Month()
			d := partDay(y, mo, r.w.MonthParts[w])
			if d.Before(today) {
				if mo++; mo > 12 {
					y, mo = y+1, 1
				}
				d = partDay(y, mo, r.w.MonthParts[w])
			}
			s.add(Mention{Start: i, End: j, Date: d})
		}
	}
	// 中旬 alone: this month's, or next month's when it has ended
	for _, w := range r.monthSpans {
		for i := range s.occurrences(w) {
			y, mo := today.Year(), today.Month()
			if _, to := spanDays(y, mo, r.w.MonthSpans[w]); to.Before(today) {
				if mo++; mo > 12 {
					y, mo = y+1, 1
				}
			}
			mn, _ := r.monthSpan(s.text, i, i, y, mo, today)
			s.add(mn)
		}
	}
	for _, w := range r.yearParts {
		if !s.mayHave(w) {
			continue
		}
		if i := s.index(w, 0); i >= 0 && s.free(i, i+len(w)) {
			y := today.Year()
			if year != 0 {
				y = year
			}
			s.add(Mention{Start: i, End: i + len(w), Date: calendar.MustDate(y, 12, 31)})
		}
	}
}

// lunarWordBefore reports whether a lunar word (农历, 阴历) is said right
// before byte i, spaces between, and where it starts.
func (r *Reader) lunarWordBefore(text string, i int) (int, bool) {
	pre := strings.TrimRight(text[:i], " \t")
	for _, w := range r.w.Lunar {
		if strings.HasSuffix(pre, w) {
			return len(pre) - len(w), true
		}
	}
	return 0, false
}

// monthSpan reads a part of month mo said as a span (中旬) at text[end:],
// the month having been named at text[start:end]: the span's first day, or
// today while it lasts, to its last.
func (r *Reader) monthSpan(text string, start, end, y, mo int, today calendar.Date) (Mention, bool) {
	for _, w := range r.monthSpans {
		if !strings.HasPrefix(text[end:], w) {
			continue
		}
		from, to := spanDays(y, mo, r.w.MonthSpans[w])
		if from.Before(today) && !to.Before(today) {
			from = today
		}
		return Mention{Start: start, End: end + len(w), Date: from, MonthEnd: &to}, true
	}
	return Mention{}, false
}

// spanDays are the first and last days of a span of month mo (0 is its
// last day).
func spanDays(y, mo int, span [2]int) (calendar.Date, calendar.Date) {
	return partDay(y, mo, span[0]), partDay(y, mo, min(span[1], daysIn(y, mo)))
}

// monthStart is the day a month named as a whole is answered for: today
// when it is this month, else its first day.
func (r *Reader) monthStart(y, mo int, today calendar.Date) calendar.Date {
	if y == today.Year() && mo == today.Month() {
		return today
	}
	return calendar.MustDate(y, mo, 1)
}

func (r *Reader) monthPart(rest string) (int, int, bool) {
	for _, w := range r.monthParts {
		w2 := strings.TrimPrefix(w, "月")
		for _, cand := range []string{w, w2} {
			if cand != "" && strings.HasPrefix(rest, cand) {
				return r.w.MonthParts[w], len(cand), true
			}
		}
	}
	return 0, 0, false
}

// dayAfter reads a day of the month at the start of rest: 5号, 二十日, 廿號.
// sameDay reads a word for today said after a month or year word (下个月的今天,
// 明年今天): the same day of the month then. It returns the bytes read.
func (r *Reader) sameDay(rest string) (int, bool) {
	skip := 0
	if strings.HasPrefix(rest, "的") {
		skip = len("的")
	}
	best := 0
	for _, w := range r.dayWords {
		if k := r.dayWord[w]; k.n == 0 && !k.weak && len(w) > best && strings.HasPrefix(rest[skip:], w) {
			best = len(w)
		}
	}
	return skip + best, best > 0
}

func (r *Reader) dayAfter(rest string) (int, int, bool) {
	m := r.reDOM.re.FindStringSubmatchIndex(rest)
	if m == nil || m[0] != 0 {
		return 0, 0, false
	}
	n, ok := zh.Number(strings.Replace(rest[m[2]:m[3]], "廿", "二十", 1))
	if !ok {
		return 0, 0, false
	}
	return int(n), m[1], true
}

func daysIn(y, mo int) int {
	d := calendar.MustDate(y, mo, 1)
	n := 0
	for x := d; x.Month() == mo; x = x.AddDays(1) {
		n++
	}
	return n
}

func partDay(y, mo, part int) calendar.Date {
	if part == 0 {
		return calendar.MustDate(y, mo, daysIn(y, mo))
	}
	return calendar.MustDate(y, mo, part)
}

// week reads 这周六, 下周三, 上周日, 周六, 星期天, 礼拜五. A weekday alone is
// its next occurrence after today, with the one a week before as its
// previous (Previous); 这周 is the current week (Monday first), 下周 the
// next, 上周 the last.
func (r *Reader) week(s *scan, today calendar.Date) {
	for _, m := range s.find(r.reWeek) {
		if !s.free(m[0], m[1]) {
			continue
		}
		want := r.w.Weekdays[s.text[m[4]:m[5]]]
		w := isoWeekday(today)
		var d calendar.Date
		switch {
		case m[2] >= 0 && contains(r.w.Next, s.text[m[2]:m[3]]):
			// 下下周三, 下下个礼拜三: each further 下 is a week more
			var more int
			m[0], more = r.moreNext(s, m[0])
			d = today.AddDays(want - w + 7 + 7*more)
		case m[2] >= 0 && contains(r.w.Last, s.text[m[2]:m[3]]):
			d = today.AddDays(want - w - 7)
		case m[2] >= 0:
			d = today.AddDays(want - w)
		default:
			d = today.AddDays((want-w+6)%7 + 1)
		}
		mn := Mention{Start: m[0], End: m[1], Date: d}
		if m[2] < 0 {
			// a weekday alone has gone by a week before (我礼拜二抽了根烟
			// said on Wednesday: the act told done picks the nearer)
			mn.prev = d.AddDays(-7)
		}
		s.add(mn)
	}
	r.weekAlone(s, today)
}

// moreNext counts the further 下 said right before byte start (下下周): it
// returns where they begin and how many there are.
func (r *Reader) moreNext(s *scan, start int) (int, int) {
	n := 0
	for again := true; again; {
		again = false
		for _, nx := range r.w.Next {
			if strings.HasSuffix(s.text[:start], nx) && s.free(start-len(nx), start) {
				start -= len(nx)
				n++
				again = true
				break
			}
		}
	}
	return start, n
}

// weekAlone reads a week said without a day (下个礼拜, 这周, 下下周): a
// span answered as a month is (10月份) — from its Monday, or from today
// for this week, to its Sunday — with Note "week".
func (r *Reader) weekAlone(s *scan, today calendar.Date) {
	for _, m := range s.findOpen(r.reWeekAlone) {
		if !s.free(m[0], m[1]) {
			continue
		}
		// 下周三 is read above; 周边, 周岁, 周年 are no week
		rest := strings.TrimPrefix(s.text[m[1]:], "个")
		if rest != "" && (r.startsWeekday(rest) || strings.ContainsRune("边围岁年期到转全", []rune(rest)[0])) {
			continue
		}
		monday := today.AddDays(1 - isoWeekday(today))
		from := monday
		switch which := s.text[m[2]:m[3]]; {
		case contains(r.w.Next, which):
			var more int // 下下个礼拜: a week more for each 下
			m[0], more = r.moreNext(s, m[0])
			from = monday.AddDays(7 + 7*more)
		case contains(r.w.Last, which):
			from = monday.AddDays(-7)
		}
		to := from.AddDays(6)
		if from.Before(today) && !to.Before(today) {
			from = today
		}
		s.add(Mention{Start: m[0], End: m[1], Date: from, MonthEnd: &to, Note: "week"})
	}
}

// startsWeekday reports whether text starts with a weekday word (三, 天,
// 末).
func (r *Reader) startsWeekday(text string) bool {
	for w := range r.w.Weekdays {
		if strings.HasPrefix(text, w) {
			return true
		}
	}
	return false
}

// numeralName reports whether a festival's name is a number (十一, 五一).
func numeralName(w string) bool {
	for _, c := range w {
		if !zh.IsNumeral(c) {
			return false
		}
	}
	return true
}

func firstRune(s string) string {
	_, n := utf8.DecodeRuneInString(s)
	return s[:n]
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// relative reads 三天后, 两天前, 后三天, 两个礼拜后, 再过一个星期, 三个月后:
// a day that many days (weeks, months) away.
func (r *Reader) relative(s *scan, today calendar.Date) {
	for _, m := range s.find(r.reRel) {
		if !s.free(m[0], m[1]) {
			continue
		}
		var n float64
		var ok bool
		var dir, unit string
		weak := false
		if m[2] >= 0 {
			n, ok = zh.Number(s.text[m[2]:m[3]])
			unit, dir = s.text[m[4]:m[5]], s.text[m[6]:m[7]]
		} else {
			n, ok = zh.Number(s.text[m[10]:m[11]])
			dir, unit = s.text[m[8]:m[9]], s.text[m[12]:m[13]]
			// 节前一天 with no festival named: counted from a day not
			// said, it gives way to any day said (就是国庆前一天)
			weak = dir == "前" || dir == "后"
			// 超过三天, 经过三天 count a length, not a day
			if dir == "过" && slices.ContainsFunc(r.w.CountNotAfter, func(w string) bool { return strings.HasSuffix(s.text[:m[0]], w) }) {
				continue
			}
			// 最后一天 is the last day of what is named, not the day after
			if dir == "后" && slices.ContainsFunc(r.w.LastNotAfter, func(w string) bool { return strings.HasSuffix(s.text[:m[0]], w) }) {
				continue
			}
			// 要过90天才能报 asks of a wait, not of the day 90 days on
			if dir == "过" && slices.ContainsFunc(r.w.CountWaitBefore, func(w string) bool { return strings.HasPrefix(s.text[m[1]:], w) }) {
				continue
			}
		}
		if !ok || n > 3660 || n != float64(int(n)) {
			continue
		}
		k := int(n)
		if dir == "前" || dir == "上" {
			k = -k
		}
		date, ok := today.AddDays(k), true
		if slices.Contains(r.w.MonthUnits, unit) {
			date, ok = addMonths(today, k)
		} else if d, listed := r.w.CountUnits[unit]; listed {
			date = today.AddDays(k * d)
		}
		if ok {
			s.add(Mention{Start: m[0], End: m[1], Date: date, Weak: weak})
		}
	}
}

// addMonths is the day n months from d: the same day of the month, or the
// month's last day when it is shorter (a month after 1月31日 is 2月28日).
func addMonths(d calendar.Date, n int) (calendar.Date, bool) {
	y, m, day := d.Date()
	m += n
	y += (m - 1) / 12
	m = (m-1)%12 + 1
	if m < 1 {
		m += 12
		y--
	}
	day = min(day, calendar.DaysIn(y, m))
	out, err := calendar.NewDate(y, m, day)
	return out, err == nil
}

func (r *Reader) words(s *scan, today calendar.Date) {
	all := r.dayWord
	for _, w := range r.dayWords {
		for i, j := range s.occurrences(w) {
			k := all[w]
			s.add(Mention{Start: i, End: j, Date: today.AddDays(k.n), Weak: k.weak})
		}
	}
}

// dayOfMonth reads 10号 alone: the next such day, this month or the next.
func (r *Reader) dayOfMonth(s *scan, today calendar.Date) {
	for _, m := range s.find(r.reDOM) {
		if !s.free(m[0], m[1]) {
			continue
		}
		if m[0] > 0 && strings.HasSuffix(s.text[:m[0]], "第") {
			continue
		}
		n, ok := zh.Number(strings.Replace(s.text[m[2]:m[3]], "廿", "二十", 1))
		if !ok || n < 1 || n > 31 {
			continue
		}
		y, mo, _ := today.Date()
		var cands []calendar.Date
		for k := 0; k < 3; k++ {
			if d, ok := date(y, mo, int(n)); ok {
				cands = append(cands, d)
			}
			if mo++; mo > 12 {
				y, mo = y+1, 1
			}
		}
		if d, ok := upcoming(cands, today); ok {
			mn := Mention{Start: m[0], End: m[1], Date: d}
			// the same day of the month before, for 过了15号
			py, pm := d.Year(), d.Month()-1
			if pm < 1 {
				py, pm = py-1, 12
			}
			mn.prev, _ = date(py, pm, d.Day())
			mn.ahead = d.Month() == today.Month() && d.Year() == today.Year()
			s.add(mn)
		}
	}
}

// past reads 过了15号 and 12月31号以后: the day after the one named, and
// 寒露前, 10月8号以前: the day before it. After
// 过了, a day said without a year is its nearer occurrence, past or to
// come: 过了10月15号 said on 10月20日 is a deadline missed five days ago,
// not next year's.
func (r *Reader) past(s *scan, today calendar.Date) {
	for _, a := range r.w.AfterDay {
		for i := range s.out {
			m := &s.out[i]
			// 九月二十一以后能摘吗 asks from that day on; 12月31号以后还能交吗
			// (还, still) asks about the days after it
			if m.Bad || m.Weak || !strings.HasPrefix(s.text[m.End:], a) || m.MonthEnd != nil ||
				!strings.HasPrefix(s.text[m.End+len(a):], "还") {
				continue
			}
			m.End += len(a)
			m.Words = s.text[m.Start:m.End]
			m.Date = m.Date.AddDays(1)
			for k := m.Start; k < m.End; k++ {
				s.taken[k] = true
			}
		}
	}
	for _, b := range r.w.NotReached {
		for i := range s.out {
			m := &s.out[i]
			if m.Bad || m.Weak || m.Past || m.Before || m.MonthEnd != nil || m.Start < len(b) || s.text[m.Start-len(b):m.Start] != b {
				continue
			}
			m.Start -= len(b)
			m.Words = s.text[m.Start:m.End]
			m.Date, m.Before = m.Date.AddDays(-1), true
			if m.prev != (calendar.Date{}) {
				m.prev = m.prev.AddDays(-1)
			}
			for k := m.Start; k < m.End; k++ {
				s.taken[k] = true
			}
		}
	}
	for _, b := range append(slices.Clone(r.w.BeforeFew), r.w.BeforeDay...) {
		few := slices.Contains(r.w.BeforeFew, b)
		for i := range s.out {
			m := &s.out[i]
			rest := s.text[m.End:]
			if m.Bad || m.Weak || m.Past || m.Before || !strings.HasPrefix(rest, b) {
				continue
			}
			// 清明前后 is a span round the day, 10月8号前三天 a count
			after := rest[len(b):]
			if c, _ := utf8.DecodeRuneInString(after); !few && (c == '后' || zh.IsNumeral(c) || c == '几' || c == '些') {
				continue
			}
			m.End += len(b)
			m.Words = s.text[m.Start:m.End]
			if m.MonthEnd != nil {
				// 九月份以前 said in September: before the month's first day
				m.Date = calendar.MustDate(m.MonthEnd.Year(), m.MonthEnd.Month(), 1)
				m.prev = calendar.Date{}
			}
			m.Date, m.MonthEnd, m.Before = m.Date.AddDays(-1), nil, true
			if m.prev != (calendar.Date{}) {
				// told as done: the days before last year's (霜降前几天摘了
				// said after this year's is this year's, not the day itself)
				m.prev = m.prev.AddDays(-1)
			}
			for k := m.Start; k < m.End; k++ {
				s.taken[k] = true
			}
		}
	}
	for _, a := range r.w.AroundTerm {
		for i := range s.out {
			m := &s.out[i]
			if !m.term || m.Bad || m.Weak || m.Past || m.Before || !strings.HasPrefix(s.text[m.End:], a) {
				continue
			}
			m.End += len(a)
			m.Words = s.text[m.Start:m.End]
			r.around(m, today)
			for k := m.Start; k < m.End; k++ {
				s.taken[k] = true
			}
		}
	}
	for _, p := range r.w.PastAfter {
		for i := range s.out {
			m := &s.out[i]
			if m.Bad || m.Weak || m.Past || m.MonthEnd != nil || !strings.HasPrefix(s.text[m.End:], p) || m.term && slices.Contains(r.w.TermCome, p) {
				continue
			}
			m.End += len(p)
			r.passed(s, m, today)
			if slices.Contains(r.w.PastOver, p) && m.Date == today.AddDays(1) {
				m.Passed = m.Date.AddDays(-1)
				m.Date, m.Note = today, r.w.PastNote
			}
		}
	}
	for _, p := range r.w.Past {
		for i := range s.out {
			m := &s.out[i]
			// (元旦过了1月2号: 过了 said after another day is that day's)
			if m.Bad || m.Weak || m.Start < len(p) || s.text[m.Start-len(p):m.Start] != p || s.taken[m.Start-len(p)] {
				continue
			}
			m.Start -= len(p)
			r.passed(s, m, today)
		}
	}
}

// around makes solar term m, said with a word of AroundTerm (霜降前后),
// the stretch of AroundDays either side of its day, answered as a month
// is (MonthEnd its last day, Stretch set): from its first day, or from
// today while it runs, the answer saying the day the verdict changes
// inside it. With AroundDays zero it is the day before the term, as
// BeforeFew's.
func (r *Reader) around(m *Mention, today calendar.Date) {
	k := r.w.AroundDays
	if k <= 0 {
		m.Date = m.Date.AddDays(-1)
		if m.prev != (calendar.Date{}) {
			m.prev = m.prev.AddDays(-1)
		}
		return
	}
	term := m.Date
	if m.prev != (calendar.Date{}) && !m.prev.AddDays(k).Before(today) {
		// 霜降前后 said on the term's day or after it, within the days
		// round it: this year's, running
		term, m.prev = m.prev, calendar.Date{}
	}
	end := term.AddDays(k)
	m.Date, m.MonthEnd, m.Stretch = term.AddDays(-k), &end, true
	if m.Date.Before(today) {
		m.Date = today
	}
	if m.prev != (calendar.Date{}) {
		pe := m.prev.AddDays(k)
		m.prev, m.prevEnd = m.prev.AddDays(-k), &pe
	}
}

// recent makes a day said without a year and pointed back to (小年那天,
// 冬至那晚) the occurrence just gone when it is at most RecentDays before
// the call: said two days after 小年, 那天 is the one both remember.
func (r *Reader) recent(s *scan, today calendar.Date) {
	for i := range s.out {
		m := &s.out[i]
		if m.Bad || m.Weak || m.Past || m.ahead || m.prev == (calendar.Date{}) || !m.Date.After(today) || today.Sub(m.prev) > r.w.RecentDays {
			continue
		}
		rest := strings.TrimLeft(s.text[m.End:], " ")
		// 国庆以后 said ten days after it: the time after it is now (not
		// 国庆后第三天, a count from the day)
		if slices.ContainsFunc(r.w.Since, func(w string) bool { return strings.HasPrefix(rest, w) }) &&
			!slices.ContainsFunc(r.w.After, func(w string) bool { return strings.HasPrefix(rest, w) }) {
			m.Date = today
			continue
		}
		if slices.ContainsFunc(r.w.Reached, func(w string) bool { return strings.HasPrefix(rest, w) }) &&
			today.Sub(m.prev) < m.Date.Sub(today) {
			m.Passed, m.Past = m.prev, true
			m.Date, m.Note = today, r.w.PastNote
			continue
		}
		if !slices.ContainsFunc(r.w.Recent, func(w string) bool { return strings.HasPrefix(rest, w) }) {
			continue
		}
		m.Date = m.prev
		switch {
		case m.Note == "":
			m.Note = r.w.RecentNote
		case r.w.RecentNote != "":
			m.Note += "；" + r.w.RecentNote
		}
	}
}

// passed makes m, said with 过了 before it or 一过 after it, the day after
// the one named, of its nearer occurrence.
func (r *Reader) passed(s *scan, m *Mention, today calendar.Date) {
	m.Words = s.text[m.Start:m.End]
	m.Past = true
	if m.prev != (calendar.Date{}) && today.Sub(m.prev) < m.Date.Sub(today) {
		m.Date = m.prev
	}
	if m.MonthEnd != nil {
		// 过了12月: the month passed whole, from the next one's first
		// day — of its nearer occurrence (said in January, last December)
		y, mo := m.Date.Year(), m.Date.Month()
		for _, yy := range []int{y, y - 1} {
			if last, ok := date(yy, mo, calendar.DaysIn(yy, mo)); ok && (yy == y || absDays(today.Sub(last)) < absDays(today.Sub(m.Date))) {
				m.Date = last
			}
		}
		m.MonthEnd = nil
	}
	m.Date = m.Date.AddDays(1)
	m.prev = calendar.Date{}
	if m.Date.Before(today) {
		// 过了15号还能摆不 said on the 20th: the time after it is now
		m.Passed = m.Date.AddDays(-1)
		m.Date, m.Note = today, r.w.PastNote
	}
	for k := m.Start; k < m.End; k++ {
		s.taken[k] = true
	}
}

// Previous is the occurrence before Date of a day said without a year
// (10月7号 said on 10月9日 is next year's; its previous is this year's),
// for an act told as done; ok is false when there is none.
func (m Mention) Previous() (calendar.Date, bool) {
	return m.prev, m.prev != (calendar.Date{})
}

// PreviousEnd is MonthEnd for the occurrence Previous gives: the last
// day of its month when the mention is a month (九月份), else nil.
func (m Mention) PreviousEnd() *calendar.Date {
	return m.prevEnd
}

// withWeekday: a month-day said with its weekday (周日, 二月十号) is the
// occurrence that falls on that weekday, past or not.
func (r *Reader) withWeekday(s *scan, today calendar.Date) {
	// the last mention of each kind (one that is both is a weekday), found
	// from the end: a text full of days is not matched again whole
	var wd, md *Mention
	for i := len(s.out) - 1; i >= 0 && wd == nil; i-- {
		if r.reWeek.matchString(s.out[i].Words) {
			wd = &s.out[i]
		}
	}
	for i := len(s.out) - 1; i >= 0 && wd != nil && md == nil; i-- {
		m := &s.out[i]
		if !r.reWeek.matchString(m.Words) && r.reMD.matchString(m.Words) && !r.reYMD.matchString(m.Words) {
			md = m
		}
	}
	if wd == nil || md == nil || isoWeekday(md.Date) == isoWeekday(wd.Date) {
		return
	}
	for y := md.Date.Year() - 1; y <= md.Date.Year()+1; y++ {
		d, ok := date(y, md.Date.Month(), md.Date.Day())
		if ok && isoWeekday(d) == isoWeekday(wd.Date) && d.Sub(today) > -200 && d.Sub(today) < 200 {
			md.Date = d
			wd.Date = d
			return
		}
	}
}

// absDays is a count of days without its sign.
func absDays(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
