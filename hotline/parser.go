package hotline

// The parser and how it is built, once per engine, from the rule set, the vocabulary and the grammar.

import (
	"cmp"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/hotline/dates"
	"github.com/tonggao/tonggao/hotline/vocab"
	"github.com/tonggao/tonggao/hotline/zh"
	"github.com/tonggao/tonggao/rules"
	"github.com/tonggao/tonggao/rules/cond"
)

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
	// mannerUnless are the manners whose words name the act they are a
	// way of when the call states one of these facts (vocab.Activity.Unless)
	mannerUnless map[*rules.Activity][]vocab.Value
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
		byVerb: map[string][]*frame{}, scanByVerb: map[string][]*frame{}, byObj: map[string][]*frame{}, partial: map[string]*rules.Activity{}, mannerOf: map[*rules.Activity]*rules.Activity{}, storyOf: map[*rules.Activity]*rules.Activity{}, outright: map[*rules.Activity]bool{}, beside: map[*rules.Activity]bool{}, anywhere: map[*rules.Activity]bool{}, mannerUnless: map[*rules.Activity][]vocab.Value{}, manners: map[string][]*rules.Activity{}, verbSet: map[string]bool{}, verbFirst: map[rune]map[rune]bool{}, objFirstHash: map[rune]*runeHash{}}
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
			Before: g.Before, BeforeDays: g.BeforeDays, AfterDays: g.AfterDays, BeforeDay: g.BeforeDay, BeforeFew: g.BeforeFew, AroundTerm: g.AroundTerm, AroundDays: g.AroundDays, StretchTo: g.Stretch.To, StretchInside: g.Stretch.Inside, DayList: g.Stretch.List, NotReached: g.NotReached, Past: g.Past, PastAfter: g.PastAfter, PastOver: g.PastOver, TermCome: g.TermCome, AfterDay: g.AfterDay, CountUnits: g.CountUnits, MonthUnits: g.MonthUnits, CountNotAfter: g.CountNotAfter, CountWaitBefore: g.CountWait, LastNotAfter: g.LastNotAfter, NewYearFirst: g.NewYearFirst, TermAfter: g.TermAfter, Since: g.Since, TermWord: g.TermWord, TermLead: g.TermLead, TermWait: g.TermWait, DotNotBefore: g.DotNotBefore, Festivals: festivals, EitherFestivals: g.EitherFestivals, Customs: voc.Customs, Gregorian: g.Gregorian, LunarDays: lunarDays, TermDays: termDays,
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
		if len(va.Unless) > 0 {
			p.mannerUnless[a] = va.Unless
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
		p.reDist = regexp.MustCompile(`(?:` + zh.Alternation(d.Prefixes) + `\s*(?:` + zh.Alternation(g.LandmarkDeterminers) + `)?` + zh.Alternation(d.Nouns) + `(?:边缘|边边上|边边|边上|边)?)?\s*(?:` + zh.Alternation(g.AmountHedges) + `)?\s*(` +
			zh.Alternation(append(append(append(append(append([]string{}, g.Less...), g.More...), g.AtMost...), g.AboutBefore...), g.AtLeast...)) + `)?\s*(?:` + zh.Alternation(g.AmountHedges) + `)?\s*(` +
			`[0-9]+(?:\.[0-9]+)?[十百千万]?|[零〇一二两三四五六七八九十百千几好把半]+` + `)\s*(来|多)?\s*(` + zh.Alternation(units) + `)\s*(多)?\s*(路)?\s*(` +
			zh.Alternation(slices.Concat(d.Within, d.Beyond, d.Above, g.AboutAfter, g.AtLeastAfter)) + `)?`)
	}
	for _, l := range voc.DayLimits {
		p.dayLimits = append(p.dayLimits, dayLimit{DayLimit: l, about: byID[l.About],
			re: regexp.MustCompile(zh.Alternation(l.Prefixes) + `\s*(?:刚好|刚刚|正好|恰好|已经|才|就|都|有|满|了|快)*\s*([0-9]+|[零〇一二两三四五六七八九十百]+)\s*(多)?\s*(?:个)?\s*` + zh.Alternation(l.Units))})
	}
	for _, m := range voc.Measures {
		units := keys(m.Units)
		ms := measure{Measure: m,
			re: regexp.MustCompile(zh.Alternation(m.Prefixes) + `\s*([0-9]+(?:\.[0-9]+)?|[零〇一二两三四五六七八九十百千万]+)\s*(` + zh.Alternation(units) + `)(半|多)?`)}
		if len(m.After) > 0 {
			ms.after = regexp.MustCompile(`([0-9]+(?:\.[0-9]+)?|[零〇一二两三四五六七八九十百千万]+)\s*(` + zh.Alternation(units) + `)\s*(?:的)?` + zh.Alternation(m.After))
		}
		p.measures = append(p.measures, ms)
	}
	if len(g.WaitVerbs) > 0 && len(g.CountWait) > 0 {
		units := append(keys(g.CountUnits), g.MonthUnits...)
		p.reWait = regexp.MustCompile(zh.Alternation(g.WaitVerbs) + `\s*(?:[0-9]+|[零〇一二两三四五六七八九十百几多少好]+)\s*` + zh.Alternation(units) + `\s*` + zh.Alternation(g.CountWait))
	}
	if g.Home != "" {
		if ws, n := p.facts.longest(g.Home); n == len(g.Home) && len(ws) > 0 {
			p.home = &ws[0]
		}
	}
	if c := voc.DaysSince; c.Fact != "" {
		p.reDays = regexp.MustCompile(zh.Alternation(c.Prefixes) + `\s*([0-9]+|[零〇一二两三四五六七八九十]+)\s*` + zh.Alternation(c.Units))
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
		p.reWritten = regexp.MustCompile(zh.Alternation(g.ReportWritten) + `[^\s，,。.？?！!；;：:]{0,12}?(?:` + zh.Alternation(things) + `)+`)
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

// keys gives a map's keys sorted, so that what is built from a map is built
// in one order on every start.
func keys[K cmp.Ordered, V any](m map[K]V) []K {
	return slices.Sorted(maps.Keys(m))
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}
