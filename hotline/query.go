package hotline

// What a call is understood as: the Query handed to the engine, and what was heard.

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/hotline/vocab"
	"github.com/tonggao/tonggao/rules"
)

// Span is a number known only within [Min, Max], such as "山边" read as
// within 100 m of forest land, or "两百多米".
type Span struct {
	Min float64 `json:"min"`
	Max float64 `json:"max"`
}

// Understood is one piece of the question and what it was taken to mean.
type Understood struct {
	Words string `json:"words"`
	// Kind is activity, act (one no rule covers), date, place, fact,
	// negated (an act the caller says they do not do) or heard (a word
	// heard by its sound: 鞭泡 → 鞭炮).
	Kind    string `json:"kind"`
	Meaning string `json:"meaning"`
	Fact    string `json:"fact,omitempty"`
	Value   any    `json:"value,omitempty"`
	// Note says how an imprecise phrase was read.
	Note string `json:"note,omitempty"`
}

// Query is a question turned into what the engine needs, with an account
// of every word: what was understood and what was not.
type Query struct {
	Question string `json:"question"`
	// Activity is the activity's id ("" when none was recognised);
	// ActivityName its Chinese name as printed in the notice.
	Activity     string `json:"activity"`
	ActivityName string `json:"activity_name"`
	ActivityEN   string `json:"activity_en,omitempty"`
	// Act names an act no rule covers (钓鱼), when that is what was asked.
	Act string `json:"act,omitempty"`
	// Date is the day asked about; DateWords the words it came from ("" when
	// no date was said and today was used).
	Date      calendar.Date `json:"date"`
	DateWords string        `json:"date_words,omitempty"`
	// DateEnd is the last day of a month asked about as a whole (10月份).
	DateEnd *calendar.Date `json:"date_end,omitempty"`
	// Time is the clock time said ("23:00" for 今晚11点), "" for none;
	// the decision is for that minute of Date. When the question names
	// neither a day nor a time and the request gives the call's minute
	// (Request.At), it is that minute and TimeFromCall is true.
	Time         string `json:"time,omitempty"`
	TimeFromCall bool   `json:"time_from_call,omitempty"`
	timed        bool   // a time was said: the decision is for minute of Date
	minute       int
	dayBefore    bool // the day is the one before a day said with 以前 (寒露前)
	// stretch: Date to DateEnd is a span said in words round or between
	// days (霜降前后): a verdict changing inside it makes the answer
	// depend on the day (daysOfStretch)
	stretch bool
	// dayPassed is the day said with 过了 that had passed on the day of
	// the call (过了12月31号, said on 1月10日): the answer says so
	dayPassed calendar.Date
	dayWeak   bool // the day is a narrative 现在's (or none was said)
	// planDay: the day is a year said as the plan's (明年的医保), no other
	// day said: yearWindow reads it as that plan's window
	planDay bool
	// planYear is a plan's year said of the act (2026年的医保) that the
	// rule base does not hold; heldYear the nearest earlier one it holds,
	// of notice planNotice: the no-rule answer says which year it holds
	planYear, heldYear int
	planNotice         string
	// afterPeriod is 1 + the index of the vocabulary's period a call
	// asks about after its end (过了缴费期再交), when it names no day: the
	// day after that period ends is asked about; 0 for none
	afterPeriod int
	// span is the part of the day said with no clock time (晚上: 18, 24),
	// hours from the day's start; nil for none (spanOfDay)
	span *[2]int
	// spanParts are the span's hours whose verdict differs from the
	// answer's, said after it
	spanParts []engine.DayPart
	// byHour: the day asked, with no hour said, has hours whose answers
	// differ, so the answer depends on the hour (hoursOfDay)
	byHour bool
	// byDay: the stretch of days asked (stretch) has days whose answers
	// differ: it depends on the day (daysOfStretch)
	byDay bool
	// firstVerdict is the verdict of the stretch's first days, said until
	// the day it changes (byDay)
	firstVerdict engine.Verdict
	// inPeriods are the vocabulary's periods a call names as the time of
	// its act (禁渔期在江上抓鱼), when it names no day: the day asked is in
	// the period (duringPeriod)
	inPeriods []int
	// early is the word by which the act's clause puts it before the time
	// the rules open for it (提前摘, 摘早了), when it names no day
	// (earlyDay); "" for none
	early string
	// outside is a place named that no loaded notice covers (北京), when
	// no place they do cover is named: answered with no rule for it
	outside string
	// ownAsk: one of several questions of the same act in one call (医保
	// 最迟几号交 晚了交要等好久才能报), asking what its own clause asks
	ownAsk bool
	// required: the call asks whether what the act's breach lacks must be
	// done (拉渣土要盖篷布吗): a ban is answered 要
	required bool
	called   calendar.Date // the day of the call: a day asked in another year is said with its year
	// Facts are the facts the question states, by name: float64, bool,
	// string or Span.
	Facts map[string]any `json:"facts"`
	// Place is the division asked about, as the request named it ("" for
	// none; a town the caller names is the town fact).
	Place string `json:"place,omitempty"`
	// OtherActivities are further activities mentioned and not answered.
	OtherActivities []string     `json:"other_activities,omitempty"`
	Understood      []Understood `json:"understood"`
	// NotUnderstood lists the fragments that meant nothing to the parser;
	// they were not used, never guessed at.
	NotUnderstood []string `json:"not_understood"`
	// Published are the facts a data feed published that the answer used
	// (the caller said nothing of them), with their source.
	Published []Published `json:"published,omitempty"`
	// Unread counts the characters at the end of a question longer than
	// MaxRead that were not read.
	Unread int `json:"unread,omitempty"`

	asks askFlags // what the caller asks about the act
	// household is the number of people the call counts (屋里六口人),
	// 0 when none; apart says some of them are counted apart (有两个是
	// 低保): an amount for some is not counted for all
	household int
	apart     bool
	// terms are the rules' terms the call's words ask for (the asks
	// table), quote whether it asks what the notice says
	terms []string
	quote bool
	// termsEach are those of terms to say for each value of a fact the
	// call leaves open (asks entries with each: true)
	termsEach []string
	// denied are the facts a value of which the call says does not hold
	// (不是监测户): the terms of each value are not said of them
	denied []string
	// unstated are the asks entries said whose terms the rules need not
	// state (退费, 报销比例)
	unstated []*askTerms
	// inText are those whose unstated terms a notice's text would state
	// in words of its own (登记, 报备): said beside the act's answer
	inText []*askTerms
	// refused: the act asked about was said as not done, and the call
	// asks what that brings (不买医保会怎么样, 医保不交犯法啵)
	refused bool
	// presumed are the facts the call said nothing of that were read as
	// the vocabulary's unsaid value (a works not said to be an emergency
	// is not one: questions.yaml unsaid)
	presumed []string
	// ageSaid: the caller said an age (60岁) and no fact was read from it
	ageSaid bool
	badDay  bool // a day was named that does not exist
	// unknownDay: the day named is not known (a holiday whose days are
	// published yearly, of a year not published), not impossible
	unknownDay bool
	// unplacedDay: the day named counts from a holiday not named, and none
	// is near the call (节后第三天 said in June)
	unplacedDay bool
	// badWords are the words that named it (2月30号)
	badWords []string
	// claimed are the bounds a claim the caller heard states (离山五十米
	// 以内才不准): the answer says the rule's where they differ
	claimed []claimedBound
}

// claimedBound is a bound of number fact a claim states, and its words.
type claimedBound struct {
	fact  string
	bound float64
	words string
}

// askTerms is one entry of the vocabulary's asks table with its words
// (its own and its kind's): the terms they ask for, or the rule's own
// sentence (quote).
type askTerms struct {
	words []string
	own   []string // the words the table itself gives (not its kind's)
	terms []string
	quote bool
	// unstated are terms the rules need not state (退费): asked of an
	// allowed act no deciding rule states them for, no rule on them
	unstated []string
	// text: the words a notice's text would state them in (asks' text)
	text []string
	// each: its terms are said for each value of a fact left open
	each bool
	// refused: asked only of an act the call says is not done
	refused bool
	// wait: the entry is the waiting kind's, asked too by a wait's
	// length (要过90天才能报)
	wait bool
}

// askWords resolves the vocabulary's asks table against the grammar: an
// unknown kind is an error at its file:line:col.
func askWords(voc *vocab.Vocabulary, g *grammar) ([]askTerms, error) {
	var out []askTerms
	var errs rules.ErrorList
	for _, a := range voc.Asks {
		words := slices.Clone(a.Words)
		if a.Kind != "" {
			kw, ok := g.questionKind(a.Kind)
			if !ok {
				errs = append(errs, &rules.Error{File: a.File, Pos: a.Pos,
					Msg: fmt.Sprintf("asks: %q is no kind of question mandarin.yaml has (money, benefits, deadline, waiting, where, must, claim, consequence, when, rate, refund)", a.Kind)})
				continue
			}
			words = append(words, kw...)
		}
		out = append(out, askTerms{words: words, own: a.Words, terms: a.Terms, quote: a.Quote, unstated: a.Unstated, text: a.Text, each: a.Each, refused: a.Refused, wait: a.Kind == "waiting"})
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return out, nil
}

// askedWords is every word the asks table gives of its own (a kind's
// words are the grammar's, read as such) that holds no verb of a frame:
// question words, never an act's (放哪里 keeps 放 for 堆放装修垃圾).
func (p *parser) askedWords() []string {
	var out []string
	for _, a := range p.termAsks {
		for _, w := range a.own {
			if !p.holdsVerb(w) {
				out = append(out, w)
			}
		}
	}
	return out
}

// verbFirst1 reports whether w begins with a verb of one of the frames
// (烧田埂, 放挂鞭炮; not 田埂烧一下子).
func (p *parser) verbFirst1(w string) bool {
	end := 0
	for n := 0; n < 4 && end < len(w); n++ {
		_, sz := utf8.DecodeRuneInString(w[end:])
		end += sz
		if p.verbSet[w[:end]] {
			return true
		}
	}
	return false
}

// holdsVerb reports whether w holds a verb of one of the frames.
func (p *parser) holdsVerb(w string) bool {
	for _, n := range p.g.NotVerbs {
		w = strings.ReplaceAll(w, n, "|")
	}
	// every substring is a tail of a head
	for j := len(w); j > 0; {
		if p.endsWithVerb(w[:j]) {
			return true
		}
		_, sz := utf8.DecodeLastRuneInString(w[:j])
		j -= sz
	}
	return p.verbSet[""]
}

// askFlags say what, beyond "may I", the caller asked.
type askFlags struct {
	when, consequence, money, deadline, benefits, waiting, where bool
	// must: "must I still" (60岁还要交吗); fine: how much the penalty is
	// (罚多少), a question of the consequence
	must, fine bool
	// claim: how the help is claimed (低保户要不要去申请补助)
	claim bool
	// how: the way the act is done (怎么交, 咋办)
	how bool
	// daysLeft: how many days are left to the deadline (还有几天截止)
	daysLeft bool
	// basis: under which law the penalty is given (按么子法规处理), a
	// question of the consequence
	basis bool
}

// engineQuery is the engine's query for q with facts: for its day, or
// for its minute when a time was said (今晚11点).
func (q *Query) engineQuery(facts engine.Facts) engine.Query {
	eq := engine.Query{Activity: q.Activity, Day: q.Date, Facts: facts, Place: q.Place}
	if q.timed {
		if t, err := q.Date.At(q.minute/60, q.minute%60); err == nil {
			eq.At, eq.Day = t.Time(), calendar.Date{}
		}
	}
	return eq
}

// EngineQuery is the engine's query this query was decided as: for its
// day, or for its minute when a time was said or was the call's own.
func (q *Query) EngineQuery() engine.Query { return q.engineQuery(q.EngineFacts()) }

// EngineFacts converts the query's facts for the engine.
func (q *Query) EngineFacts() engine.Facts {
	out := engine.Facts{}
	for k, v := range q.Facts {
		if s, ok := v.(Span); ok {
			out[k] = engine.Range{Lo: s.Min, Hi: s.Max, Source: "question"}
			continue
		}
		out[k] = v
	}
	return out
}
