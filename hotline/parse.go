package hotline

import (
	"cmp"
	"encoding/json"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/division"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/hotline/dates"
	"github.com/tonggao/tonggao/hotline/vocab"
	"github.com/tonggao/tonggao/hotline/zh"
	"github.com/tonggao/tonggao/rules"
	"github.com/tonggao/tonggao/rules/cond"
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

// farMetres stands for "farther than that" in a distance range.
const farMetres = 100000

// word is what a matched phrase means.
type word struct {
	activity *rules.Activity // an activity of the rule set
	act      string          // an act no rule covers
	facts    []vocab.Value   // facts stated
	note     string
	verb     bool            // a frame's verb (for frames, in the token index)
	about    *rules.Activity // a phrase's activity, when no act is named (低保户交多少)
	place    string          // the division code the words name (金水区, 钱塘江), "" for none
	outside  string          // the name of a place no loaded notice covers (北京), "" for none
	unless   []vocab.Value   // facts that, read in the call, undo facts (vocab.Phrase.Unless)
}

// frame is one verb–object frame of an activity or an uncovered act.
type frame struct {
	activity *rules.Activity // nil for an act no rule covers
	verbs    map[string]bool
	objects  map[string]bool
	// byLength are the objects longest first, then in order (longestFirst),
	// sorted once: read for every bare verb of a call
	byLength []string
	with     []string // one of these must be said in the clause too
	// withNext: or in the clause right after the verb's (vocab.Frame.Next)
	withNext bool
	// withBefore: or in any clause before the verb's (vocab.Frame.Before)
	withBefore bool
}

// measure is a vocabulary's Measure with its pattern: prefix, number
// (group 1), unit (group 2).
type measure struct {
	vocab.Measure
	re *regexp.Regexp
	// after is the number and unit before one of the After words (四级风),
	// nil for none
	after *regexp.Regexp
}

// dayLimit is a vocabulary's DayLimit with its pattern and activity.
type dayLimit struct {
	vocab.DayLimit
	re    *regexp.Regexp
	about *rules.Activity
}

// parser turns questions into queries. It is built once per Hotline from
// the rule set, the calendar, the vocabulary and the Mandarin grammar, and
// is immutable and safe for concurrent use.
type parser struct {
	// requiredThings are the things breach phrases say are lacking, asked
	// as required (required.go), found by requiredScan after a word of
	// requiredAsk; required are each one's phrases
	requiredThings            []string
	required                  [][]requiredPhrase
	requiredScan, requiredAsk *wordScan
	// kin are the people the vocabulary's phrases name after a word of
	// doing for (给我爸 → 我爸), longest first, with the facts the phrase
	// states: what 帮他 says when he was named before (kinWords)
	kinNouns []kinNoun
	kinOwned []kinOwned
	// frameWords are the objects and with-words of covered acts' frames
	// that need a with-word, read by verbless
	frameWords *trie
	// topicPairs are the pairs of characters side by side in the words
	// covered activities are named by (topicPairsOf)
	topicPairs map[[2]rune]struct{}
	// marks are the pairs of quote marks that quote a pasted text
	marks []pasteMark
	// reportOnly are the report words that ask no duty (举报, 电话; not
	// 找哪个): said with a duty's words, the call still asks for a number
	reportOnly []string
	set        *rules.Set
	cal        *calendar.Calendar
	voc        *vocab.Vocabulary
	g          *grammar
	script     *zh.Script
	// particles reads a dialect's particles as the Mandarin ones
	// (mandarin.yaml particles), longest first
	particles *strings.Replacer
	py        *zh.Pinyin
	dates     *dates.Reader
	// yesNo are the grammar's YesNo words, longest first (asksIfIn)
	yesNo []string
	// seg segments the text around verbs, over the dictionary gse reads
	// (segment.go); framesInDict: every frame's verb and object is one of
	// its words
	seg          *segmenter
	framesInDict bool
	acts         *trie // activity and act phrases
	facts        *trie // fact phrases and places
	// unseen is what the unseen clause (趁他冇看到) states in this rule
	// set: the facts of its vocabulary's phrases of that shape; unseenNeg
	// and unseenSees are the grammar's negators and perception words,
	// longest first
	unseen                word
	unseenNeg, unseenSees []string
	// unasked is what the unasked clause (冇跟主人讲) states, read as
	// unseen is
	unasked word
	// own is what a hill said as a place of the caller's home states
	// (grammar Own; the vocabulary's facts of 自家的山); ownFirst are the
	// first characters of its owners
	own      word
	ownFirst runeBits
	// theirs is what a hill said as another's states (grammar Theirs; the
	// vocabulary's facts of 别人的山)
	theirs      word
	theirsFirst runeBits
	// toward maps the facts of a place said as where a thing is taken
	// (街上 of 到街上, 往街上) to what the vocabulary's phrase of it adds
	// (no designated place): keyed by factKey of the place's own facts
	toward map[string][]vocab.Value
	// towardSaid are the toward words those phrases begin with (到, 往:
	// not 去, which says where one goes, not where a thing is put)
	towardSaid []string
	// ageFirst are the first characters of the grammar's AgeTens
	ageFirst runeBits
	sound    *soundTrie
	// latin maps the toneless pinyin of every known word of two or more
	// characters (yibao) to the word (医保): what an operator types in Latin
	// letters; "" for a pinyin two words share. Made on the first call
	// with Latin letters (latinWords): few calls have any, and making it
	// was a twentieth of a process's start (docs/speed.md, session 20)
	latin func() map[string]string
	known *trie // every word the parser knows: not corrected by sound
	// framePhrases are the frames' verb–object phrases the homophone pass
	// hears (soundFramePhrases)
	framePhrases map[string]bool
	// triesFP is the fingerprint of the words known, sound and seg are
	// made of (tries_snapshot.go), when a snapshot is linked or wanted
	triesFP fingerprint
	// periods are the vocabulary's period words (禁火期), periodOf the
	// index of each one's period (when.go)
	periods  *trie
	periodOf map[string][]int
	frames   []*frame
	byVerb   map[string][]*frame
	// scanByVerb is byVerb with the frames of a way of an act that need a
	// word said with them (交…职工医保 with 居民医保): scanFrames pairs them
	// with their objects, but a verb said bare (交了好久能用) is never one
	scanByVerb map[string][]*frame
	byObj      map[string][]*frame
	// shortVerbSounds are the first syllables of the frames' verbs of one
	// or two characters (verbHeardAfterObject): a character whose sound is
	// none of them is passed over without a look back for an object
	shortVerbSounds map[uint16]bool
	// kin are, for each frame, the frames sharing one of its objects: the
	// same kind of thing, so a later verb of one acts on what the other's
	// object named (装修的垃圾…拉到河边倒了), built once at load
	kin map[*frame]map[*frame]bool
	// lone are the frame objects that name one covered activity alone
	// (鞭炮, 孔明灯), longest first: a fragment with no verb names its act
	// by one of them (鞭炮 过年 后山)
	lone    []string
	partial map[string]*rules.Activity // activity id → its partial form
	// partialOf are the activities with a partial form, in load order
	partialOf []*rules.Activity
	// mannerOf is the act each manner is a way of; outright are the
	// activities a rule forbids whatever the facts
	mannerOf map[*rules.Activity]*rules.Activity
	// storyOf is the first act (in the vocabulary's order) each manner is
	// a way of: two ways of it said in one call tell one story
	storyOf  map[*rules.Activity]*rules.Activity
	outright map[*rules.Activity]bool
	// beside are the manners named only when their act is said too
	beside map[*rules.Activity]bool
	// anywhere are the activities whose place is the person's, not
	// where they are said to be done (vocab.Activity.Anywhere)
	anywhere map[*rules.Activity]bool
	// outsideBefore and outsideAfter hold the grammar's
	// outside_background words, longest first
	outsideBefore, outsideAfter, outsideLinking, outsideHome, outsideBack []string
	// manners: activity id → the activities that are ways of doing it
	// which the rules judge apart (拆户参保 of 参保缴费)
	manners map[string][]*rules.Activity
	filler  *trie // words that carry no meaning for a query
	// selfBlank blanks the words naming the hotline itself (你们这个电话),
	// whose report word asks no number, and those whose 报 reports
	// nothing (报备, 报销)
	selfBlank *strings.Replacer
	// reWritten matches a report word written or posted (墙上写电话号码):
	// a thing said, not a request for a number
	reWritten *regexp.Regexp
	reDist    *regexp.Regexp
	reDays    *regexp.Regexp
	// reWait reads a wait asked of by its length (要过90天才能报, 等三个月才能用)
	reWait *regexp.Regexp
	// home is the reading of the grammar's home word (家里): where fuel
	// brought back is burnt; nil when the vocabulary reads none
	home *word
	// dayLimits are counts of days against a notice's limit (出生91天)
	dayLimits []dayLimit
	// measures are number facts said with their own words and unit
	// (风力四级), each with its pattern
	measures []measure
	reDoc    *regexp.Regexp
	reDocN   *regexp.Regexp
	verbSet  map[string]bool
	// verbFirst maps the first character of a frame's verb to the first
	// characters of that frame's objects
	verbFirst map[rune]map[rune]bool
	// objFirstHash is, for each of verbFirst's keys, its objects' first
	// characters as a hashed set: verbWindows tests every character near
	// a verb, and most are none of them
	objFirstHash map[rune]*runeHash
	// verbStarts are verbFirst's keys, as a set tested without a map
	// look-up: most characters of a long text start no verb
	verbStarts runeBits
	// soleFirst are the first characters of verbs only one activity has
	// (交, 摘): said alone they may still name it
	soleFirst map[rune]bool
	// ownContext are, per activity, the facts and calendar days that only
	// its own rules read (own_land, picking_right, 寒露 of the picking):
	// said in a call, they tie its bare verb to it as an object would
	ownContext map[*rules.Activity]*actContext
	// docFirst are the first characters of the rule set's document numbers
	docFirst []rune
	// issuers are the issuers' prefixes of the document numbers the rule
	// set and its register know (祁政通), longest first: a number said
	// with a prefix that sounds like one of them (祈政发, 祁正通) is that
	// issuer's
	issuers []string
	// numbered are the documents the rule set and its register know by
	// year and serial (2024年8号 → 祁政通〔2024〕8号, 祁政办发〔2024〕8号),
	// each with its title's subject as titles are compared: a number said
	// without its issuer is the one whose title the call's words name
	numbered map[yearSerial][]numberedDoc
	// distFirst are the first characters of the distance prefixes
	distFirst string
	// distUnits are the distance's unit words: reDist needs a numeral
	// right before one of them, a cheap test that spares the regexp
	// its scan of a call that says no number with a unit
	distUnits []string
	// householdFirst are the first characters of the household words
	householdFirst runeBits
	// inserted are the fact phrases whose noun may stand apart, a
	// modifier before it (vocabulary `modified`: 有…核准), longest head
	// first; insertedFirst their heads' first characters
	inserted      []insertedPhrase
	insertedFirst runeBits
	// askFirst are the first characters of the question words (asking,
	// when, money), askByFirst those words by it, longest first: a run
	// said with no pause is looked at for a question said twice only where
	// one may start (runOnCut)
	askFirst   runeBits
	askByFirst map[rune][]string
	// enumFirst are the first characters of the enumerators (一是, 第二)
	enumFirst runeBits
	// negFirst are the first characters of the negators: a window before
	// an act or a fact that holds none denies nothing (negation)
	negFirst runeBits
	// leftFirst and suffixFirst are the first characters of the
	// modifier's words (剩下, 下来): modifierAfter, asked after every act
	// and bare verb, looks its lists through only where one may start
	leftFirst, suffixFirst runeBits
	// complements and made are the grammar's lists as sets: tested for
	// every word of a frame's window
	complements, made map[string]bool
	// result are the grammar's resultative complements (成), as a set
	result map[string]bool

	// filler1 is the grammar's filler list as a set
	filler1 map[string]bool
	// asks are the vocabulary's question words that ask for the rules'
	// terms (vocab.Ask), each kind named resolved to the grammar's words
	termAsks []askTerms
	// stated are the terms each activity's rules state (by activity id):
	// a refused act is asked about when the call asks one of them
	// (不买医保会怎么样)
	stated map[string]map[string]bool
	// tellWords are the words of a clause that tells a long call's story
	// (story, third_party, reported, identity, purpose): a call with none
	// of them is read as before (asked.go)
	tellWords []string
	// objects are the frames' objects of two or more characters
	objects *trie
	// objByFirst are every frame's objects (of any length) by their first
	// character: whether a text starts with one is a look-up, not a
	// search per verb, frame and object
	objByFirst map[rune][]string
	// objStarts are objByFirst's keys and complFirst the complements'
	// first characters, as sets tested without a map look-up: a frame's
	// window is looked up word by word, and most of its words start no
	// object, verb or complement
	objStarts, complFirst runeBits
	// clocked: a window of the rule set has times of day, so a part of
	// the day said (晚上) is read (daySpan)
	clocked bool
	// plain: no shortcut is taken — every gate that spares a search (a
	// text's index of characters, the tables' first characters) is passed,
	// so that TestParseShortcuts can hold the shortcuts to the plain
	// reading (ungated)
	plain bool
}

// ungated is p reading without its shortcuts (plain); the same answers,
// slower — for the guard test only.
func (p *parser) ungated() *parser {
	u := *p
	u.plain = true
	return &u
}

func newParser(set *rules.Set, cal *calendar.Calendar, voc *vocab.Vocabulary, g *grammar) (*parser, error) {
	script, err := zh.NewScript()
	if err != nil {
		return nil, err
	}
	py, err := zh.NewPinyin()
	if err != nil {
		return nil, err
	}
	asks, err := askWords(voc, g)
	if err != nil {
		return nil, err
	}
	p := &parser{set: set, cal: cal, voc: voc, g: g, termAsks: asks, script: script, py: py, acts: newTrie(), facts: newTrie(),
		byVerb: map[string][]*frame{}, scanByVerb: map[string][]*frame{}, byObj: map[string][]*frame{}, partial: map[string]*rules.Activity{}, mannerOf: map[*rules.Activity]*rules.Activity{}, storyOf: map[*rules.Activity]*rules.Activity{}, outright: map[*rules.Activity]bool{}, beside: map[*rules.Activity]bool{}, anywhere: map[*rules.Activity]bool{}, manners: map[string][]*rules.Activity{}, verbSet: map[string]bool{}, verbFirst: map[rune]map[rune]bool{}, objFirstHash: map[rune]*runeHash{}}
	for _, l := range [][]string{g.Story, g.Came, g.ThirdParty, g.Reported, g.Identity, g.Purpose, g.PurposeNext, g.Fallback, g.ContrastOpen, g.OnlyPremise, g.CompareCase} {
		p.tellWords = append(p.tellWords, l...)
	}
	p.stated = map[string]map[string]bool{}
	if read := maps.Collect(maps.All(g.Particles)); len(read)+len(g.Hesitations) > 0 {
		maps.Copy(read, g.Hesitations)
		var pairs []string
		for _, w := range slices.SortedFunc(maps.Keys(read), func(a, b string) int { return cmp.Or(len(b)-len(a), strings.Compare(a, b)) }) {
			if len(read[w]) != len(w) {
				return nil, fmt.Errorf("mandarin.yaml particles, hesitations: %s is read as %s, of another length", w, read[w])
			}
			pairs = append(pairs, w, read[w])
		}
		p.particles = strings.NewReplacer(pairs...)
	}
	for _, n := range set.Notices {
		for _, r := range n.Rules {
			for _, a := range r.Activities {
				for _, t := range r.Terms {
					if p.stated[a.ID] == nil {
						p.stated[a.ID] = map[string]bool{}
					}
					p.stated[a.ID][t.Name] = true
				}
			}
		}
	}
	lunarDays := map[string]dates.LunarDay{}
	for w, ld := range voc.LunarDays {
		lunarDays[w] = dates.LunarDay{Date: ld.Date, Note: ld.Note, Since: ld.Since, HolidayAfter: ld.HolidayAfter}
	}
	termDays := map[string]dates.LunarDay{}
	for w, td := range voc.TermDays {
		termDays[w] = dates.LunarDay{Term: td.Term, Note: td.Note, Since: td.Since}
	}
	festivals := map[string]string{}
	for w, n := range g.Festivals {
		festivals[w] = n
	}
	for w, n := range voc.Festivals {
		festivals[w] = n
	}
	days, months := map[string]int{}, map[string]int{}
	for _, m := range []map[string]int{g.Days, g.Cantonese.Days, voc.Days} {
		for w, n := range m {
			days[w] = n
		}
	}
	for _, m := range []map[string]int{g.Months, g.Cantonese.Months} {
		for w, n := range m {
			months[w] = n
		}
	}
	// feast names are written simplified: a traditional spelling folds to them
	feasts := map[string]dates.Feast{}
	for w, f := range g.Feasts {
		feasts[script.Fold(w)] = f
	}
	// The day reader is made beside the acts, frames and tries below: it
	// reads only the maps made above and the grammar, none of what
	// follows reads it, and a CLI call waits for New (≈ 4 ms of a cold
	// call's main thread, docs/speed.md session 27). Joined before
	// newParser returns.
	datesDone := make(chan error, 1)
	go func() {
		var err error
		p.dates, err = dates.New(cal, dates.Words{Days: days, WeakDays: g.WeakDays, Months: months, LunarMonths: g.LunarMonths, Years: g.Years, NotYears: g.NotYears,
			MonthParts: g.MonthParts, MonthSpans: g.MonthSpans, SomeDays: g.SomeDays, YearParts: g.YearParts, This: append(append([]string{}, g.Week.This...), g.Cantonese.This...),
			Next: g.Week.Next, Last: g.Week.Last, Week: g.Week.Day, Weekdays: g.Week.Weekdays, Lunar: g.Lunar, After: g.After,
			Before: g.Before, BeforeDays: g.BeforeDays, AfterDays: g.AfterDays, BeforeDay: g.BeforeDay, BeforeFew: g.BeforeFew, AroundTerm: g.AroundTerm, AroundDays: g.AroundDays, StretchTo: g.Stretch.To, StretchInside: g.Stretch.Inside, NotReached: g.NotReached, Past: g.Past, PastAfter: g.PastAfter, PastOver: g.PastOver, TermCome: g.TermCome, AfterDay: g.AfterDay, CountUnits: g.CountUnits, MonthUnits: g.MonthUnits, CountNotAfter: g.CountNotAfter, CountWaitBefore: g.CountWait, LastNotAfter: g.LastNotAfter, NewYearFirst: g.NewYearFirst, TermAfter: g.TermAfter, Since: g.Since, TermWord: g.TermWord, TermLead: g.TermLead, TermWait: g.TermWait, DotNotBefore: g.DotNotBefore, Festivals: festivals, EitherFestivals: g.EitherFestivals, Customs: voc.Customs, Gregorian: g.Gregorian, LunarDays: lunarDays, TermDays: termDays,
			Feasts: feasts, Orthodox: g.Orthodox, ClockParts: g.ClockParts, ClockBefore: g.ClockBefore, LunarFirstNote: g.LunarFirstNote, PastNote: g.PastNote,
			Recent: g.Recent.Words, RecentDays: g.Recent.Within, RecentNote: g.Recent.Note, Reached: g.Recent.Reached,
			HolidayAfter: g.BareHoliday.After, HolidayBefore: g.BareHoliday.Before, HolidayNear: g.BareHoliday.Near, HolidayDays: g.BareHoliday.Days, HolidayNamed: g.BareHoliday.Named})
		datesDone <- err
	}()
	byID := map[string]*rules.Activity{}
	// (the tries grow a word at a time: room made first spares them
	// growing again and again, each time a copy of every edge)
	actRunes := 0
	for _, a := range set.Activities {
		actRunes += runesIn([]string{a.Name}, a.Synonyms)
	}
	for _, va := range voc.Activities {
		actRunes += runesIn(va.Words)
	}
	p.acts.reserve(actRunes)
	for _, a := range set.Activities {
		byID[a.ID] = a
		for _, w := range append([]string{a.Name}, a.Synonyms...) {
			if utf8.RuneCountInString(w) >= 2 {
				p.acts.add(w, word{activity: a})
			}
		}
	}
	addFrame := func(f *frame) {
		f.byLength = longestFirst(f.objects)
		p.frames = append(p.frames, f)
		for v := range f.verbs {
			p.byVerb[v] = append(p.byVerb[v], f)
			p.scanByVerb[v] = append(p.scanByVerb[v], f)
			p.verbSet[v] = true
			r, _ := utf8.DecodeRuneInString(v)
			if p.verbFirst[r] == nil {
				p.verbFirst[r] = map[rune]bool{}
				p.objFirstHash[r] = &runeHash{}
				p.verbStarts.add(r)
			}
			for o := range f.objects {
				ro, _ := utf8.DecodeRuneInString(o)
				p.verbFirst[r][ro] = true
				p.objFirstHash[r].add(ro)
			}
		}
		for o := range f.objects {
			p.byObj[o] = append(p.byObj[o], f)
		}
	}
	for _, va := range voc.Activities {
		a := byID[va.ID]
		for _, w := range va.Words {
			p.acts.add(w, word{activity: a})
		}
		for _, fr := range va.Frames {
			addFrame(&frame{activity: a, verbs: set2(fr.Verbs), objects: set2(fr.Objects), with: fr.With, withNext: fr.Next, withBefore: fr.Before})
		}
		if va.Partial != "" {
			p.partial[a.ID] = byID[va.Partial]
			p.partialOf = append(p.partialOf, a)
		}
		for _, m := range va.Manners {
			p.manners[a.ID] = append(p.manners[a.ID], byID[m])
			p.mannerOf[byID[m]] = a
			if p.storyOf[byID[m]] == nil {
				p.storyOf[byID[m]] = a
			}
		}
		if va.Beside {
			p.beside[a] = true
		}
		if va.Anywhere {
			p.anywhere[a] = true
		}
	}
	// the activities a rule forbids whatever the facts (重复参保): such a
	// way of an act outranks one whose answer turns on facts
	for _, n := range set.Notices {
		for _, r := range n.Rules {
			if r.Effect == rules.Forbid && r.Program != nil && len(r.Program.Vars) == 0 {
				for _, a := range r.Activities {
					p.outright[a] = true
				}
			}
		}
	}
	// 乱堆 is 堆 done at will: a prefix that makes one word with the verb
	// in the dictionary would hide it. Each frame hears its verbs with
	// the prefix as a frame of its own, added after every listed one, so
	// that a frame listing the prefixed verb itself (乱堆 of rubble) wins.
	for _, f := range slices.Clone(p.frames) {
		pv := map[string]bool{}
		for v := range f.verbs {
			for _, pre := range g.VerbPrefixes {
				if !strings.HasPrefix(v, pre) && !f.verbs[pre+v] {
					pv[pre+v] = true
				}
			}
		}
		if len(pv) > 0 {
			addFrame(&frame{activity: f.activity, verbs: pv, objects: f.objects, with: f.with, withNext: f.withNext, withBefore: f.withBefore})
		}
	}
	p.dropBareWays()
	p.aspectVariants()
	p.lackVariants()
	if err := p.requiredWords(); err != nil {
		return nil, fmt.Errorf("hotline: required_ask: %w", err)
	}
	p.topicPairs = topicPairsOf(set, voc)
	for _, ac := range voc.Acts {
		for _, w := range ac.Words {
			p.acts.add(w, word{act: w})
		}
		for _, fr := range ac.Frames {
			// (with-words hold as for a covered act's frame: a frame with
			// them is never named by its object alone — lone)
			addFrame(&frame{verbs: set2(fr.Verbs), objects: set2(fr.Objects), with: fr.With, withNext: fr.Next})
		}
	}
	for _, f := range set.Facts {
		if f.Kind != cond.Enum {
			continue
		}
		for _, v := range f.Values {
			if hasHan(v) {
				p.facts.add(v, word{facts: []vocab.Value{{Fact: f.Name, V: v}}})
			}
		}
		for v, label := range f.Labels {
			if hasHan(label) && utf8.RuneCountInString(label) <= 12 {
				p.facts.add(label, word{facts: []vocab.Value{{Fact: f.Name, V: v}}})
			}
		}
	}
	for _, ph := range voc.Phrases {
		for _, w := range ph.Words {
			p.facts.add(w, word{facts: ph.Facts, note: ph.Note, about: byID[ph.About], place: ph.Place, unless: ph.Unless})
			for _, n := range ph.Modified {
				if h, ok := strings.CutSuffix(w, n); ok && h != "" {
					p.inserted = append(p.inserted, insertedPhrase{head: h, noun: n, w: word{facts: ph.Facts, note: ph.Note, about: byID[ph.About], place: ph.Place, unless: ph.Unless}})
					r, _ := utf8.DecodeRuneInString(h)
					p.insertedFirst.add(r)
				}
			}
		}
	}
	slices.SortStableFunc(p.inserted, func(a, b insertedPhrase) int { return len(b.head) - len(a.head) })
	p.unseenWords(voc)
	p.unaskedWords(voc)
	p.ownWords(voc)
	p.towardWords(voc)
	p.kinWords(voc)
	p.placeWords(voc)
	// The tries and frames are complete: from here on they are only read.
	// The known words (never corrected by sound), the segmenter's
	// dictionary and the homophone index are made from them — from the
	// snapshot of the embedded rule base's when they are its words
	// (tries_snapshot.go). The homophone index is made beside the rest,
	// on another core where there is one (the CLI answers one call a
	// process, and waits for New).
	knownLists := knownListsOf(voc, g, keys(feasts), p.askedWords())
	soundDone := make(chan struct{})
	if !p.triesFromSnapshotFor(knownLists, py, soundDone) {
		go func() {
			defer close(soundDone)
			p.buildSound(py)
		}()
		// The segmenter's dictionary: every word the parser knows, so that
		// frames match whole words (香烟 is not 香).
		p.seg = segmenterOfEntries(p.segEntries())
		p.buildKnown(knownLists)
	}
	// a frame's verbs and objects are the dictionary's words, so a
	// character no word starts with (gse's pseudo-word) is none of them:
	// scanFrames need not look it up
	p.framesInDict = true
	for _, f := range p.frames {
		for _, m := range []map[string]bool{f.verbs, f.objects} {
			for w := range m {
				p.framesInDict = p.framesInDict && p.seg.isWord(w)
			}
		}
	}
	p.ownContext = ownContextOf(set, p.mannerOf)
	p.soleFirst = map[rune]bool{}
	for v := range p.byVerb {
		if p.onlyActivityOf(v) != nil {
			r, _ := utf8.DecodeRuneInString(v)
			p.soleFirst[r] = true
		}
	}
	p.frameWords = newTrie()
	for _, f := range p.frames {
		if f.activity != nil && len(f.with) > 0 {
			for _, w := range slices.Concat(f.byLength, f.with) {
				p.frameWords.addWord(w)
			}
		}
	}
	p.latin = sync.OnceValue(p.latinWords)
	p.yesNo = slices.Clone(g.YesNo)
	slices.SortStableFunc(p.yesNo, func(a, b string) int { return len(b) - len(a) })
	for _, w := range g.Report {
		if !slices.Contains(g.Duty, w) {
			p.reportOnly = append(p.reportOnly, w)
		}
	}
	p.filler = newTrie()
	// (an age said, 老人家七十多了, is the caller's situation: read, as
	// Query.ageSaid says, not a word misunderstood)
	for _, l := range [][]string{g.Filler, g.People, g.When, g.Consequence, g.Fine, g.Money, g.Deadline, g.DaysLeft, g.Benefits, g.Waiting, g.Where,
		g.Document, g.Validity, g.Report, g.Corrections, g.Age, g.BasisOf, g.Roles, keys(days), p.askedWords()} {
		for _, w := range l {
			p.filler.addWord(w)
		}
	}

	d := voc.Distance
	if d.Fact != "" {
		units := keys(d.Units)
		p.distUnits = units
		// the landmark may be left out when the distance says it is far
		// (好几百米远, 三四百米开外): see distance
		p.reDist = regexp.MustCompile(`(?:` + alt(d.Prefixes) + `\s*(?:` + alt(g.LandmarkDeterminers) + `)?` + alt(d.Nouns) + `(?:边缘|边边上|边边|边上|边)?)?\s*(?:` + alt(g.AmountHedges) + `)?\s*(` +
			alt(append(append(append(append(append([]string{}, g.Less...), g.More...), g.AtMost...), g.AboutBefore...), g.AtLeast...)) + `)?\s*(?:` + alt(g.AmountHedges) + `)?\s*(` +
			`[0-9]+(?:\.[0-9]+)?[十百千万]?|[零〇一二两三四五六七八九十百千几好把半]+` + `)\s*(来|多)?\s*(` + alt(units) + `)\s*(多)?\s*(路)?\s*(` +
			alt(slices.Concat(d.Within, d.Beyond, d.Above, g.AboutAfter, g.AtLeastAfter)) + `)?`)
	}
	for _, l := range voc.DayLimits {
		p.dayLimits = append(p.dayLimits, dayLimit{DayLimit: l, about: byID[l.About],
			re: regexp.MustCompile(alt(l.Prefixes) + `\s*(?:刚好|刚刚|正好|恰好|已经|才|就|都|有|满|了|快)*\s*([0-9]+|[零〇一二两三四五六七八九十百]+)\s*(多)?\s*(?:个)?\s*` + alt(l.Units))})
	}
	for _, m := range voc.Measures {
		units := keys(m.Units)
		ms := measure{Measure: m,
			re: regexp.MustCompile(alt(m.Prefixes) + `\s*([0-9]+(?:\.[0-9]+)?|[零〇一二两三四五六七八九十百千万]+)\s*(` + alt(units) + `)(半|多)?`)}
		if len(m.After) > 0 {
			ms.after = regexp.MustCompile(`([0-9]+(?:\.[0-9]+)?|[零〇一二两三四五六七八九十百千万]+)\s*(` + alt(units) + `)\s*(?:的)?` + alt(m.After))
		}
		p.measures = append(p.measures, ms)
	}
	if len(g.WaitVerbs) > 0 && len(g.CountWait) > 0 {
		units := append(keys(g.CountUnits), g.MonthUnits...)
		p.reWait = regexp.MustCompile(alt(g.WaitVerbs) + `\s*(?:[0-9]+|[零〇一二两三四五六七八九十百几多少好]+)\s*` + alt(units) + `\s*` + alt(g.CountWait))
	}
	if g.Home != "" {
		if ws, n := p.facts.longest(g.Home); n == len(g.Home) && len(ws) > 0 {
			p.home = &ws[0]
		}
	}
	if c := voc.DaysSince; c.Fact != "" {
		p.reDays = regexp.MustCompile(alt(c.Prefixes) + `\s*([0-9]+|[零〇一二两三四五六七八九十]+)\s*` + alt(c.Units))
	}
	for _, n := range set.Notices {
		if r, _ := utf8.DecodeRuneInString(n.Number); r != utf8.RuneError && !strings.ContainsRune(string(p.docFirst), r) {
			p.docFirst = append(p.docFirst, r)
		}
	}
	for _, w := range append(append([]string{}, d.Prefixes...), keys(d.Units)...) {
		r, _ := utf8.DecodeRuneInString(w)
		p.distFirst += string(r)
	}
	p.complements, p.made, p.result, p.filler1 = set2(g.Complements), set2(g.Made), set2(g.Result), set2(g.Filler)
	for _, c := range g.Complements {
		r, _ := utf8.DecodeRuneInString(c)
		p.complFirst.add(r)
	}
	p.objects, p.objByFirst = newTrie(), map[rune][]string{}
	for _, f := range p.frames {
		for _, o := range f.byLength {
			if r, _ := utf8.DecodeRuneInString(o); !slices.Contains(p.objByFirst[r], o) {
				p.objByFirst[r] = append(p.objByFirst[r], o)
				p.objStarts.add(r)
			}
			if utf8.RuneCountInString(o) >= 2 {
				p.objects.addWord(o)
			}
		}
	}
	for _, w := range slices.Concat(g.Household, g.HouseholdOf, g.HouseholdThings, g.OthersHouse) {
		r, _ := utf8.DecodeRuneInString(w)
		p.householdFirst.add(r)
	}
	for _, w := range g.AgeTens {
		r, _ := utf8.DecodeRuneInString(w)
		p.ageFirst.add(r)
	}
	for _, w := range g.Enumerators {
		r, _ := utf8.DecodeRuneInString(w)
		p.enumFirst.add(r)
	}
	for _, w := range g.Negators {
		r, _ := utf8.DecodeRuneInString(w)
		p.negFirst.add(r)
	}
	for _, l := range []struct {
		words []string
		first *runeBits
	}{{g.Modifier.Left, &p.leftFirst}, {g.Modifier.Suffixes, &p.suffixFirst}} {
		for _, w := range l.words {
			r, _ := utf8.DecodeRuneInString(w)
			l.first.add(r)
		}
	}
	p.askByFirst = map[rune][]string{}
	for _, l := range [][]string{g.Asking, g.When, g.Money} {
		for _, w := range l {
			r, _ := utf8.DecodeRuneInString(w)
			p.askFirst.add(r)
			if !slices.Contains(p.askByFirst[r], w) {
				p.askByFirst[r] = append(p.askByFirst[r], w)
			}
		}
	}
	for _, ws := range p.askByFirst { // the longest said at a place is the word
		sort.SliceStable(ws, func(i, j int) bool { return len(ws[i]) > len(ws[j]) })
	}
	// a document number: the words before it (the issuer, perhaps run into
	// other words), the year — in brackets of any kind, four digits with or
	// without 年, or two digits with 年 or in brackets (24年, (24)) — and
	// the number, perhaps after 第 (2024年第7号); see docNumber
	p.reDoc = regexp.MustCompile(`([\p{Han}]{2,5}?)\s*(?:[〔（(\[【]\s*((?:19|20)?[0-9]{2})\s*[〕）)\]】年]?|((?:19|20)[0-9]{2})\s*年?|([0-9]{2})\s*年)\s*第?\s*([0-9]{1,3})\s*号`)
	self := make([]string, 0, 2*len(g.HotlineSelf))
	// (来电人反映: a ticket's head reports nothing either)
	for _, w := range slices.Concat(g.HotlineSelf, g.Relayed, g.ReportNot) {
		self = append(self, w, "\x00")
	}
	p.selfBlank = strings.NewReplacer(self...)
	p.marks = pasteMarks(g.QuoteMarks)
	// a report word written or posted (墙上写电话号码, 公示…投诉电话): from
	// the verb to the report word, within one clause
	// — a report word that names a thing (电话, 号码), not one asking
	// whom to call (贴小广告的找哪个)
	var things []string
	for _, w := range g.Report {
		if slices.ContainsFunc(g.ReportThings, func(t string) bool { return strings.Contains(w, t) }) {
			things = append(things, w)
		}
	}
	if len(g.ReportWritten) > 0 && len(things) > 0 {
		p.reWritten = regexp.MustCompile(alt(g.ReportWritten) + `[^\s，,。.？?！!；;：:]{0,12}?(?:` + alt(things) + `)+`)
	}
	p.reDocN = regexp.MustCompile(`([0-9]{1,3}|[一二三四五六七八九十]{1,3})\s*号(?:文件|文|令)`)
	p.addPeriods()
	p.shortVerbSounds = map[uint16]bool{}
	for v, fs := range p.byVerb {
		r, _ := utf8.DecodeRuneInString(v)
		if n := utf8.RuneCountInString(v); n > 2 || !slices.ContainsFunc(fs, func(f *frame) bool { return f.activity != nil && len(f.with) == 0 }) {
			continue
		}
		if first, _ := py.Syllables(r); first != 0 {
			p.shortVerbSounds[first] = true
		}
	}
	p.kin = map[*frame]map[*frame]bool{}
	for _, fs := range p.byObj {
		for _, f := range fs {
			for _, g := range fs {
				if f == g {
					continue
				}
				if p.kin[f] == nil {
					p.kin[f] = map[*frame]bool{}
				}
				p.kin[f][g] = true
			}
		}
	}
	for o, fs := range p.byObj {
		var a *rules.Activity
		for _, f := range fs {
			// a frame's object names its act only with its with-words
			// (他 of 推了他一下 names no obstruction alone)
			if len(f.with) > 0 {
				continue
			}
			if f.activity == nil || a != nil && a != f.activity {
				a = nil
				break
			}
			a = f.activity
		}
		if a != nil && !p.made[o] && utf8.RuneCountInString(o) >= 2 {
			p.lone = append(p.lone, o)
		}
	}
	sort.Slice(p.lone, func(i, j int) bool {
		if len(p.lone[i]) != len(p.lone[j]) {
			return len(p.lone[i]) > len(p.lone[j])
		}
		return p.lone[i] < p.lone[j]
	})
	<-soundDone
	also, err := readingsAlso(py, g.ReadingsAlso)
	if err != nil {
		<-datesDone
		return nil, err
	}
	p.sound.also = also
	if err := <-datesDone; err != nil {
		return nil, err
	}
	return p, nil
}

// readingsAlso are the further readings (syllable numbers) a character
// typed is heard by besides its most common one (readings_also in
// mandarin.yaml: 桔 is jú and jié), each checked to be one of its own.
func readingsAlso(py *zh.Pinyin, list map[string][]string) (map[rune][]uint16, error) {
	also := map[rune][]uint16{}
	for c, rs := range list {
		r, n := utf8.DecodeRuneInString(c)
		if n != len(c) {
			return nil, fmt.Errorf("readings_also: %q is not one character", c)
		}
		names, ids := py.Readings(r), py.AppendSyllables(nil, r)
		for _, want := range rs {
			k := slices.Index(names, want)
			if k < 0 || k >= len(ids) {
				return nil, fmt.Errorf("readings_also: %s is not read %s (%v)", c, want, names)
			}
			also[r] = append(also[r], ids[k])
		}
	}
	return also, nil
}

// knownListsOf are the lists of words the known words hold beside the
// acts', the facts' and the frames' (eachKnownWord).
func knownListsOf(voc *vocab.Vocabulary, g *grammar, feasts, asked []string) [][]string {
	lists := [][]string{g.Negators, g.Focus, g.Filler, g.Asking, g.When, g.Consequence, g.Money, g.Deadline, g.DaysLeft, g.Benefits, g.Waiting,
		g.Where, g.Refund, g.Fine, g.Document, g.Validity, g.DocumentAsks, g.BasisOf, g.Roles, g.DocumentUnlisted, g.DocumentCount, g.Employer, g.Report, g.Corrections, g.CorrectionsAlone, g.Enumerators, g.Connectors, g.Less, g.More, g.AtMost, g.AboutBefore, g.AboutAfter, g.Lunar, g.Past, g.People, g.Household, g.Everyday, g.SomeOf, g.Except, g.Counts, g.Persons,
		keys(g.Days), keys(g.WeakDays), keys(g.Months), keys(g.Years), keys(g.MonthParts), keys(g.YearParts), keys(g.Gregorian),
		keys(voc.Days), keys(voc.Festivals), keys(voc.Customs), keys(voc.LunarDays), keys(voc.TermDays), calendar.FestivalNames(), festivalWords,
		keys(g.Cantonese.Days), keys(g.Cantonese.Months), feasts, g.Orthodox, keys(g.MonthSpans), asked,
		g.Unasked.Holders, g.Unasked.Told, g.Unasked.Tell, g.Unasked.Say, g.Unasked.Consent,
		// a duty's words and the ways of asking it (村里代交 要开单子不: 单子
		// is no 擅自 said by sound)
		g.Duty, g.DutyWhether}
	for _, d := range voc.Duties {
		lists = append(lists, d.Words, d.With)
	}
	return lists
}

// eachKnownWord calls add with every word never corrected by sound: all
// the parser knows (the acts', the facts', the frames', the lists').
func (p *parser) eachKnownWord(lists [][]string, add func(w string)) {
	for _, t := range []*trie{p.acts, p.facts} {
		for w := range t.words {
			add(w)
		}
	}
	for _, l := range lists {
		for _, w := range l {
			add(w)
		}
	}
	for _, f := range p.frames {
		for w := range f.verbs {
			add(w)
		}
		for w := range f.objects {
			add(w)
		}
		for _, w := range f.with { // 自己屋: the caller's own house, not 起屋
			add(w)
		}
	}
	for _, pre := range p.voc.Distance.Prefixes { // 离山: a distance, not 里山
		for _, n := range p.voc.Distance.Nouns {
			add(pre + n)
		}
	}
	for _, m := range p.voc.Measures { // 离国道五百米: a measure's words, not 过道
		for _, pre := range append(slices.Clone(m.Prefixes), m.After...) {
			if utf8.RuneCountInString(pre) >= 2 {
				add(pre)
			}
		}
	}
	for _, pd := range p.voc.Periods { // 防火期 is not 防火机 (addPeriods)
		for _, w := range pd.Words {
			add(w)
		}
	}
}

// buildKnown makes the trie of the known words.
func (p *parser) buildKnown(lists [][]string) {
	// (about as many nodes as the two tries hold and the frames' distinct
	// words: frames share their verbs and objects, and counted once a frame
	// they would double the table for nothing)
	frameWords, frameRunes := p.frameWordsDistinct()
	p.known = newTrieSize(len(p.acts.words) + len(p.facts.words) + frameWords)
	p.known.reserve(len(p.acts.nodes) + len(p.facts.nodes) + frameRunes)
	p.eachKnownWord(lists, p.known.addWord)
}

// buildSound makes the homophone index (p.sound, p.framePhrases) from the
// finished tries and frames, which it only reads.
func (p *parser) buildSound(py *zh.Pinyin) {
	g, voc := p.g, p.voc
	frameWords := p.frameWordCount()
	// Homophones: every word of two or more characters, by its sounds.
	// In a fixed order: of two words that sound alike (秸秆, 秸杆) the first
	// added is the one heard, the same on every start.
	// The objects of an act no rule covers are not heard by their sound
	// (its listed words are): hearing one can only turn a call to no rule,
	// and things sown, opened or laid on sound like everyday speech (都交
	// is not 豆角).
	p.sound = newSoundTrie(py)
	// (a word's sounds are no more nodes than its characters)
	p.sound.reserve(len(p.acts.nodes) + len(p.facts.nodes) + frameWords)
	for _, w := range keys(p.acts.words) {
		p.sound.add(w)
	}
	for _, w := range keys(p.facts.words) {
		// a place's name is heard as written only: 乌石 sounds as 五十,
		// 白石 as 白事, 石鼓 as 事故
		if !slices.ContainsFunc(p.facts.words[w], func(x word) bool { return x.place == "" && x.outside == "" }) {
			continue
		}
		p.sound.add(w)
	}
	for _, f := range p.frames {
		if f.activity == nil {
			continue
		}
		for _, o := range keys(f.objects) {
			p.sound.add(o)
		}
	}
	p.soundFramePhrases(py)
	p.soundLongVerbs()
	// 还有孝吗, 还有校不: a document's validity asked as it sounds (words
	// of three characters or more: two are too often another word)
	for _, w := range g.Validity {
		if utf8.RuneCountInString(w) >= 3 {
			p.sound.add(w)
		}
	}
	// 成管, 交井: a department whose number is asked, typed with a
	// character of the same sound (not the words that report a fire by
	// themselves: 起火, 冒烟 are too near everyday words)
	for _, r := range voc.Reports {
		if r.Alarm {
			continue
		}
		for _, w := range r.Words {
			p.sound.add(w)
		}
	}
	// 请明节, 端五, 中球节: a festival typed with a character of the same
	// sound (only the names listed: 春节 sounds as 纯洁, 除夕 as 出席)
	for _, w := range g.HeardFestivals {
		p.sound.add(w)
	}
	// 禁火其, 缴费其: a period typed with a character of the same sound
	// (words of three characters or more, as the validity words)
	for _, pd := range voc.Periods {
		for _, w := range pd.Words {
			if utf8.RuneCountInString(w) >= 3 {
				p.sound.add(w)
			}
		}
	}
	p.sound.index()
}

// segDict is the segmenter's dictionary, in gse's format (a word, its
// frequency and a part of speech a line): every word the parser knows, so
// that frames match whole words (香烟 is not 香).
func (p *parser) segDict() string {
	var dict strings.Builder
	p.eachSegWord(func(w, pos string) {
		fmt.Fprintf(&dict, "%s %d %s\n", w, segFreq(w), pos)
	})
	return dict.String()
}

// segEntries are the words of segDict as segmenterOf reads them from its
// lines, in the same order.
func (p *parser) segEntries() []segEntry {
	var entries []segEntry
	p.eachSegWord(func(w, _ string) {
		entries = append(entries, segEntry{strings.TrimSpace(w), float64(segFreq(w))})
	})
	return entries
}

// segFreq is a dictionary word's frequency: longer words are likelier.
func segFreq(w string) int {
	n := utf8.RuneCountInString(w)
	return 10 + 40*n*n
}

// eachSegWord calls add with every word of the segmenter's dictionary
// and its part of speech.
func (p *parser) eachSegWord(addWord func(w, pos string)) {
	add := func(w string, pos string) {
		if w == "" || strings.ContainsAny(w, " \n") {
			return
		}
		addWord(w, pos)
	}
	extends := p.frameExtends()
	for w, ms := range p.acts.words {
		// an act no rule covers is found as a listed phrase, never
		// inside a frame: it does not split the words of one (装修 in
		// 装修垃圾堆)
		if len(ms) == 1 && ms[0].activity == nil {
			continue
		}
		// 烧纸 in 烧纸箱子: an act's word that another act's frame runs
		// past is no word of its own here — the frame's verb and its
		// longer object are (the scan still finds the word said alone)
		if extends(w, ms) {
			continue
		}
		add(w, "act")
	}
	for w := range p.facts.words {
		add(w, "fact")
	}
	// 还禁火不: a period's word is one word (火 in it is no fire lit)
	for _, pd := range p.voc.Periods {
		for _, w := range pd.Words {
			add(w, "period")
		}
	}
	for _, f := range p.frames {
		for v := range f.verbs {
			add(v, "v")
		}
		for o := range f.objects {
			add(o, "n")
		}
	}
	for _, l := range [][]string{p.g.Negators, p.g.Focus, p.g.Filler, p.g.When, p.g.Consequence, p.g.Money, p.askedWords()} {
		for _, w := range l {
			add(w, "x")
		}
	}
}

// frameExtends returns a test of whether an act's word (meanings ms) is
// a frame's verb and the start of one of its objects, the frame another
// covered act's that needs no word said with it: 烧纸 (paper money) is 烧
// and the start of 纸箱子 (rubbish). A frame with with-words is left out,
// as it is the act only where they are said (cutsFrame decides there).
func (p *parser) frameExtends() func(w string, ms []word) bool {
	starts := map[string][]*frame{} // a proper prefix of an object → its frames
	for _, f := range p.frames {
		if f.activity == nil || len(f.with) > 0 {
			continue
		}
		for o := range f.objects {
			for k := range o {
				if k > 0 {
					starts[o[:k]] = append(starts[o[:k]], f)
				}
			}
		}
	}
	return func(w string, ms []word) bool {
		for k := range w {
			if k == 0 {
				continue
			}
			for _, f := range starts[w[k:]] {
				if f.verbs[w[:k]] && !slices.ContainsFunc(ms, func(m word) bool { return m.activity == f.activity }) {
					return true
				}
			}
		}
		return false
	}
}

// aspectVariants adds, for every phrase of a covered activity with a
// frame's verb inside it, the phrase with an aspect particle after that
// verb (又交一次 → 又交了一次, 分开交医保 → 分开交了医保): the same
// phrase in the perfective. A phrase that is itself a verb and an object
// of one of its activity's frames (交医保) is left to the frames, which
// read 交了医保 as the story told, not the question.
func (p *parser) aspectVariants() {
	type variant struct {
		w string
		m word
	}
	var add []variant
	framesOf := map[*rules.Activity][]*frame{}
	for _, f := range p.frames {
		framesOf[f.activity] = append(framesOf[f.activity], f)
	}
	for w, ms := range p.acts.words {
		if len(ms) == 0 || ms[0].activity == nil || isFrameOf(framesOf[ms[0].activity], w) {
			continue
		}
		for k := range w {
			if k == 0 {
				continue
			}
			if !p.endsWithVerb(w[:k]) {
				continue
			}
			for _, asp := range p.g.Aspect {
				if strings.HasPrefix(w[k:], asp) || strings.HasSuffix(w[:k], asp) {
					continue
				}
				for _, m := range ms {
					add = append(add, variant{w[:k] + asp + w[k:], m})
				}
			}
		}
	}
	sort.SliceStable(add, func(i, j int) bool { return add[i].w < add[j].w })
	p.acts.reserveFor(len(add), func(i int) string { return add[i].w })
	for _, v := range add {
		if _, ok := p.acts.words[v.w]; !ok || !slices.ContainsFunc(p.acts.words[v.w], func(m word) bool { return m.activity == v.m.activity }) {
			p.acts.add(v.w, v.m)
		}
	}
}

// lackVariants adds, for every phrase of an activity with a word of Lack
// inside it (not at its end: 开摘了没 asks), the phrase with each other
// word of Lack in its place (没密闭 → 冇密闭, 未密闭): a missing measure
// said with any negator of the kind. Done at load, the lists need not
// spell every negator.
func (p *parser) lackVariants() {
	lack := slices.Clone(p.g.Lack)
	sort.SliceStable(lack, func(i, j int) bool { return len(lack[i]) > len(lack[j]) })
	type variant struct {
		w string
		m word
	}
	var add []variant
	for w, ms := range p.acts.words {
		if len(ms) == 0 || ms[0].activity == nil {
			continue
		}
	find:
		for k := 0; k < len(w); {
			for _, n := range lack {
				if !strings.HasPrefix(w[k:], n) || k+len(n) == len(w) {
					continue
				}
				for _, o := range lack {
					if o != n {
						add = append(add, variant{w[:k] + o + w[k+len(n):], ms[0]})
					}
				}
				break find
			}
			_, sz := utf8.DecodeRuneInString(w[k:])
			k += sz
		}
	}
	sort.SliceStable(add, func(i, j int) bool { return add[i].w < add[j].w })
	p.acts.reserveFor(len(add), func(i int) string { return add[i].w })
	for _, v := range add {
		if _, ok := p.acts.words[v.w]; !ok {
			p.acts.add(v.w, v.m)
		}
	}
}

// isFrameOf reports whether w is a verb and an object of one of frames
// (aspectVariants asks it of every word of an act, with the act's frames
// gathered once, not looked for among all the frames for each word).
func isFrameOf(frames []*frame, w string) bool {
	for _, f := range frames {
		for v := range f.verbs {
			if strings.HasPrefix(w, v) && f.objects[w[len(v):]] {
				return true
			}
		}
	}
	return false
}

func set2(ws []string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func alt(words []string) string {
	ws := append([]string(nil), words...)
	sort.Slice(ws, func(i, j int) bool { return len(ws[i]) > len(ws[j]) })
	for i, w := range ws {
		ws[i] = regexp.QuoteMeta(w)
	}
	if len(ws) == 0 {
		return `(?:\x00)`
	}
	return "(?:" + strings.Join(ws, "|") + ")"
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// MaxRead bounds the work on one call: a question is read up to its
// first MaxRead characters (at the last clause break before them, when
// one falls in their second half), and the rest is not read. A caller's
// question is a few sentences, but a long call tells a story around it
// (held-out set 39's run to 190 characters, the question often last); a
// 500-character one of dates, misheard words or the parser's own
// characters cost up to ten recognised questions at 150, a third more at
// 200. A call cut short says so (Query.Unread) and is never answered 可以:
// what was not read may have changed it.
const MaxRead = 200

// readable returns the part of question that is read and the number of
// characters left unread (see MaxRead).
func readable(question string) (string, int) {
	n, cut, brk := 0, len(question), -1
	for i, r := range question {
		if n == MaxRead {
			cut = i
			break
		}
		n++
		if clauseBreak(r) && n > MaxRead/2 {
			brk = i + utf8.RuneLen(r)
		}
	}
	if cut == len(question) {
		return question, 0
	}
	if brk > 0 {
		cut = brk
	}
	return question[:cut], utf8.RuneCountInString(question[cut:])
}

// hit is one phrase or frame found in the text.
type hit struct {
	i, j   int // bytes of the folded text
	w      word
	clause int
	neg    bool // negated (不烧纸)
	focus  bool // 只烧纸
	// required: the breach asked the other way round, whether the thing it
	// lacks must be done (要不要装喷淋: required.go)
	required bool
	bg       bool // background (摘茶籽的时候)
	when     bool // background as the time of another act (摘茶籽的时候): never the one asked beside it
	mod      bool // describes a noun (杀鸡的毛): background, and no topic of another act
	words    string
	// wi, wj are the bytes of words when they are more than i..j (a
	// frame's verb and object); 0, 0 otherwise.
	wi, wj int
	// obj is a frame's object as matched (渣土 of 拉渣土); "" for a phrase.
	obj string
	// named: the act's word opens a place named for it (停车场, 停车位里):
	// the place, when another act is said (停车场边上抽烟)
	named bool
	// at is where the place starts that a denied act is said at (不在人行道
	// 上摆摊: 人行道上); 0 for none
	at int
	// skip are the starts of fact phrases this act does not take: the
	// other values when one act is asked of several (寒露籽和霜降籽都能摘吗).
	skip []int
	// counted marks a fact read from a count against a limit (出生91天):
	// it wins over a word naming the category (还算新生儿吗)
	counted bool
	// asksOwn: one of several questions of the same act (医保最迟几号交 晚了
	// 交要等好久才能报) — it asks what its own clause asks, not the call
	asksOwn bool
	// home is the place fuel brought back is burnt (burntAtHome), taken
	// as a fact phrase of the act's; nil for none
	home *hit
}

func (h hit) objStart() int {
	if h.wj > 0 {
		return h.wi
	}
	return h.i
}

func (h hit) objEnd() int {
	if h.wj > 0 {
		return h.wj
	}
	return h.j
}

// inObject reports whether bytes i..j of text s lie inside the object of
// frame act h as said (渣土 of 渣土…倒掉), wherever its verb is.
func (h hit) inObject(s string, i, j int) bool {
	if h.obj == "" || h.wj == 0 {
		return false
	}
	k := h.wi
	if !strings.HasPrefix(s[h.wi:], h.obj) {
		k = h.wj - len(h.obj)
		if k < h.wi || !strings.HasSuffix(s[:h.wj], h.obj) {
			return false
		}
	}
	return k <= i && j <= k+len(h.obj)
}

// reading is a question in progress.
type reading struct {
	text string // folded, homophones corrected
	// pasted are the spans of text pasted or quoted (pastedSpans)
	pasted [][2]int
	// asSaid is text before homophones are corrected: a document's title
	// is matched as said (存量房税收: 房税 is heard as 放水 only in a call)
	asSaid string
	// heard are the words of text corrected by their sound (晚会 heard as
	// 碗筷): a word left unread is reported back as the caller said it
	heard   []heardWord
	used    []bool
	clauses []int32 // clause index of each byte (see clause)
	q       *Query
	acts    []hit
	facts   []hit
	dates   []dates.Mention
	// events are the days said as when an event of the story happened
	// (伢子8月5号生的): never the day asked
	events  []int // their starts in text
	today   calendar.Date
	clocks  []dates.Clock
	verbs   []hit                    // bare verbs of frames (no object), for partial acts
	mods    [][2]int                 // clauses that describe a noun: the act's start to the head noun's
	objects map[*rules.Activity]bool // objectsSaid, once asked for
	// present are the characters of text and adjacent the pairs of
	// characters it holds, once indexed (says)
	present  runeHash
	adjacent pairHash64
	indexed  bool
	// roles are what each clause does in a long call (asked.go), read
	// once when rolesRead
	roles     []clauseRole
	rolesRead bool
	// compared marks the clauses that join a case compared to the one said
	// before them (…，跟那些冇证的不一样吧): they ask of that case, but what
	// they say of the other is not the call's (markCompared)
	compared []bool
	// plain: the index gates nothing (parser.plain)
	plain bool
	// startsObj: the text starts with a frame's object (startsWithObject),
	// once startsRead
	startsObj, startsRead bool
	// termsAsked: the call asks for a rule's terms (asksTerms), once
	// termsRead
	termsAsked, termsRead bool
	// meantAt is where what the caller meant begins when the only act
	// said was taken back for words no vocabulary holds (烧田坎，不是，是在
	// 田里挖黄鳝; 鞭子放不得，那敲锣打鼓呢); 0 for none
	meantAt int
	// searched are the first words searched for in the text and whether
	// it holds them (search)
	searched  [16]searchedWord
	nSearched int
}

// clause is the index of the clause byte i is in.
func (r *reading) clause(i int) int { return int(r.clauses[i]) }

// clauseEnd is the first byte at or after i that is not in clause c (the
// clause's end when i is inside it; i itself when it is not).
func (r *reading) clauseEnd(i, c int) int {
	for i < len(r.text) && r.clause(i) == c {
		i++
	}
	return i
}

// clauseStart is the first byte of the run of clause c that ends at i.
func (r *reading) clauseStart(i, c int) int {
	for i > 0 && r.clause(i-1) == c {
		i--
	}
	return i
}

func (r *reading) mark(i, j int) {
	for k := i; k < j && k < len(r.used); k++ {
		r.used[k] = true
	}
}

func (r *reading) free(i, j int) bool {
	for k := i; k < j; k++ {
		if r.used[k] {
			return false
		}
	}
	return true
}

// read folds, corrects and scans a question. It is the part of parsing
// shared by every answer of a call.
func (p *parser) read(question string, today calendar.Date) *reading {
	text, unread := readable(question)
	text = strings.TrimSpace(p.script.Fold(strings.ToValidUTF8(text, "")))
	if p.particles != nil {
		text = p.particles.Replace(text)
	}
	text = strings.Map(func(r rune) rune {
		// (a line break is kept: a pasted text ends at it)
		if unicode.IsControl(r) && r != '\n' {
			return ' '
		}
		return r
	}, text)
	rd := &reading{q: &Query{Question: question, Facts: map[string]any{}, Understood: []Understood{}, NotUnderstood: []string{}}, plain: p.plain, today: today}
	text = p.fromLatin(rd, text)
	text = p.docShorthand(text)
	text = p.undouble(rd, text)
	text = p.unfill(text)
	text = p.unspace(text)
	text = oneScript(text)
	rd.asSaid = text
	text, said, saidRead := p.correct(rd, text, today)
	if len(rd.heard) > 0 {
		if t := p.unspaceHeard(rd, text); t != text {
			text, said, saidRead = t, nil, false
		}
	}
	rd.text = text
	var head int
	rd.pasted, head = p.pastedSpans(text)
	rd.used = make([]bool, len(text))
	rd.mark(0, head) // 转：, 短信：: the head of a pasted text, no act
	rd.clauses = make([]int32, len(text))
	c := 0
	cuts := p.runOnCuts(text)
	for i := 0; i < len(text); {
		r, n := decodeRune(text[i:])
		// (a space break starts with a space, an enumerator with one of
		// enumFirst: tested at every character, most are neither)
		if clauseBreak(r) || r == '还' && strings.HasPrefix(text[i:], "还有") || unicode.IsSpace(r) && (p.spaceBreak(text, i) || hanSpace(text, i)) ||
			p.enumFirst.mayHave(r) && p.enumerates(text, i) {
			c++
		} else if len(cuts) > 0 && cuts[0] == i {
			c++
		}
		for len(cuts) > 0 && cuts[0] <= i {
			cuts = cuts[1:]
		}
		for k := i; k < i+n; k++ {
			rd.clauses[k] = int32(c)
		}
		i += n
	}
	if saidRead {
		rd.dates = said // the homophone pass read the same text
	} else {
		rd.dates = p.dates.Read(text, today)
		if scanMeter.on {
			scanMeter.dayRun++
		}
	}
	rd.dates = p.correctedDay(text, rd.dates)
	p.backToDay(rd.dates)
	rd.dates = slices.DeleteFunc(rd.dates, func(m dates.Mention) bool {
		return p.landmarkDeterminer(text, m.Start) || // 离最近的山: which hill, not a day
			p.objectOfActWord(text, m) // 烧寒衣: the paper clothes burnt, not 寒衣's day
	})
	for _, m := range rd.dates {
		if m.Custom && p.acts.longestLen(text[m.Start:]) >= m.End-m.Start {
			continue // 挂青 names 清明's day and is an act of its own: its words stay for the acts
		}
		rd.mark(m.Start, m.End)
	}
	rd.clocks = p.dates.Clocks(text)
	for _, c := range rd.clocks {
		rd.mark(c.Start, c.End)
	}
	if rd.says(p.g.Operator) || rd.says(p.g.Relayed) || rd.says(p.g.Titles) {
		for _, w := range slices.Concat(p.g.Operator, p.g.Relayed, p.g.Titles) {
			for k := 0; k < len(text); {
				i := strings.Index(text[k:], w)
				if i < 0 {
					break
				}
				rd.mark(k+i, k+i+len(w)) // 你帮我看下: asked of the operator, no act
				k += i + len(w)
			}
		}
	}
	unseen := p.unseenSpans(rd)
	var unasked [][2]int
	if len(p.unasked.facts) > 0 {
		unasked = p.unaskedSpans(rd)
	}
	p.distance(rd)
	p.scanActs(rd)
	p.scanFacts(rd)
	p.ripeningVariety(rd)
	p.retractFacts(rd)
	p.restatedBack(rd)
	p.peopleOfPlace(rd)
	for _, sp := range unseen {
		if len(p.unseen.facts) > 0 {
			rd.facts = append(rd.facts, hit{i: sp[0], j: sp[1], w: p.unseen, clause: rd.clause(sp[0]), words: text[sp[0]:sp[1]]})
		}
	}
	for _, sp := range unasked {
		rd.facts = append(rd.facts, hit{i: sp[0], j: sp[1], w: p.unasked, clause: rd.clause(sp[0]), words: text[sp[0]:sp[1]]})
	}
	p.scanFrames(rd)
	p.requiredAsked(rd)
	if slices.ContainsFunc(rd.acts, func(h hit) bool { return !h.named }) {
		rd.acts = slices.DeleteFunc(rd.acts, func(h hit) bool { return h.named })
	}
	p.unknownThings(rd)
	p.verbless(rd)
	p.towardPlaces(rd)
	p.mannerApart(rd)
	p.kindApart(rd)
	rd.acts = slices.DeleteFunc(rd.acts, func(h hit) bool { return p.insideDenial(rd, h) })
	p.scope(rd)
	p.modifiers(rd)
	p.doers(rd)
	p.purposes(rd)
	rd.q.Unread = unread
	return rd
}

// objectOfActWord reports whether a day's name m is the object inside a
// listed act word that starts just before it (烧寒衣: the paper clothes of
// 十月初一's rite): what is burnt, not the day, which the call may say apart.
func (p *parser) objectOfActWord(text string, m dates.Mention) bool {
	if m.Custom {
		return false // 挂青 keeps its day and its act (read below)
	}
	k := m.Start
	for range 2 {
		_, n := utf8.DecodeLastRuneInString(text[:k])
		if n == 0 {
			return false
		}
		k -= n
		if p.acts.longestLen(text[k:]) >= m.End-k {
			return true
		}
	}
	return false
}

// plainFrame reports whether act a has a frame of verb v and object o
// that needs no with-word: what any such thing is, done that way.
func (p *parser) plainFrame(a *rules.Activity, v, o string) bool {
	return slices.ContainsFunc(p.frames, func(f *frame) bool {
		return f.activity == a && len(f.with) == 0 && f.verbs[v] && f.objects[o]
	})
}

// kindApart: an act said by a word of its own (烧纸) that is the verb and
// object of a frame of another act needing a with-word, the with-word
// said in its sentence, is that act: 坟在山里头 明天烧纸 burns paper at a
// grave, as 坟前烧点纸钱 (read by the frame) does — a kind below it; 城里
// 乱扔烟头 drops litter in town, not embers in the hills.
func (p *parser) kindApart(rd *reading) {
	for k, h := range rd.acts {
		// (an act no notice rules said by a word of its own is read
		// the same way: 人行道上卖烟花 sells from a stall there, as
		// 人行道上卖活鸡 does, though 卖烟花 alone is a trade no rule covers)
		if h.w.activity == nil && h.wj > 0 {
			continue
		}
		if h.wj > 0 {
			// (摆个炸油粑粑的摊子, 炸油粑粑的摊子摆路边: a frame's act whose
			// verb and object a narrower kind's frame has, its with-words
			// said in its clause up to it, is that kind)
			for _, f := range p.frames {
				if f.activity == nil || len(f.with) == 0 || f.activity == h.w.activity || !f.verbs[rd.text[h.i:h.j]] || !f.objects[objectHead(h.obj)] {
					continue
				}
				// (装修 拆下来的瓷砖堆到指定点: another act's frame whose
				// with-word is said as the topic, in a clause before, is
				// what the thing is of — a renovation's tiles are its
				// waste; said in the act's clause it may be another
				// thing of it, 装修垃圾跟生活垃圾混起丢)
				if p.kindOf(f.activity, h.w.activity, h.obj) && (p.hasAny(rd.text[clauseBegin(rd, h.wi):h.wj], f.with) || p.settingBefore(rd, h.wi, f.with)) ||
					!f.activity.IsA(h.w.activity) && !h.w.activity.IsA(f.activity) && p.plainFrame(h.w.activity, rd.text[h.i:h.j], objectHead(h.obj)) &&
						p.withSaid(rd, f, h.i) && !p.hasAny(clauseText(rd, rd.clause(min(h.i, h.wi))), f.with) {
					rd.acts[k].w.activity = f.activity
					break
				}
			}
			continue
		}
		for _, f := range p.frames {
			if f.activity == nil || len(f.with) == 0 || f.activity == h.w.activity ||
				!verbAndObject(f, h.words) || !p.withSaid(rd, f, h.i) {
				continue
			}
			rd.acts[k].w.activity = f.activity
			break
		}
	}
}

// objectHead is the thing an object names after the last 的 that describes
// it (挖地基的渣土 is 渣土): a frame that needs a with-word knows the thing,
// not every way of saying which one it is.
func objectHead(obj string) string {
	if k := strings.LastIndex(obj, "的"); k >= 0 && k+len("的") < len(obj) {
		return obj[k+len("的"):]
	}
	return obj
}

// kindOf reports whether activity k is a kind of a, or — for a thing k
// takes only with a with-word — of the act a is told apart from only by
// what it implies (乱倒垃圾 by the place: the renovation's rubbish tipped on
// a roadside is 倾倒建筑垃圾 there, whose own kind the place then names; 装修
// 垃圾乱堆 stays the kind its verb names).
func (p *parser) kindOf(k, a *rules.Activity, obj string) bool {
	if k.IsA(a) {
		return true
	}
	if a.Parent == nil || len(a.Implies) == 0 || !k.IsA(a.Parent) {
		return false
	}
	return !slices.ContainsFunc(p.frames, func(f *frame) bool { return f.activity == k && len(f.with) == 0 && f.objects[obj] })
}

// settingBefore reports whether the clause right before byte i's, in its
// sentence (a comma between), ends with one of words and says no act of a
// rule: the setting the thing is of (城区装修，垃圾倒路边 — the renovation's
// rubbish), as a with-word in the act's own clause is.
func (p *parser) settingBefore(rd *reading, i int, words []string) bool {
	lo := clauseBegin(rd, i)
	if lo == 0 {
		return false
	}
	pc := rd.clause(lo - 1)
	t := rd.text[rd.clauseStart(lo-1, pc):lo]
	body := strings.TrimRightFunc(t, clauseBreakOrSpace)
	if strings.ContainsAny(t[len(body):], "。.？?！!；;") {
		return false
	}
	return p.hasSuffixAny(body, words) &&
		!slices.ContainsFunc(rd.acts, func(h hit) bool { return h.clause == pc && h.w.activity != nil })
}

// verbAndObject reports whether s is one of frame f's verbs followed by one
// of its objects, or an object followed by a verb (摊子摆到).
func verbAndObject(f *frame, s string) bool {
	for i := range s {
		if i > 0 && (f.verbs[s[:i]] && f.objects[s[i:]] || f.objects[s[:i]] && f.verbs[s[i:]]) {
			return true
		}
	}
	return false
}

// mannerApart: a listed act said as a verb alone (超载) whose way the
// rules judge apart (its manners) has a frame with that verb and an object
// said in the same sentence across a space (渣土车 超载, the pause typed as a
// space) is that way, as 渣土车超载 said together is: 超载运输建筑垃圾, not
// the overloading no rule covers.
func (p *parser) mannerApart(rd *reading) {
	s := rd.text
	for k, h := range rd.acts {
		if h.wj > 0 || h.w.activity == nil || len(p.manners[h.w.activity.ID]) == 0 {
			continue
		}
		for _, f := range p.frames {
			if f.activity == nil || !slices.Contains(p.manners[h.w.activity.ID], f.activity) || !f.saysVerb(h.words) {
				continue
			}
			for _, o := range f.byLength {
				i := objectNear(rd, o, h)
				if i < 0 {
					continue
				}
				lo, hi := min(i, h.i), max(i+len(o), h.j)
				rd.acts[k].w.activity, rd.acts[k].words, rd.acts[k].wi, rd.acts[k].wj, rd.acts[k].obj = f.activity, s[lo:hi], lo, hi, o
				break
			}
			if rd.acts[k].wj > 0 {
				break
			}
		}
	}
}

// saysVerb: words are one of f's verbs, perhaps with an aspect particle
// after it (超重了).
func (f *frame) saysVerb(words string) bool {
	if f.verbs[words] {
		return true
	}
	for v := range f.verbs {
		if utf8.RuneCountInString(v) >= 2 && strings.HasPrefix(words, v) {
			return true
		}
	}
	return false
}

// objectNear is where object o is said apart from act h by a space only
// (in the same sentence, no act of its own), or -1.
func objectNear(rd *reading, o string, h hit) int {
	for from := 0; from < len(rd.text); {
		k := strings.Index(rd.text[from:], o)
		if k < 0 {
			return -1
		}
		i := from + k
		if (i+len(o) <= h.i || i >= h.j) && rd.clause(i) != rd.clause(h.i) && sameSentence(rd, i, h.i) && !rd.inAct(i, i+len(o)) {
			return i
		}
		from = i + len(o)
	}
	return -1
}

// addLatin records w under its toneless pinyin, when it is all Chinese
// characters (two or more) and no other word has that pinyin.
func addLatin(latin map[string]string, py *zh.Pinyin, w string) {
	if utf8.RuneCountInString(w) < 2 {
		return
	}
	for _, r := range w {
		if !unicode.Is(unicode.Han, r) {
			return
		}
	}
	full, _ := py.Of(w)
	if old, ok := latin[full]; ok && old != w {
		latin[full] = ""
		return
	}
	latin[full] = w
}

// latinWords makes the parser's latin table: the acts' and facts' words,
// then the frames' objects, each in order.
func (p *parser) latinWords() map[string]string {
	latin := map[string]string{}
	for _, ws := range [][]string{keys(p.acts.words), keys(p.facts.words)} {
		for _, w := range ws {
			addLatin(latin, p.py, w)
		}
	}
	for _, f := range p.frames {
		for _, o := range keys(f.objects) {
			addLatin(latin, p.py, o)
		}
	}
	return latin
}

// fromLatin replaces a run of Latin letters that is a known word's pinyin
// (yibao 交多少: 医保) by the word, and says it was heard so; other runs
// are left as they are.
func (p *parser) fromLatin(rd *reading, text string) string {
	has := false
	for i := 0; i < len(text); i++ {
		if c := text[i] | 0x20; c >= 'a' && c <= 'z' {
			has = true
			break
		}
	}
	if !has {
		return text
	}
	var b strings.Builder
	last := 0
	for i := 0; i < len(text); {
		j := i
		for j < len(text) && (text[j]|0x20) >= 'a' && (text[j]|0x20) <= 'z' {
			j++
		}
		if j == i {
			i++
			continue
		}
		if w := p.latin()[strings.ToLower(text[i:j])]; w != "" && j-i >= 4 {
			b.WriteString(text[last:i])
			b.WriteString(w)
			rd.q.Understood = append(rd.q.Understood, Understood{Words: text[i:j], Kind: "heard", Meaning: w, Note: p.g.HeardNotes.Pinyin})
			last = j
		}
		i = j
	}
	if last == 0 {
		return text
	}
	b.WriteString(text[last:])
	return b.String()
}

// correctedDay adds the day a bare number names right after a correction
// word that follows the last day said (十二月二十八克山上烧纸 后来又想 改到
// 二十九: the 29th of that month), so that it takes the first back.
func (p *parser) correctedDay(text string, ms []dates.Mention) []dates.Mention {
	if len(ms) == 0 {
		return ms
	}
	last := ms[len(ms)-1]
	if last.Bad || last.MonthEnd != nil || last.Weak {
		return ms
	}
	rest := text[last.End:]
	at, w := -1, ""
	for _, c := range p.g.Corrections {
		if k := strings.Index(rest, c); k >= 0 && (at < 0 || k < at) {
			at, w = k, c
		}
	}
	if at < 0 || utf8.RuneCountInString(rest[:at]) > 16 {
		return ms
	}
	start := last.End + at + len(w)
	for start < len(text) && text[start] == ' ' {
		start++
	}
	end := start
	for end < len(text) {
		r, n := utf8.DecodeRuneInString(text[end:])
		if !strings.ContainsRune("0123456789一二三四五六七八九十", r) || utf8.RuneCountInString(text[start:end]) >= 3 {
			break
		}
		end += n
	}
	if end == start {
		return ms
	}
	n, ok := zh.Number(text[start:end])
	if !ok || n < 1 || n > 31 || n != float64(int(n)) {
		return ms
	}
	for _, suffix := range []string{"号", "日"} {
		if strings.HasPrefix(text[end:], suffix) {
			end += len(suffix)
			break
		}
	}
	if r, _ := utf8.DecodeRuneInString(text[end:]); end < len(text) && !unicode.IsSpace(r) && !unicode.IsPunct(r) && !strings.ContainsRune("吧呢啊吗的了再去", r) {
		return ms // 改到二十九个人: not a day
	}
	// the day of the month the first day was said with (二十八 of 十二月二十八,
	// 二十六 of 腊月二十六): the new day is as many days from it, in the
	// calendar it was said in, solar or lunar
	w = strings.TrimRight(strings.TrimRight(last.Words, "号日"), " ")
	k := len(w)
	for k > 0 {
		r, n := utf8.DecodeLastRuneInString(w[:k])
		if !strings.ContainsRune("0123456789一二三四五六七八九十廿", r) {
			break
		}
		k -= n
	}
	said, ok := zh.Number(w[k:])
	if k == len(w) || !ok || said < 1 || said > 31 {
		return ms
	}
	return append(ms, dates.Mention{Start: start, End: end, Words: text[start:end], Date: last.Date.AddDays(int(n - said))})
}

// gapRunes is what token t counts toward the reach from verb v to its
// object: its characters, but a fact phrase said with 的 in v's clause
// (whose or where: 别人园子里的, 自己山上的) counts one whole — it describes
// the object (摘几个别人园子里的柚子), and a long one is no farther.
func gapRunes(rd *reading, v, t frameTok) int {
	for _, f := range rd.facts {
		if t.i < f.i || t.j > f.j || !strings.HasPrefix(rd.text[f.j:], "的") || rd.clause(f.i) != rd.clause(v.i) {
			continue
		}
		if t.i == f.i {
			return 1
		}
		return 0
	}
	return countRunes(t.t)
}

// numeralAt reports whether s ends (last) or begins with a numeral.
func numeralAt(s string, last bool) bool {
	r, _ := utf8.DecodeRuneInString(s)
	if last {
		r, _ = utf8.DecodeLastRuneInString(s)
	}
	return isNumeralRune(r)
}

// countRunes is the length of s with each run of numerals counted as one
// character: a count or a price said between a verb and its object
// (放了10000响的鞭子, 烧了两三百块钱的纸) says how much of the object, and its
// digits put the object no further from the verb than 三挂 does.
func countRunes(s string) int {
	n, num := 0, false
	for _, r := range s {
		if isNumeralRune(r) {
			if !num {
				n++
			}
			num = true
			continue
		}
		n++
		num = false
	}
	return n
}

// sameSentence reports whether bytes i and j are in one clause, or in
// clauses parted by spaces only: a verb and its object may be said apart
// so (院子里扫的树叶子 堆起来点了), though facts and negation keep to their
// clause.
func sameSentence(rd *reading, i, j int) bool {
	if i > j {
		i, j = j, i
	}
	if rd.clause(i) == rd.clause(j) {
		return true
	}
	for _, r := range rd.text[i:j] {
		if clauseBreak(r) {
			return false
		}
	}
	return rd.clause(j)-rd.clause(i) <= 1
}

// runOnCuts are where a question said twice with no pause between ends
// its first time (山上烧纸行不行放鞭炮行不行, 寒露籽几号开摘霜降籽几号开摘):
// a run holding a question word (asking, when, money) twice, the words
// after its last said right after its first too — the run is cut after
// them, where the second question begins. A run that says its question
// word once is one question.
func (p *parser) runOnCuts(text string) []int {
	var cuts []int
	pause := func(r rune) bool { return unicode.IsSpace(r) || clauseBreak(r) }
	for i := 0; i < len(text); {
		k := strings.IndexFunc(text[i:], pause)
		end := len(text)
		if k >= 0 {
			end = i + k
		}
		if end-i >= 12 { // two questions of two characters at least
			if cut := p.runOnCut(text[i:end]); cut > 0 {
				cuts = append(cuts, i+cut)
			}
		}
		if end == len(text) {
			break
		}
		_, n := utf8.DecodeRuneInString(text[end:])
		i = end + n
	}
	return cuts
}

// runOnCut is runOnCuts' cut in one run with no pause, or 0.
func (p *parser) runOnCut(run string) int {
	type said struct {
		w string
		i int
	}
	var buf [8]said
	found := buf[:0]
	for i := 0; i < len(run) && len(found) < len(buf); {
		r, n := utf8.DecodeRuneInString(run[i:])
		if p.askFirst.mayHave(r) {
			for _, w := range p.askByFirst[r] {
				if strings.HasPrefix(run[i:], w) {
					found = append(found, said{w, i})
					n = len(w)
					break
				}
			}
		}
		i += n
	}
	for a, first := range found {
		for _, last := range slices.Backward(found[a+1:]) {
			if last.w != first.w {
				continue
			}
			end := first.i + len(first.w)
			tail := run[last.i+len(last.w):]
			if cut := end + len(tail); strings.HasPrefix(run[end:], tail) && cut < last.i {
				return cut
			}
			break
		}
	}
	return 0
}

// hanSpace reports whether a run of spaces starts at text[i] between two
// Chinese characters: typed on a phone with no punctuation, spaces part the
// clauses (山上抽烟行不行 山上野炊呢); between a word and a number they do
// not (离山 50米).
func hanSpace(text string, i int) bool {
	if b := text[i]; b != ' ' && b != '\t' && b != 0xE3 { // U+3000 starts with 0xE3
		return false
	}
	r, n := utf8.DecodeRuneInString(text[i:])
	if !unicode.IsSpace(r) {
		return false
	}
	if prev, _ := utf8.DecodeLastRuneInString(text[:i]); !isHan(prev) {
		return false
	}
	j := i + n
	for j < len(text) {
		r, n := utf8.DecodeRuneInString(text[j:])
		if !unicode.IsSpace(r) {
			return isHan(r)
		}
		j += n
	}
	return false
}

// unspace drops the spaces a hurried operator types inside an act's or a
// fact's phrase (重复 交医保, 两个地方 交医保, 自己 拉 装修垃圾, 退伍 回来:
// 重复交, 两个地方交, 自己拉装修垃圾, 退伍回来): where an act's phrase,
// starting at most five characters before them, reaches past them in the
// text with every such space dropped, or where the words on both sides
// are together one fact's phrase. Between two clauses (山上抽烟行不行
// 山上野炊呢) no phrase reaches across and the spaces stay, parting them.
func (p *parser) unspace(text string) string {
	text = numberFalseStarts(text)
	if wordSpaced(text) {
		return joinHan(text)
	}
	return dropSpans(text, p.spacesInPhrases(text))
}

// dropSpans returns text without the spans cut, which are in order.
func dropSpans(text string, cut [][2]int) string {
	if len(cut) == 0 {
		return text
	}
	var out strings.Builder
	last := 0
	for _, c := range cut {
		out.WriteString(text[last:c[0]])
		last = c[1]
	}
	out.WriteString(text[last:])
	return out.String()
}

// unspaceHeard drops the spaces that a phrase reaches across once words
// heard by their sound are corrected (没有合准的 车子 is 没有核准的车子, as
// the words written would have been read), and moves the words heard.
func (p *parser) unspaceHeard(rd *reading, text string) string {
	cut := p.spacesInPhrases(text)
	if len(cut) == 0 {
		return text
	}
	for k := range rd.heard {
		h := &rd.heard[k]
		shift := 0
		for _, c := range cut {
			if c[1] <= h.i {
				shift += c[1] - c[0]
			}
		}
		h.i, h.j = h.i-shift, h.j-shift
	}
	return dropSpans(text, cut)
}

// spacesInPhrases are the runs of spaces of text that unspace drops.
func (p *parser) spacesInPhrases(text string) [][2]int {
	type run struct{ i, j, at int } // a run of spaces text[i:j], at byte at of the compact text
	var runs []run
	var compact strings.Builder
	last := 0
	for from := 0; ; {
		k := strings.IndexFunc(text[from:], unicode.IsSpace)
		if k < 0 {
			break
		}
		i := from + k
		j := spaceRunEnd(text, i)
		from = j
		if !hanSpace(text, i) {
			continue
		}
		compact.WriteString(text[last:i])
		runs = append(runs, run{i, j, compact.Len()})
		last = j
	}
	if len(runs) == 0 {
		return nil // most calls: no space between two Chinese characters
	}
	compact.WriteString(text[last:])
	joined := compact.String()
	var cut [][2]int
	for _, r := range runs {
		if p.actAcross(joined, r.at) || p.factPair(text, r.i, r.j) || p.instrumentBefore(text, r.i) {
			cut = append(cut, [2]int{r.i, r.j})
		}
	}
	return cut
}

// instrumentBefore reports whether the run typed before the space at i
// takes up an instrument (用我的职工医保个人账户 给我娘交: instrument in
// mandarin.yaml): such a run is no clause of its own but serves the act
// after it.
func (p *parser) instrumentBefore(text string, i int) bool {
	st := strings.LastIndexFunc(text[:i], func(r rune) bool { return unicode.IsSpace(r) || clauseBreak(r) })
	if st >= 0 {
		_, sz := utf8.DecodeRuneInString(text[st:])
		st += sz
	} else {
		st = 0
	}
	run := text[st:i]
	return utf8.RuneCountInString(run) > 2 && p.hasPrefix(run, p.g.Instrument)
}

// numberFalseStarts drops a number begun and begun again after a pause
// (离山 三 三百米: a recogniser keeps the caller's false start), so that the
// number said whole is read with what it measures: a run of numerals of
// one or two characters alone between pauses that the next run starts with.
func numberFalseStarts(text string) string {
	for from := 0; from < len(text); {
		k := strings.IndexFunc(text[from:], unicode.IsSpace)
		if k < 0 {
			break
		}
		sp := from + k
		st := strings.LastIndexFunc(text[:sp], unicode.IsSpace) + 1
		next := strings.TrimLeftFunc(text[sp:], unicode.IsSpace)
		run := text[st:sp]
		if n := utf8.RuneCountInString(run); n >= 1 && n <= 2 && numeralsOnly(run) && strings.HasPrefix(next, run) && len(next) > len(run) {
			if r, _ := utf8.DecodeRuneInString(next[len(run):]); isNumeralRune(r) {
				text = text[:st] + next
				from = st
				continue
			}
		}
		from = sp + 1
	}
	return text
}

// wordSpaced reports whether text was typed word by word, as some speech
// recognisers segment it (高污染燃料 禁燃区 的 那个 通告 还 有效 吗): six
// runs or more between its spaces, averaging 2.2 characters or fewer, three
// of them a single character. Its spaces are the words' edges, not pauses;
// a caller's pauses (山上抽烟行不行 山上野炊呢) and an operator's notes
// (城区 马路上 流动 卖菜 推车) are longer runs.
func wordSpaced(text string) bool {
	runs, ones, chars := 0, 0, 0
	for _, f := range strings.Fields(text) {
		n := utf8.RuneCountInString(f)
		runs++
		chars += n
		if n == 1 {
			ones++
		}
	}
	return runs >= 6 && ones >= 3 && 5*chars <= 11*runs
}

// spaceRunEnd is the end of the run of spaces that starts at text[i].
func spaceRunEnd(text string, i int) int {
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += n
	}
	return i
}

// joinHan drops every run of spaces between two Chinese characters.
func joinHan(text string) string {
	var out strings.Builder
	last := 0
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) && hanSpace(text, i) {
			out.WriteString(text[last:i])
			j := spaceRunEnd(text, i)
			i, last = j, j
			continue
		}
		i += n
	}
	out.WriteString(text[last:])
	return out.String()
}

// actAcross reports whether an act's phrase starts in the five characters
// before byte i and reaches past the character at i.
func (p *parser) actAcross(text string, i int) bool {
	_, n := utf8.DecodeRuneInString(text[i:])
	for j, k := i, 0; j > 0 && k < 5; k++ {
		_, sz := utf8.DecodeLastRuneInString(text[:j])
		j -= sz
		if j+p.acts.longestLen(text[j:]) >= i+n {
			return true
		}
	}
	return false
}

// factPair reports whether the words typed on both sides of the spaces
// text[i:j], up to the next space or clause break each way, are together
// one fact's phrase (退伍 回来, 坐牢 放出来). A fact's phrase is held to
// the whole of both words: a looser test joins clauses a phrase merely
// straddles (烧纸 屋离山几百米).
func (p *parser) factPair(text string, i, j int) bool {
	stop := func(r rune) bool { return unicode.IsSpace(r) || clauseBreak(r) }
	from := strings.LastIndexFunc(text[:i], stop) + 1
	if from > 0 {
		_, sz := utf8.DecodeRuneInString(text[from-1:])
		from += sz - 1
	}
	to := len(text)
	if k := strings.IndexFunc(text[j:], stop); k >= 0 {
		to = j + k
	}
	pair := text[from:i] + text[j:to]
	return p.facts.longestLen(pair) == len(pair)
}

// clauseBreak reports whether r ends a clause (a comma, a full stop, a
// question or exclamation mark, a semicolon, an enumeration comma or a
// line break).
func clauseBreak(r rune) bool {
	switch r {
	case '，', ',', '。', '.', '？', '?', '！', '!', '；', ';', '、', '\n':
		return true
	}
	return false
}

// enumerates reports whether text[i:] begins an item of a list of
// questions (一是…, 二是…; 第二…): each item is a clause of its own.
func (p *parser) enumerates(text string, i int) bool {
	if i == 0 {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(text[i:]); !p.enumFirst.mayHave(r) {
		return false // most characters start none: tested at every character
	}
	for _, e := range p.g.Enumerators {
		if strings.HasPrefix(text[i:], e) {
			return true
		}
	}
	return false
}

// spaceBreak reports whether text[i] is the first space before a short
// question said in a pause, as an operator types it (霜降籽呢, 超载呢): the
// run up to the next space or the end ends in an ellipsis word, so it is a
// clause of its own that asks the same again (寒露籽今天能摘吗 霜降籽呢).
func (p *parser) spaceBreak(text string, i int) bool {
	r, n := utf8.DecodeRuneInString(text[i:])
	if !unicode.IsSpace(r) || i == 0 {
		return false
	}
	if prev, _ := utf8.DecodeLastRuneInString(text[:i]); unicode.IsSpace(prev) || !isHan(prev) {
		return false
	}
	stop := func(r rune) bool { return unicode.IsSpace(r) || clauseBreak(r) }
	rest := strings.TrimLeftFunc(text[i+n:], unicode.IsSpace)
	if k := strings.IndexFunc(rest, stop); k >= 0 {
		rest = rest[:k]
	}
	// and the run before the space, when it was such a question: what
	// follows it is said of them all (超载呢 都在城市规划区)
	said := text[:i]
	if k := strings.LastIndexFunc(said, stop); k >= 0 {
		said = said[k:]
		_, n := utf8.DecodeRuneInString(said)
		said = said[n:]
	}
	for _, e := range p.g.Ellipsis {
		if rest != e && strings.HasSuffix(rest, e) || said != e && strings.HasSuffix(said, e) {
			return true
		}
	}
	// 低保户交多少 特困户又交多少: the same question asked of two things
	return p.asks(rest) && p.asks(said)
}

// asks reports whether s asks how much or when.
func (p *parser) asks(s string) bool {
	return p.hasAny(s, p.g.Money) || p.hasAny(s, p.g.When)
}

// correct replaces words heard by their sound (鞭泡 → 鞭炮, 孔名灯 → 孔明灯)
// where the text has no known word. When it had to read the days said in
// text and replaced no character a day may be said with (dates.Touches),
// it returns them too (saidRead), so that they are not read twice.
func (p *parser) correct(rd *reading, text string, today calendar.Date) (_ string, said []dates.Mention, saidRead bool) {
	// out is built only from the first word heard otherwise: most text is
	// returned as it came, without a copy
	var out strings.Builder
	last := 0
	keep := true // said holds for the corrected text too
	// said are the days said, read only when a word sounds like another
	for i := 0; i < len(text); {
		if r, sz := decodeRune(text[i:]); !p.known.first.mayHave(r) && !p.sound.first.mayHave(r) && !p.mayBeShortVerb(r) {
			i += sz // starts no word, heard or known: most of a long text
			continue
		}
		if n := p.knownAt(text[i:]); n > 0 && utf8.RuneCountInString(text[i:i+n]) >= 2 {
			// a longer word heard that keeps the known one as said (乱摆滩
			// is 乱摆摊: 乱摆 is a known word, 滩 the slip) is heard; else
			// the known word stands
			// — unless the slip is a connector said after it: 烧纸和放鞭炮
			// joins two acts, no 纸盒 is burnt
			if w, m := p.sound.match(text[i:]); m <= n || !strings.HasPrefix(w, text[i:i+n]) || p.hasPrefix(text[i+n:], p.g.Connectors) {
				// 倒垃圾箱里: a known word begun inside this one and running
				// past it (垃圾箱里) stands too — 箱里 is no 乡里
				_, sz := utf8.DecodeRuneInString(text[i:])
				start := i + sz
				i += n
				for k := start; k < i; {
					if m := p.knownAt(text[k:]); k+m > i && utf8.RuneCountInString(text[k:k+m]) >= 2 {
						i = k + m
					}
					_, sz := utf8.DecodeRuneInString(text[k:])
					k += sz
				}
				// 人行道上想摆: the known word's postposition is its own — but
				// one that has its own already (山上上分) is followed by a word
				ends := false
				for _, l := range p.g.Locatives {
					ends = ends || strings.HasSuffix(text[:i], l)
				}
				for _, l := range p.g.Locatives {
					if !ends && strings.HasPrefix(text[i:], l) {
						i += len(l)
						break
					}
				}
				continue
			}
		}
		w, n := p.sound.match(text[i:])
		if n == 0 {
			w, n = p.verbHeardAfterObject(text, i)
		}
		if n > 0 && w == text[i:i+n] && p.framePhrases[w] {
			i += n // 冇编建筑垃圾处理方案 as written: its 编 is not 变
			continue
		}
		if n > 0 && w != text[i:i+n] && !numeralsOnly(text[i:i+n]) && !p.knownAcross(text, i, i+n) && !p.losesNegator(text[i:i+n], w) &&
			!p.readsAsWritten(text, i, i+n, w) && !p.distanceAsWritten(text, i, i+n) && !p.counts(text, i, i+n, w) && !p.verbBeforeObject(text, i, i+n, w) && !p.tailHeard(text, i, w) &&
			!p.asksAtEnd(text, i+n, w) {
			if !saidRead {
				said, saidRead = p.dates.Read(text, today), true
				if scanMeter.on {
					scanMeter.dayRun++
				}
			}
			if !overlaps(said, i, i+n) { // 十二月份上山 is not 坟上
				// the days read stay true of the corrected text when
				// neither word can be part of one
				keep = keep && len(w) == n && !p.dates.Touches(text[i:i+n]) && !p.dates.Touches(w)
				rd.q.Understood = append(rd.q.Understood, Understood{Words: text[i : i+n], Kind: "heard", Meaning: w, Note: p.g.HeardNotes.Sound})
				if last == 0 {
					out.Grow(len(text) + 16) // once: corrections rarely change the length
				}
				out.WriteString(text[last:i])
				rd.heard = append(rd.heard, heardWord{i: out.Len(), j: out.Len() + len(w), said: text[i : i+n]})
				out.WriteString(w)
				i += n
				last = i
				continue
			}
		}
		_, n = utf8.DecodeRuneInString(text[i:])
		i += n
	}
	if last == 0 {
		return text, said, saidRead
	}
	out.WriteString(text[last:])
	if keep {
		return out.String(), said, saidRead
	}
	return out.String(), nil, false
}

// asksAtEnd reports whether the text heard as w, ending at byte j, ends
// the sentence with a question particle that w hears otherwise (洒水吗 is
// no 水马 barrier): the particle asks, whatever word it completes.
func (p *parser) asksAtEnd(text string, j int, w string) bool {
	said, _ := utf8.DecodeLastRuneInString(text[:j])
	heard, _ := utf8.DecodeLastRuneInString(w)
	if said == heard || !slices.Contains(p.g.AskingEnd, string(said)) && said != '吗' {
		return false
	}
	next, _ := utf8.DecodeRuneInString(text[j:])
	return j == len(text) || clauseBreak(next) || unicode.IsSpace(next)
}

// mayBeShortVerb reports whether r, by its most common reading, sounds as
// the first character of a frame's verb of one or two characters.
func (p *parser) mayBeShortVerb(r rune) bool {
	first, _ := p.py.Syllables(r)
	return first != 0 && p.shortVerbSounds[first]
}

// verbHeardAfterObject returns a frame's verb of one or two characters
// that text[i:] says with characters of the same sound right after one of
// the frame's objects (稻草 少掉 is 烧掉; 垃圾一把火少了 is 烧, with only
// what the fire makes between), and the length of what it says; "", 0 for
// none. A verb that short sounds like everyday words, so it is heard only
// where the object asks for it and the phrase ends there (a pause, the
// end, or heard_verb_next: 稻草少一点 is less straw), and only when it
// names one activity.
func (p *parser) verbHeardAfterObject(text string, i int) (string, int) {
	if r, _ := utf8.DecodeRuneInString(text[i:]); !p.mayBeShortVerb(r) {
		return "", 0
	}
	fs := p.framesBefore(text, i)
	if len(fs) == 0 {
		return "", 0
	}
	for _, runes := range []int{2, 1} {
		end := i
		for k := 0; k < runes && end < len(text); k++ {
			r, sz := utf8.DecodeRuneInString(text[end:])
			if !isHan(r) {
				end = -1
				break
			}
			end += sz
		}
		if end < 0 || utf8.RuneCountInString(text[i:end]) != runes {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(text[end:]); end < len(text) && !unicode.IsSpace(r) && !clauseBreak(r) && !p.hasPrefix(text[end:], p.g.HeardVerbNext) && !p.hasPrefix(text[end:], p.g.Asking) {
			continue
		}
		said := text[i:end]
		heard, act := "", (*rules.Activity)(nil)
		for _, f := range fs {
			for v := range f.verbs {
				if v == said || utf8.RuneCountInString(v) != runes || !p.soundsAs(said, v) {
					continue
				}
				if act != nil && act != f.activity {
					return "", 0 // either of two acts: left as typed
				}
				if heard == "" || v < heard {
					heard = v
				}
				act = f.activity
			}
		}
		if heard != "" {
			return heard, len(said)
		}
	}
	return "", 0
}

// framesBefore are the frames (of a covered act, needing no word said
// with them) of an object said right before text[i], in its clause or
// the one before parted by a space, with only what a fire makes between
// (垃圾一把火: made in mandarin.yaml).
func (p *parser) framesBefore(text string, i int) []*frame {
	st := objectReachStart(text, i)
	var fs []*frame
	for k := st; k < i; {
		n := p.objects.longestLen(text[k:])
		if n == 0 || k+n > i {
			_, sz := utf8.DecodeRuneInString(text[k:])
			k += sz
			continue
		}
		between := strings.TrimSpace(text[k+n : i])
		made := false
		for _, m := range p.g.Made {
			made = made || strings.HasSuffix(between, m) && utf8.RuneCountInString(between) <= 4
		}
		if between == "" || made {
			fs = fs[:0]
			for _, f := range p.byObj[text[k:k+n]] {
				if f.activity != nil && len(f.with) == 0 {
					fs = append(fs, f)
				}
			}
		}
		k += n
	}
	return fs
}

// soundsAs reports whether said, character by character, reads as w, by
// each character's most common reading (茶籽熟了 is ripe: 熟 is shú before
// it is shóu, and no 收).
func (p *parser) soundsAs(said, w string) bool {
	ws := []rune(w)
	k := 0
	for _, r := range said {
		if k >= len(ws) {
			return false
		}
		want, _ := p.py.Syllables(ws[k])
		if first, _ := p.py.Syllables(r); want == 0 || first != want {
			return false
		}
		k++
	}
	return k == len(ws)
}

// undouble drops a character typed twice (一起起买, 两个个地点, 乱倒倒污水)
// when the text without it holds a known word across the place and the
// text as typed holds none across the two: 偷偷去摘, 天天 and 爷爷 stay as
// they are. Most calls double nothing and are returned as they came.
func (p *parser) undouble(rd *reading, text string) string {
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.Is(unicode.Han, r) || !strings.HasPrefix(text[i+n:], text[i:i+n]) {
			i += n
			continue
		}
		// the doubling is text[i:i+2n]; a word must hold its first and
		// the character after the second, starting at most five before
		across := func(t string, at, end int) bool {
			for j, k := at, 0; j >= 0 && k < 6; k++ {
				if l := p.known.longestLen(t[j:]); l > 0 && j+l >= end {
					return true
				}
				if j == 0 {
					break
				}
				_, sz := utf8.DecodeLastRuneInString(t[:j])
				j -= sz
			}
			return false
		}
		// 盐城城区: a word that ends with the first (盐城) and one that
		// begins with the second (城区) are two words said, not a slip —
		// a word of two characters or more: 冇有有喷淋, 核准准的 end a word
		// with the first, and the second alone (有, 准) is a word of its
		// own too often to tell two words from a slip
		two := p.known.longestLen(text[i+n:]) > n && p.endsKnown(text[:i+n])
		_, next := utf8.DecodeRuneInString(text[i+2*n:])
		if next == 0 || two || across(text, i, i+2*n) {
			i += n
			continue
		}
		// the text once, read only as far as a word can reach
		from := i
		for k := 0; from > 0 && k < 6; k++ {
			_, sz := utf8.DecodeLastRuneInString(text[:from])
			from -= sz
		}
		to := min(len(text), i+2*n+24)
		if once := text[from:i] + text[i+n:to]; !across(once, i-from, i-from+n+next) {
			i += n
			continue
		}
		rd.q.Understood = append(rd.q.Understood, Understood{Words: text[i : i+2*n], Kind: "heard", Meaning: text[i : i+n], Note: p.g.HeardNotes.Doubled})
		text = text[:i] + text[i+n:]
	}
	return text
}

// endsKnown reports whether a known word of two characters or more ends s.
func (p *parser) endsKnown(s string) bool {
	j := len(s)
	for k := 0; j > 0 && k < 6; k++ {
		_, sz := utf8.DecodeLastRuneInString(s[:j])
		j -= sz
		if k > 0 && p.known.longestLen(s[j:]) == len(s)-j {
			return true
		}
	}
	return false
}

// counts reports whether text[i:j], a word heard by its sound as another,
// holds a numeral or a classifier of a count said there (几只鸡: the 几 of
// 杀几只鸡 is not the 鸡 of 杀鸡, the 只 of 几只鸭 not the 枝 of 枝丫).
func (p *parser) counts(text string, i, j int, w string) bool {
	heard := []rune(w)
	for k, n := i, 0; k < j; n++ {
		r, sz := utf8.DecodeRuneInString(text[k:])
		// a count the heard word says as typed (两个迪方 is 两个地方) is
		// kept, not misheard
		kept := n+1 < len(heard) && heard[n] == r && strings.HasPrefix(text[k+sz:], string(heard[n+1]))
		if isNumeralRune(r) && p.classifierAt(text[k+sz:]) && !kept {
			return true
		}
		if prev, _ := utf8.DecodeLastRuneInString(text[:k]); isNumeralRune(prev) && p.classifierAt(text[k:]) {
			// 两担柴 is two loads of firewood, not 担子: a classifier the
			// heard word keeps still counts a word said whole after it
			if !(n < len(heard) && heard[n] == r) || k+sz < j && p.seg.isWord(text[k+sz:j]) && p.mayBeObject(text[k+sz:j]) {
				return true
			}
		}
		k += sz
	}
	return false
}

// numeralsOnly reports whether s is all numerals: a number said (一百零五)
// is never a word misheard (灵屋 sounds as its 零五).
func numeralsOnly(s string) bool {
	for _, r := range s {
		if !isNumeralRune(r) {
			return false
		}
	}
	return s != ""
}

// isNumeralRune: r is a digit or a Chinese numeral (三只, 十几只).
func isNumeralRune(r rune) bool {
	return '0' <= r && r <= '9' || '０' <= r && r <= '９' || strings.ContainsRune("零〇一二两三四五六七八九十百千万几半", r)
}

// classifierAt: s begins with a classifier (只鸡).
// countedGap is what the token at s[i:j] counts toward a verb's reach, g
// as counted by its characters: a count said between a verb and its object
// (砍一棵…杉树, 摘两个…橘子, 捞几条…鱼) is one word however it is said —
// a numeral and its measure word one, the measure after a numeral none —
// so that saying how little is done does not put the object out of reach.
func (p *parser) countedGap(s string, i, j, g int) int {
	t := s[i:j]
	if n := numeralLen(t); n > 0 && n < len(t) && slices.Contains(p.g.Classifiers, t[n:]) {
		return min(g, 1)
	}
	if slices.Contains(p.g.Classifiers, t) && i > 0 {
		if r, _ := utf8.DecodeLastRuneInString(s[:i]); zh.IsNumeral(r) && r != '点' {
			return 0
		}
	}
	return g
}

func (p *parser) classifierAt(s string) bool {
	for _, c := range p.g.Classifiers {
		if strings.HasPrefix(s, c) {
			return true
		}
	}
	return false
}

// readsAsWritten reports whether text[i:j], a word heard by its sound as
// another, reads more clearly as written: an object the parser knows
// starts inside it and a verb of that object's frames follows in the
// clause with no object of its own (拖垃圾去河边倒掉 dumps the 垃圾; but
// 拖垃圾拉茶籽 is a 拖拉机: 拉 has 茶籽). An object the heard word w keeps
// as written, in its place, is no reason (装秀垃圾 is 装修垃圾: the 垃圾
// stays, now the decoration waste).
func (p *parser) readsAsWritten(text string, i, j int, w string) bool {
	said := text[i:j]
	end := j
	// the verb follows within a short clause's reach (拖垃圾去河边倒掉):
	// a run of hundreds of characters without a pause is not searched
	// again from every word heard (issue 17.5's bound)
	for n := 0; end < len(text) && n < maxClauseRunes; n++ {
		r, sz := utf8.DecodeRuneInString(text[end:])
		if clauseBreakOrSpace(r) {
			break
		}
		end += sz
	}
	if p.verbAfterObject(text, i) {
		return true
	}
	_, sz := utf8.DecodeRuneInString(said)
	for k := i + sz; k < j; {
		n := p.objects.longestLen(text[k:])
		if n == 0 || len(w) == j-i && k+n <= j && w[k-i:k-i+n] == text[k:k+n] {
			_, sz := utf8.DecodeRuneInString(text[k:])
			k += sz
			continue
		}
		for _, f := range p.byObj[text[k:k+n]] {
			for v := range f.verbs {
				for at := j; ; {
					m := strings.Index(text[at:end], v)
					if m < 0 {
						break
					}
					m += at
					if p.objects.longestLen(text[m+len(v):end]) == 0 {
						return true
					}
					at = m + len(v)
				}
			}
		}
		k += n
	}
	return false
}

// objectReachStart is where an object said before text[i] may begin: the
// start of i's clause, or of the one before it when one space parts them.
func objectReachStart(text string, i int) int {
	st, spaces := i, 0
	for n := 0; st > 0 && n < maxClauseRunes; n++ {
		r, sz := utf8.DecodeLastRuneInString(text[:st])
		if clauseBreak(r) || unicode.IsSpace(r) && spaces > 0 {
			break
		}
		if unicode.IsSpace(r) {
			spaces++
		}
		st -= sz
	}
	return st
}

// verbAfterObject reports whether text at i starts a verb of a frame
// whose object was said just before it, in its clause or the one before
// parted by a space (装修垃圾 倒路边空地: the 倒 of dumping, not the 到 of
// 到路边 — a verb said after its object, as readsAsWritten's is before).
func (p *parser) verbAfterObject(text string, i int) bool {
	st := objectReachStart(text, i)
	for k := st; k < i; {
		n := p.objects.longestLen(text[k:])
		if n == 0 || k+n > i {
			_, sz := utf8.DecodeRuneInString(text[k:])
			k += sz
			continue
		}
		for _, f := range p.byObj[text[k:k+n]] {
			for v := range f.verbs {
				if strings.HasPrefix(text[i:], v) && strings.TrimSpace(text[k+n:i]) == "" {
					return true
				}
			}
		}
		k += n
	}
	return false
}

// verbBeforeObject reports whether text[i:j], a word heard by its sound
// as heard, is a frame's verb and a measure or complement after it
// whose object follows in the clause: 种点西瓜 sows 西瓜 (种点 is not 充电),
// as 烧点纸 burns 纸 — or ends with a frame's verb whose object follows
// (办酒放两挂鞭: 酒放 is not 旧房). Only the verb and what counts or
// completes it, or a verb at its end: a slip inside a word (烧天埂草) is
// still heard.
func (p *parser) verbBeforeObject(text string, i, j int, heard string) bool {
	said := text[i:j]
	var fs []*frame
	for k := 0; k < len(said); {
		_, sz := utf8.DecodeRuneInString(said[k:])
		k += sz
		// (摆一下摊: a complement or a measure counted by a numeral is
		// the verb's too — 摆一下 is no 拜一下 with 摊 after it)
		rest := said[k:]
		rest = rest[numeralLen(rest):]
		if k < len(said) && len(p.byVerb[said[:k]]) > 0 && (p.complementAt(rest) || p.classifierAt(rest)) {
			fs = p.byVerb[said[:k]]
			break
		}
		// 办酒放两挂鞭: the slip ends with the verb, which the word heard
		// would take (酒放 is no 旧房; 乱混仔一起堆 keeps its 堆)
		if k < len(said) && len(p.byVerb[said[k:]]) > 0 && !strings.HasSuffix(heard, said[k:]) {
			fs = p.byVerb[said[k:]]
			break
		}
	}
	if fs == nil {
		return false
	}
	end := j
	for n := 0; end < len(text) && n < maxClauseRunes; n++ {
		r, sz := utf8.DecodeRuneInString(text[end:])
		if clauseBreakOrSpace(r) {
			break
		}
		end += sz
	}
	// any of the verb's objects, a single character too (放两挂鞭): the
	// path is taken only for a word heard otherwise, rarely
	for _, f := range fs {
		for o := range f.objects {
			if strings.Contains(text[j:end], o) {
				return true
			}
		}
	}
	return false
}

// complementAt: s begins with a measure word or complement that may follow
// a verb (点, 下, 些).
func (p *parser) complementAt(s string) bool {
	for c := range p.complements {
		if strings.HasPrefix(s, c) {
			return true
		}
	}
	return false
}

// losesNegator reports whether hearing said as w would drop a negator or
// a particle that is never misheard (`kept` in mandarin.yaml): 也不 is
// never 衣服 (a mishearing must not turn 不烧 into 烧), 煎饺子的摊 has no 地摊.
//
// A negator that opens a long word heard whose rest is kept as typed, and
// starts no word the parser knows, is that word's first sound, not a
// denial (无业指定的 is 物业指定的); one before a word (不交医保 is no
// 补交医保) or in a short word (也不) denies.
func (p *parser) losesNegator(said, w string) bool {
	_, first := utf8.DecodeRuneInString(said)
	opens := utf8.RuneCountInString(said) >= 4 && len(said) == len(w) && said[first:] == w[first:] && p.knownAt(said[first:]) == 0
	for _, l := range [][]string{p.g.Negators, p.g.Kept} {
		for _, ng := range l {
			in := said
			if opens && strings.HasPrefix(said, ng) {
				in = said[first:]
			}
			if utf8.RuneCountInString(ng) == 1 && strings.Contains(in, ng) && !strings.Contains(w, ng) {
				return true
			}
		}
	}
	return false
}

// knownAcross reports whether a known word starts inside text[i:j] after
// its first character and runs past j: the text's own word, not a
// mishearing (院子离山 is 离山, not 院子里).
func (p *parser) knownAcross(text string, i, j int) bool {
	_, sz := utf8.DecodeRuneInString(text[i:])
	for k := i + sz; k < j; {
		if n := p.knownAt(text[k:]); k+n > j && utf8.RuneCountInString(text[k:k+n]) >= 2 {
			return true
		}
		_, sz := utf8.DecodeRuneInString(text[k:])
		k += sz
	}
	return false
}

func overlaps(ms []dates.Mention, i, j int) bool {
	for _, m := range ms {
		if m.Start < j && m.End > i {
			return true
		}
	}
	return false
}

// tailHeard reports whether w, a frame's verb and object heard at text[i:]
// with its verb typed otherwise, would take the last character of a word
// said before it (厨房垃圾 is no 放垃圾): the verb heard must open the
// text, its clause, or follow a word the parser knows (明天, 山上, 想).
func (p *parser) tailHeard(text string, i int, w string) bool {
	if !p.framePhrases[w] || i == 0 {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(text[i:]); strings.HasPrefix(w, string(r)) {
		return false // the verb as typed: the slip is in the object
	}
	prev, _ := utf8.DecodeLastRuneInString(text[:i])
	if !unicode.Is(unicode.Han, prev) {
		return false
	}
	for j, k := i, 0; j > 0 && k < 6; k++ {
		_, sz := utf8.DecodeLastRuneInString(text[:j])
		j -= sz
		if p.known.longestLen(text[j:]) == i-j {
			return false
		}
	}
	return true
}

// knownAt is the length of the longest known word at the start of s.
func (p *parser) knownAt(s string) int {
	return p.known.longestLen(s)
}

// festivalWords are everyday names of the calendar's festivals and
// holidays, known words for the homophone pass.
var festivalWords = []string{"元旦节", "新年", "大年三十", "年三十", "春节", "大年初一", "正月初一", "元宵节", "元宵", "上元节", "正月十五",
	"清明节", "端午节", "端阳", "中元节", "鬼节", "中秋节", "重阳节", "国庆节", "十一", "寒衣节", "冬至节", "五一", "劳动节", "国庆", "假期"}

// straddlesFacts reports whether an act's word at s[i:i+n] runs across
// the joint of two fact phrases said one right after the other — the first
// begun before it and ending inside it, the second reaching its end (山上坟前
// is 山上 and 坟前, no 上坟): the words are the places'.
func (p *parser) straddlesFacts(s string, i, n int) bool {
	const back = 4 // runes before the act a fact phrase may begin
	k := i
	for step := 0; step < back && k > 0; step++ {
		_, sz := utf8.DecodeLastRuneInString(s[:k])
		k -= sz
		if _, m := p.facts.longest(s[k:]); k+m > i && k+m < i+n {
			_, m2 := p.facts.longest(s[k+m:])
			return m2 > 0 && k+m+m2 >= i+n
		}
	}
	return false
}

func (p *parser) scanActs(rd *reading) {
	s := rd.text
	for i := 0; i < len(s); {
		ws, n := p.acts.longest(s[i:])
		if n > 0 && rd.free(i, i+n) && !splitsLatin(s, i, i+n) && !p.cutsObject(s, i, n, ws[0]) && !p.cutsFrame(rd, i, n, ws[0]) && !p.modifiesObject(s, i, n) &&
			!p.straddlesFacts(s, i, n) && !p.seenSaid(s[i:], n) {
			rd.acts = append(rd.acts, hit{i: i, j: i + n, w: ws[0], clause: rd.clause(i), words: s[i : i+n], named: p.placeNamedFor(s[i:], n)})
			i += n
			continue
		}
		_, sz := utf8.DecodeRuneInString(s[i:])
		i += sz
	}
}

// seenSaid reports whether s, whose first n bytes are an act's word, opens
// a word of seeing (看 of 看到) with what was seen said after it: that
// word, not the act (看到山上着火了; not 谁看见了, the looking itself).
func (p *parser) seenSaid(s string, n int) bool {
	for _, w := range p.g.Seen {
		if len(w) > n && strings.HasPrefix(s, w) {
			rest := strings.TrimLeftFunc(s[len(w):], clauseBreakOrSpace)
			return rest != "" && len(rest) == len(s)-len(w) && !p.startsWithAny(rest, p.g.Aspect)
		}
	}
	return false
}

// placeNamedFor reports whether s opens with a place named for the act whose
// listed word is its first n bytes (停车场, 停车位里): a fact phrase, longer,
// of a kind of place (place_kinds).
func (p *parser) placeNamedFor(s string, n int) bool {
	ws, m := p.facts.longest(s)
	if m <= n {
		return false
	}
	for _, w := range ws {
		if slices.ContainsFunc(w.facts, func(v vocab.Value) bool { return slices.Contains(p.g.PlaceKinds, v.Fact) }) {
			return true
		}
	}
	return false
}

// splitsLatin reports whether s[i:j] begins or ends with a Latin letter
// that the text goes on with: yb (医保) is no act inside maybe.
func splitsLatin(s string, i, j int) bool {
	latin := func(b byte) bool { return 'a' <= b|0x20 && b|0x20 <= 'z' }
	return latin(s[i]) && i > 0 && latin(s[i-1]) || latin(s[j-1]) && j < len(s) && latin(s[j])
}

// modifiesObject reports whether the act's phrase at s[i:i+n] is followed by
// 的 and opens a longer object of a frame whose verb is said after it: it
// says what that object does (拉渣土的车晚上可以上路吗 asks of the truck on
// the road, not of the hauling; 拉渣土的车要办什么证 stays the hauling).
func (p *parser) modifiesObject(s string, i, n int) bool {
	if !strings.HasPrefix(s[i+n:], "的") {
		return false
	}
	m := p.objects.longestLen(s[i:])
	if m <= n {
		return false
	}
	rest := s[i+m:]
	for _, f := range p.byObj[s[i:i+m]] {
		if f.activity == nil {
			continue
		}
		for v := range f.verbs {
			if strings.Contains(rest, v) {
				return true
			}
		}
	}
	return false
}

// cutsObject reports whether the phrase at s[i:i+n] begins with a
// complement said after a verb and ends inside an object of that verb's
// frames, another activity's: 放点烟花 holds 点烟 (a smoke lit) cut from 放…
// 烟花, the fireworks let off.
func (p *parser) cutsObject(s string, i, n int, w word) bool {
	_, sz := utf8.DecodeRuneInString(s[i:])
	if !p.complements[s[i:i+sz]] {
		return false
	}
	for k := i + sz; k < i+n; {
		m := p.objects.longestLen(s[k:])
		if k+m > i+n {
			for _, f := range p.byObj[s[k:k+m]] {
				if f.activity != w.activity && slices.ContainsFunc(keys(f.verbs), func(v string) bool { return strings.HasSuffix(s[:i], v) }) {
					return true
				}
			}
		}
		_, sz := utf8.DecodeRuneInString(s[k:])
		k += sz
	}
	return false
}

// cutsFrame reports whether the phrase at i, n bytes long, is a verb and
// the start of an object that runs past it, the two a frame of another
// covered act whose with-words the clause says: 打茶果的时候砍树枝 holds
// 砍树 (felling) cut from 砍…树枝, the branch cut while picking, and
// 装修垃圾倒垃圾桶里 holds 倒垃圾 cut from 倒…垃圾桶. Said without the
// picking, 砍树枝 stays 砍树.
func (p *parser) cutsFrame(rd *reading, i, n int, w word) bool {
	s := rd.text
	for k := i; k < i+n; {
		_, sz := utf8.DecodeRuneInString(s[k:])
		k += sz
		if k >= i+n {
			break
		}
		m := p.objects.longestLen(s[k:])
		if m == 0 || k+m <= i+n {
			continue
		}
		for _, f := range p.byObj[s[k:k+m]] {
			if f.activity != nil && f.activity != w.activity && f.verbs[s[i:k]] && (len(f.with) == 0 || p.withSaid(rd, f, i)) {
				return true
			}
		}
	}
	return false
}

// towardWords reads the vocabulary's phrases of a place said as where a
// thing is taken (到街上, 往人行道上: a toward word, then a place it also
// knows): what such a phrase adds to its place's own facts.
func (p *parser) towardWords(voc *vocab.Vocabulary) {
	for _, ph := range voc.Phrases {
		for _, w := range ph.Words {
			t := p.longestPrefix(w, p.g.Toward)
			if t == 0 {
				continue
			}
			// (往人行道上: the place, then a locative)
			ws, n := p.facts.longest(w[t:])
			if len(ws) == 0 || n != len(w)-t && !slices.Contains(p.g.Locatives, w[t+n:]) {
				continue
			}
			// (the place's facts as a call reads them: every phrase of its
			// word, as scanFacts merges them; one read for some acts only
			// leaves the fact to add for the rest — 人行道 of rubble)
			var has []vocab.Value
			for _, x := range ws {
				has = append(has, x.facts...)
			}
			var add []vocab.Value
			for _, v := range ph.Facts {
				if !slices.ContainsFunc(has, func(x vocab.Value) bool { return x.Fact == v.Fact && len(x.Of) == 0 }) {
					add = append(add, v)
				}
			}
			if len(add) == 0 {
				continue
			}
			if p.toward == nil {
				p.toward = map[string][]vocab.Value{}
			}
			p.toward[factKey(has)] = add
			if tw := w[:t]; !slices.Contains(p.towardSaid, tw) {
				p.towardSaid = append(p.towardSaid, tw)
			}
		}
	}
}

// hasSuffixLen is the length of the longest of words that s ends with, 0
// for none.
func (p *parser) hasSuffixLen(s string, words []string) int {
	n := 0
	for _, w := range words {
		if len(w) > n && strings.HasSuffix(s, w) {
			n = len(w)
		}
	}
	return n
}

// factKey names a set of facts and their values, in any order, each once
// (a phrase read from two lists states it twice).
func factKey(vs []vocab.Value) string {
	ks := make([]string, 0, len(vs))
	for _, v := range vs {
		ks = append(ks, fmt.Sprintf("%s=%v", v.Fact, v.V))
	}
	slices.Sort(ks)
	return strings.Join(slices.Compact(ks), ",")
}

// towardPlaces gives a place said after a toward word right after an act's
// verb, with other places, locatives and 的 between (泼到城里菜市场门口的街上, 倒到旁边的马路上) what
// the vocabulary's phrase of it right after the toward word adds (到街上:
// no designated place): it is where the thing is taken.
func (p *parser) towardPlaces(rd *reading) {
	if p.toward == nil || !p.hasAny(rd.text, p.towardSaid) {
		return
	}
	s := rd.text
	for k := range rd.facts {
		h := &rd.facts[k]
		add, ok := p.toward[factKey(h.w.facts)]
		if !ok {
			continue
		}
		i := h.i
		for i > 0 {
			if t := p.hasSuffixLen(s[:i], p.towardSaid); t > 0 {
				// (泼到…, 倒到…: right after an act's verb — 我到县城人行道上摆摊
				// is where the caller goes, not where a thing is put)
				put := slices.ContainsFunc(rd.acts, func(a hit) bool { return a.j == i-t || a.objEnd() == i-t })
				if put && rd.clause(i-t) == h.clause {
					w := h.w
					w.facts = append(slices.Clone(w.facts), add...)
					h.w = w
				}
				break
			}
			if j := slices.IndexFunc(rd.facts, func(f hit) bool { return f.j == i && f.clause == h.clause }); j >= 0 {
				i = rd.facts[j].i
				continue
			}
			// (对面: the longest, not 面 of it)
			if l := max(p.hasSuffixLen(s[:i], p.g.Locatives), p.hasSuffixLen(s[:i], p.g.TowardBetween)); l > 0 {
				i -= l
				// (倒到学校外面马路边上: a landmark said before a side of it,
				// right after the toward word — the place is still the fact's)
				if k := p.landmarkAfterToward(rd, i); k > 0 {
					i -= k
				}
				continue
			}
			break
		}
	}
}

// landmarkAfterToward is the length of the landmark (学校, 超市: one to
// three characters no word was read in) that ends at byte i right after a
// toward word (到学校外面), 0 for none.
func (p *parser) landmarkAfterToward(rd *reading, i int) int {
	s := rd.text
	if p.hasSuffixLen(s[:i], p.towardSaid) > 0 {
		return 0
	}
	j := i
	for k := 0; k < 3 && j > 0; k++ {
		r, sz := utf8.DecodeLastRuneInString(s[:j])
		if !isHan(r) || !rd.free(j-sz, j) || slices.ContainsFunc(rd.facts, func(f hit) bool { return f.i < j && j-sz < f.j }) {
			return 0
		}
		j -= sz
		if p.hasSuffixLen(s[:j], p.towardSaid) > 0 {
			return i - j
		}
	}
	return 0
}

func (p *parser) scanFacts(rd *reading) {
	s := rd.text
	for i := 0; i < len(s); {
		ws, n := p.facts.longest(s[i:])
		if r, _ := utf8.DecodeRuneInString(s[i:]); p.own.facts == nil || !p.ownFirst.mayHave(r) {
			// most characters start no owner
		} else if k := p.ownAt(s[i:]); k > n && rd.free(i, i+k) {
			// 我屋后山上有块茶山: the caller's own hill, said as a place of
			// their home (屋门口 in it is no yard)
			rd.facts = append(rd.facts, hit{i: i, j: i + k, w: p.own, clause: rd.clause(i), words: s[i : i+k]})
			i += k
			continue
		}
		if r, _ := utf8.DecodeRuneInString(s[i:]); p.theirs.facts == nil || !p.theirsFirst.mayHave(r) {
			// most characters start no other holder
		} else if k := p.holdingAt(s[i:], &p.g.Theirs, false); k > n && rd.free(i, i+k) {
			// 隔壁婶娘的茶山: another's hill, said by who holds it — what is
			// done there is what its holding is about (茶山: the picking)
			w := p.theirs
			w.about = p.holdingAbout(s[i:i+k], &p.g.Theirs)
			rd.facts = append(rd.facts, hit{i: i, j: i + k, w: w, clause: rd.clause(i), words: s[i : i+k]})
			i += k
			continue
		}
		if k, w := p.insertedAt(s, i); k > n && rd.free(i, i+k) {
			// 有城管局批的运输核准: the phrase with its noun's modifier
			rd.facts = append(rd.facts, hit{i: i, j: i + k, w: w, clause: rd.clause(i), words: s[i : i+k]})
			i += k
			continue
		}
		if k := p.othersHouse(s[i:]); k > n {
			rd.mark(i, i+k) // 隔壁屋里在烧秸秆: the neighbours' place, not indoors
			i += k
			continue
		}
		if k := p.householdWill(rd, i); n > 0 && k >= n {
			rd.mark(i, i+k) // 我屋里要收拾荒地: the family means to, not indoors
			i += k
			continue
		}
		if k := p.household(s[i:]); n > 0 && k > n {
			rd.mark(i, i+k) // 屋里是低保户: the household, not indoors
			i += k
			continue
		}
		if n > 0 && rd.free(i, i+n) {
			w := ws[0]
			for _, x := range ws[1:] { // 龙山街道: the town, and 城区 from the place table
				w.facts = append(append([]vocab.Value{}, w.facts...), x.facts...)
				if w.note == "" {
					w.note = x.note
				}
				if w.place == "" {
					w.place = x.place
				}
				if w.about == nil {
					w.about = x.about
				}
			}
			if k := p.placeCut(s, i, n, w); k > 0 {
				n = k // 盐城市区: 盐城, then 市区
			}
			rd.facts = append(rd.facts, hit{i: i, j: i + n, w: w, clause: rd.clause(i), words: s[i : i+n]})
			i += n
			continue
		}
		_, sz := utf8.DecodeRuneInString(s[i:])
		i += sz
	}
}

// insertedPhrase is a fact phrase's word cut before a noun that a
// modifier may come before: 有核准 is head 有 and noun 核准.
type insertedPhrase struct {
	head, noun string
	w          word
}

// insertedAt is the length of a fact phrase said at s[i:] with a modifier
// before its noun (有城管局批的运输核准, 办了渣土运输的核准), and its word;
// 0 if none. A head right after a negator is the negation's (冇有城管的
// 核准 is no 有…核准).
func (p *parser) insertedAt(s string, i int) (int, word) {
	if r, _ := utf8.DecodeRuneInString(s[i:]); !p.insertedFirst.mayHave(r) || p.hasSuffixLen(s[:i], p.g.Negators) > 0 {
		return 0, word{}
	}
	for _, ph := range p.inserted {
		rest, ok := strings.CutPrefix(s[i:], ph.head)
		if !ok {
			continue
		}
		n := 0
		for b, r := range rest {
			if b > 0 && strings.HasPrefix(rest[b:], ph.noun) {
				return len(ph.head) + b + len(ph.noun), ph.w
			}
			if n++; n > p.g.Inserted.Span || !unicode.Is(unicode.Han, r) || p.startsWithAny(rest[b:], p.g.Inserted.Stops) {
				break
			}
		}
	}
	return 0, word{}
}

// household is the length of a household word (屋里是, 屋里人) at the
// start of s, 0 for none.
func (p *parser) household(s string) int {
	if r, _ := utf8.DecodeRuneInString(s); !p.householdFirst.mayHave(r) {
		return 0 // most characters start none
	}
	for _, w := range p.g.Household {
		if strings.HasPrefix(s, w) {
			return len(w)
		}
	}
	// 屋里的垃圾拖到田边烧了: the household's things, dealt with where
	// they are taken (the thing stays free for its verb)
	for _, w := range p.g.HouseholdThings {
		if rest, ok := strings.CutPrefix(s, w); ok && p.objects.longestLen(p.pastWorn(rest)) > 0 {
			return len(w)
		}
	}
	// 我屋里老头子: a household word followed by a people word
	for _, w := range p.g.HouseholdOf {
		if !strings.HasPrefix(s, w) {
			continue
		}
		for _, pw := range p.g.People {
			if strings.HasPrefix(s[len(w):], pw) {
				return len(w) + len(pw)
			}
		}
		// 我屋里在城区: where the household lives (the place read after it)
		for _, at := range p.g.HouseholdAt {
			if rest, ok := strings.CutPrefix(s[len(w):], at); ok {
				if p.facts.longestLen(rest) > 0 {
					return len(w) + len(at)
				}
			}
		}
	}
	return 0
}

// householdWill is the length of a household word said right after a
// person and before what the household means to do (我屋里要收拾山边的
// 荒地, 我们屋里准备烧田埂: the family is the subject, not indoors), or 0.
// A question word after it (我屋里要得不) leaves the place as it is; a day
// said between them (我屋里九月一号要在坟山上放鞭子) is when.
func (p *parser) householdWill(rd *reading, i int) int {
	text := rd.text
	if !p.hasSuffixAny(text[:i], p.g.Persons) {
		return 0
	}
	s := text[i:]
	for _, w := range p.g.HouseholdOf {
		rest, ok := strings.CutPrefix(s, w)
		if !ok {
			continue
		}
		for _, m := range rd.dates {
			if m.Start == i+len(w) && !m.Bad {
				rest = text[m.End:]
				break
			}
		}
		if p.startsWithAny(rest, p.askedWords()) || p.startsWithAny(rest, p.yesNo) {
			continue
		}
		if p.startsWithAny(rest, p.g.HouseholdWill) {
			return len(w)
		}
	}
	return 0
}

// covered reports whether bytes i..j are inside an activity phrase.
func (rd *reading) inAct(i, j int) bool {
	for _, h := range rd.acts {
		if i < h.j && j > h.i {
			return true
		}
	}
	return false
}

// inCovered reports whether bytes i..j are inside a phrase of an activity
// some rule covers (not of an act no rule covers, such as 装修).
func (rd *reading) inCovered(i, j int) bool {
	for _, h := range rd.acts {
		if h.w.activity != nil && i < h.j && j > h.i {
			return true
		}
	}
	return false
}

// dropBareWays takes out of byVerb the frames of a way of an act (its
// manners) that need a with-word and share a verb with the act's own
// frames: said bare, the verb is the act's (交了好久能用 is enrolling, not
// the employee kind beside it); scanFrames still pairs them (scanByVerb).
func (p *parser) dropBareWays() {
	for v, fs := range p.byVerb {
		way := func(f *frame) bool {
			if f.activity == nil || len(f.with) == 0 {
				return false
			}
			for _, g := range fs {
				if g.activity != nil && slices.Contains(p.manners[g.activity.ID], f.activity) {
					return true
				}
			}
			return false
		}
		if slices.ContainsFunc(fs, way) {
			p.byVerb[v] = slices.DeleteFunc(slices.Clone(fs), way)
		}
	}
}

// wayWithin reports whether frame f names a way of doing the covered acts
// said inside bytes i..j, each strictly within them (职工医保 holds
// 医保: the employee kind, a way of enrolling the rules judge apart), so
// that the frame's longer object is read, not the act's word inside it.
func (p *parser) wayWithin(rd *reading, f *frame, i, j int) bool {
	if f.activity == nil {
		return false
	}
	found := false
	for _, h := range rd.acts {
		if h.w.activity == nil || h.j <= i || h.i >= j {
			continue
		}
		if h.i < i || h.j > j || h.j-h.i == j-i || !slices.Contains(p.manners[h.w.activity.ID], f.activity) {
			return false
		}
		found = true
	}
	return found
}

// scanFrames pairs verbs and objects, as whole words of the segmented
// text, in either order, within a clause and a few characters apart.
func (p *parser) scanFrames(rd *reading) {
	s := rd.text
	type tok = frameTok
	// Only the text around a verb can hold a frame: segment those windows
	// (a verb, eight characters before it for an object said first, twelve
	// after), so that a long question without one costs little.
	windows := p.verbWindows(s)
	n := 0 // a token is a character or more: the windows' bytes bound them
	for _, w := range windows {
		n += w[1] - w[0]
	}
	// the tokens and the segmenter's space, reused from call to call: a
	// long call would otherwise allocate them anew each time
	sc := frameScratchPool.Get().(*frameScratch)
	defer sc.put()
	sc.seg.reserve(n)
	toks := slices.Grow(sc.toks[:0], n+4)
	defer func() { sc.toks = toks }()
	for _, w := range windows {
		for _, sg := range p.seg.segment(&sc.seg, s[w[0]:w[1]]) {
			i, j := w[0]+sg.i, w[0]+sg.j
			// 一把火烧掉: after a measure word, a verb that begins with what
			// an act makes (火烧) is that object and the verb (火, 烧)
			word := sg.word || !p.framesInDict
			if n := len(toks); n > 0 && toks[n-1].j == i && p.isComplement(toks[n-1].t) {
				if k := p.madePrefix(s[i:j]); k > 0 {
					toks = append(toks, tok{i, i + k, s[i : i+k], true})
					i += k
					word = true
				}
			}
			// 摘完了: a fact phrase the dictionary joined that opens
			// with a frame's verb and goes on with a complement states
			// the act done; its verb is still the act's (霜降籽…就摘完了)
			if k := p.verbOpensFact(s[i:j]); k > 0 {
				toks = append(toks, tok{i, i + k, s[i : i+k], true})
				i = i + k
			}
			// 我家寒露籽10月8日能摘: a fact phrase the dictionary joined
			// that ends with a frame's object leaves the object to the verb
			if sg.word && j-i > 3 && inFactAt(rd, i) {
				if k := p.objectSuffix(s[i:j]); k > 0 {
					toks = append(toks, tok{i, i + k, s[i : i+k], true})
					i += k
				}
			}
			toks = append(toks, tok{i, j, s[i:j], word})
		}
	}
	usedObj := sc.used // object token → taken, by a covered act (true) or an act no rule covers
	// verbOfIn reports whether the clause of byte i says a verb of frame
	// f: an object said across a pause is that verb's, not one said before
	// the pause (不在坟上点 在屋里点对蜡烛: the candles are lit indoors);
	// a measure after a numeral is no verb (一堆装修的垃圾 放到…: the 堆
	// counts the waste, and 放到 across the pause takes it)
	verbOfIn := func(f *frame, i int) bool {
		for _, t := range toks {
			if t.word && rd.clause(t.i) == rd.clause(i) && f.verbs[t.t] && !p.countedMeasure(s, t.i, t.j) {
				return true
			}
		}
		return false
	}
	for vi, v := range toks {
		if !v.word {
			continue // no verb
		}
		fs := p.framesOfVerb(v.t)
		if stem := p.bareAfterMade(toks, vi); stem != "" {
			fs = p.framesOfVerb(stem)
		}
		if len(fs) == 0 {
			continue
		}
		// (社区指定的堆放点: a verb inside a place said before it is that
		// place's noun, no verb of the call)
		if factAround(rd, v.i, v.j) > 0 {
			continue
		}
		// 两个地方都参保: a verb that is itself an act's listed word (参保)
		// may still be the verb of a frame of a way of that act, whose
		// object says the way; only those frames are tried, and the act's
		// word gives way to the way found
		listed := -1
		if rd.inAct(v.i, v.j) || !rd.free(v.i, v.j) {
			if listed, fs = p.waysOfListed(rd, fs, v.i, v.j); listed < 0 {
				continue
			}
		}
		// 烧点纸, 混点生活垃圾: a one-character verb right after a verb is
		// a measure word or a complement, not a verb.
		if vi > 0 && p.isComplement(v.t) && toks[vi-1].j == v.i && (p.verbSet[toks[vi-1].t] && !p.filler1[toks[vi-1].t] || rd.inCovered(toks[vi-1].i, toks[vi-1].j)) {
			continue
		}
		// 瓷砖碎渣一大堆, 两车渣土: after a numeral, a measure
		if p.countedMeasure(s, v.i, v.j) {
			continue
		}
		// match is the verb's frame that token oi is an object of
		match := func(oi int) *frame {
			o := toks[oi]
			if !o.word || !p.mayBeObject(o.t) || !sameSentence(rd, o.i, v.i) {
				return nil // no object, or not this verb's
			}
			covered := rd.inCovered(o.i, o.j)
			for _, f := range fs {
				// 交了那边的职工医保: an object that holds an act's word
				// (医保) is the act only when it names a way of it
				if covered && !p.wayWithin(rd, f, o.i, o.j) {
					continue
				}
				// an object is one act's, but what an act no rule covers
				// took may be taken again by one a rule covers: 竹子砍了在山上
				// 烧掉 burns the bamboo cut
				if used, ok := usedObj[oi]; ok && (used || f.activity == nil) {
					continue
				}
				if f.objects[o.t] && p.withSaid(rd, f, v.i) && (rd.clause(o.i) == rd.clause(v.i) || !verbOfIn(f, o.i)) {
					return f
				}
			}
			return nil
		}
		// The object after the verb first, then the one before it; an
		// object that names what the act makes (烧一把火: the fire) yields
		// to one that names what it acts on (垃圾烧一把火, 落叶…一把火点了),
		// and is taken only in the verb's own clause: 不在山上烧 在屋里火盆里
		// 烧点纸 makes no fire of 火盆 across the pause.
		made, madeF := -1, (*frame)(nil)
		take := func(oi int, f *frame) {
			o := toks[oi]
			i, j := min(v.i, o.i), max(v.j, o.j)
			if oi < vi && vi+1 < len(toks) && toks[vi+1].i == v.j && p.isComplement(toks[vi+1].t) {
				j = toks[vi+1].j // 旧瓷砖…倒掉: the complement is the verb's
			}
			// the act's word inside the object gives way to the way it names,
			// and so does the verb's own (listed)
			rd.acts = slices.DeleteFunc(rd.acts, func(h hit) bool {
				return h.w.activity != nil && (h.i >= o.i && h.j <= o.j && h.j-h.i < o.j-o.i || listed >= 0 && h.i == v.i && h.j == v.j) &&
					slices.Contains(p.manners[h.w.activity.ID], f.activity)
			})
			rd.acts = append(rd.acts, hit{i: v.i, j: v.j, w: word{activity: f.activity, act: actName(f, v.t, o.t)},
				clause: rd.clause(v.i), words: s[i:j], wi: i, wj: j, obj: o.t})
			// 砍了的油茶树枝能不能烧掉: a verb said before its object with
			// only 的 (and aspect) between describes the object; the
			// object stays free for the verb the call asks
			if oi < vi || !p.describes(s[v.j:o.i]) {
				usedObj[oi] = usedObj[oi] || f.activity != nil
			}
		}
		found := false
		gap := 0
		// 烧成灰肥: after a resultative complement, what the act makes
		result := vi+1 < len(toks) && p.result[toks[vi+1].t] && toks[vi+1].i == v.j
		for oi := vi + 1; oi < len(toks) && gap <= 6; oi++ {
			// 要自己处理 在城区把装修垃圾倒在…: what 把 brings forward is the
			// object of the verb after it (not 一把火, a measure)
			if o := toks[oi]; o.i > v.j && slices.Contains(p.g.Disposal, o.t) {
				// (放个把烟花, 摘斤把茶籽: after the verb's own measure word it
				// is "one or so", and the object follows)
				if r, _ := utf8.DecodeLastRuneInString(s[:o.i]); !isNumeralRune(r) && !slices.Contains(p.g.Classifiers, s[v.j:o.i]) {
					break
				}
			}
			if f := match(oi); f != nil {
				if !p.made[toks[oi].t] && !(result && oi > vi+1) {
					take(oi, f)
					found = true
					break
				}
				if made < 0 && rd.clause(toks[oi].i) == rd.clause(v.i) {
					made, madeF = oi, f
				}
			}
			g := gapRunes(rd, v, toks[oi])
			// 两三百块钱: a number the segmenter left in single numerals is
			// one number, counted once
			if prev := toks[oi-1]; oi-1 > vi && prev.j == toks[oi].i && g > 0 && numeralAt(prev.t, true) && numeralAt(toks[oi].t, false) {
				g--
			}
			g = p.countedGap(s, toks[oi].i, toks[oi].j, g)
			gap += g
		}
		gap = 0
		for oi := vi - 1; !found && oi >= 0 && gap <= 8; oi-- {
			// (烟花算不算燃放: a thing said before a word
			// asking what it counts as is measured by the verb after, not
			// its object)
			if p.hasAny(s[toks[oi].j:v.i], p.g.CountsAsBetween) {
				break
			}
			if f := match(oi); f != nil {
				if !p.made[toks[oi].t] {
					take(oi, f)
					found = true
					break
				}
				if made < 0 && rd.clause(toks[oi].i) == rd.clause(v.i) {
					made, madeF = oi, f
				}
			}
			gap += utf8.RuneCountInString(toks[oi].t)
		}
		// only what the act makes was said near the verb: what it acts on
		// may be said earlier in the verb's clause, past a place (旧木板想在
		// 工地边上一把火烧了), when the verb follows the made thing — one
		// of its frames' or not (落叶…堆在空坪里一把火烧掉: 烧掉 takes no 火)
		madeBefore := vi > 0 && (made >= 0 && made == vi-1 || made < 0 && p.made[toks[vi-1].t] && rd.clause(toks[vi-1].i) == rd.clause(v.i))
		if !found && madeBefore {
			for oi := vi - 2; oi >= 0 && rd.clause(toks[oi].i) == rd.clause(v.i); oi-- {
				if f := match(oi); f != nil && !p.made[toks[oi].t] {
					take(oi, f)
					found = true
					break
				}
			}
		}
		// or the call's topic, said in a clause before the verb's, the
		// nearest first (田坎上的草好深哒，后日想一把火烧掉; 早稻割完了，
		// 稻草铺得到处都是，想一把火点了: the straw, not the harvest)
		for c := rd.clause(v.i) - 1; !found && made >= 0 && c >= 0; c-- {
			if oi, f := p.topicObject(rd, toks, fs, usedObj, c, v.i); f != nil {
				take(oi, f)
				found = true
			}
		}
		if !found && made >= 0 {
			take(made, madeF)
			found = true
		}
		if !found {
			if f, ob := p.objectSaidBefore(rd, v.i, v.j, fs, sc.verbs); f != nil {
				rd.acts = append(rd.acts, hit{i: v.i, j: v.j, w: word{activity: f.activity}, clause: rd.clause(v.i), words: v.t, obj: ob})
				found = true
			}
		}
		if !found {
			sc.verbs = append(sc.verbs, hit{i: v.i, j: v.j, clause: rd.clause(v.i), words: v.t, w: word{verb: true}})
		}
	}
	// the bare verbs, gathered in the scratch space: one allocation of the
	// size needed, not one for each doubling (a hit is large)
	rd.verbs = append(rd.verbs, sc.verbs...)
	p.topics(rd)
	for _, h := range rd.acts {
		if h.w.activity != nil && h.obj != "" && h.wj > 0 && h.wi < h.i {
			p.topicOption(rd, h.wi, h.obj, h.j)
		}
	}
	// 装修垃圾堆在门口: an act no rule covers (装修) said inside the object
	// of one a rule covers yields to it — in the act's clause, or inside
	// the object itself when the act's verb is said after a pause
	// (装修垃圾不扔垃圾桶 也不乱倒: the 装修 is the waste's).
	kept := rd.acts[:0]
	for _, h := range rd.acts {
		drop := false
		if h.w.activity == nil {
			for _, o := range rd.acts {
				if o.w.activity != nil && (o.clause == h.clause && h.i < o.objEnd() && h.j > o.objStart() || o.inObject(s, h.i, h.j)) {
					drop = true
				}
			}
		}
		if !drop {
			kept = append(kept, h)
		}
	}
	rd.acts = kept
	sort.SliceStable(rd.acts, func(a, b int) bool { return rd.acts[a].i < rd.acts[b].i })
}

// soundFramePhrases adds to the homophone pass each frame's verb said
// right before one of its objects (稍田埂 is 烧田埂, 到瓷砖 倒瓷砖, 处莉砖头
// 处理砖头): a one-character verb or object typed wrong is otherwise no
// word the pass knows. Only phrases of three characters or more (two
// sound like everyday speech too often), and only a sound that names one
// activity and no word added before: a slip that could be either of two
// acts is left as typed, never heard as the one a rule treats otherwise.
func (p *parser) soundFramePhrases(py *zh.Pinyin) {
	var b []byte
	key := func(w string) string {
		var buf [6]uint16
		b = b[:0]
		for _, r := range w {
			rs := py.AppendSyllables(buf[:0], r)
			if len(rs) == 0 {
				return ""
			}
			b = append(strconv.AppendUint(b, uint64(rs[0]), 10), '.')
		}
		return string(b)
	}
	// a phrase's key is its verb's and its object's, each made once: a
	// verb is said with every object of its frame ("" for a word with a
	// character that has no reading, and for the empty word)
	keyOf := make(map[string]string, p.frameWordCount()/2)
	wordKey := func(w string) string {
		k, ok := keyOf[w]
		if !ok {
			k = key(w)
			keyOf[w] = k
		}
		return k
	}
	// a sound's phrase is the first in byte order of those that sound
	// alike; mixed when they name two activities
	type phrase struct {
		w     string
		act   *rules.Activity
		mixed bool
	}
	n := 0
	for _, f := range p.frames {
		if f.activity != nil && len(f.with) == 0 {
			n += len(f.verbs) * len(f.objects)
		}
	}
	byKey := make(map[string]phrase, n)
	order := make([]string, 0, n)
	var k []byte
	for _, f := range p.frames {
		// a frame that needs a word said with it (乱倒渣土's 乱) is not its
		// act by the phrase alone: the phrase is heard for the frames that
		// need none, and the parser reads the with-word as before
		if f.activity == nil || len(f.with) > 0 {
			continue
		}
		objs := keys(f.objects) // (sorted once a frame, not once a verb)
		for _, v := range keys(f.verbs) {
			for _, o := range objs {
				if utf8.RuneCountInString(v)+utf8.RuneCountInString(o) < 3 {
					continue
				}
				kv, ko := wordKey(v), wordKey(o)
				if v != "" && kv == "" || o != "" && ko == "" {
					continue // a character without a reading
				}
				// (the key is looked up without making a string of it:
				// most pairs' sounds are already known)
				k = append(append(k[:0], kv...), ko...)
				if ph, ok := byKey[string(k)]; ok {
					ph.mixed = ph.mixed || ph.act != f.activity
					if w := v + o; w < ph.w {
						ph.w = w
					}
					byKey[string(k)] = ph
					continue
				}
				ks := string(k)
				order = append(order, ks)
				byKey[ks] = phrase{w: v + o, act: f.activity}
			}
		}
	}
	slices.Sort(order)
	p.framePhrases = make(map[string]bool, len(order))
	for _, k := range order {
		ph := byKey[k]
		if ph.mixed || p.sound.has(ph.w) {
			continue
		}
		p.sound.add(ph.w)
		p.framePhrases[ph.w] = true
	}
}

// soundLongVerbs adds to the homophone pass each frame's verb of four
// characters or more (混在一起堆, 混堆在一起), said alone: a verb that long
// is no everyday speech, and hearing it only gives back the frame's own
// verb, whose object and with-words the parser still reads as written
// (混在颐起堆碎砖 is 混在一起堆碎砖; a frame that needs a with-word has
// no phrase in soundFramePhrases). Added after the phrases, so a phrase
// that sounds alike is heard first.
func (p *parser) soundLongVerbs() {
	const minRunes = 4
	for _, f := range p.frames {
		if f.activity == nil {
			continue
		}
		for _, v := range keys(f.verbs) {
			if utf8.RuneCountInString(v) >= minRunes && !p.sound.has(v) {
				p.sound.add(v)
			}
		}
	}
}

// frameWordsDistinct counts the frames' distinct verbs and objects, and
// their characters.
func (p *parser) frameWordsDistinct() (words, runes int) {
	seen := make(map[string]bool, len(p.frames)*4)
	for _, f := range p.frames {
		for _, m := range []map[string]bool{f.verbs, f.objects} {
			for w := range m {
				if !seen[w] {
					seen[w] = true
					runes += utf8.RuneCountInString(w)
				}
			}
		}
	}
	return len(seen), runes
}

// frameWordCount counts the characters of the frames' verbs and objects.
func (p *parser) frameWordCount() int {
	n := 0
	for _, f := range p.frames {
		for _, m := range []map[string]bool{f.verbs, f.objects} {
			for w := range m {
				n += utf8.RuneCountInString(w)
			}
		}
	}
	return n
}

// waysOfListed returns, when bytes i..j are exactly an act's listed word
// and nothing else's, that hit's index and the frames of fs that are ways
// of that act (参保 and the frame of paying in two places); -1 otherwise.
func (p *parser) waysOfListed(rd *reading, fs []*frame, i, j int) (int, []*frame) {
	at := -1
	for k, h := range rd.acts {
		if i < h.j && j > h.i {
			if h.i != i || h.j != j || h.w.activity == nil || at >= 0 {
				return -1, nil
			}
			at = k
		}
	}
	if at < 0 {
		return -1, nil
	}
	var ways []*frame
	for _, f := range fs {
		if f.activity != nil && slices.Contains(p.manners[rd.acts[at].w.activity.ID], f.activity) {
			ways = append(ways, f)
		}
	}
	if len(ways) == 0 {
		return -1, nil
	}
	return at, ways
}

// topics pairs an object said as the topic of a clause with a verb of its
// frames said later in that clause or the next of its sentence with no
// object of its own: 离林子边三十米的田埂 要等到几时才准烧, 规划区里
// 装修垃圾在自家门口马路边堆了一个礼拜了. The topic is first in its clause
// after only the fact phrases, days and distances said there (and a 的
// after them); an object said anywhere else is not taken across words.
func (p *parser) topics(rd *reading) {
	s := rd.text
	for cs := 0; cs < len(s); cs++ {
		if cs > 0 && rd.clause(cs) == rd.clause(cs-1) {
			continue
		}
		k := p.topicStart(rd, cs)
		n := p.objects.longestLen(s[k:])
		described := false
		if n == 0 {
			k, n = p.describedTopic(rd, k)
			described = n > 0
		}
		if n == 0 || rd.inCovered(k, k+n) || p.inFact(rd, k+n) || p.made[s[k:k+n]] || p.objectTakenSaid(rd, k, k+n) {
			continue // (火 is what an act makes, never a topic)
		}
		o := s[k : k+n]
		// (装修垃圾三袋，堆在路边; 建筑垃圾两三车，倒在…: how much of it, said
		// right after it, is the topic's own, and the verb is sought past it)
		from := k + n
		from += p.measureLen(s[from:])
		// (瓷砖碎片算不算建筑垃圾，倒在路边行不行: a topic the rest of its
		// clause only measures by a notice's word is the thing the next
		// clause's verb is done to)
		next := 0
		if from < len(s) && p.startsWithAny(s[from:], p.g.CountsAsBetween) {
			next = rd.clauseEnd(from, rd.clause(from))
		} else if described {
			continue
		}
		for _, f := range p.byObj[o] {
			if f.activity == nil {
				continue
			}
			vi, vj := p.laterVerbOf(rd, f, from)
			if vj == 0 && next > 0 && next < len(s) {
				vi, vj = p.laterVerbOf(rd, f, next)
			}
			// a frame's with-words hold for a topic as for an object (老房子
			// 拆了 is no dry demolition unless 不洒水 is said)
			if vj > 0 && p.withEither(rd, f, vi, k) {
				rd.acts = append(rd.acts, hit{i: vi, j: vj, w: word{activity: f.activity, act: actName(f, s[vi:vj], o)},
					clause: rd.clause(vi), words: o + "…" + s[vi:vj], wi: k, wj: vj, obj: o})
				rd.verbs = slices.DeleteFunc(rd.verbs, func(h hit) bool { return h.i == vi })
				break
			}
		}
	}
}

// maxDescribing is how long a description said before a topic may be
// (装修敲下来的瓷砖碎片, 拆旧房子拆下来的砖头瓦片).
const maxDescribing = 10

// describedTopic is the topic said after a description that ends in 的 at
// the clause's start (装修敲下来的瓷砖碎片算不算建筑垃圾，倒在…): the thing
// described is the clause's topic as a bare one is, when the clause goes
// on to ask what it counts as. k is the clause's topic start; k, 0 when
// no object follows such a 的.
func (p *parser) describedTopic(rd *reading, k int) (int, int) {
	s := rd.text
	if k >= len(s) {
		return k, 0
	}
	c := rd.clause(k)
	for i, n := k, 0; i < len(s) && rd.clause(i) == c && n <= maxDescribing; n++ {
		if strings.HasPrefix(s[i:], "的") && i > k {
			j := i + len("的")
			if m := p.objects.longestLen(s[j:]); m > 0 {
				return j, m
			}
			return k, 0
		}
		_, w := utf8.DecodeRuneInString(s[i:])
		i += w
	}
	return k, 0
}

// topicOption pairs the object o said before its verb (at byte k) with the
// verb of a choice's other option, said after an alternative word in the
// clause of the verb that took it (城区装修的渣土，是拉到消纳场还是直接倒到河边; 装修垃圾是
// 直接拉到物业指定的点还是在家门口路边堆两天): each option is the topic's
// act, and the call is answered for the one it ends on (actRetracted).
func (p *parser) topicOption(rd *reading, k int, o string, from int) {
	s := rd.text
	c := rd.clause(from - 1)
	end := from
	for end < len(s) && rd.clause(end) == c {
		end++
	}
	at := -1
	for _, w := range p.g.Alternatives {
		if x := strings.Index(s[from:end], w); x >= 0 && (at < 0 || from+x < at) {
			at = from + x + len(w)
		}
	}
	if at < 0 || utf8.RuneCountInString(s[from:at]) > maxOption {
		return
	}
	for _, f := range p.byObj[o] {
		if f.activity == nil {
			continue
		}
		if vi, vj := p.laterVerbOf(rd, f, at); vj > 0 && rd.clause(vi) == c && p.withEither(rd, f, vi, k) {
			rd.acts = append(rd.acts, hit{i: vi, j: vj, w: word{activity: f.activity, act: actName(f, s[vi:vj], o)},
				clause: c, words: o + "…" + s[vi:vj], wi: k, wj: vj, obj: o})
			rd.verbs = slices.DeleteFunc(rd.verbs, func(h hit) bool { return h.i == vi })
			return
		}
	}
}

// objectTakenSaid reports whether bytes i..j are inside what an act found
// took that is not denied: a topic taken by a denied act is still the
// topic of a later verb of another frame (装修垃圾不乱倒 只堆在物业指定的地方
// piles the waste; the 停 of 摩托车没停在消防通道上 停在车位里 is the
// denied act's own frame's, which laterVerbOf leaves).
func (p *parser) objectTakenSaid(rd *reading, i, j int) bool {
	for _, h := range rd.acts {
		if h.w.activity != nil && i < h.objEnd() && j > h.objStart() && !p.negated(rd, h.i, true) {
			return true
		}
	}
	return false
}

// topicStart is the first byte of the clause starting at cs past its
// opening spaces and stops and the facts, days and distances read there,
// with a 的 after them.
func (p *parser) topicStart(rd *reading, cs int) int {
	s, c := rd.text, rd.clause(cs)
	k := cs
	for k < len(s) && rd.clause(k) == c {
		r, n := utf8.DecodeRuneInString(s[k:])
		if unicode.IsSpace(r) || clauseBreak(r) {
			k += n
			continue
		}
		j := k
		for j < len(s) && rd.used[j] {
			j++
		}
		for _, f := range rd.facts {
			if f.i == k {
				j = max(j, f.j)
			}
		}
		if j == k {
			// (就两袋装修垃圾, 那一车渣土: how little or how much of it,
			// said before it, is no word of its own)
			j = k + p.longestPrefix(s[k:], p.g.Only)
			j += p.measureLen(s[j:])
		}
		if j == k || rd.clause(j-1) != c {
			break
		}
		k = j
		if strings.HasPrefix(s[k:], "的") { // 三十米的田埂
			k += len("的")
		}
	}
	return k
}

// countedMeasure reports whether the complement s[i:j] is a measure: said
// after a numeral or a demonstrative (一大堆, 两车, 那堆纸箱子), and not
// followed by a count of its own (那点几根香: a measure counts a thing, not
// another count — 点 is the verb).
func (p *parser) countedMeasure(s string, i, j int) bool {
	return p.isComplement(s[i:j]) && p.endsWithAny(s[:i], p.g.MeasuresAfter) && p.measureLen(s[j:]) == 0
}

// measureLen is the length of the measure s starts with: numerals or
// demonstratives (measures_after: 一小, 两, 这, 那一) then a classifier
// (车, 袋, 堆); 0 when s starts with none.
func (p *parser) measureLen(s string) int {
	k := 0
	for k < len(s) {
		if n := p.longestPrefix(s[k:], p.g.MeasuresAfter); n > 0 {
			k += n
			continue
		}
		if r, n := utf8.DecodeRuneInString(s[k:]); isNumeralRune(r) {
			k += n
			continue
		}
		break
	}
	if k == 0 {
		return 0
	}
	if n := p.longestPrefix(s[k:], p.g.Classifiers); n > 0 {
		return k + n
	}
	return 0
}

// maxClauseRunes is how far a clause is searched for a word said later in
// it: longer than any clause a caller says between pauses, short enough
// that a long run with no pause costs no search from every word in it.
const maxClauseRunes = 24

// laterVerbOf is the first verb of frame f after byte from, in from's
// clause or the next of its sentence, when no act has taken it, it is in
// no fact phrase (摘完了) and has no object of its own after it; 0, 0 for
// none. The topic is the first verb's only: 摩托车没停在消防通道上 停在
// 划好的车位里 gives the second 停 no topic.
func (p *parser) laterVerbOf(rd *reading, f *frame, from int) (int, int) {
	s := rd.text
	for i, n := from, 0; i < len(s) && n < 2*maxClauseRunes && rd.clause(i) <= rd.clause(from)+1 && sameSentence(rd, from, i); n++ {
		// the longest verb said there (堆在, not 堆): f.verbs is a map,
		// and the first found must not depend on its order
		v := ""
		for w := range f.verbs {
			if len(w) > len(v) && strings.HasPrefix(s[i:], w) {
				v = w
			}
		}
		if v != "" {
			j := i + len(v)
			// (物业指定的堆放点 放起: a verb inside a place said before it,
			// 堆放 of 堆放点, is that place's noun; the verb is later)
			if e := factAround(rd, i, j); e > 0 {
				i = e
				continue
			}
			if rd.inAct(i, j) || !rd.free(i, j) || p.inFact(rd, i+1) || p.objects.longestLen(s[j:]) > 0 {
				return 0, 0
			}
			// (倒掉, 烧掉: the complement is the verb's, not left unheard)
			if r, n := decodeRune(s[j:]); n > 0 && p.isComplement(string(r)) && rd.free(j, j+n) {
				j += n
			}
			return i, j
		}
		_, n := utf8.DecodeRuneInString(s[i:])
		i += n
	}
	return 0, 0
}

// factAround is the end of the fact phrase read that begins before the
// word at bytes i..j and runs on past it (堆放 of 社区指定的堆放点), 0 for
// none: a fact that ends with the word (偷偷倒) leaves it a verb.
func factAround(rd *reading, i, j int) int {
	for _, f := range rd.facts {
		if f.i < i && j < f.j {
			return f.j
		}
	}
	return 0
}

// isComplement reports whether t is one of the grammar's complements
// (p.complements), looked up only when it starts with one's first
// character (always, when plain).
func (p *parser) isComplement(t string) bool {
	if r, _ := decodeRune(t); !p.plain && !p.complFirst.mayHave(r) {
		return false
	}
	return p.complements[t]
}

// describes reports whether the words between a verb and its object
// after it make the verb a clause describing the object: 的, after at
// most aspect particles and complements (砍了的, 砍掉的).
func (p *parser) describes(between string) bool {
	t, ok := strings.CutSuffix(between, "的")
	if !ok {
		return false
	}
	for _, r := range t {
		if c := string(r); !slices.Contains(p.g.Aspect, c) && !p.isComplement(c) {
			return false
		}
	}
	return true
}

// verbOpensFact is the length of the frame's verb a fact phrase t opens
// with when a complement follows it (摘 of 摘完了), or 0: t as a whole is
// no verb, and the segmenter, whose dictionary holds the fact phrases,
// would otherwise hide the verb inside it.
func (p *parser) verbOpensFact(t string) int {
	if r, n := decodeRune(t); n == len(t) || !p.plain && !p.verbStarts.mayHave(r) || len(p.framesOfVerb(t)) > 0 {
		return 0 // (most tokens start no verb)
	}
	if _, n := p.facts.longest(t); n != len(t) {
		return 0
	}
	for k := len(t) - 1; k > 0; k-- {
		if !utf8.RuneStart(t[k]) || len(p.framesOfVerb(t[:k])) == 0 {
			continue
		}
		if r, n := decodeRune(t[k:]); n > 0 && p.isComplement(string(r)) {
			return k
		}
	}
	return 0
}

// framesOfVerb are the frames whose verb t is (p.byVerb), looked up only
// when t starts with a verb's first character (always, when plain).
func (p *parser) framesOfVerb(t string) []*frame {
	if r, _ := decodeRune(t); !p.plain && !p.verbStarts.mayHave(r) {
		return nil
	}
	return p.scanByVerb[t]
}

// mayBeObject reports whether t may be an object of a frame: false when
// it starts with no object's first character (never, when plain).
func (p *parser) mayBeObject(t string) bool {
	r, _ := decodeRune(t)
	return p.plain || p.objStarts.mayHave(r)
}

// objectSuffix is where, in t, the longest frame object it ends with
// starts, when all before it is one word heard as no act's (我家寒露籽:
// 我家); 0 when there is none.
func (p *parser) objectSuffix(t string) int {
	_, k := decodeRune(t)
	for k < len(t) {
		found := false
		p.objects.each(t[k:], func(w string) { found = found || len(w) == len(t)-k })
		// (what comes before is a word of who holds it, 我家, 自家: 灵房子
		// is no 房子)
		if found && p.filler.longestLen(t[:k]) == k {
			return k
		}
		_, n := decodeRune(t[k:])
		k += n
	}
	return 0
}

// frameTok is a word of a frame's window: bytes i..j of the text.
type frameTok struct {
	i, j int
	t    string
	// word: a word of the segmenter's dictionary, or may be a frame's
	// verb or object; false for a character no word starts with
	word bool
}

// frameScratch is scanFrames' work space, kept in a pool between calls.
type frameScratch struct {
	toks  []frameTok
	seg   segBuf
	used  map[int]bool
	verbs []hit
}

var frameScratchPool = sync.Pool{New: func() any { return &frameScratch{used: map[int]bool{}} }}

// put returns the space to the pool, holding no text.
func (sc *frameScratch) put() {
	clear(sc.toks)
	sc.toks = sc.toks[:0]
	clear(sc.verbs)
	sc.verbs = sc.verbs[:0]
	clear(sc.used)
	frameScratchPool.Put(sc)
}

// withOutsideDistance reports whether one of words is said in
// rd.text[lo:hi] outside a distance phrase: the landmark a distance is
// measured from (离坟山五六十米烧纸钱) is not where the act is.
func (p *parser) withOutsideDistance(rd *reading, lo, hi int, words []string) bool {
	for _, w := range words {
		for from := lo; from < hi; {
			k := strings.Index(rd.text[from:hi], w)
			if k < 0 {
				break
			}
			k += from
			if !slices.ContainsFunc(rd.facts, func(f hit) bool {
				return f.i <= k && k+len(w) <= f.j && len(f.w.facts) > 0 && f.w.facts[0].Fact == p.voc.Distance.Fact
			}) {
				return true
			}
			from = k + len(w)
		}
	}
	return false
}

// withSaid reports whether the clause of byte i says one of frame f's
// with-words, or f has none. A clause parted from its neighbour by a space
// only is one sentence with it, as a verb and its object may be
// (装修垃圾 丢垃圾桶, typed with a space for the pause).
func (p *parser) withSaid(rd *reading, f *frame, i int) bool {
	if len(f.with) == 0 {
		return true
	}
	c := rd.clause(i)
	lo, hi := rd.clauseStart(i, c), rd.clauseEnd(i, c)
	if lo > 0 && (rd.text[lo] == ' ' || rd.text[lo-1] == ' ') {
		for lo > 0 && rd.clause(lo-1) >= c-1 {
			lo--
		}
	}
	if hi < len(rd.text) && (f.withNext || rd.text[hi] == ' ' || rd.text[hi-1] == ' ') {
		next := c + 1
		// (拆旧房子洒么子水，灰又不大，不洒水总可以吧: a clause of no act and
		// no fact, a remark between, does not part the act from its way
		// said after — one that says a fact is a case of its own: 以前单位交
		// 的职工医保，断保60天了，现在交居民医保)
		inNext := func(h hit) bool { return h.clause == next }
		if f.withNext && !slices.ContainsFunc(rd.acts, inNext) && !slices.ContainsFunc(rd.facts, inNext) {
			next++
		}
		for hi < len(rd.text) && rd.clause(hi) <= next {
			hi++
		}
	}
	if f.withBefore {
		lo = 0
	}
	if p.withOutsideDistance(rd, lo, hi, f.with) {
		return true
	}
	// a topic said before in short clauses of its own, with no act of a
	// rule in them (装修垃圾，直接丢楼下的垃圾桶里; 装修垃圾,能不能,直接丢进
	// 小区的垃圾桶): the thing the verb is done to, as a topic is for a bare
	// verb (topics)
	for n := 0; n < withTopicClauses && lo > 0; n++ {
		pc := rd.clause(lo - 1)
		plo := rd.clauseStart(lo-1, pc)
		t := rd.text[plo:lo]
		// (an act inside the with-word that ends the clause, 拉渣土 of 拉渣土的
		// 车, only names the topic: 城里那些拉渣土的车，车牌子上糊满了泥巴 is the
		// muck truck's plate)
		if n == 0 && p.endsWithOwnActs(rd, pc, plo, strings.TrimRightFunc(t, clauseBreakOrSpace), f.with) {
			return true
		}
		if slices.ContainsFunc(rd.acts, func(h hit) bool { return h.clause == pc && h.w.activity != nil }) {
			break
		}
		// (冇得物业的老宿舍楼装修，垃圾堆到…: a clause however long that
		// ends with the with-word is its topic, said right before)
		if n == 0 && p.hasSuffixAny(strings.TrimRightFunc(t, clauseBreakOrSpace), f.with) {
			return true
		}
		// (城管来了两个人要收我的菜，我推了他一把: nor one however long that
		// opens with it, the one the clause tells of, right before)
		if n == 0 && p.startsWithAny(strings.TrimLeftFunc(t, clauseBreakOrSpace), f.with) {
			return true
		}
		if utf8.RuneCountInString(t) > withTopicRunes {
			break
		}
		if p.hasAny(t, f.with) {
			return true
		}
		lo = plo
	}
	// a long call tells what the verb is done to in the story's clauses
	// before it, however long (…拆下来的瓷砖和水泥块不多，就两三袋。楼下就
	// 有个生活垃圾桶，我想…丢到垃圾桶里去): a few clauses back, none of them
	// an act of a rule's
	lo = rd.clauseStart(i, c)
	for n := 0; n < withStoryClauses && lo > 0; n++ {
		pc := rd.clause(lo - 1)
		plo := rd.clauseStart(lo-1, pc)
		if slices.ContainsFunc(rd.acts, func(h hit) bool { return h.clause == pc && h.w.activity != nil }) {
			break
		}
		if p.hasAny(rd.text[plo:lo], f.with) {
			return true
		}
		lo = plo
	}
	return false
}

// endsWithOwnActs reports whether clause text t (starting at byte lo of the
// call, clause pc) ends with one of words and every act of a rule said in it
// lies inside that word: the clause names a thing by what is done with it
// (拉渣土的车), no act of its own.
func (p *parser) endsWithOwnActs(rd *reading, pc int, lo int, t string, words []string) bool {
	for _, w := range words {
		if !strings.HasSuffix(t, w) {
			continue
		}
		wi, wj := lo+len(t)-len(w), lo+len(t)
		if !slices.ContainsFunc(rd.acts, func(h hit) bool {
			return h.clause == pc && h.w.activity != nil && (h.i < wi || h.j > wj)
		}) {
			return true
		}
	}
	return false
}

// withTopicClauses and withTopicRunes bound a topic said in clauses of its own
// before a verb's (装修垃圾,能不能,直接丢进…): two clauses back, each short.
const (
	withTopicClauses = 2
	withTopicRunes   = 10
	withStoryClauses = 4
)

// withEither reports whether frame f's with-words are said in the clause of
// its verb (byte v) or of its object (byte o), said apart: every way a verb
// finds its object holds them, as the verb–object search does (渣土拉到路边
// 倒了 is no emergency's discharge unless 抢险 is said).
func (p *parser) withEither(rd *reading, f *frame, v, o int) bool {
	return p.withSaid(rd, f, v) || p.withSaid(rd, f, o)
}

// madePrefix is the length of an object that names what an act makes (火)
// at the start of t when the rest of t is a frame's verb (火烧), else 0.
func (p *parser) madePrefix(t string) int {
	for _, m := range p.g.Made {
		if rest, ok := strings.CutPrefix(t, m); ok && p.verbSet[rest] {
			return len(m)
		}
	}
	return 0
}

// bareAfterMade is the bare verb of the verb token vi when it says a
// complement after it (烧掉) right after what an act makes said after a
// measure word (一把火烧掉, cut 火/烧掉), or "": the verb is then read as
// its bare verb, as when the cut is 火烧/掉 and madePrefix parts 火烧 —
// 烧 takes 火, and the straw or bank grass burned with it, which 烧掉's
// own frames may not. Which of the two cuts of the same words' lengths
// the segmenter keeps is no reason to read the act otherwise.
func (p *parser) bareAfterMade(toks []frameTok, vi int) string {
	if vi < 2 {
		return ""
	}
	v, m, w := toks[vi], toks[vi-1], toks[vi-2]
	if m.j != v.i || w.j != m.i || !p.made[m.t] || !p.isComplement(w.t) {
		return ""
	}
	for _, c := range p.g.Complements {
		if stem, ok := strings.CutSuffix(v.t, c); ok && stem != "" && p.verbSet[stem] {
			return stem
		}
	}
	return ""
}

// verbWindows are the byte ranges of s around each character that starts
// a frame's verb with a character that may start one of its objects
// nearby, merged where they overlap.
func (p *parser) verbWindows(s string) [][2]int {
	var out [][2]int
	topic, _ := utf8.DecodeRuneInString(s)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !p.verbStarts.mayHave(r) {
			i += n
			continue
		}
		objs := p.verbFirst[r]
		if objs == nil {
			i += n
			continue
		}
		sole := p.soleFirst[r]
		// (a digit is not counted: a day said between the object and the
		// verb, 寒露籽10月8日可以摘, is a few characters of speech)
		lo := i
		for k := 0; k < 8 && lo > 0; {
			r, sz := decodeLastRune(s[:lo])
			lo -= sz
			if r < '0' || r > '9' {
				k++
			}
		}
		// (旧木板想在工地边上一把火烧了: a verb right after what the act
		// makes points back to what it burns, said earlier in its clause
		// past a place — the window reaches the clause's start)
		if p.endsWithAny(s[:i], p.g.Made) {
			for k := 0; k < madeReach && lo > 0; k++ {
				r, sz := decodeLastRune(s[:lo])
				if clauseBreak(r) {
					break
				}
				lo -= sz
			}
		}
		hi := i
		for k := 0; k < 12 && hi < len(s); k++ {
			_, sz := decodeRune(s[hi:])
			hi += sz
		}
		// the object may be the call's topic, said first (田埂离林子四五十米，后日烧得不)
		near := sole || objs[topic]
		if !near {
			oh := p.objFirstHash[r]
			for _, x := range s[lo:hi] {
				if oh.mayHave(x) && objs[x] {
					near = true
					break
				}
			}
		}
		if !near {
			i += n
			continue
		}
		if len(out) > 0 && lo <= out[len(out)-1][1] {
			out[len(out)-1][1] = hi
		} else {
			out = append(out, [2]int{lo, hi})
		}
		i += n
	}
	// The first clause, when short, may be the call's topic: the object
	// of a verb said in a later clause (稻草捆好哒，一把火点了).
	if len(out) > 0 && out[0][0] > 0 {
		for k, n := 0, 0; k < len(s) && n <= topicRunes; n++ {
			r, sz := utf8.DecodeRuneInString(s[k:])
			if clauseBreak(r) || hanSpace(s, k) { // 油菜秆子晒干了 想…烧成灰
				if k >= out[0][0] {
					out[0][0] = 0
				} else {
					out = append([][2]int{{0, k}}, out...)
				}
				break
			}
			k += sz
		}
	}
	return out
}

// topicRunes is the longest first clause read as the call's topic.
const topicRunes = 16

// madeReach is how far back in its clause a verb said right after what the
// act makes (一把火烧了) looks for what it acts on.
const madeReach = 24

func actName(f *frame, v, o string) string {
	if f.activity != nil {
		return ""
	}
	return v + o
}

// topicObject finds, in clause c, the first object of one of the frames fs
// not taken by another act, not inside a covered phrase and not a thing the
// act makes, whose frame's words to be said with are said with the verb at
// byte vi: what a fire made later in the call burns (稻草…一把火点了; 荒地上
// 的茅草…一把火烧了 is no ridge's grass, 田埂 unsaid).
func (p *parser) topicObject(rd *reading, toks []frameTok, fs []*frame, usedObj map[int]bool, c, vi int) (int, *frame) {
	for oi, o := range toks {
		if rd.clause(o.i) != c || usedObj[oi] || rd.inCovered(o.i, o.j) || p.made[o.t] {
			continue
		}
		for _, f := range fs {
			if f.objects[o.t] && p.withSaid(rd, f, vi) {
				return oi, f
			}
		}
	}
	return -1, nil
}

// objectSaidBefore finds the object a verb at i..j leaves out (摆摊卖烟花，
// 晚上在山脚放几个; 带点鞭炮，到了就放): the verb counts it (几个, 一挂), ends
// with a complement (烧掉, 烧一下) or says nothing after it in its clause
// right after a word that puts it next or says it may (就放, 能放), and an earlier clause of its
// sentence (two clauses back at most) named, for an act of another
// notice or none, an object of one of the verb's covered frames fs — the thing said once is what
// both acts are done to — or named free, held by a bare verb of bare, the
// call's bare verbs found so far (freeObject). The frame and the object
// ending nearest before the verb's clause (the longest there), or nil.
func (p *parser) objectSaidBefore(rd *reading, i, j int, fs []*frame, bare []hit) (*frame, string) {
	c := rd.clause(i)
	if c <= 0 {
		return nil, ""
	}
	cs, end := rd.clauseStart(i, c), rd.clauseEnd(j, c)
	if j > end {
		return nil, ""
	}
	rest := strings.TrimSpace(rd.text[j:end])
	// (烧掉, 烧一下: a complement, counted or not, says the verb's end)
	counted := p.startsWithAny(rest, p.g.Complements) || utf8.RuneCountInString(rd.text[i:j]) > 1 && p.endsWithAny(rd.text[i:j], p.g.Complements)
	// (倒了一些到河里: 了 before the count)
	for _, m := range p.g.MeasuresAfter {
		if r, ok := strings.CutPrefix(strings.TrimPrefix(rest, p.g.DoneParticle), m); ok && (p.startsWithAny(r, p.g.Classifiers) || p.startsWithAny(r, p.g.Complements)) {
			counted = true
		}
	}
	// (还有些倒在绿化带里, 多的倒到河边: where the thing ended up ends the
	// verb as a complement does)
	if p.placeAfter(rd, j, end) {
		counted = true
	}
	// (卖不完的在门口放了, 送到指定地点，在那烧了: 了 closing the clause
	// ends the verb as a complement does)
	// (…倒在村口空地上行不行？烧了呢: or 了 and the particle asking the same)
	// (烧了当肥: or 了 and what the thing is then used as)
	if r, ok := strings.CutPrefix(rest, p.g.DoneParticle); ok && (r == "" || p.startsWithAny(r, p.g.Asking) || p.startsWithAny(r, p.g.Ellipsis) || p.startsWithAny(r, p.g.UsedAs)) {
		counted = true
	}
	if !counted && rest != "" && !p.startsWithAny(rest, p.g.Asking) {
		return nil, ""
	}
	// said with nothing after it, the verb follows a word that puts it
	// next (到了就放) or that may (能放): 物业指定点 is no 点 of a fire
	// (摘完放: or right after another verb said finished, the step after it)
	if !counted && !p.endsWithAny(rd.text[cs:i], p.g.ThenStep) && !p.endsWithAny(rd.text[cs:i], p.g.DoneNot) && !p.endsWithAny(rd.text[cs:i], p.g.Finished) {
		return nil, ""
	}
	var best *frame
	bestOb, at := "", -1 // at: where the best object ends
	for _, f := range fs {
		if !p.withSaid(rd, f, i) {
			continue
		}
		for _, ob := range f.byLength {
			k := strings.LastIndex(rd.text[:cs], ob)
			e := k + len(ob)
			// (…帮人拉装修垃圾挣点钱，要办证吗？拉不完的在山边烧了行不: a
			// question between asks of the thing too, the next asks on)
			if k < 0 || e < at || e == at && len(ob) <= len(bestOb) || c-rd.clause(k) > 2 || strings.ContainsAny(rd.text[k:i], "。！!\n") {
				continue
			}
			// named for an act of another notice or none (卖烟花), ending
			// its words (not 医保 of 医保卡丢了) — the same act said again is
			// asked again by the clauses' own reading (…除夕在屋门口放; 别个在
			// 田里烧稻草，我也在田里烧: the verb has a frame of that act), and a
			// later verb in that act's own clause by laterVerb (拉到河边倒了);
			// another act of its notice is what the verb does to the thing
			// next (装修垃圾放到指定点，还有些倒在绿化带里)
			if !slices.ContainsFunc(rd.acts, func(h hit) bool {
				return min(h.i, h.objStart()) <= k && e == objectEnd(h) &&
					(h.w.activity == nil || h.clause != c && !slices.ContainsFunc(fs, func(g *frame) bool {
						return g.activity == h.w.activity
					}))
			}) && !p.freeObject(rd, k, e, i, bare) {
				continue
			}
			best, bestOb, at = f, ob, e
		}
	}
	if best == nil || best.activity == nil {
		return nil, "" // (电子鞭炮: the longest object there names no covered act)
	}
	return best, bestOb
}

// placeAfter reports whether the words right after a verb ending at j,
// in its clause ending at end, say where its thing ended up: 在 or 到 (At,
// Toward), after 了 and a count (倒了一些到河里), and a place read as a fact
// right after it (倒在绿化带里).
func (p *parser) placeAfter(rd *reading, j, end int) bool {
	x := j
	if strings.HasPrefix(rd.text[x:end], p.g.DoneParticle) {
		x += len(p.g.DoneParticle)
	}
	for _, m := range p.g.MeasuresAfter {
		if r, ok := strings.CutPrefix(rd.text[x:end], m); ok {
			if n := p.longestPrefix(r, p.g.Classifiers); n > 0 {
				x += len(m) + n
			}
			break
		}
	}
	n := p.longestPrefix(rd.text[x:end], p.g.At)
	if n == 0 {
		n = p.longestPrefix(rd.text[x:end], p.g.Toward)
	}
	if n == 0 {
		return false
	}
	return slices.ContainsFunc(rd.facts, func(f hit) bool { return (f.i == x || f.i == x+n) && f.j <= end })
}

// freeObject reports whether the object said at k..e, before a verb at
// i, is said free — in no act's words nor a fact phrase — as the object of
// a bare verb of no frame that takes it, a few characters before it, and
// no other frame's object is said between it and the verb (背篓里带了几挂
// 鞭炮，摘完放: the firecrackers carried are what is let off; a topic said
// with no verb, 这几袋装修垃圾，…倒掉, is read as a topic).
func (p *parser) freeObject(rd *reading, k, e, i int, bare []hit) bool {
	if slices.ContainsFunc(rd.acts, func(h hit) bool { return min(h.i, h.objStart()) < e && k < max(h.j, h.objEnd()) }) ||
		slices.ContainsFunc(rd.facts, func(f hit) bool { return f.i < e && k < f.j }) {
		return false
	}
	// (苞谷秆子晒干了，想在地里烧了: or the topic opening its clause, what
	// its own verb says of it a state — no frame of it takes the thing)
	c := rd.clause(k)
	topic := strings.TrimLeft(rd.text[rd.clauseStart(k, c):k], pauses) == "" && slices.ContainsFunc(bare, func(v hit) bool {
		return v.clause == c && v.i >= e && utf8.RuneCountInString(rd.text[e:v.i]) <= maxHeldGap
	})
	if !topic && !slices.ContainsFunc(bare, func(v hit) bool {
		return v.clause == c && v.j <= k && utf8.RuneCountInString(rd.text[v.j:k]) <= maxHeldGap
	}) {
		return false
	}
	for x := e; x < i; {
		if p.objects.longestLen(rd.text[x:]) > 0 {
			return false
		}
		_, sz := utf8.DecodeRuneInString(rd.text[x:])
		x += sz
	}
	return true
}

// maxHeldGap is the most characters between a bare verb and the object it
// holds (带了几挂鞭炮: 了几挂).
const maxHeldGap = 4

// objectEnd is where act h's object ends as said: before its verb when
// said first (垃圾拉到…), else the end of its words.
func objectEnd(h hit) int {
	if h.obj != "" && h.wj > 0 && h.wi < h.i {
		return h.wi + len(h.obj)
	}
	return max(h.j, h.objEnd())
}

// insideDenial reports whether act h's words lie inside a fact phrase
// that opens with a negator before them (有社保 in 没有社保: the employee
// plan not had, a fact said, is no act of holding it).
func (p *parser) insideDenial(rd *reading, h hit) bool {
	return slices.ContainsFunc(rd.facts, func(f hit) bool {
		return f.i < h.i && h.j <= f.j && p.startsWithAny(rd.text[f.i:h.i], p.g.Negators)
	})
}

// doneBefore reports whether 了 right before act h says it done (交了医保:
// the act's own verb, then 了, then its words). 了 after a word of
// something else (累了生堆火, 天黑了烧纸) closes that, not the act.
func (p *parser) doneBefore(rd *reading, h hit) bool {
	before, ok := strings.CutSuffix(rd.text[:h.i], p.g.DoneParticle)
	if !ok {
		return false
	}
	if h.w.activity == nil {
		return true
	}
	// the verb's last one to three characters (交, 缴纳, 参保缴费's 缴费)
	end := len(before)
	for range 3 {
		_, n := utf8.DecodeLastRuneInString(before[:end])
		if n == 0 {
			break
		}
		end -= n
		if p.verbOf(before[end:], h.w.activity) {
			return true
		}
	}
	return false
}

// thenStep reports whether act h, told finished or done (烧完纸, 烧了纸),
// is a step of a plan: a word of ThenStep follows it in its clause, at
// most a person said between (烧完纸我就去交医保), and neither its clause
// says it was (已经) nor what follows says may (摘完茶籽就可以烧稻草了吧).
// Such a step is asked like the next one — its ban is never lost to it.
func (p *parser) thenStep(rd *reading, h hit) bool {
	if h.clause < 0 || h.w.activity == nil {
		return false
	}
	lo, hi := min(h.i, h.objStart()), max(h.j, h.objEnd())
	st, end := rd.clauseStart(lo, h.clause), rd.clauseEnd(hi, h.clause)
	if hi > end || p.hasAny(rd.text[st:lo], p.g.DoneBefore) {
		return false
	}
	rest := rd.text[hi:end]
	for _, w := range p.g.ThenStep {
		k := strings.Index(rest, w)
		if k < 0 || utf8.RuneCountInString(rest[:k]) > 3 {
			continue
		}
		after := strings.TrimLeft(rest[k+len(w):], " ")
		if after != "" && !p.startsWithAny(after, p.g.DoneNot) && !p.startsWithAny(after, p.g.Asking) {
			return true
		}
	}
	return false
}

// mayAfterDone reports whether act h, said with 了 (done_after), is
// followed in its clause by nothing but words asking may it be done (去摘了
// 行不, 烧了要得不): a plan asked of, not a thing done — unless they ask
// whether it brings trouble (撒了点土要紧不: done_asked).
func (p *parser) mayAfterDone(rd *reading, h hit) bool {
	if h.clause < 0 {
		return false
	}
	end := max(h.j, h.objEnd())
	rest := strings.TrimRight(rd.text[end:rd.clauseEnd(end, h.clause)], pauses)
	for _, w := range p.g.DoneAfter {
		if r, ok := strings.CutPrefix(rest, w); ok && slices.Contains(p.g.Asking, r) && !slices.Contains(p.g.DoneAsked, r) {
			return true
		}
	}
	return false
}

// maxDoneBefore is the most characters said between a verb told done
// (交了) and the act's object named after it (那边的居民医保).
const maxDoneBefore = 6

// scope marks negation, focus and background on acts and facts.
func (p *parser) scope(rd *reading) {
	s := rd.text
	for k := range rd.acts {
		h := &rd.acts[k]
		h.neg = p.negated(rd, h.i, true) && !p.othersDenial(rd, h.i)
		if at := p.deniedAt(rd, h.i); !h.neg && at > 0 {
			h.neg, h.at = true, at
		}
		h.focus = p.before(rd, h.i, p.g.Focus, 8)
		rest := s[h.j:]
		// (摘完了: a complement said before 了, the act done all the same)
		if r, n := decodeRune(rest); n > 0 && strings.HasPrefix(rest[n:], p.g.DoneParticle) && p.isComplement(string(r)) {
			rest = rest[n:]
		}
		// (把垃圾倒河边了，有事没: the place it went to, said right after the
		// verb, then 了, and what it brings asked — 多的倒到河边了，可以吗 may
		// ask of it still)
		if h.clause >= 0 && p.toldAsked(rd, *h) {
			if r, ok := p.placeSaidAt(rd, h.j, rd.clauseEnd(h.j, h.clause)); ok && strings.HasPrefix(s[r:], p.g.DoneParticle) {
				rest = s[r:]
			}
		}
		step := p.thenStep(rd, *h) || h.w.activity != nil && slices.Contains(p.g.Held, s[h.i:h.j])
		// (把稻草烧了 asks for it; 把垃圾倒河边了，有事没 tells it done and
		// asks what follows)
		if (strings.HasPrefix(rest, p.g.DoneParticle) || p.doneBefore(rd, *h)) && (!p.disposal(rd, h) || p.toldAsked(rd, *h)) && !(h.neg && p.forbidden(rd, h.i)) && !step &&
			!p.mayAfterDone(rd, *h) {
			// 老家交了医保: done already, the story not the question (but
			// 又不准烧田埂了 says the ban has come: nothing was done)
			h.bg = true
		}
		// the object of a frame may follow the verb
		after := strings.TrimLeft(skipObject(rest), " ")
		// (医保什么时候截止: 时候 that asks when is the question, not a
		// background clause — said after another act's question, the
		// act was dropped as the scene of it)
		asksWhen := slices.ContainsFunc(p.g.When, func(w string) bool {
			return strings.HasPrefix(strings.TrimLeft(rest, " "), w) && p.hasSuffixAny(w, p.g.Background)
		})
		for _, b := range p.g.Background {
			if strings.HasPrefix(after, b) && !asksWhen {
				h.bg, h.when = true, true
			}
		}
		for _, b := range p.g.InPassing {
			if strings.HasPrefix(skipObject(rest), b) {
				h.bg, h.when = true, true
			}
		}
		for _, b := range p.g.Finished {
			if strings.HasPrefix(s[h.j:], b) && !step {
				h.bg, h.when = true, true
			}
		}
	}
	for k := range rd.verbs {
		rd.verbs[k].neg = p.negated(rd, rd.verbs[k].i, true)
	}
	// 居民医保在户口那边交了: an act named by its object, whose own verb
	// follows in the clause with 了, is done already: the story
	for k := range rd.acts {
		h := &rd.acts[k]
		if h.w.activity == nil {
			continue
		}
		for _, v := range rd.verbs {
			if v.clause == h.clause && v.i >= h.j && strings.HasPrefix(s[v.j:], p.g.DoneParticle) && p.verbOf(v.words, h.w.activity) {
				h.bg = true
			}
			// (在深圳交了那边的居民医保: or said before it, 了 right after
			// the verb and a few words between — no other verb)
			if v.clause == h.clause && v.j <= h.i && h.wj == 0 && strings.HasPrefix(s[v.j:], p.g.DoneParticle) && p.verbOf(v.words, h.w.activity) &&
				utf8.RuneCountInString(s[v.j:h.i]) <= maxDoneBefore &&
				!slices.ContainsFunc(rd.verbs, func(o hit) bool { return o.i > v.i && o.j <= h.i }) {
				h.bg = true
			}
		}
	}
	for k := range rd.facts {
		rd.facts[k].neg = p.negated(rd, rd.facts[k].i, false)
		for _, h := range rd.acts {
			if h.at > 0 && rd.facts[k].i >= h.at && rd.facts[k].j <= h.i {
				rd.facts[k].neg = false // the place of a denied act, not denied alone
			}
		}
	}
}

// modifiers reads an act said in a clause that describes a noun (杀鸡的毛,
// 卖剩下的菜叶子, 装修拆下来的旧门窗): it is background, and the act asked is
// the one said after the noun (…的毛能在门口烧不). Alone in a call it is
// still the act asked (摆摊的地方在哪里), but at the verb of it said again
// after the noun (去年交过医保的人今年还要交吗: 交). Each clause is kept in
// rd.mods, so that a day said right before it (去年摘剩的) is not taken as
// the day asked.
func (p *parser) modifiers(rd *reading) {
	m := &p.g.Modifier
	if m.Particle == "" {
		return
	}
	for k := range rd.acts {
		h := &rd.acts[k]
		if h.neg || h.bg {
			continue
		}
		end := p.modifierAfter(rd.text, h.objEnd(), true)
		// 卖剩下的菜: the frame's object after its verb is the head
		if end < 0 && h.wj > h.j && h.wi == h.i {
			if e := p.modifierAfter(rd.text, h.j, false); e > 0 && e <= h.wj && rd.text[e:h.wj] == h.obj {
				end = e
			}
		}
		if end < 0 {
			continue
		}
		h.bg, h.mod = true, true
		rd.mods = append(rd.mods, [2]int{h.objStart(), end})
		for _, v := range rd.verbs {
			if !v.neg && v.clause == h.clause && v.i >= end && h.w.activity != nil && p.verbOf(v.words, h.w.activity) {
				h.i, h.j, h.wi, h.wj = v.i, v.j, 0, 0
				break
			}
		}
	}
	// a bare verb may describe the noun too (去年摘剩的茶籽壳: 摘 without
	// its object): its day is the clause's
	for _, v := range rd.verbs {
		if end := p.modifierAfter(rd.text, v.j, true); end > 0 && !v.neg {
			rd.mods = append(rd.mods, [2]int{v.i, end})
		}
	}
}

// doers sets apart as the story an act said as its doer (偷茶籽的, 烧田埂的
// 那个人: the act, the particle, then the clause's end or a word of doer)
// when a later clause asks may I of something the call names no act for
// (抓到偷茶籽的，把他的车扣下来总可以吧): the caller asks of what he will do
// to the doer, which no notice covers — never of the doer's act. A
// penalty or a report asked (放鞭炮的被抓了，罚多少) is the act's own.
func (p *parser) doers(rd *reading) {
	m := &p.g.Modifier
	if len(m.Doer) == 0 || len(rd.acts) == 0 {
		return
	}
	for k := range len(rd.acts) {
		h := &rd.acts[k]
		// (偷茶籽的被我抓到了: told as the story already, still the doer)
		if h.neg || h.w.activity == nil {
			continue
		}
		rest, ok := strings.CutPrefix(rd.text[h.objEnd():], m.Particle)
		if !ok {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(rest); rest != "" && !clauseBreak(r) && !unicode.IsSpace(r) && !p.startsWithAny(rest, m.Doer) {
			continue
		}
		// (我是卖菜的, 我开渣土车的: the caller's own trade, whose act a
		// later question asks of — not 我抓到偷茶籽的, the object of 抓到)
		if p.hasSuffixLen(rd.text[:h.i], m.DoerNotAfter) > 0 {
			continue
		}
		if k := p.asksOfNoAct(rd, h); k >= 0 {
			h.bg, h.mod = true, true
			p.doneToDoer(rd, k)
		}
	}
}

// doneToDoer adds, as an act no rule covers, what clause k asks may be
// done (把他的车扣下来 of 把他的车扣下来总可以吧; 打他一顿 of 我能打他一顿不):
// the clause without the caller and the modal before it and the asking
// words after — when it holds a verb read, and once.
func (p *parser) doneToDoer(rd *reading, k int) {
	if slices.ContainsFunc(rd.acts, func(h hit) bool { return h.clause == k }) ||
		!slices.ContainsFunc(rd.verbs, func(v hit) bool { return v.clause == k }) {
		return
	}
	i := 0 // (a clause's bytes run together)
	for i < len(rd.text) && rd.clause(i) != k {
		i++
	}
	j := rd.clauseEnd(i, k)
	s := strings.Trim(rd.text[i:j], "？?。！!，,、 ")
	for {
		n := len(s)
		for _, w := range slices.Concat(p.g.ConfirmEnd, p.g.Asking, p.g.AskingEnd, p.g.Modifier.DoerAsk) {
			s = strings.TrimSuffix(s, w)
		}
		for _, w := range p.g.Modifier.DoerAsk {
			s = strings.TrimPrefix(s, w)
		}
		if len(s) == n {
			break
		}
	}
	if utf8.RuneCountInString(s) < 2 {
		return
	}
	at := strings.Index(rd.text[i:j], s)
	rd.acts = append(rd.acts, hit{i: i + at, j: i + at + len(s), w: word{act: s}, clause: k, words: s})
	rd.mark(i+at, i+at+len(s))
}

// asksOfNoAct is the first clause after doer act d's that asks may I (a
// word of asking, or one of asking_end or confirm_end ending it: 总可以吧)
// of something done to the doer: it names him (third_person) and holds a
// verb that is not d's, no act read and no consequence asked; -1 for none.
func (p *parser) asksOfNoAct(rd *reading, d *hit) int {
	last := rd.clause(len(rd.text) - 1)
	for k := d.clause + 1; k <= last; k++ {
		if slices.ContainsFunc(rd.acts, func(h hit) bool { return h.clause == k && h.w.activity != nil }) ||
			!slices.ContainsFunc(rd.verbs, func(v hit) bool { return v.clause == k && !p.verbOf(v.words, d.w.activity) }) ||
			!p.hasAny(clauseText(rd, k), p.g.ThirdPerson) {
			continue
		}
		s := strings.TrimRight(clauseText(rd, k), "？?。！! ")
		if s == "" {
			continue
		}
		if p.hasAny(s, p.g.Consequence) {
			return -1 // 罚不罚: the doer's act is asked of
		}
		if p.hasAny(s, p.g.Asking) || slices.ContainsFunc(slices.Concat(p.g.AskingEnd, p.g.ConfirmEnd), func(e string) bool { return strings.HasSuffix(s, e) }) {
			return k
		}
	}
	return -1
}

// modifierAfter is where the head noun begins when the text from byte i
// is what a verb leaves (剩下, 下来; after one other verb when other),
// the particle and a head noun, else -1.
func (p *parser) modifierAfter(s string, i int, other bool) int {
	m := &p.g.Modifier
	if l := p.longestPrefixOf(s[i:], m.Suffixes, &p.suffixFirst); l > 0 && other {
		i += l // 杀鸭子拔下来的毛: the noun's suffix the act left
	}
	for n := 0; ; n++ {
		if rest, ok := strings.CutPrefix(s[i:], m.Particle); ok {
			r, _ := utf8.DecodeRuneInString(rest)
			if !isHan(r) || p.startsWithAny(rest, m.NotHead) || p.startsWithAny(rest, m.Stops) {
				return -1
			}
			return i + len(m.Particle)
		}
		if l := p.longestPrefixOf(s[i:], m.Left, &p.leftFirst); l > 0 {
			i += l
			continue
		}
		r, sz := utf8.DecodeRuneInString(s[i:])
		if !other || n > 0 || !isHan(r) || p.startsWithAny(s[i:], m.Stops) {
			return -1
		}
		i += sz
	}
}

// longestPrefix is the length of the longest of words s begins with, 0
// for none.
func (p *parser) longestPrefix(s string, words []string) int {
	n := 0
	for _, w := range words {
		if len(w) > n && strings.HasPrefix(s, w) {
			n = len(w)
		}
	}
	return n
}

// longestPrefixOf is longestPrefix, 0 without a look when s starts with
// no first character of words (first; looked through when plain).
func (p *parser) longestPrefixOf(s string, words []string, first *runeBits) int {
	if r, _ := decodeRune(s); !p.plain && (s == "" || !first.mayHave(r)) {
		return 0
	}
	return p.longestPrefix(s, words)
}

// inModifier reports whether day mention m is said right before a clause
// that describes a noun (去年摘剩的茶籽壳), in which act a is not, or with
// what is left before the particle (去年过年剩的鞭炮): the day is the
// clause's.
func (p *parser) inModifier(rd *reading, m *dates.Mention, a hit) bool {
	// (去年过年剩的: a day said right before another is read with it)
	for k := range rd.dates {
		if n := &rd.dates[k]; n.Start == m.End && n.End > n.Start {
			m = n
		}
	}
	if e := p.modifierAfter(rd.text, m.End, false); e > m.End+len(p.g.Modifier.Particle) && a.i >= e {
		return true
	}
	for _, md := range rd.mods {
		if m.End <= md[0] && rd.clause(m.Start) == rd.clause(md[0]) && utf8.RuneCountInString(rd.text[m.End:md[0]]) <= 1 &&
			!(a.i >= md[0] && a.i < md[1]) && p.modifiedVerb(rd, a) != md[0] {
			return true
		}
	}
	return false
}

// modifiedVerb is where the verb starts of a clause that describes act
// a's own noun with a verb of a's (十二月三十一号交的医保: 交 of paying,
// 医保 its object): the clause tells the act itself, and the day said
// before it is the act's. -1 when a is not said so.
func (p *parser) modifiedVerb(rd *reading, a hit) int {
	if a.w.activity == nil || a.wj > 0 {
		return -1 // (a frame said with its own verb: no noun described)
	}
	for _, md := range rd.mods {
		if md[1] != a.i {
			continue
		}
		for _, v := range rd.verbs {
			if v.i == md[0] && !v.neg && p.verbOf(v.words, a.w.activity) {
				return v.i
			}
		}
	}
	return -1
}

// purposes reads a verb said right after an act that makes a fire, with
// no object of its own, as what the fire is for: 生堆火烤一下 is 烤火,
// 点茅草玩 is 玩火. The verb must have a frame whose object names what
// the act makes (火, `made` in mandarin.yaml) — 烤 in 烤火, 玩 in 玩火 —
// and the act before it must be a kind of that frame's activity's parent
// (or the parent itself), made with a verb of the parent's own fire
// frame (生, 点, 烧): 放鞭炮玩 and 烤红薯 are left as they are. The act
// then is the one the verb names.
func (p *parser) purposes(rd *reading) {
	for _, v := range rd.verbs {
		if v.neg {
			continue
		}
		b := p.madeWith(v.words)
		if b == nil || b.Parent == nil {
			continue
		}
		for k := range rd.acts {
			h := &rd.acts[k]
			a := h.w.activity
			if a == nil || a == b || h.neg || h.clause != v.clause || h.objEnd() > v.i || bareRunes(rd, h.objEnd(), v.i) > 3 ||
				!a.IsA(b.Parent) || !p.firedBy(rd, h, b.Parent) {
				continue
			}
			// nothing but a measure or a complement between (一下, 堆, 着)
			if gap := rd.text[h.objEnd():v.i]; strings.ContainsFunc(gap, clauseBreakOrSpace) {
				continue
			}
			h.w.activity = b
			h.w.act = ""
			h.words = rd.text[h.objStart():v.j]
			h.i, h.j, h.wi, h.wj = h.objStart(), v.j, 0, 0
		}
	}
	// 渣土拉到田里倒掉: a later verb in the clause that takes the act's
	// own object, with no object of its own, says what is done with it
	for k := range rd.acts {
		h := &rd.acts[k]
		if h.w.activity == nil || h.obj == "" || h.neg {
			continue
		}
		if b, n := p.laterVerb(rd, h); b != nil {
			h.w.activity = b
			h.words = rd.text[h.objStart():n]
			h.i, h.j, h.wi, h.wj = h.objStart(), n, 0, 0
		}
	}
}

// laterVerb finds, within a few characters after act h in its clause,
// a verb of another covered activity's frame that has h's object (倒 of
// 倒渣土 after 拉渣土到田里), not negated and not part of another act;
// it returns that activity and the byte where the verb ends.
func (p *parser) laterVerb(rd *reading, h *hit) (*rules.Activity, int) {
	s := rd.text
	toward := false // 拉到田里倒掉: the verb after taking it somewhere
	for n, i := 0, h.objEnd(); n < 8 && i < len(s); n++ {
		r, sz := utf8.DecodeRuneInString(s[i:])
		if clauseBreakOrSpace(r) {
			break
		}
		if !toward {
			toward = p.startsWithAny(s[i:], p.g.Toward)
			i += sz
			continue
		}
		// (nor a verb inside a fact phrase: 拉到指定的堆放点 piles nothing)
		if rd.inAct(i, i+sz) || !rd.free(i, i+sz) || inFactAt(rd, i) {
			i += sz
			continue
		}
		for _, f := range p.laterFrames(h, s[i:]) {
			if f.activity == nil || f.activity == h.w.activity || h.w.activity.IsA(f.activity) || f.activity.IsA(h.w.activity) || !p.withEither(rd, f, i, h.objStart()) {
				continue
			}
			long := ""
			for v := range f.verbs {
				if len(v) > len(long) && strings.HasPrefix(s[i:], v) && !strings.HasPrefix(s[i+len(v):], "是") {
					long = v
				}
			}
			if long != "" && !p.negated(rd, i, true) {
				// (倒掉, 丢掉了: the complement is the verb's, not left unheard)
				end := i + len(long)
				if r, n := decodeRune(s[end:]); n > 0 && p.isComplement(string(r)) {
					end += n
				}
				return f.activity, end
			}
		}
		i += sz
	}
	return nil, 0
}

// laterFrames are the frames a verb at the start of t may be read in
// after act h: those that take h's object, and — when none of them has a
// verb there — those of a verb there that take the kind of thing h's own
// frame takes (装修的垃圾, listed for hauling, is the rubble 倒 takes).
func (p *parser) laterFrames(h *hit, t string) []*frame {
	fs := p.byObj[h.obj]
	for _, f := range fs {
		for v := range f.verbs {
			if strings.HasPrefix(t, v) {
				return fs
			}
		}
	}
	var own []*frame
	for _, f := range fs {
		if f.activity == h.w.activity {
			own = append(own, f)
		}
	}
	if len(own) == 0 {
		return fs
	}
	var kin []*frame
	for n, k := 0, 0; n < 2 && k < len(t); n++ { // the verbs of a chain are short (倒, 丢掉)
		_, sz := utf8.DecodeRuneInString(t[k:])
		k += sz
		for _, g := range p.byVerb[t[:k]] {
			for _, f := range own {
				if p.kin[f][g] && !slices.Contains(kin, g) {
					kin = append(kin, g)
				}
			}
		}
	}
	return append(slices.Clip(fs), kin...)
}

func clauseBreakOrSpace(r rune) bool { return clauseBreak(r) || unicode.IsSpace(r) }

// inFactAt reports whether byte i is in a fact phrase read, its first
// byte included.
func inFactAt(rd *reading, i int) bool {
	for _, f := range rd.facts {
		if f.i <= i && i < f.j {
			return true
		}
	}
	return false
}

// madeWith is the activity of verb v's frame whose object names what an
// act makes (烤 → 烤火's activity), nil when v has none.
func (p *parser) madeWith(v string) *rules.Activity {
	for _, f := range p.byVerb[v] {
		for _, m := range p.g.Made {
			if f.objects[m] && f.activity != nil {
				return f.activity
			}
		}
	}
	return nil
}

// firedBy reports whether act h is said with a verb of one of parent's
// frames that make a fire (生火, 点茅草, 烧一堆).
func (p *parser) firedBy(rd *reading, h *hit, parent *rules.Activity) bool {
	verb := h.words
	if h.wj > 0 {
		verb = rd.text[h.i:h.j]
	}
	for _, f := range p.frames {
		if f.activity != parent || !slices.ContainsFunc(p.g.Made, func(m string) bool { return f.objects[m] }) {
			continue
		}
		for fv := range f.verbs {
			if h.wj > 0 && verb == fv || h.wj == 0 && strings.HasPrefix(verb, fv) {
				return true
			}
		}
	}
	return false
}

// disposal reports whether the object of act h is brought before its verb
// by 把 (把田里的稻草烧了): then 了 says what is to be done to it — the
// question — not what was done.
func (p *parser) disposal(rd *reading, h *hit) bool {
	return h.wj > 0 && h.wi < h.i && p.before(rd, h.wi, p.g.Disposal, 6)
}

// skipObject skips up to four runes that are not punctuation: the object
// of a frame, written after its verb.
func skipObject(s string) string {
	for _, b := range []string{"的时候", "时候", "的时"} {
		for n, i := 0, 0; n <= 4 && i <= len(s); n++ {
			if strings.HasPrefix(s[i:], b) {
				return s[i:]
			}
			if i == len(s) {
				break
			}
			r, sz := utf8.DecodeRuneInString(s[i:])
			if !isHan(r) && unicode.IsPunct(r) {
				break
			}
			i += sz
		}
	}
	return s
}

// othersDenial: the negator of the act at i is said of someone else that
// an employer word names before it in the clause (单位不交职工医保了, 厂里不
// 给我交了): what the employer no longer does, not the caller's act
// denied — the caller still asks about the act.
func (p *parser) othersDenial(rd *reading, i int) bool {
	start, k, ng := p.negation(rd, i, true)
	if ng == "" || len(p.g.Employer) == 0 {
		return false
	}
	at := start + k
	from := at
	for from > 0 && rd.clause(from-1) == rd.clause(at) {
		from--
	}
	return p.hasAny(rd.text[from:at], p.g.Employer)
}

// negated reports whether a negator governs the word at byte i: one of the
// last few characters before it, in its clause, after any other phrase. A
// negator between two equal characters is a question (能不能, 是不是).
// Facts are negated only by 不/没 forms (别在山上抽烟 does not deny 山上).
func (p *parser) negated(rd *reading, i int, act bool) bool {
	_, _, ng := p.negation(rd, i, act)
	return ng != ""
}

// factAsked reports whether the fact phrase h is asked, not stated: said
// right before a question of where it lies (禁放区在哪里; fact_where), or
// right after a question of itself in its clause (算不算重点森林防火区, 是不是
// 林地; fact_asked in mandarin.yaml) — unless a prohibition follows it in
// the clause: then the question is of the ban at the place said (是不是山上
// 现在不准烧火了, 是不是坟山上不让放炮了).
func (p *parser) factAsked(rd *reading, h hit) bool {
	// 禁放区是哪些地方: where it lies is asked
	for _, w := range p.g.FactWhere.Words {
		if strings.HasPrefix(rd.text[h.j:], w) && endsClause(rd.text, h.j+len(w), p.g.FactWhere.Ends) {
			return true
		}
	}
	asked := false
	if p.askedWhether(rd, h) || p.conditionAsked(rd, h) || p.endsAsking(rd, h) {
		return true
	}
	for _, w := range p.g.FactAsked {
		if strings.HasSuffix(rd.text[:h.i], w) && rd.clause(h.i-len(w)) == rd.clause(h.i) {
			asked = true
			break
		}
		// 有冇划位置: the question word runs into a phrase that opens with
		// its negator (冇划位置)
		if from := max(0, h.i-len(w)+1); from < h.i {
			if k := strings.Index(rd.text[from:min(len(rd.text), h.i+len(w))], w); k >= 0 && from+k < h.i && rd.clause(from+k) == rd.clause(h.i) {
				asked = true
				break
			}
		}
	}
	if asked || p.aNotA(rd, h) {
		end := rd.clauseEnd(h.j, h.clause)
		return !p.hasAny(rd.text[h.j:end], p.g.Prohibitive)
	}
	return false
}

// endsAsking reports whether fact phrase h ends a clause of no act nor verb that
// asks by a particle alone after it (城区也划了禁放区吗): whether the fact
// holds is asked, not said.
func (p *parser) endsAsking(rd *reading, h hit) bool {
	rest := strings.Trim(rd.text[h.j:rd.clauseEnd(h.j, h.clause)], pauses)
	inClause := func(a hit) bool { return a.clause == h.clause }
	return slices.Contains(p.g.FactQuestionEnd, rest) && !slices.ContainsFunc(rd.acts, inClause) && !slices.ContainsFunc(rd.verbs, inClause)
}

// askedLater reports whether a fact phrase in a later clause than h asks
// whether a fact h states held (A-not-A, or a negator ending its clause) (拉茶籽的三轮车…，不晓得那天拉没拉茶果): the caller's own
// doubt, said after, takes back what the first phrase seemed to state, so
// h is not taken and the answer asks the fact.
func (p *parser) askedLater(rd *reading, h hit) bool {
	for _, o := range rd.facts {
		if o.clause <= h.clause || o.i < h.j || !sharesFact(h, o) {
			continue
		}
		// (算不算乱倒 asks how the act is classed, not whether the
		// fact said before held: only the caller's own doubt of it)
		if p.askedWhether(rd, o) || p.aNotA(rd, o) {
			return true
		}
	}
	return false
}

// sharesFact reports whether phrases a and b state a value of the same
// fact.
func sharesFact(a, b hit) bool {
	for _, x := range a.w.facts {
		for _, y := range b.w.facts {
			if x.Fact == y.Fact && !x.Presumed && !y.Presumed {
				return true
			}
		}
	}
	return false
}

// conditionAsked reports whether the fact phrase h is the condition the
// caller asks for, not one said: a word of fact_condition.before right
// before it and one of fact_condition.after right after it, in its clause
// (要离山好远才准烧: how far one must be, not that one is far).
func (p *parser) conditionAsked(rd *reading, h hit) bool {
	before := rd.text[rd.clauseStart(h.i, h.clause):h.i]
	after := rd.text[h.j:rd.clauseEnd(h.j, h.clause)]
	return slices.ContainsFunc(p.g.FactCondition.Before, func(w string) bool { return strings.HasSuffix(before, w) }) &&
		slices.ContainsFunc(p.g.FactCondition.After, func(w string) bool { return strings.HasPrefix(after, w) })
}

// aNotA reports whether the fact phrase h is the verb of an A-not-A
// question (有没有划摊位 heard as 有 + 没有划摊位, 划没划摊位 as 划没 + 划摊位):
// the phrase's own verb said on both sides of a negator asks the fact, so
// a phrase that holds the negator states nothing, nor does the one after.
func (p *parser) aNotA(rd *reading, h hit) bool {
	from := rd.clauseStart(h.i, h.clause)
	before := rd.text[from:h.i]
	a, na := utf8.DecodeLastRuneInString(before)
	r0, n0 := utf8.DecodeRuneInString(rd.text[h.i:])
	if na == 0 || n0 == 0 {
		return false
	}
	// 有|没有划摊位: the phrase opens with the negator
	if p.negatorRune(r0) {
		if r1, _ := utf8.DecodeRuneInString(rd.text[h.i+n0:]); r1 == a {
			return true
		}
	}
	// 划没|划摊位: the verb and the negator said before the phrase
	if p.negatorRune(a) {
		if x, _ := utf8.DecodeLastRuneInString(before[:len(before)-na]); x == r0 {
			return true
		}
	}
	return false
}

// negatorRune reports whether r alone is a negator (不, 没, 冇).
func (p *parser) negatorRune(r rune) bool {
	for _, ng := range p.g.Negators {
		if c, n := utf8.DecodeRuneInString(ng); n == len(ng) && c == r {
			return true
		}
	}
	return false
}

// askedWhether reports whether the fact phrase h is said as a question of
// whether it holds (fact_whether in mandarin.yaml): its own negator between
// its verb said twice (办没办手续), or a negator right after it that ends
// its clause (人家同意了没有) — the caller does not know it.
func (p *parser) askedWhether(rd *reading, h hit) bool {
	said, c := rd.text[h.i:h.j], rd.clause(h.i)
	for _, ng := range p.g.FactWhether {
		if rest, ok := strings.CutPrefix(said, ng); ok && rest != "" {
			verb, _ := utf8.DecodeRuneInString(rest)
			prev, n := utf8.DecodeLastRuneInString(rd.text[:h.i])
			if n > 0 && prev == verb && rd.clause(h.i-n) == c {
				return true
			}
		}
		// (同意了没有: the aspect between)
		j := h.j
		for _, d := range p.g.DoneAfter {
			if strings.HasPrefix(rd.text[j:], d+ng) {
				j += len(d)
				break
			}
		}
		if strings.HasPrefix(rd.text[j:], ng) && rd.clause(j) == c && endsClause(rd.text, j+len(ng), p.g.FactWhere.Ends) {
			return true
		}
	}
	return false
}

// endsClause reports whether only words of ends (particles) lie between
// byte i of the text and the end of its clause.
func endsClause(text string, i int, ends []string) bool {
	for i < len(text) {
		if r, _ := utf8.DecodeRuneInString(text[i:]); unicode.IsSpace(r) || clauseBreak(r) {
			return true
		}
		k := 0
		for _, e := range ends {
			if strings.HasPrefix(text[i:], e) {
				k = max(k, len(e))
			}
		}
		if k == 0 {
			return false
		}
		i += k
	}
	return true
}

// doubted reports whether the fact phrase h, followed by between and
// another value, is said after a word of doubt in its clause (分不清寒露籽
// 霜降籽): the two, side by side or joined, are what the caller cannot tell
// apart (doubt and doubt_joined in mandarin.yaml).
func (p *parser) doubted(rd *reading, h, second hit, between string) bool {
	if between != "" && !slices.Contains(p.g.DoubtJoined, between) {
		return false
	}
	from := rd.clauseStart(h.i, h.clause)
	if p.hasAny(rd.text[from:h.i], p.g.Doubt) {
		return true
	}
	// (寒露籽跟霜降籽我分不清: the doubt said after the two, in their clause)
	to := rd.clauseEnd(second.j, second.clause)
	return p.hasAny(rd.text[second.j:to], p.g.Doubt)
}

// chosenOver reports whether the fact phrase h is one option of a choice
// the caller weighs (就在工地里回填还是运到别个的鱼塘去填, 先摘寒露籽还是先摘
// 霜降籽): another value of the same fact said after it, an alternative
// word and little else between, and no word asking of each after them
// (choose_each). The call is answered for the option said last.
func (p *parser) chosenOver(rd *reading, h hit) bool {
	for _, o := range rd.facts {
		if o.i < h.j || !p.chooses(rd.text[h.j:o.i]) && !p.optionsOf(rd, h, o) || p.hasAny(rd.text[o.j:], p.g.ChooseEach) {
			continue
		}
		if otherValue(h, o) {
			return true
		}
		// 是在屋里点香还是在屋门口禾场里点: two places, each where its option
		// is done, are the choice even when they state different facts
		if p.optionsOf(rd, h, o) && p.saidWhere(rd, h) && p.saidWhere(rd, o) {
			return true
		}
	}
	return false
}

// saidWhere reports whether the fact phrase h is said right after a word of
// at or toward (在屋里, 拿到河边, 摆到门口人行道上): the place an option is
// done at or taken to.
func (p *parser) saidWhere(rd *reading, h hit) bool {
	before := rd.text[:h.i]
	for _, w := range slices.Concat(p.g.Toward, p.g.At) {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	return false
}

// correctedOver reports whether the fact phrase h is a place or value the
// caller took back by a correction said after it, with more between than
// the phrase alone (在乡里街上杀鸡卖——哦，应该是城区的街上; 在村里路边乱摆摊，
// 哦不对，是在城区人行道上): another value of the same fact said after a
// pause and words that take back what came before (takenBack), within
// maxCorrected characters. retractFacts drops a phrase the correction
// follows right away; this one the act or other words part from it.
func (p *parser) correctedOver(rd *reading, h hit) bool {
	for _, o := range rd.facts {
		if o.i < h.j || !otherValue(h, o) {
			continue
		}
		between := rd.text[h.j:o.i]
		if utf8.RuneCountInString(between) > maxCorrected {
			continue
		}
		for k, r := range between {
			if retractPause(r) && p.takenBack(rd.text[h.j+k:]) {
				return true
			}
		}
	}
	return false
}

// maxCorrected is the most characters said between a fact phrase and the
// other value of its fact a correction says (街上杀鸡卖——哦，应该是).
const maxCorrected = 24

// optionsOf reports whether fact phrases h and o lie in the two options of
// one choice said in a clause (是在城区人行道上摆摊卖橘子还是回村里马路边摆):
// the same clause, one alternative word between them, and no more than
// maxOption characters — each option may carry its own verb and object,
// which chooses' "little else" does not allow.
func (p *parser) optionsOf(rd *reading, h, o hit) bool {
	return h.clause == o.clause && p.oneAlternative(rd.text[h.j:o.i])
}

// oneAlternative reports whether between, said between two options of a
// choice in one clause, holds exactly one alternative word and no more
// than maxOption characters.
func (p *parser) oneAlternative(between string) bool {
	if utf8.RuneCountInString(between) > maxOption {
		return false
	}
	n := 0
	for _, w := range p.g.Alternatives {
		n += strings.Count(between, w)
	}
	return n == 1
}

// maxOption is the most characters said between the places of a choice's
// two options in one clause (上摆摊卖橘子还是回: the first option's verb and
// object, the alternative word, the second's verb).
const maxOption = 16

// otherValue reports whether fact phrases h and o name two values of one
// fact (寒露籽, 霜降籽: the variety).
func otherValue(h, o hit) bool {
	for _, v := range h.w.facts {
		for _, u := range o.w.facts {
			if v.Fact == u.Fact && !sameValue(v.V, u.V) {
				return true
			}
		}
	}
	return false
}

// eitherSaid reports whether the fact phrase h names one value of a fact
// and another phrase names another value of it, the two joined by a word
// of choice (搞不清是寒露籽还是霜降籽; either in mandarin.yaml): the caller
// does not know which, so neither is taken and the answer asks it.
func (p *parser) eitherSaid(rd *reading, h hit) bool {
	for _, o := range rd.facts {
		first, second := h, o
		if o.i < h.i {
			first, second = o, h
		}
		if o.i == h.i || first.j > second.i {
			continue
		}
		between := strings.Trim(rd.text[first.j:second.i], " \t\u3000")
		doubt := p.doubted(rd, first, second, between)
		if !slices.Contains(p.g.Either, between) && !doubt {
			continue
		}
		// 是停到划好的停车区还是随便停在门口: the first value the place a
		// verb goes to (到, 在 after the verb), no doubt said — two ways the
		// caller weighs, answered for the last (chosenOver), not a doubt
		// (是先去办批准还是不办直接搭: the second value a way the act's
		// verb said right after it is done in — two ways weighed, too)
		if !doubt && (p.wentTo(rd, first) || p.startsWithVerb(rd.text[second.j:])) {
			continue
		}
		if otherValue(h, o) {
			return true
		}
	}
	return false
}

// wentTo reports whether the fact phrase h is said right after a verb and
// a word of toward or at (停到划好的停车区, 摆在店里): the place an act goes
// to, one of the options a caller weighs.
func (p *parser) wentTo(rd *reading, h hit) bool {
	before := rd.text[:h.i]
	for _, w := range slices.Concat(p.g.Toward, p.g.At) {
		if rest, ok := strings.CutSuffix(before, w); ok && rest != "" && p.endsWithVerb(rest) {
			return true
		}
	}
	return false
}

// deniedAt is where the place starts at which the act at i is denied (0
// for none): a negator right before 在 and the place (fact phrases and
// locatives: 不在人行道上摆摊, 冇在城区人行道上乱摆摊) — the caller does not
// do it there. A prohibitive or imperative negator (不能在…, 别在…) is left
// to negated, which reads it.
func (p *parser) deniedAt(rd *reading, i int) int {
	s := rd.text
	j := i
	for j > 0 && rd.clause(j-1) == rd.clause(i) {
		if f := factEndingAt(rd, j); f >= 0 {
			j = f
			continue
		}
		n := 0
		for _, l := range p.g.Locatives {
			if len(l) > n && strings.HasSuffix(s[:j], l) {
				n = len(l)
			}
		}
		if n == 0 {
			break
		}
		j -= n
	}
	if j == i {
		return 0
	}
	for _, at := range p.g.At {
		if !strings.HasSuffix(s[:j], at) {
			continue
		}
		before := s[:j-len(at)]
		for _, ng := range p.g.Negators {
			if strings.HasSuffix(before, ng) && !slices.Contains(p.g.Prohibitive, ng) && !slices.Contains(p.g.Imperative, ng) &&
				!p.inNotNegator(s, len(before)-len(ng), ng) && rd.clause(len(before)-len(ng)) == rd.clause(i) {
				return j
			}
		}
	}
	return 0
}

// factEndingAt is the start of the fact phrase that ends at byte j, or -1.
func factEndingAt(rd *reading, j int) int {
	for _, f := range rd.facts {
		if f.j == j && f.i < j {
			return f.i
		}
	}
	return -1
}

// forbidden reports whether the act at i is negated by a prohibitive word
// (不能摆, 不准放): asked about, when nothing else is.
func (p *parser) forbidden(rd *reading, i int) bool {
	start, k, ng := p.negation(rd, i, true)
	if ng == "" {
		return false
	}
	for _, w := range p.g.Prohibitive {
		if inWord(rd.text[start:i], k, ng, w) {
			return true
		}
	}
	return false
}

// negation finds the negator ng ("" for none) of the act or fact at i,
// at offset k of the window that starts at start.
func (p *parser) negation(rd *reading, i int, act bool) (start, k int, ng string) {
	s := rd.text
	// 不给老婆交: whom the act is for, said right before it, is no part of
	// the act's clause a negator must reach across
	if f := factEndingAt(rd, i); f >= 0 && f < i && act && p.longestPrefix(s[f:i], p.g.Benefactive) > 0 {
		return p.negation(rd, f, act)
	}
	start = i
	for n := 0; n < 4 && start > 0; n++ {
		_, sz := utf8.DecodeLastRuneInString(s[:start])
		if rd.clause(start-sz) != rd.clause(i) || rd.usedByOther(start-sz) {
			break
		}
		start -= sz
	}
	window := s[start:i]
	if !p.plain && !p.negFirst.anyIn(window) {
		return 0, 0, "" // (most windows: no negator starts in it)
	}
	for _, ng = range p.g.Negators {
		if !act && (slices.Contains(p.g.Prohibitive, ng) || slices.Contains(p.g.Imperative, ng)) {
			continue
		}
		k = strings.LastIndex(window, ng)
		if k < 0 {
			continue
		}
		if !act && p.inProhibitive(window, k, ng) {
			continue // 不能在山上烧纸: 山上 is where the act would be, not denied
		}
		if p.hasAny(window[k+len(ng):], p.g.NegBreaks) {
			continue // 还没熟我先摘: 没 denies 熟
		}
		if !act && p.hasAny(window[k+len(ng):], p.g.FactNegBreaks) {
			continue // 没人管的山上: 没 denies 管
		}
		at := start + k
		// 能不能, 可不可以, 是不是, 有没有: a question, not a negation
		prev, _ := utf8.DecodeLastRuneInString(s[:at])
		next, _ := utf8.DecodeRuneInString(s[at+len(ng):])
		_, first := utf8.DecodeRuneInString(ng)
		next1, _ := utf8.DecodeRuneInString(s[at+first:])
		if (prev == next || prev == next1) && prev != utf8.RuneError {
			continue
		}
		if p.inNotNegator(s, at, ng) {
			continue
		}
		if act && p.hasAny(s[rd.clauseStart(at, rd.clause(at)):at], p.g.StillToDo) {
			continue // 还有茶籽冇摘: the work still to do, asked of
		}
		// 车轮子没冲洗带了泥上路: the negator opens a verb of its own (没冲洗,
		// a frame's verb) that ends before the act — it denies that verb
		if act && slices.ContainsFunc(rd.verbs, func(v hit) bool { return v.i == at && v.j > at+len(ng) && v.j <= i }) {
			continue
		}
		// 能收新茶籽不 能摘…: a question's 不 before a pause, not a negation
		if unicode.IsSpace(next) {
			continue
		}
		return start, k, ng
	}
	return 0, 0, ""
}

// inProhibitive reports whether the negator ng at window[k:] is part of a
// prohibitive word there (the 不 of 不能).
func (p *parser) inProhibitive(window string, k int, ng string) bool {
	for _, w := range p.g.Prohibitive {
		if inWord(window, k, ng, w) {
			return true
		}
	}
	for _, w := range p.g.Imperative {
		if inWord(window, k, ng, w) {
			return true
		}
	}
	return false
}

// inWord reports whether ng at s[k:] lies inside an occurrence of w.
func inWord(s string, k int, ng, w string) bool {
	for off := 0; off < len(s); {
		i := strings.Index(s[off:], w)
		if i < 0 {
			return false
		}
		i += off
		if i <= k && k+len(ng) <= i+len(w) {
			return true
		}
		off = i + 1
	}
	return false
}

// inNotNegator reports whether the negator ng at s[at:] is part of a word
// that negates nothing (别个 is "others", 特别 "especially").
func (p *parser) inNotNegator(s string, at int, ng string) bool {
	return p.inAnyWord(s, at, ng, p.g.NotNegators)
}

// inAnyWord reports whether the w found at s[at:] is part of one of words
// said there (我跟你讲 holds a 讲 that reports nothing).
func (p *parser) inAnyWord(s string, at int, w string, words []string) bool {
	for _, x := range words {
		for off := 0; ; {
			k := strings.Index(x[off:], w)
			if k < 0 {
				break
			}
			k += off
			if at-k >= 0 && strings.HasPrefix(s[at-k:], x) {
				return true
			}
			off = k + 1
		}
	}
	return false
}

// usedByOther: byte k is part of a date, a fact phrase or an act.
func (rd *reading) usedByOther(k int) bool {
	if rd.used[k] {
		return true
	}
	for _, h := range rd.facts {
		if k >= h.i && k < h.j {
			return true
		}
	}
	for _, h := range rd.acts {
		if k >= h.i && k < h.j {
			return true
		}
	}
	return false
}

func (p *parser) before(rd *reading, i int, words []string, runes int) bool {
	s, start := rd.text, rd.windowStart(i, runes)
	for _, w := range words {
		if strings.Contains(s[start:i], w) {
			return true
		}
	}
	return false
}

// windowStart is where the window of runes characters before byte i
// starts, within i's clause.
func (rd *reading) windowStart(i, runes int) int {
	start := i
	for n := 0; n < runes && start > 0; n++ {
		_, sz := utf8.DecodeLastRuneInString(rd.text[:start])
		if rd.clause(start-sz) != rd.clause(i) {
			break
		}
		start -= sz
	}
	return start
}

// distance reads 离山50米, 离林子两百多米, 离山不到一百米, 离山50米左右,
// 离山一里路: a number or a range, never a guessed exact value.
// distMatch is a distance said (m: reDist's match) with where its words
// start and end: from its landmark said before it (离林子, 林子边上) to its
// unit, or from its number to a landmark said after it (五十米 离林子).
type distMatch struct {
	m          []int
	start, end int
	// measured: a landmark is said (before or after the number), not 好几
	// 百米远, far from anything
	measured bool
	// edge is the landmark's edge said as the place measured from (林子边
	// 上五十米): its other facts stand (in the open); "" for 离林子
	edge string
	// is: the landmark is said after the distance as what is there (三四十
	// 米外就是松树林): 外 puts it that far off, not further
	is bool
	// refines: said right after another distance, with no landmark and a
	// bound of its own (大概两百米，可能还冇得两百米; 反正一百五十米是有的):
	// the same distance said more closely, read together with it
	refines bool
}

// distanceMatches are the distances a call says, in order, with their
// landmarks. A distance with no landmark of its own takes one said right
// after it (八十米 离林子); one taken back by a correction word right
// after it (八十米 哦不 一百五十米, 离林子八十米 不对 一百五十米) is
// marked read and dropped, and the one said in its place is measured from
// the same landmark. A distance with no landmark at all, and not said to
// be far, is no distance (两百米的路).
func (p *parser) distanceMatches(rd *reading) []distMatch {
	s := rd.text
	var all []distMatch
	for _, m := range p.reDist.FindAllStringSubmatchIndex(s, -1) {
		if !rd.free(m[0], m[1]) {
			continue
		}
		c := distMatch{m: m, start: m[0], end: m[1]}
		switch {
		case p.hasPrefix(s[m[0]:m[1]], p.voc.Distance.Prefixes):
			c.measured = true
		default:
			// 林子边上五十米, 山边上两百米: the edge said as the place
			// measured from, without 离
			if k := p.edgeBefore(s, m[0]); k >= 0 && rd.free(k, m[0]) {
				c.start, c.measured, c.edge = k, true, s[k:m[0]]
			} else if e := p.landmarkAfter(s, m[1]); e > 0 && rd.free(m[1], e) {
				c.end, c.measured = e, true
			} else if n := p.landmarkIs(s, m[0], m[1]); n > 0 && rd.free(m[1], m[1]+n) {
				// 隔二十来米就是林子: the landmark said after it, as what is there
				c.end, c.measured, c.is = m[1]+n, true, true
				for _, w := range p.voc.Distance.Prefixes {
					if strings.HasSuffix(s[:m[0]], w) && rd.free(m[0]-len(w), m[0]) {
						c.start = m[0] - len(w)
					}
				}
			} else if k := p.landmarkBeforeHome(s, m[0]); k >= 0 && rd.free(k, m[0]) {
				// 后山离屋二十几米: the landmark before 离, the home after
				c.start, c.measured = k, true
			} else if k := p.farSaidBefore(s, m[0]); k >= 0 && rd.free(k, m[0]) {
				// 田离山有好远 两里多路: how far, said again as a number
				c.start, c.measured = k, true
			}
		}
		all = append(all, c)
	}
	var out []distMatch
	for k, c := range all {
		if k+1 < len(all) {
			next := &all[k+1]
			// (the pauses either side, which the matches may hold: 三百米
			// 不是 三十米 corrects as 三百米，不是，三十米 does)
			if between := s[skipSpaceBack(s, c.end):skipSpaceOn(s, next.start)]; p.corrects(between) {
				rd.mark(c.start, c.end)
				if !next.measured {
					next.measured, next.edge = c.measured, c.edge
				}
				continue
			}
		}
		if k+1 < len(all) && c.measured && p.boundsAgain(s, c, all[k+1]) {
			next := &all[k+1]
			next.measured, next.edge, next.refines = true, c.edge, true
		}
		if !c.measured && len(out) > 0 && p.distanceAskedAgain(rd, out[len(out)-1], c) {
			// (离山一百米…算不算禁火区域？一百零一米呢: from the same landmark)
			c.measured, c.edge = true, out[len(out)-1].edge
		}
		if !c.measured && !p.farWithoutLandmark(rd, c.m) {
			continue
		}
		if !c.measured && p.claimedAfterMeasured(rd, out, c) {
			rd.mark(c.start, c.end) // 我老弟讲一百米以外就不管了: what is said of the rule
			continue
		}
		out = append(out, c)
	}
	return out
}

// distanceAskedAgain reports whether c, a distance with no landmark, is
// all its clause says but a turn before it (那) and 呢 after it, in a clause
// after the one of last, a distance measured from a landmark (我在离山一百米
// 的地方烧田埂，算不算禁火区域？一百零一米呢): the place asked again at
// another distance from the same landmark.
func (p *parser) distanceAskedAgain(rd *reading, last, c distMatch) bool {
	cl := rd.clause(c.start)
	if !last.measured || last.is || rd.clause(last.start) >= cl {
		return false
	}
	before := strings.Trim(rd.text[rd.clauseStart(c.start, cl):c.start], pauses)
	after := strings.Trim(rd.text[c.end:rd.clauseEnd(c.end, cl)], pauses)
	return (before == "" || slices.Contains(p.g.ContrastOpen, before)) && slices.Contains(p.g.Ellipsis, after)
}

// claimedAfterMeasured reports whether c, a distance with no landmark said
// to be far (一百米以外), is someone's word about the rule (我老弟讲一百米
// 以外就不管了: a reported word before it in its clause) after the call has
// measured the place's own distance (我们田离山正好一百米): the caller's
// measure stands.
func (p *parser) claimedAfterMeasured(rd *reading, kept []distMatch, c distMatch) bool {
	if !slices.ContainsFunc(kept, func(k distMatch) bool { return k.measured && !k.is }) {
		return false
	}
	t := rd.text[rd.clauseStart(c.start, rd.clause(c.start)):c.start]
	return p.reports(t)
}

// boundsAgain reports whether next, a distance said with no landmark right
// after c, bounds c's distance again (离山大概两百米，可能还冇得两百米，反正
// 一百五十米是有的): a pause and a few words of hedging between them, and
// next says a bound of its own (不到, 冇得, 至少, 是有的 …). A bare second
// distance (离山两百米，五十米外有条河) is something else.
func (p *parser) boundsAgain(s string, c, next distMatch) bool {
	if next.measured || next.start < c.end {
		return false
	}
	between := s[c.end:next.start]
	if r, _ := utf8.DecodeRuneInString(between); between == "" || !clauseBreak(r) || wordRunes(between) > 4 {
		return false
	}
	m := next.m
	if m[2] >= 0 && !contains(p.g.AboutBefore, s[m[2]:m[3]]) {
		return true
	}
	return m[14] >= 0 && contains(p.g.AtLeastAfter, s[m[14]:m[15]])
}

// landmarkDeterminer reports whether a landmark determiner (最近的 of 离
// 最近的山有四百多米) starts at byte i, right after a distance's prefix and
// before its landmark: it picks the landmark out, and is no day word.
func (p *parser) landmarkDeterminer(text string, i int) bool {
	if !p.hasSuffixAny(text[:i], p.voc.Distance.Prefixes) {
		return false
	}
	for _, d := range p.g.LandmarkDeterminers {
		if rest, ok := strings.CutPrefix(text[i:], d); ok && p.startsWithAny(rest, p.voc.Distance.Nouns) {
			return true
		}
	}
	return false
}

// landmarkAfter is the end of a distance landmark said right after byte i
// (五十米 离林子: a prefix and a noun, spaces allowed, and nothing but a
// pause or the call's end after it), or -1.
func (p *parser) landmarkAfter(s string, i int) int {
	t := strings.TrimLeft(s[i:], " ")
	end := -1
	for _, pre := range p.voc.Distance.Prefixes {
		if !strings.HasPrefix(t, pre) {
			continue
		}
		u := strings.TrimLeft(t[len(pre):], " ")
		for _, n := range p.voc.Distance.Nouns {
			if !strings.HasPrefix(u, n) {
				continue
			}
			w := u[len(n):]
			for _, e := range distanceEdges {
				if strings.HasPrefix(w, e) {
					w = w[len(e):]
					break
				}
			}
			if r, _ := utf8.DecodeRuneInString(w); w != "" && !clauseBreak(r) && r != ' ' {
				continue
			}
			if e := len(s) - len(w); e > end {
				end = e
			}
		}
	}
	return end
}

// distanceAsWritten reports whether text[i:j] ends with a distance's
// prefix that a home word, a numeral or a landmark picked out follows
// (竹山离屋三十米, 林子离我家三百米, 田离最近的林子四十米): the prefix is said as written, not heard as another word by its
// sound (竹山里).
func (p *parser) distanceAsWritten(text string, i, j int) bool {
	if !p.hasSuffixAny(text[i:j], p.voc.Distance.Prefixes) {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(text[j:]); isNumeralRune(r) {
		return true
	}
	return p.startsWithAny(text[j:], p.g.Homes) || p.landmarkDeterminer(text, j) // 田离最近的林子
}

// landmarkBeforeHome is where a landmark starts that is said before a
// distance's prefix and a word for the home, right before byte i (后山离屋
// of 后山离屋二十几米; hedges between, 也就, are the match's), or -1.
func (p *parser) landmarkBeforeHome(s string, i int) int {
	t := strings.TrimRight(s[:i], " ")
	for _, h := range p.g.Homes {
		u, ok := strings.CutSuffix(t, h)
		if !ok {
			continue
		}
		for _, pre := range p.voc.Distance.Prefixes {
			v, ok := strings.CutSuffix(strings.TrimRight(u, " "), pre)
			if !ok {
				continue
			}
			if k := p.edgeBefore(v+"边", len(v)+len("边")); k >= 0 {
				return k // (林子边上离屋: an edge said too)
			}
			best := -1
			for _, n := range p.voc.Distance.Nouns {
				if strings.HasSuffix(v, n) && (best < 0 || len(v)-len(n) < best) {
					best = len(v) - len(n)
				}
			}
			if best >= 0 {
				return best
			}
		}
	}
	return -1
}

// distanceEdges are the words that make a landmark its edge (林子边上):
// a distance said right after one is measured from it (林子外面两百米:
// outside it, from its edge).
var distanceEdges = []string{"边缘", "边边上", "边上", "边边", "边", "脚", "缘", "外面", "外头", "外边"} // 缘: 林缘, the forest edge in the operator's shorthand

// edgeBefore is where a landmark's edge said right before byte i starts
// (林子边上 of 林子边上五十米: a distance vocabulary noun ending with an
// edge word, or followed by one), or -1.
func (p *parser) edgeBefore(s string, i int) int {
	t := strings.TrimRight(s[:i], " ")
	best := -1
	for _, n := range p.voc.Distance.Nouns {
		for _, e := range append([]string{""}, distanceEdges...) {
			w := n + e
			if !strings.HasSuffix(t, w) || (e == "" && !hasEdge(n)) {
				continue
			}
			if k := len(t) - len(w); best < 0 || k < best {
				best = k
			}
		}
	}
	return best
}

// hasEdge: the noun names an edge itself (林边上, 山脚).
func hasEdge(n string) bool {
	for _, e := range distanceEdges {
		if strings.HasSuffix(n, e) {
			return true
		}
	}
	return false
}

func (p *parser) distance(rd *reading) {
	// 风力四级, 离重点区域三百米: a number fact said with its own words, read
	// first, so that a distance of its own is not the forest's
	for _, ms := range p.measures {
		add := func(m []int, n float64) {
			unit := ms.Units[rd.text[m[4]:m[5]]]
			var v any = n * unit
			if len(m) > 7 && m[6] >= 0 {
				if rd.text[m[6]:m[7]] == "半" {
					v = (n + 0.5) * unit // 两公里半: half a unit more
				} else {
					v = Span{Min: n * unit, Max: (n + 1) * unit} // 一公里多: more, short of the next
				}
			}
			rd.mark(m[0], m[1])
			rd.facts = append(rd.facts, hit{i: m[0], j: m[1], clause: rd.clause(m[0]), words: rd.text[m[0]:m[1]],
				w: word{facts: []vocab.Value{{Fact: ms.Fact, V: v}}}})
		}
		if p.textHas(rd, ms.Prefixes) {
			countsIn(rd, ms.re, add)
		}
		if ms.after != nil && p.textHas(rd, ms.After) {
			countsIn(rd, ms.after, add) // 四级风: the unit before the fact's word
		}
	}
	if p.reDist != nil && containsAnyRune(rd.text, p.distFirst) && numeralBeforeUnit(rd.text, rd.mayHold(p.distUnits, make([]string, 0, 16))) {
		s := rd.text
		fact := p.voc.Distance.Fact
		last, lastAmt := -1, zh.Amount{} // the distance hit said last, and its amount
		for _, c := range p.distanceMatches(rd) {
			m, start := c.m, c.start
			words := s[start:c.end]
			numText := s[m[4]:m[5]]
			if m[6] >= 0 {
				numText += s[m[6]:m[7]]
			}
			amt, n, ok := zh.ReadAmount(numText)
			if !ok || n != len(numText) {
				rd.q.NotUnderstood = append(rd.q.NotUnderstood, words)
				rd.mark(start, c.end)
				continue
			}
			unit := s[m[8]:m[9]]
			size := p.voc.Distance.Units[unit]
			amt = amt.Scale(size)
			switch {
			case m[10] >= 0 && amt.Exact():
				// 两里多: more than two 里, less than three — 多 widens upward only
				amt = zh.Amount{Lo: amt.Lo, Hi: amt.Lo + size}
			case contains(p.voc.Distance.Vague, unit) || m[12] >= 0 && contains(p.voc.Distance.Vague, unit+s[m[12]:m[13]]):
				amt = zh.About(amt)
			}
			qual := ""
			if m[2] >= 0 {
				qual = s[m[2]:m[3]]
			}
			after := ""
			if m[14] >= 0 {
				after = s[m[14]:m[15]]
			}
			switch {
			case contains(p.g.Less, qual):
				amt = zh.Amount{Lo: 0, Hi: amt.Lo}
			case contains(p.g.AtMost, qual):
				amt = zh.Amount{Lo: 0, Hi: amt.Hi}
			case contains(p.g.More, qual):
				amt = zh.Amount{Lo: amt.Hi + 1, Hi: farMetres}
			case contains(p.g.AtLeast, qual) || contains(p.g.AtLeastAfter, after):
				amt = zh.Amount{Lo: amt.Lo, Hi: farMetres}
			case contains(p.g.AboutBefore, qual) || contains(p.g.AboutAfter, after):
				amt = zh.About(amt)
			}
			switch {
			case contains(p.voc.Distance.Within, after):
				amt = zh.Amount{Lo: 0, Hi: amt.Hi}
			case c.is:
				// 三四十米外就是松树林: the landmark is that far off
			case contains(p.voc.Distance.Beyond, after) && amt.Exact():
				// 一百米以外 is further than 100 m, 100 not included
				amt = zh.Amount{Lo: amt.Lo + 1, Hi: farMetres}
			case contains(p.voc.Distance.Beyond, after) || contains(p.voc.Distance.Above, after):
				amt = zh.Amount{Lo: amt.Lo, Hi: farMetres}
			}
			amt.Lo, amt.Hi = min(max(amt.Lo, 0), farMetres), min(amt.Hi, farMetres)
			if c.refines && last >= 0 {
				// the same distance bounded again: both bounds hold (where
				// they cannot, the later is what the caller settles on)
				if lo, hi := max(amt.Lo, lastAmt.Lo), min(amt.Hi, lastAmt.Hi); lo <= hi {
					amt = zh.Amount{Lo: lo, Hi: hi}
				}
				start = rd.facts[last].i
				words = s[start:c.end]
				rd.facts = slices.Delete(rd.facts, last, last+1)
			}
			var v any = amt.Lo
			if !amt.Exact() {
				v = Span{Min: amt.Lo, Max: amt.Hi}
			}
			vals := []vocab.Value{{Fact: fact, V: v}}
			if c.edge != "" {
				// the landmark's other facts stand (林子边上: in the open);
				// its distance is the one said
				if ws, n := p.facts.longest(c.edge); n > 0 {
					for _, x := range ws {
						for _, f := range x.facts {
							if f.Fact != fact {
								vals = append(vals, f)
							}
						}
					}
				}
			}
			rd.mark(start, c.end)
			last, lastAmt = len(rd.facts), amt
			rd.facts = append(rd.facts, hit{i: start, j: c.end, clause: rd.clause(start), words: words,
				w: word{facts: vals}})
		}
	}
	// 出生91天, 断保刚好90天: the count against the notice's limit. Read
	// before fact words, so that 生下来91天 is not a newborn by 生下来.
	for _, l := range p.dayLimits {
		if !p.textHas(rd, l.Prefixes) {
			continue
		}
		countsIn(rd, l.re, func(m []int, n float64) {
			v := l.Within
			if n > float64(l.Limit) || m[4] >= 0 && n >= float64(l.Limit) { // 90多天 is past 90
				v = l.Beyond
			}
			rd.mark(m[0], m[1])
			rd.facts = append(rd.facts, hit{i: m[0], j: m[1], clause: rd.clause(m[0]), words: rd.text[m[0]:m[1]],
				w: word{facts: v, about: l.about}, counted: true})
		})
	}
	// 伢子8月5号生的, 上个月20号出生的: the day the event happened, and the
	// days from it to the call's day against the limit
	for _, l := range p.dayLimits {
		if len(l.Events) == 0 || !p.textHas(rd, l.Events) {
			continue
		}
		for _, m := range rd.dates {
			if m.Bad || m.Weak {
				continue
			}
			rest := strings.TrimLeft(rd.text[m.End:], " ")
			ev := ""
			for _, w := range l.Events {
				if strings.HasPrefix(rest, w) {
					ev = w
					break
				}
			}
			if ev == "" {
				continue
			}
			day := m.Date
			if day.After(rd.today) {
				// 9月3号出生的, 6月份生的 said in November: this year's
				if d, ok := m.Previous(); ok {
					day = d
				} else if d, err := calendar.NewDate(day.Year()-1, day.Month(), min(day.Day(), 28)); err == nil && !d.After(rd.today) {
					day = d
				}
			}
			end := len(rd.text) - len(rest) + len(ev)
			rd.events = append(rd.events, m.Start)
			if day.After(rd.today) {
				continue // a birth to come says nothing of the count
			}
			v := l.Within
			if n := rd.today.Sub(day); n > l.Limit {
				v = l.Beyond
			}
			rd.mark(m.Start, end)
			rd.facts = append(rd.facts, hit{i: m.Start, j: end, clause: rd.clause(m.Start), words: rd.text[m.Start:end],
				w: word{facts: v, about: l.about}, counted: true})
		}
	}
	if p.reDays != nil && p.textHas(rd, p.voc.DaysSince.Prefixes) {
		countsIn(rd, p.reDays, func(m []int, n float64) {
			rd.facts = append(rd.facts, hit{i: m[0], j: m[1], clause: rd.clause(m[0]), words: rd.text[m[0]:m[1]],
				w: word{facts: []vocab.Value{{Fact: p.voc.DaysSince.Fact, V: n}}}})
		})
	}
}

// countsIn calls add for each match of re (a count of days said with its
// prefix, the number its first group) in text no earlier reading took.
func countsIn(rd *reading, re *regexp.Regexp, add func(m []int, n float64)) {
	for _, m := range re.FindAllStringSubmatchIndex(rd.text, -1) {
		if !rd.free(m[0], m[1]) {
			continue
		}
		if n, ok := zh.Number(rd.text[m[2]:m[3]]); ok {
			add(m, n)
		}
	}
}

// landmarkIs is the length of the landmark said after the distance at
// i..j as what is there (就是林子 of 隔二十来米就是林子), with 隔 or nothing
// before it: 0 for none, or when another landmark is named before it
// (离公路二十米就是林子 measures from the road).
func (p *parser) landmarkIs(s string, i, j int) int {
	before := strings.TrimRight(s[:i], " ")
	for _, w := range p.voc.Distance.Prefixes {
		if strings.HasSuffix(before, w) {
			before = ""
			break
		}
	}
	lo := len(before)
	for k := 0; k < 6 && lo > 0; k++ {
		_, n := utf8.DecodeLastRuneInString(before[:lo])
		lo -= n
	}
	if p.hasAny(before[lo:], p.voc.Distance.Prefixes) {
		return 0
	}
	rest := strings.TrimLeft(s[j:], " ")
	skipped := len(s[j:]) - len(rest)
	for _, c := range p.voc.Distance.LandmarkAfter {
		r, ok := strings.CutPrefix(rest, c)
		if !ok {
			continue
		}
		best := 0
		for _, n := range p.voc.Distance.Nouns {
			if strings.HasPrefix(r, n) && len(n) > best {
				best = len(n)
			}
		}
		if best > 0 {
			return skipped + len(c) + best
		}
	}
	return 0
}

// farSaidBefore is where a landmark's distance said as far (离山有好远,
// 离林子蛮远) starts when it ends right before i, a pause between, so that
// the number said after it is that distance (田离山有好远 两里多路); -1 for
// none.
func (p *parser) farSaidBefore(s string, i int) int {
	before := strings.TrimRight(s[:i], " ，,")
	pause := len(before) < i || strings.HasPrefix(s[i:], " ")
	if !pause || !strings.HasSuffix(before, "远") {
		return -1
	}
	lo := len(before)
	for k := 0; k < 8 && lo > 0; k++ {
		_, n := utf8.DecodeLastRuneInString(before[:lo])
		lo -= n
	}
	best := -1
	for _, w := range p.voc.Distance.Prefixes {
		k := strings.LastIndex(before[lo:], w)
		if k < 0 {
			continue
		}
		rest := before[lo+k+len(w):]
		for _, n := range p.voc.Distance.Nouns {
			if strings.HasPrefix(rest, n) && lo+k > best {
				best = lo + k
			}
		}
	}
	return best
}

// farWithoutLandmark reports whether a distance said with no landmark
// (m matched without 离林子) says how far away the place is: beyond it (三四
// 百米开外) or 远 right after it (好几百米远), with no 离 or 距 just before it
// naming a landmark the vocabulary does not know (离公路三百米远).
func (p *parser) farWithoutLandmark(rd *reading, m []int) bool {
	s := rd.text
	after := ""
	if m[14] >= 0 {
		after = s[m[14]:m[15]]
	}
	if !contains(p.voc.Distance.Beyond, after) && !contains(p.voc.Distance.Above, after) && !strings.HasPrefix(s[m[1]:], "远") {
		return false
	}
	lo := m[0]
	for k := 0; k < 8 && lo > 0; k++ {
		_, n := utf8.DecodeLastRuneInString(s[:lo])
		lo -= n
	}
	for _, w := range p.voc.Distance.Prefixes {
		if strings.Contains(s[lo:m[0]], w) {
			return false
		}
	}
	return true
}

func (p *parser) hasPrefix(s string, words []string) bool {
	for _, w := range words {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

// containsAnyRune is strings.ContainsAny for a short set of characters
// outside ASCII: one fast search per character, not a look-up in chars for
// each character of s.
// numeralBeforeUnit reports whether s says a numeral before one of units,
// with at most 来 or 多 and spaces between: what reDist's number and unit
// groups require, so false means reDist cannot match.
func numeralBeforeUnit(s string, units []string) bool {
	for _, u := range units {
		for off := 0; ; {
			i := strings.Index(s[off:], u)
			if i < 0 {
				break
			}
			i += off
			off = i + len(u)
			j := skipSpaceBack(s, i)
			if r, n := utf8.DecodeLastRuneInString(s[:j]); r == '来' || r == '多' {
				j = skipSpaceBack(s, j-n)
			}
			if r, _ := utf8.DecodeLastRuneInString(s[:j]); r >= '0' && r <= '9' || strings.ContainsRune("零〇一二两三四五六七八九十百千几好把半", r) {
				return true
			}
		}
	}
	return false
}

// skipSpaceOn returns the start of s[i:] without its leading spaces
// (regexp's \s: ASCII white space).
func skipSpaceOn(s string, i int) int {
	for i < len(s) && strings.IndexByte(" \t\n\f\r", s[i]) >= 0 {
		i++
	}
	return i
}

// skipSpaceBack returns the end of s[:i] without its trailing spaces
// (regexp's \s: ASCII white space).
func skipSpaceBack(s string, i int) int {
	for i > 0 && strings.IndexByte(" \t\n\f\r", s[i-1]) >= 0 {
		i--
	}
	return i
}

func containsAnyRune(s, chars string) bool {
	for _, r := range chars {
		if strings.ContainsRune(s, r) {
			return true
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s && s != "" {
			return true
		}
	}
	return false
}

func (p *parser) factMeaning(fact string, v any) string {
	f, ok := p.set.Fact(fact)
	if !ok {
		return fact
	}
	switch x := v.(type) {
	case Span:
		if x.Max >= farMetres {
			return fmt.Sprintf("%s ≥ %g", f.ZH, x.Min)
		}
		return fmt.Sprintf("%s %g–%g", f.ZH, x.Min, x.Max)
	case string:
		if l := f.Labels[x]; l != "" {
			return f.ZH + "：" + l
		}
		return f.ZH + "：" + x
	case bool:
		if x {
			return f.ZH
		}
		return "不" + f.ZH
	case float64:
		return fmt.Sprintf("%s：%g", f.ZH, x)
	}
	return f.ZH
}

func sameValue(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return string(x) == string(y)
}

// residue returns the uncovered fragments that are not filler: the words
// the parser did not understand.
func (p *parser) residue(rd *reading) []string {
	s := rd.text
	cov := make([]bool, len(s))
	for k := range cov {
		cov[k] = rd.used[k]
	}
	for _, hs := range [][]hit{rd.acts, rd.facts} { // a bare verb alone was not understood
		for _, h := range hs {
			i, j := h.i, h.j
			if strings.HasPrefix(s[h.i:], h.words) {
				j = h.i + len(h.words)
			}
			for k := i; k < j && k < len(cov); k++ {
				cov[k] = true
			}
			// a frame's object said apart from its verb, where it was said
			if h.wj > 0 && h.obj != "" && h.wi < len(s) && strings.HasPrefix(s[h.wi:], h.obj) {
				for k := h.wi; k < h.wi+len(h.obj); k++ {
					cov[k] = true
				}
			}
		}
	}
	// A frame's words span verb to object; mark them.
	for _, h := range rd.acts {
		lo := max(0, h.i-len(h.words))
		hi := min(len(s), h.j+len(h.words))
		if k := strings.Index(s[lo:hi], h.words); k >= 0 {
			for x := lo + k; x < lo+k+len(h.words); x++ {
				cov[x] = true
			}
		}
	}
	if p.reWait != nil {
		for _, m := range p.reWait.FindAllStringIndex(s, -1) {
			for k := m[0]; k < m[1]; k++ {
				cov[k] = true
			}
		}
	}
	out := append([]string{}, rd.q.NotUnderstood...)
	ageSaid := p.saysAgeRange(s)
	// a fragment is a run of s's characters, s[start:i]: it is sliced, not
	// copied
	start := -1
	flush := func(i int) {
		if start >= 0 {
			f := p.saidOf(rd, start, i)
			if !utf8.ValidString(f) {
				f = strings.Map(func(r rune) rune { return r }, f) // each bad byte as U+FFFD
			}
			if f = strings.TrimSpace(f); f != "" && hasHan(f) {
				out = append(out, f)
			}
		}
		start = -1
	}
	for i := 0; i < len(s); {
		if cov[i] {
			flush(i)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isHan(r) && (unicode.IsPunct(r) || unicode.IsSpace(r) || unicode.IsSymbol(r)) {
			flush(i)
			i += size
			continue
		}
		if _, n := p.filler.longest(s[i:]); n > 0 {
			flush(i)
			i += n
			continue
		}
		// 我老娘七十几了: an age said as a range, and who is that age
		// (most calls say none)
		if ageSaid {
			if n := p.ageWithWho(s[i:]); n > 0 {
				flush(i)
				i += n
				continue
			}
		}
		if start < 0 {
			start = i
		}
		i += size
	}
	flush(len(s))
	return dedupe(out)
}

// heardWord is a word of a reading's text corrected by its sound:
// text[i:j] is the word heard, said what the caller said.
type heardWord struct {
	i, j int
	said string
}

// saidOf returns text[i:j], a fragment left unread, as the caller said
// it: a word heard by its sound that the fragment touches is put back as
// said (村里搞篝火晚会: the 晚会 is reported as 晚会, never as the 碗筷 it
// sounds like; the hearing stays among what was understood, as what was
// tried). A word whose hearing decided how the call reads — its words as
// said hold a word the parser knows (拖垃圾 is a tractor, not 垃圾) — was
// understood, and is not reported at all.
func (p *parser) saidOf(rd *reading, i, j int) string {
	var b strings.Builder
	at := i
	for _, h := range rd.heard {
		if h.j <= i || h.i >= j {
			continue
		}
		if h.i > at {
			b.WriteString(rd.text[at:h.i])
		}
		if h.i >= at && !p.holdsKnown(h.said) {
			b.WriteString(h.said)
		} else if h.i >= at {
			b.WriteByte(' ') // the fragment parts around the word understood
		}
		at = max(at, h.j)
	}
	if at == i {
		return rd.text[i:j] // most fragments hold no word heard by sound
	}
	if at < j {
		b.WriteString(rd.text[at:j])
	}
	return b.String()
}

// holdsKnown reports whether s holds a word of two characters or more
// that the parser knows as written.
func (p *parser) holdsKnown(s string) bool {
	for k := 0; k < len(s); {
		if n := p.knownAt(s[k:]); n > 0 && utf8.RuneCountInString(s[k:k+n]) >= 2 {
			return true
		}
		_, sz := utf8.DecodeRuneInString(s[k:])
		k += sz
	}
	return false
}

// isHan is a fast test for the common CJK ideographs, which are never
// punctuation or space (the unicode tables are searched otherwise).
func isHan(r rune) bool { return r >= 0x4E00 && r <= 0x9FFF }

func dedupe(xs []string) []string {
	out := make([]string, 0, len(xs)) // never nil: an empty list is []
	if len(xs) <= 32 {
		// a call's fragments are few: compared, not hashed into a map
		for _, x := range xs {
			if !slices.Contains(out, x) {
				out = append(out, x)
			}
		}
		return out
	}
	seen := map[string]bool{}
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

func sortStrings(xs []string) { sort.Strings(xs) }

// placeWords adds the names of the rule set's divisions (divisions.csv of
// every rule directory) as words that name the place asked about — 金水区,
// 文登, 山西 — when the notices apply in more than one place, so that a
// caller who names one is answered by its notices alone. A name is heard
// whole and without its level word (the grammar's place_suffixes: 文登区
// → 文登, 管城回族区 → 管城, 管城区); a word the vocabulary already gives
// a meaning (a township of the town fact, a phrase) keeps it. The places
// outside the notices' area — the vocabulary's (a neighbouring county)
// and the grammar's (provinces, their capitals) — are words with one
// rule base too: an act done there is under none of its notices.
func (p *parser) placeWords(voc *vocab.Vocabulary) {
	if p.set.Divisions != nil && severalPlaces(p.set) {
		for _, d := range p.set.Divisions.All() {
			for _, n := range placeNames(d.Name, p.g.PlaceSuffixes) {
				if _, known := p.facts.words[n]; known || utf8.RuneCountInString(n) < 2 || !hasHan(n) {
					continue
				}
				p.facts.add(n, word{place: d.Code.String()})
			}
		}
	}
	var applies []division.Code
	for _, n := range p.set.Notices {
		applies = append(applies, n.AppliesIn...)
	}
	if len(applies) == 0 {
		return // the notices apply wherever they are asked: nowhere is outside
	}
	p.areaWords(applies)
	// 北京, 长沙, 祁东: a place that neither lies within a division a
	// notice applies in nor holds one (湖南 holds 祁阳, 太原 lies in 山西)
	outside := maps.Clone(p.g.OutsidePlaces)
	if voc != nil {
		maps.Copy(outside, voc.OutsidePlaces)
	}
	for _, code := range keys(outside) { // in one order on every start
		name, c := outside[code], codeOf(code)
		if slices.ContainsFunc(applies, func(d division.Code) bool { return d.Covers(c) || c.Covers(d) }) {
			continue
		}
		if p.set.Divisions != nil && slices.ContainsFunc(p.set.Divisions.All(), func(d division.Division) bool { return d.Code.Covers(c) || c.Covers(d.Code) }) {
			continue
		}
		for _, n := range placeNames(name, p.g.PlaceSuffixes) {
			if _, known := p.facts.words[n]; known || utf8.RuneCountInString(n) < 2 {
				continue
			}
			p.facts.add(n, word{outside: name})
		}
	}
	p.outsideBefore = longestFirst(set2(p.g.OutsideBackground.Before))
	p.outsideAfter = longestFirst(set2(p.g.OutsideBackground.After))
	p.outsideLinking = longestFirst(set2(p.g.OutsideBackground.Linking))
	p.outsideHome = longestFirst(set2(p.g.OutsideBackground.Home))
	p.outsideBack = longestFirst(set2(p.g.OutsideBackground.Back))
}

// areaWords makes the names of the divisions the notices apply in words
// of their place (到祁阳这边山上, 在祁阳城里, 我们祁阳县): the rule base's
// own area said by name is inside it, and the act's place over a place
// outside it said elsewhere in the call. A county-level city is said by
// the county it was too (the grammar's county_city).
func (p *parser) areaWords(applies []division.Code) {
	if p.set.Divisions == nil {
		return
	}
	for _, c := range applies {
		name := p.set.Divisions.Name(c)
		if name == "" {
			continue
		}
		names := placeNames(name, p.g.PlaceSuffixes)
		if cc := p.g.CountyCity; c.Level() == division.County && cc.Level != "" && strings.HasSuffix(name, cc.Level) {
			for _, f := range cc.Former {
				names = append(names, strings.TrimSuffix(name, cc.Level)+f)
			}
		}
		for _, n := range names {
			if _, known := p.facts.words[n]; known || utf8.RuneCountInString(n) < 2 || !hasHan(n) {
				continue
			}
			p.facts.add(n, word{place: c.String()})
		}
	}
}

// placeNames are the words a division's name is said by: the name, and
// the name less its longest level word with each everyday ending of it.
func placeNames(name string, suffixes map[string][]string) []string {
	out := []string{name}
	best := ""
	for suf := range suffixes {
		if strings.HasSuffix(name, suf) && len(suf) > len(best) {
			best = suf
		}
	}
	if best == "" {
		return out
	}
	short := strings.TrimSuffix(name, best)
	out = append(out, short)
	for _, end := range suffixes[best] {
		out = append(out, short+end)
	}
	return out
}

// severalPlaces reports whether the notices apply in more than one
// division none of which covers the others: only then does naming a place
// choose among them.
func severalPlaces(set *rules.Set) bool {
	var codes []division.Code
	for _, n := range set.Notices {
		codes = append(codes, n.AppliesIn...)
	}
	var top division.Code
	for _, c := range codes {
		covered := false
		for _, d := range codes {
			covered = covered || d != c && d.Covers(c)
		}
		if covered || c == top {
			continue
		}
		if top != "" {
			return true
		}
		top = c
	}
	return false
}

// placeCut is the length of a place word cut before its last character
// when that character starts a longer word of another meaning (盐城市区:
// 盐城, then 市区 the urban area); 0 to keep it whole.
func (p *parser) placeCut(s string, i, n int, w word) int {
	if w.place == "" || len(w.facts) > 0 {
		return 0
	}
	_, last := utf8.DecodeLastRuneInString(s[i : i+n])
	k := n - last
	ws, m := p.facts.longest(s[i+k:])
	if m <= last || len(ws) == 0 || ws[0].place != "" {
		return 0
	}
	if short, ok := p.facts.words[s[i:i+k]]; !ok || len(short) == 0 || short[0].place != w.place {
		return 0
	}
	return k
}

// unseenWords reads the grammar's unseen clause for this rule set: the
// facts its vocabulary gives a phrase of that shape (趁人家不注意), so that
// any such clause said (趁山主冇看见) states them. Phrases that disagree
// leave it none: the clause then only keeps its verb from being an act.
func (p *parser) unseenWords(voc *vocab.Vocabulary) {
	for _, ng := range p.g.Negators {
		if !slices.Contains(p.g.Prohibitive, ng) && !slices.Contains(p.g.Imperative, ng) {
			p.unseenNeg = append(p.unseenNeg, ng)
		}
	}
	p.unseenSees = slices.Clone(p.g.Unseen.Perceive)
	for _, l := range [][]string{p.unseenNeg, p.unseenSees} {
		sort.SliceStable(l, func(i, j int) bool { return len(l[i]) > len(l[j]) })
	}
	p.unseen, _ = agreedPhrase(voc, p.unseenAt)
}

// agreedPhrase is what the vocabulary's phrases of a grammar clause's
// shape (the words at reads whole) all state; ok is false when none is of
// that shape or two state different facts — the clause then states none.
func agreedPhrase(voc *vocab.Vocabulary, at func(string) int) (_ word, ok bool) {
	var agreed *word
	for _, ph := range voc.Phrases {
		for _, w := range ph.Words {
			if at(w) != len(w) {
				continue
			}
			if agreed == nil {
				agreed = &word{facts: ph.Facts, note: ph.Note}
			} else if !slices.EqualFunc(agreed.facts, ph.Facts, func(a, b vocab.Value) bool { return a.Fact == b.Fact && sameValue(a.V, b.V) }) {
				return word{}, false
			}
		}
	}
	if agreed == nil {
		return word{}, false
	}
	return *agreed, true
}

// ownWords reads the grammar's Own and Theirs for this rule set: the facts
// the vocabulary's phrases state of words each reads whole (自家的山:
// own_land, and forest land; 别人的山: not own), unless two phrases give
// one fact different values.
func (p *parser) ownWords(voc *vocab.Vocabulary) {
	p.own = p.holdingWords(voc, &p.g.Own, true, &p.ownFirst)
	p.theirs = p.holdingWords(voc, &p.g.Theirs, false, &p.theirsFirst)
}

// holdingWords sorts the holding grammar h's lists longest first and
// returns what the vocabulary's phrases state of words it reads whole,
// adding its owners' first characters to first; no facts when they
// disagree or there are none.
func (p *parser) holdingWords(voc *vocab.Vocabulary, h *Holding, own bool, first *runeBits) word {
	for _, l := range [][]string{h.Owners, h.Between, h.Holdings} {
		sort.SliceStable(l, func(i, j int) bool { return len(l[i]) > len(l[j]) })
	}
	var facts []vocab.Value
	for _, ph := range voc.Phrases {
		if !slices.ContainsFunc(ph.Words, func(w string) bool { return p.holdingAt(w, h, own) == len(w) }) {
			continue
		}
		for _, v := range ph.Facts {
			k := slices.IndexFunc(facts, func(x vocab.Value) bool { return x.Fact == v.Fact })
			switch {
			case k < 0:
				facts = append(facts, v)
			case !sameValue(facts[k].V, v.V):
				return word{} // the vocabulary does not agree on what such words say
			}
		}
	}
	if len(facts) == 0 {
		return word{}
	}
	for _, w := range h.Owners {
		r, _ := utf8.DecodeRuneInString(w)
		first.add(r)
	}
	return word{facts: facts}
}

// holdingAbout is the activity the holding that ends words is about in the
// vocabulary (茶山: the picking), nil for none.
func (p *parser) holdingAbout(words string, h *Holding) *rules.Activity {
	for _, w := range h.Holdings {
		if strings.HasSuffix(words, w) {
			if ws, n := p.facts.longest(w); n == len(w) {
				for _, x := range ws {
					if x.about != nil {
						return x.about
					}
				}
			}
			return nil
		}
	}
	return nil
}

// ownAt is the length of a hill said as a place of the caller's home
// (grammar Own) that s starts with, 0 for none: the longest that ends
// with a holding.
func (p *parser) ownAt(s string) int {
	return p.holdingAt(s, &p.g.Own, true)
}

// holdingAt is the length of a hill said by whose it is (grammar h) that s
// starts with, 0 for none: the longest that ends with a holding. The
// caller's own (own) is not one when the clause goes on to name another's.
func (p *parser) holdingAt(s string, o *Holding, own bool) int {
	k := p.longestPrefix(s, o.Owners)
	if k == 0 {
		return 0
	}
	end := 0
	for steps := 0; steps < 6 && k < len(s); steps++ {
		if h := p.longestPrefix(s[k:], o.Holdings); h > 0 {
			if !p.hasPrefix(s[k+h:], o.NotAfter) && (!own || !p.othersLater(s[k+h:])) {
				end = k + h
			}
			if b := p.longestPrefix(s[k:], o.Between); b <= h {
				k += h
				continue
			}
		}
		b := p.longestPrefix(s[k:], o.Between)
		if b == 0 {
			// its size said between (我屋5亩茶山) is no word of whose it is
			b = p.measureLen(s[k:])
		}
		if b == 0 {
			break
		}
		k += b
	}
	return end
}

// ageAt is the length of an age said as a range (七十几, 六十好几, 八十来岁:
// grammar AgeTens and AgeAbout, then 岁 or not) that s starts with, 0 for
// none.
func (p *parser) ageAt(s string) int {
	t := p.longestPrefix(s, p.g.AgeTens)
	if t == 0 {
		return 0
	}
	a := p.longestPrefix(s[t:], p.g.AgeAbout)
	if a == 0 {
		return 0
	}
	return t + a + p.longestPrefix(s[t+a:], p.g.Age) // (八十来岁)
}

// ageWithWho is the length of an age said as a range that s starts
// with, or of a people word and the age right after it, 0 for none.
func (p *parser) ageWithWho(s string) int {
	if n := p.ageAt(s); n > 0 {
		return n
	}
	if pw := p.longestPrefix(s, p.g.People); pw > 0 {
		if n := p.ageAt(s[pw:]); n > 0 {
			return pw + n
		}
	}
	return 0
}

// saysAgeRange reports whether s says an age as a range (七十几).
func (p *parser) saysAgeRange(s string) bool {
	for i, r := range s {
		if p.ageFirst.mayHave(r) && p.ageAt(s[i:]) > 0 {
			return true
		}
	}
	return false
}

// othersLater reports whether the clause s goes on in names another as
// the one whose it is (我们屋后面那片山是别人家的).
func (p *parser) othersLater(s string) bool {
	if k := strings.IndexFunc(s, clauseBreakOrSpace); k >= 0 {
		s = s[:k]
	}
	return p.hasAny(s, p.g.Others)
}

// unseenAt is the length of the unseen clause (趁他冇看到, 等他看不到)
// that s starts with, 0 for none.
func (p *parser) unseenAt(s string) int {
	u := &p.g.Unseen
	for _, o := range u.Opens {
		if !strings.HasPrefix(s, o) {
			continue
		}
		k := len(o)
		for n := 0; n <= u.Who && k < len(s); n++ {
			rest := s[k:]
			for _, w := range u.Unable {
				if strings.HasPrefix(rest, w) {
					return k + len(w)
				}
			}
			for _, ng := range p.unseenNeg {
				if !strings.HasPrefix(rest, ng) {
					continue
				}
				for _, w := range p.unseenSees {
					if strings.HasPrefix(rest[len(ng):], w) {
						return k + len(ng) + len(w)
					}
				}
			}
			r, sz := utf8.DecodeRuneInString(rest)
			if !isHan(r) {
				break
			}
			k += sz
		}
	}
	return 0
}

// unseenSpans marks the unseen clauses of the call (趁他冇看到): its
// perception verb is no act, nor its who a place (他屋里人), and returns
// where they are, for the facts they state.
func (p *parser) unseenSpans(rd *reading) [][2]int {
	s := rd.text
	var out [][2]int
	for _, o := range p.g.Unseen.Opens {
		for k := 0; k < len(s); {
			i := strings.Index(s[k:], o)
			if i < 0 {
				break
			}
			i += k
			if n := p.unseenAt(s[i:]); n > 0 && rd.free(i, i+n) {
				rd.mark(i, i+n)
				out = append(out, [2]int{i, i + n})
				k = i + n
				continue
			}
			k = i + len(o)
		}
	}
	return out
}

// unaskedWords reads the grammar's unasked clause for this rule set as
// unseenWords does: the facts its vocabulary gives a phrase of that shape
// (没跟他讲, 人家冇同意), so that any such clause said (冇告诉山主) states
// them; phrases that disagree leave it none, and the clause is not read.
func (p *parser) unaskedWords(voc *vocab.Vocabulary) {
	u := &p.g.Unasked
	for _, l := range [][]string{u.Not, u.To, u.Tell, u.Holders, u.Told, u.Say, u.Adverbs, u.Consent} {
		sort.SliceStable(l, func(i, j int) bool { return len(l[i]) > len(l[j]) })
	}
	p.unasked, _ = agreedPhrase(voc, p.unaskedAt)
}

// unaskedAt is the length of the unasked clause that s starts with (冇跟
// 主人讲, 没告诉山主; 承包户冇同意, 山主也冇答应), 0 for none.
func (p *parser) unaskedAt(s string) int {
	u := &p.g.Unasked
	prefix := func(s string, l []string) int {
		for _, w := range l {
			if strings.HasPrefix(s, w) {
				return len(w)
			}
		}
		return 0
	}
	holder := func(s string) int {
		if n := prefix(s, u.Holders); n > 0 {
			return n
		}
		return prefix(s, u.Told)
	}
	if n := prefix(s, u.Not); n > 0 {
		rest := s[n:]
		if k := prefix(rest, u.Tell); k > 0 {
			if h := holder(rest[k:]); h > 0 {
				return n + k + h
			}
		}
		if k := prefix(rest, u.To); k > 0 {
			if h := holder(rest[k:]); h > 0 {
				if v := prefix(rest[k+h:], u.Say); v > 0 {
					return n + k + h + v
				}
			}
		}
		return 0
	}
	h := prefix(s, u.Holders)
	if h == 0 {
		return 0
	}
	k := h + prefix(s[h:], u.Adverbs)
	if n := prefix(s[k:], u.Not); n > 0 {
		if v := prefix(s[k+n:], u.Consent); v > 0 {
			return k + n + v
		}
	}
	return 0
}

// unaskedSpans marks the unasked clauses of the call (冇跟主人讲): their
// verbs (讲, 同意) are no act, nor their holder a place, and returns where
// they are, for the facts they state.
func (p *parser) unaskedSpans(rd *reading) [][2]int {
	s := rd.text
	if !rd.says(p.g.Unasked.Not) {
		return nil
	}
	var out [][2]int
	for k := 0; k < len(s); {
		if n := p.unaskedAt(s[k:]); n > 0 && rd.free(k, k+n) {
			rd.mark(k, k+n)
			out = append(out, [2]int{k, k + n})
			k += n
			continue
		}
		_, sz := utf8.DecodeRuneInString(s[k:])
		k += sz
	}
	return out
}

// clauseBegin is the byte where the clause holding byte i begins.
func clauseBegin(rd *reading, i int) int {
	return rd.clauseStart(i, rd.clause(i))
}

// topicPairsOf are the pairs of characters side by side in a word a notice
// or the vocabulary names a covered activity by — its name and synonyms,
// its words, its frames' verbs, objects and with-words, the noun classes
// frames take. A fragment not understood that holds one may be such a word
// typed wrong (丢旧户 of 丢旧窗户, 不盖篷不 of 不盖篷布), so it is never
// named as an act no rule covers.
func topicPairsOf(set *rules.Set, voc *vocab.Vocabulary) map[[2]rune]struct{} {
	out := map[[2]rune]struct{}{}
	add := func(words ...string) {
		for _, w := range words {
			var prev rune
			for _, r := range w {
				if isHan(prev) && isHan(r) {
					out[[2]rune{prev, r}] = struct{}{}
				}
				prev = r
			}
		}
	}
	for _, a := range set.Activities {
		add(a.Name)
		add(a.Synonyms...)
	}
	for _, a := range voc.Activities {
		add(a.Words...)
		for _, f := range a.Frames {
			add(f.Verbs...)
			add(f.Objects...)
			add(f.With...)
		}
	}
	for _, words := range voc.Nouns {
		add(words...)
	}
	return out
}

// holdsTopicPair reports whether w holds two characters side by side that
// a covered activity's words hold (topicPairsOf).
func (p *parser) holdsTopicPair(w string) bool {
	var prev rune
	for _, r := range w {
		if _, ok := p.topicPairs[[2]rune{prev, r}]; ok {
			return true
		}
		prev = r
	}
	return false
}

// kinNoun is a person a phrase names after a word of doing for, and the
// facts the phrase states of doing it for them.
type kinNoun struct {
	noun  string
	facts []vocab.Value
}

// kinOwned is a phrase that opens with a person (老公的账户给我): the
// person, the rest of it, and the facts it states.
type kinOwned struct {
	noun, rest string
	facts      []vocab.Value
}

// kinWords reads, once, the people the vocabulary's phrases name after
// one of the grammar's ForWords (给我爸: 我爸), each with its phrase's
// facts; a person two phrases state differently is left out.
func (p *parser) kinWords(voc *vocab.Vocabulary) {
	byNoun := map[string][]vocab.Value{}
	var mixed map[string]bool
	for _, ph := range voc.Phrases {
		if len(ph.Facts) == 0 || slices.ContainsFunc(ph.Facts, func(v vocab.Value) bool { return !slices.Contains(p.g.ForFacts, v.Fact) }) {
			continue // (帮别人拉茶果: no person's facts)
		}
		for _, w := range ph.Words {
			for _, f := range p.g.ForWords {
				n, ok := strings.CutPrefix(w, f)
				if !ok || utf8.RuneCountInString(n) < 2 || slices.Contains(p.g.ForSelf, n) {
					continue
				}
				if old, seen := byNoun[n]; seen && !slices.EqualFunc(old, ph.Facts, func(a, b vocab.Value) bool { return a.Fact == b.Fact && sameValue(a.V, b.V) }) {
					if mixed == nil {
						mixed = map[string]bool{}
					}
					mixed[n] = true
				}
				byNoun[n] = ph.Facts
			}
		}
	}
	for n, facts := range byNoun {
		if !mixed[n] {
			p.kinNouns = append(p.kinNouns, kinNoun{noun: n, facts: facts})
		}
	}
	slices.SortFunc(p.kinNouns, func(a, b kinNoun) int { return cmp.Or(len(b.noun)-len(a.noun), strings.Compare(a.noun, b.noun)) })
	// the phrases that open with a person (老公的账户给我): what follows the
	// person, said after a pronoun instead (他的账户给我), is said of the
	// person named before it (kinOwn)
	for _, ph := range voc.Phrases {
		if len(ph.Facts) == 0 || slices.ContainsFunc(ph.Facts, func(v vocab.Value) bool { return !slices.Contains(p.g.ForFacts, v.Fact) }) {
			continue
		}
		for _, w := range ph.Words {
			for _, k := range p.kinNouns {
				if rest, ok := strings.CutPrefix(w, k.noun); ok && rest != "" && p.longestPrefix(rest, p.g.People) == 0 {
					p.kinOwned = append(p.kinOwned, kinOwned{noun: k.noun, rest: rest, facts: ph.Facts})
					break
				}
			}
		}
	}
}

// actContext is what a call may say that ties a bare verb to one activity
// without naming its object: a fact only its rules read, or a calendar day
// (a solar term, a festival) only its rules' windows name.
type actContext struct {
	facts map[string]bool
	days  []string
	// windows are the windows only its rules read, resolved on first use
	// (seasonSaid): a day said inside one ties its verb as its days do
	windows  []*rules.Window
	once     sync.Once
	resolved []*calendar.Window
}

// ownContextOf finds, for each activity, the facts and the calendar days of
// windows that only rules of that one activity read — the facts a rule of
// several activities reads, or rules of two activities read, tie a verb to
// none of them. A window read by an act and by its manners (mannerOf: the
// collection period of paying and of a worker's paying) is the act's: the
// manner is a way of the same act, said only with its own words.
func ownContextOf(set *rules.Set, mannerOf map[*rules.Activity]*rules.Activity) map[*rules.Activity]*actContext {
	type reader struct {
		a    *rules.Activity
		many bool
	}
	readers := map[string]*reader{} // a fact's name, or a window's notice key and id
	windows := map[string]*rules.Window{}
	for _, n := range set.Notices {
		for _, w := range n.Windows {
			if w.Var != nil {
				windows[n.Key()+"#"+w.Var.Name] = w
			}
		}
		for _, r := range n.Rules {
			if r.Program == nil {
				continue
			}
			for _, v := range r.Program.Vars {
				k := v.Name
				if v.Window {
					k = n.Key() + "#" + v.Name
				}
				rd := readers[k]
				if rd == nil {
					rd = &reader{}
					readers[k] = rd
				}
				var a *rules.Activity
				if len(r.Activities) == 1 {
					a = r.Activities[0]
					if m := mannerOf[a]; m != nil && v.Window {
						a = m
					}
				}
				if a == nil || rd.a != nil && rd.a != a {
					rd.many = true
				} else {
					rd.a = a
				}
			}
		}
	}
	days := append(calendar.TermNames(), calendar.FestivalNames()...)
	out := map[*rules.Activity]*actContext{}
	for k, rd := range readers {
		if rd.many || rd.a == nil {
			continue
		}
		c := out[rd.a]
		if c == nil {
			c = &actContext{facts: map[string]bool{}}
			out[rd.a] = c
		}
		if w, ok := windows[k]; ok {
			c.windows = append(c.windows, w)
			for _, d := range days {
				if strings.Contains(w.Spec.String(), d) && !slices.Contains(c.days, d) {
					c.days = append(c.days, d)
				}
			}
			continue
		}
		if _, ok := set.Fact(k); ok {
			c.facts[k] = true
		}
	}
	for _, c := range out {
		slices.Sort(c.days) // map order is random: keep the lists stable
		slices.SortFunc(c.windows, func(a, b *rules.Window) int {
			return cmp.Or(strings.Compare(a.Notice.Key(), b.Notice.Key()), strings.Compare(a.ID, b.ID))
		})
	}
	return out
}

// contextSaid reports whether the call says something only activity a's
// rules read (自家山上 for the picking's own_land, 寒露): with it, a's bare
// verb (摘) is a's act though its object goes unsaid.
func (p *parser) contextSaid(rd *reading, a *rules.Activity) bool {
	c := p.ownContext[a]
	if c == nil {
		return false
	}
	for _, f := range rd.facts {
		if f.neg {
			continue
		}
		for _, v := range f.w.facts {
			if c.facts[v.Fact] && !v.Presumed {
				return true
			}
		}
	}
	return slices.ContainsFunc(c.days, func(d string) bool { return strings.Contains(rd.text, d) }) ||
		p.seasonSaid(rd, c)
}

// seasonSaid reports whether the call names a day by the calendar (十月五
// 号, 十月八号以前 — not 明天: month_day in mandarin.yaml) that lies inside
// one of c's windows, in any year: the season only that activity's rules
// speak of (要是十月五号去摘呢 is the picking's).
func (p *parser) seasonSaid(rd *reading, c *actContext) bool {
	if len(c.windows) == 0 || len(p.g.MonthDay) == 0 {
		return false
	}
	var said []calendar.Date
	for _, m := range rd.dates {
		if !m.Weak && !m.Bad && !m.Custom && p.hasAny(m.Words, p.g.MonthDay) {
			said = append(said, m.Date)
		}
	}
	if len(said) == 0 {
		return false
	}
	c.once.Do(func() {
		for _, w := range c.windows {
			n := w.Notice
			from, err1 := calendar.NewDate(max(calendar.MinYear, n.Effective.Year()-1), 1, 1)
			to, err2 := calendar.NewDate(min(calendar.MaxYear, n.ValidUntil.Year()+5), 12, 31)
			if err1 != nil || err2 != nil {
				continue
			}
			// a window the engine resolves too: an error here is one New
			// reports there, and this window then ties no verb
			if cw, err := p.cal.Prepare(w.Spec, from, to); err == nil {
				c.resolved = append(c.resolved, cw)
			}
		}
	})
	for _, d := range said {
		for _, cw := range c.resolved {
			if cw.Contains(d) {
				return true
			}
		}
	}
	return false
}

// unknownThings reads a bare verb whose object is a thing the vocabulary
// lacks — a run of characters nothing else read, right after the verb
// (烧旧沙发, 卖盆栽) or said before it in its clause (茶枯饼能在山上烧不,
// 山上的茶枯饼能烧不) — as the verb done to any thing (the grammar's
// unknown_thing, 东西): the act of the verb's frame that takes it, as 烧东西
// and 卖东西 are read, the place then deciding. A clause that already says
// an act keeps it: the verb is that act's.
func (p *parser) unknownThings(rd *reading) {
	if p.g.UnknownThing.Word == "" || len(rd.verbs) == 0 {
		return
	}
	s := rd.text
	var things [][2]int
	for _, v := range rd.verbs {
		f := p.thingFrame(v.words)
		placedOnly := false // read only with nothing but where (摆)
		if f == nil && len(rd.acts) == 0 && p.placedAt(rd, v) > 0 && p.endsBare(rd, v) {
			f, placedOnly = p.placedFrame(rd, v), true
		}
		// (我摆在菜市场门口行不: where said after the verb, the call
		// saying nothing after it but its question)
		if f == nil && len(rd.acts) == 0 {
			if base, end := p.placedAfter(rd, v); end > 0 {
				if pf := p.placedFrame(rd, hit{i: v.i, j: v.j, words: base, clause: v.clause}); pf != nil {
					rd.acts = append(rd.acts, hit{i: v.i, j: end, w: word{activity: pf.activity}, clause: v.clause, words: rd.text[v.i:end]})
					things = append(things, [2]int{v.i, end})
					continue
				}
			}
		}
		if f == nil || slices.ContainsFunc(things, func(t [2]int) bool { return v.i >= t[0] && v.j <= t[1] }) ||
			slices.ContainsFunc(rd.acts, func(h hit) bool { return h.clause == v.clause && !p.toldApart(h, v) }) {
			continue
		}
		told := slices.Contains(p.g.UnknownThing.Told, v.words)
		asks := p.clauseAsks(rd, v.clause)
		i, j := p.thingAfter(rd, v)
		b := p.disposalBefore(rd, v)
		if i == j && (asks || b > 0) {
			// (told, not asked: only a thing brought by 把 — 风小了晚上再烧
			// says when, not what)
			i, j = p.thingBefore(rd, v)
		}
		if at := p.placedAt(rd, v); i == j && len(rd.acts) == 0 && at > 0 &&
			!slices.ContainsFunc(rd.verbs, func(o hit) bool { return o.clause == v.clause && o.i != v.i && o.i >= at }) {
			// 在山上烧, 在街上卖: no thing at all, only where — the
			// call's one act, asked or not; another bare verb after the
			// place may say what it is (在路边加工卖: a processing stall),
			// one inside it does not (在承包的山上烧)
			rd.acts = append(rd.acts, hit{i: v.i, j: v.j, w: word{activity: f.activity}, clause: v.clause, words: v.words})
			things = append(things, [2]int{v.i, v.j})
			continue
		}
		if placedOnly {
			continue
		}
		if i == j && told && b > 0 && slices.ContainsFunc(rd.acts, func(h hit) bool { return h.clause != v.clause }) {
			// 自家山上摘茶籽，把路边的刺烧了: beside an act of another
			// clause, 把 says a thing is brought to the fire, whatever the
			// words that name it are — and 了 after the verb what is to be
			// done to it (disposal); alone (想把它烧了) the thing is the
			// topic's, read later
			rd.acts = append(rd.acts, hit{i: v.i, j: v.j, w: word{activity: f.activity}, clause: v.clause, words: v.words, wi: b, wj: v.j})
			things = append(things, [2]int{v.i, v.j})
			continue
		}
		if !asks && !told {
			continue
		}
		// (晒干了就在山上烧壳: one character is a thing too when the verb is
		// said at a place, a fire's, and it ends the clause)
		if n := utf8.RuneCountInString(s[i:j]); n < 2 && !(n == 1 && told && p.placedAt(rd, v) > 0 && j == clauseEndTrimmed(rd, v)) || n > maxThingRunes {
			continue
		}
		lo, hi := min(i, v.i), max(j, v.j)
		rd.acts = append(rd.acts, hit{i: v.i, j: v.j, w: word{activity: f.activity}, clause: v.clause, words: s[lo:hi], wi: lo, wj: hi, obj: s[i:j]})
		things = append(things, [2]int{i, j}, [2]int{v.i, v.j})
	}
	if len(things) == 0 {
		return
	}
	// the verb that took a thing, and a one-character verb inside the
	// thing (套 of 手套), are no bare verbs
	rd.verbs = slices.DeleteFunc(rd.verbs, func(v hit) bool {
		return slices.ContainsFunc(things, func(t [2]int) bool { return v.i >= t[0] && v.j <= t[1] })
	})
	sort.SliceStable(rd.acts, func(a, b int) bool { return rd.acts[a].i < rd.acts[b].i })
}

// clauseEndTrimmed is where the clause of hit v ends, its closing
// punctuation and spaces left out.
func clauseEndTrimmed(rd *reading, v hit) int {
	end := rd.clauseEnd(v.i, v.clause)
	return v.i + len(strings.TrimRightFunc(rd.text[v.i:end], func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) }))
}

// disposalBefore is the end of the last disposal word (把) said before
// bare verb v in its clause, 0 for none.
func (p *parser) disposalBefore(rd *reading, v hit) int {
	t, b := rd.text[clauseBegin(rd, v.i):v.i], 0
	for _, d := range p.g.Disposal {
		if k := strings.LastIndex(t, d); k >= 0 {
			b = max(b, clauseBegin(rd, v.i)+k+len(d))
		}
	}
	return b
}

// toldApart reports whether bare verb v, one of unknown_thing's told, is
// an act of its own beside act h of its clause: said after it, and no verb
// h's activity is said by (摘完自家茶籽顺手把茶枯饼烧了 — not 烧纸…烧完).
func (p *parser) toldApart(h hit, v hit) bool {
	if !slices.Contains(p.g.UnknownThing.Told, v.words) || v.i < h.j || h.w.activity == nil {
		return false
	}
	return !slices.ContainsFunc(p.byVerb[v.words], func(f *frame) bool { return f.activity == h.w.activity })
}

// placedAt finds whether bare verb v is said after where it is done,
// an `at` word and a place (在山上烧, 在自己承包的山上烧一下, 在街上卖), in
// its clause: the verb done to any thing there, as 烧东西 is, the place
// deciding. A verb said with no place (村干部同意了我烧) says too little:
// what is done is asked, not presumed; nor is it when the verb does too
// (pair_too: 我也在河边烧) what was said before — the call's other part.
//
// It returns the end of the place, 0 for none.
func (p *parser) placedAt(rd *reading, v hit) int {
	begin, end := clauseBegin(rd, v.i), 0
	if p.hasAny(rd.text[begin:v.i], p.g.PairToo) {
		return 0 // 我也在河边烧: again what another did, said before
	}
	for _, f := range rd.facts {
		if f.clause != v.clause || f.j > v.i || f.i < begin || len(f.w.facts) == 0 {
			continue
		}
		if p.hasAny(rd.text[begin:f.i], p.g.At) {
			e := f.j
			for _, l := range p.g.Locatives { // 承包的山上: the 上 is the place's
				if strings.HasPrefix(rd.text[f.j:v.i], l) {
					e = max(e, f.j+len(l))
				}
			}
			end = max(end, e)
		}
	}
	return end
}

// placedAfter reads a placed verb (unknown_thing placed: 摆) said with a
// word of where right after it and then the place (摆在菜市场门口, 摆到人行道
// 上, 摆在自家门口台阶上), the clause saying nothing after the place but
// its question: the verb and the end of the place; 0 for none.
func (p *parser) placedAfter(rd *reading, v hit) (string, int) {
	base, rest := "", ""
	for _, pv := range p.g.UnknownThing.Placed {
		if r, ok := strings.CutPrefix(v.words, pv); ok && strings.HasPrefix(rd.text[v.i:], v.words) {
			base, rest = pv, r
		}
	}
	if base == "" {
		return "", 0
	}
	at := v.j
	if rest == "" {
		at += max(p.longestPrefix(rd.text[v.j:], p.g.At), p.longestPrefix(rd.text[v.j:], p.g.Toward))
		if at == v.j {
			return "", 0
		}
	} else if !slices.Contains(p.g.At, rest) && !slices.Contains(p.g.Toward, rest) {
		return "", 0
	}
	end := 0
	for _, f := range rd.facts {
		if f.clause == v.clause && f.i >= at && utf8.RuneCountInString(rd.text[at:f.i]) <= 2 && len(f.w.facts) > 0 {
			end = max(end, f.j)
		}
	}
	if end == 0 {
		return "", 0
	}
	// the place's own locative or a short noun with one (台阶上)
	stop := clauseEndTrimmed(rd, v)
	for k, n := end, 0; k < stop && n < 4; n++ {
		if l := p.longestPrefix(rd.text[k:], p.g.Locatives); l > 0 {
			end = k + l
			break
		}
		_, sz := utf8.DecodeRuneInString(rd.text[k:])
		k += sz
	}
	after := rd.text[end:stop]
	if utf8.RuneCountInString(after) > 6 || !p.clauseAsks(rd, v.clause) ||
		slices.ContainsFunc(rd.verbs, func(o hit) bool { return o.clause == v.clause && o.i >= end }) {
		return "", 0
	}
	return base, end
}

// maxThingRunes is the longest run read as a thing the vocabulary lacks:
// a longer one is a story, not a noun (老头子想趁这几天冇下雨一把).
const maxThingRunes = 6

// thingFrame is the frame of a covered activity that takes verb v, one
// of unknown_thing's verbs, with any thing (its word) and needs no other
// word said; nil for none.
func (p *parser) thingFrame(v string) *frame {
	if !slices.Contains(p.g.UnknownThing.Verbs, v) {
		return nil
	}
	for _, f := range p.byVerb[v] {
		if f.activity != nil && len(f.with) == 0 && f.objects[p.g.UnknownThing.Word] {
			return f
		}
	}
	return nil
}

// endsBare reports whether verb v ends its clause but for question words
// (在人行道上摆, 摆行不行, 能摆不): nothing said after it is its thing.
func (p *parser) endsBare(rd *reading, v hit) bool {
	rest := strings.TrimRightFunc(rd.text[v.j:clauseEndTrimmed(rd, v)], func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) })
	return rest == "" || slices.Contains(p.g.Asking, rest) || slices.Contains(p.g.AskingEnd, rest)
}

// placedFrame is the frame of a covered activity that takes verb v, one
// of unknown_thing's placed verbs, with any thing, whose with-words are
// said with it (在城里人行道上摆); nil for none.
func (p *parser) placedFrame(rd *reading, v hit) *frame {
	if !slices.Contains(p.g.UnknownThing.Placed, v.words) {
		return nil
	}
	for _, f := range p.byVerb[v.words] {
		if f.activity != nil && len(f.with) > 0 && f.objects[p.g.UnknownThing.Word] && p.withSaid(rd, f, v.i) {
			return f
		}
	}
	return nil
}

// clauseAsks reports whether clause c asks (行不, 要得不, or 不 at its
// end): a thing the vocabulary lacks is read only in the question, not
// in the story (早摘早卖价钱好).
func (p *parser) clauseAsks(rd *reading, c int) bool {
	t := strings.TrimSpace(clauseText(rd, c))
	t = strings.TrimRightFunc(t, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) })
	return p.hasAny(t, p.g.Asking) || slices.ContainsFunc(p.g.AskingEnd, func(e string) bool { return strings.HasSuffix(t, e) })
}

// thingAfter is the run of unread characters right after bare verb v,
// after its complement or 了 (烧掉旧沙发); empty for none.
func (p *parser) thingAfter(rd *reading, v hit) (int, int) {
	i := v.j
	if r, n := decodeRune(rd.text[i:]); n > 0 && (p.isComplement(string(r)) || r == '了') {
		i += n
	}
	return i, p.runEnd(rd, i, len(rd.text))
}

// thingBefore is the last run of two unread characters or more said
// before bare verb v in its clause; empty for none.
func (p *parser) thingBefore(rd *reading, v hit) (int, int) {
	var i, j int
	for k := clauseBegin(rd, v.i); k < v.i; {
		e := p.runEnd(rd, k, v.i)
		if e == k {
			_, n := decodeRune(rd.text[k:])
			k += n
			continue
		}
		if utf8.RuneCountInString(rd.text[k:e]) >= 2 {
			i, j = k, e
		} else {
			i, j = 0, 0 // something unread between the thing and the verb
		}
		k = e
	}
	// between the thing and the verb only what was read (能在山上)
	for k := j; j > 0 && k < v.i; {
		if p.bareVerbAt(rd, k) {
			return 0, 0
		}
		_, n := decodeRune(rd.text[k:])
		k += n
	}
	return i, j
}

// runEnd is the end of the run of unread characters from byte i, at most
// to: a one-character verb inside it, not first, is part of the thing (套
// of 手套, 栽 of 盆栽).
func (p *parser) runEnd(rd *reading, i, to int) int {
	j := i
	for j < to {
		if !p.unreadAt(rd, j) && (j == i || !p.bareVerbAt(rd, j)) {
			break
		}
		_, n := decodeRune(rd.text[j:])
		j += n
	}
	return j
}

// bareVerbAt reports whether a one-character bare verb is at byte k.
func (p *parser) bareVerbAt(rd *reading, k int) bool {
	return slices.ContainsFunc(rd.verbs, func(v hit) bool { return v.i == k && utf8.RuneCountInString(v.words) == 1 })
}

// unreadAt reports whether the character at byte k of the text is one
// nothing read: a Chinese character no day, act, fact or verb holds, at
// which no word the parser knows of two characters or more starts and no
// filler (能, 在, 的) does.
func (p *parser) unreadAt(rd *reading, k int) bool {
	r, _ := decodeRune(rd.text[k:])
	if !isHan(r) || rd.used[k] || rd.inAct(k, k+1) {
		return false
	}
	for _, hs := range [][]hit{rd.facts, rd.verbs} {
		for _, h := range hs {
			if k >= h.i && k < h.j {
				return false
			}
		}
	}
	if n := p.knownAt(rd.text[k:]); n > 0 && utf8.RuneCountInString(rd.text[k:k+n]) >= 2 {
		return false
	}
	_, n := p.filler.longest(rd.text[k:])
	return n == 0
}

// backToDay gives a day word that points back (当天, 当日: back_then and a
// day of its own) said after a single day the day it points to: 霜降籽10月
// 23日开始采摘，请问当天是否可以采摘 asks of the 23rd, whichever clause's
// act the 23rd was said with, not of the day of the call.
func (p *parser) backToDay(ms []dates.Mention) {
	for k := 1; k < len(ms); k++ {
		m, prev := &ms[k], ms[k-1]
		if !slices.Contains(p.g.BackThen, m.Words) || prev.Bad || prev.Weak || prev.MonthEnd != nil || prev.Before || prev.Past {
			continue
		}
		m.Date = prev.Date
	}
}

// ripeningVariety reads a variety told by the term it ripens at (霜降那时候
// 才熟的, 寒露前后就熟透的): the term and the grammar's suffix are the fact
// phrase of the variety (霜降籽), and a day read from the term is dropped —
// the trees' kind is told, not the day of the act.
func (p *parser) ripeningVariety(rd *reading) {
	rp := p.g.Ripens
	if rp.Suffix == "" || !rd.says(rp.Verbs) {
		return
	}
	text := rd.text
	for k := 0; k < len(text); {
		i, n := indexAny(text[k:], rp.Verbs)
		if i < 0 {
			return
		}
		at, end := k+i, k+i+n
		k = end
		start := at
		for { // 霜降那时候才熟: the words between, from the verb back
			n := p.hasSuffixLen(text[:start], rp.Between)
			if n == 0 {
				break
			}
			start -= n
		}
		if h, ok := p.ripeName(text[:start], rp.Suffix); ok {
			h.j, h.clause = end, rd.clause(h.i)
			h.words = text[h.i:end]
			rd.mark(h.i, end)
			rd.facts = append(rd.facts, h)
			rd.dates = slices.DeleteFunc(rd.dates, func(m dates.Mention) bool { return m.Start < end && m.End > h.i })
		}
	}
}

// ripeName finds the name that before ends with and that, with suffix, is
// a whole fact phrase (霜降 + 籽): the hit from the name's start, its
// facts the phrase's.
func (p *parser) ripeName(before, suffix string) (hit, bool) {
	for n, i := 0, len(before); i > 0 && n < 4; n++ {
		_, sz := utf8.DecodeLastRuneInString(before[:i])
		i -= sz
		name := before[i:] + suffix
		ws, l := p.facts.longest(name)
		if l != len(name) {
			continue
		}
		for _, w := range ws {
			if len(w.facts) > 0 {
				return hit{i: i, w: word{facts: w.facts}}, true
			}
		}
	}
	return hit{}, false
}

// indexAny is the first place s says one of ws (the longest there) and the
// length of the word said; -1, 0 if none.
func indexAny(s string, ws []string) (int, int) {
	best, n := -1, 0
	for _, w := range ws {
		if i := strings.Index(s, w); i >= 0 && (best < 0 || i < best || i == best && len(w) > n) {
			best, n = i, len(w)
		}
	}
	return best, n
}

// pastWorn is s past a word for a thing's wear said before it (烂塑料袋,
// 旧鞋子: the thing all the same), or s when none starts it.
func (p *parser) pastWorn(s string) string {
	for _, w := range p.g.Worn {
		if rest, ok := strings.CutPrefix(s, w); ok {
			return rest
		}
	}
	return s
}
