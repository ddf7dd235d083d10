// Package vocab loads a rule set's vocabulary: the words callers use for
// its activities, facts, places and days, and how its follow-up questions
// are phrased. The files live beside the rules, in vocabulary/*.yaml of each
// rule root, so another county's rule set brings its own words; the
// hotline's Go code holds the grammar, not the words.
//
// Every name a file uses — activity ids, facts and their values, festival
// names — is checked against the rule set and the calendar when it is
// loaded, and every problem is reported at its file:line:col.
package vocab

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/division"
	"github.com/tonggao/tonggao/internal/fsread"
	"github.com/tonggao/tonggao/rules"
	"github.com/tonggao/tonggao/rules/cond"
)

// Dir is the directory of a rule root that holds vocabulary files.
const Dir = "vocabulary"

// Frame is a verb–object frame: any of Verbs with any of Objects, in
// either order, with measure words, particles and complements between.
// With, when given, are words one of which the clause must also say for
// the frame to count: 丢进垃圾桶 is mixing construction waste into household
// rubbish only when 装修垃圾 is said with it. Classes name noun classes
// (nouns: in any vocabulary file) whose words are objects too, so that one
// list of what is refuse serves every verb done to refuse (烧, 丢, 倒); the
// loaded frame's Objects hold them. Next lets With be said in the clause
// right after the verb's as well: the other half of a pair said once the
// first is done (交了厂里的职工医保，屋里的居民医保还交不). Before lets With be
// said in any clause before the verb's: what the thing is, told first
// (我有职工医保，能用我的账户给儿子交不: the holder's account).
type Frame struct {
	Verbs   []string `yaml:"verbs"`
	Objects []string `yaml:"objects,omitempty"`
	Classes []string `yaml:"classes,omitempty"`
	With    []string `yaml:"with,omitempty"`
	Next    bool     `yaml:"next,omitempty"`
	Before  bool     `yaml:"before,omitempty"`
}

// Activity is what callers call one activity of the rule set, beyond its
// name and synonyms in the notice file.
type Activity struct {
	ID     string
	Words  []string
	Frames []Frame
	// Partial is the activity meaning this one done for only some of a
	// group ("老人交、年轻人不交" → selective enrolment).
	Partial string
	// Manners are activities that are ways of doing this one which the
	// rules judge apart (拆户参保, 重复参保 for 参保缴费): said in the same
	// call as this one, they are what the call asks about.
	Manners []string
	// Beside, on a manner, says its words name it only when the act it is
	// a way of is said too (上班 of enrolling: 正月初八去厂里上班 is no
	// question of insurance).
	Beside bool
	// Anywhere says the act's place is the person's — where they are
	// registered or live, which the rules themselves speak of (户籍地,
	// 常住地) — not where it is said to be done: a place outside the rule
	// base's area said with it (我在冷水滩交医保) does not take the call
	// out of the rule base.
	Anywhere bool
	// Unless, on a manner, are facts whose values, read from the same
	// call, make its words name the act it is a way of: a case the rules
	// enrol alone (新生儿: 刚出生的孙子…单独交 is the newborn's own
	// enrolment, no household split).
	Unless []Value
}

// Act is something people do that no rule of the set governs (钓鱼,
// 挖冬笋): recognised so that the answer can name it.
type Act struct {
	Words  []string
	Frames []Frame
}

// Value is a fact's value as a phrase states it: a bool, a string (an
// enum value) or a number range.
type Value struct {
	Fact string
	// V is a bool, a string or a [2]float64 range.
	V any
	// Presumed marks a fact a phrase only presumes (市场分的摊位 is on
	// no fire lane): a phrase that states the fact itself (消防通道上)
	// wins over it, wherever it is said (a phrase's presumes).
	Presumed bool
	// Of are the activities whose calls alone the value is read in, each
	// with its kinds (a roadside is no spot designated for rubble, while a
	// stall's pitch may be marked there: a phrase's of); none: every call.
	Of []string
}

// Phrase is words that state facts.
type Phrase struct {
	Words  []string
	Facts  []Value
	Note   string // how the phrase was read, when it is not plain
	NoteEN string
	// About is the activity a call is about when it names no act but
	// this phrase and a verb of that activity or a question (低保户交
	// 多少 is about enrolling in medical insurance); "" if none.
	About string
	// Place is the division the words name (钱塘江 → 330114, a river
	// within one district; 管城区 for 管城回族区), a code of the rule
	// set's divisions; "" if none. A call that says it is answered by the
	// notices that apply there.
	Place string
	// Modified are the nouns that end some of Words and may be said with
	// what they are of, or who issued them, before them (有城管局批的运输
	// 核准 is 有核准): each ends at least one of Words, which is longer.
	Modified []string
	// Unless are facts whose values, read from the same call, undo
	// Facts (请了人 is the holder's consent to pick, unless the hill is
	// said to be another's: whoever hires there is no holder).
	Unless []Value
}

// Measure is a number fact said as a number and a unit after words of
// its own (风力四级, 离重点区域三百米): the number times the unit's size is
// the fact's value.
type Measure struct {
	Fact     string
	Prefixes []string
	Units    map[string]float64
	// After are words said right after the number and unit that name the
	// fact as well (四级风, 五级大风): the unit before the fact's word
	After []string
}

// LunarDay is a named day of the lunar year (小年 → 腊月二十四) with the
// reading chosen.
type LunarDay struct {
	Date        calendar.LunarDate
	Note        string
	Alternative string
	// Since: said at most this many days after the day, the word names
	// the time after it, which is now (过了年 said in 正月); 0 for a day
	Since int
	// HolidayAfter: said before the public holiday holding the day is
	// over, the word names the holiday's first day after (过完年)
	HolidayAfter bool
}

// TermDay is a word for a solar term's day (开春 → 立春) with the reading
// chosen.
type TermDay struct {
	Term        string
	Note        string
	Alternative string
	// Since: said at most this many days after the term, the word names
	// the time after it, which is now (开春 said in February); 0 for a day
	Since int
}

// Distance says how a distance to a place is phrased: 离山50米.
type Distance struct {
	Fact     string
	Prefixes []string
	Nouns    []string
	Units    map[string]float64
	Within   []string
	// Beyond are the words after a distance that say further than it, the
	// distance itself not included (一百米以外: 民法典 第一千二百五十九条,
	// 以外 does not include the number); Above say as far or further
	// (一百米以上: 以上 includes it).
	Beyond []string
	Above  []string
	// Vague are units only said of rough distances (一里路): the number
	// is read as about that much, a range, never exact.
	Vague []string
	// LandmarkAfter are the words that put the landmark after the distance,
	// the place asked about being where it is measured from: 门口隔二十米
	// 就是林子.
	LandmarkAfter []string
}

// Count is a number of days said with a prefix: 放了3天.
type Count struct {
	Fact     string
	Prefixes []string
	Units    []string
}

// DayLimit is a count of days since an event, said with a prefix
// (出生91天, 断保90天), against a limit a notice sets (出生后90天内): a count
// up to the limit (day Limit included) states the Within facts, a greater
// one the Beyond facts.
type DayLimit struct {
	Prefixes []string
	Units    []string
	Limit    int
	Within   []Value
	Beyond   []Value
	// Events are said right after the day the event happened (8月5号生的):
	// that day is the story's, not the day asked, and the count is the days
	// from it to the call's day.
	Events []string
	// About is the activity a call is about when it names no act but the
	// count and a question (as Phrase.About); "" if none.
	About string
}

// Text is a sentence in Chinese and English.
type Text struct {
	ZH string `yaml:"zh" json:"zh"`
	EN string `yaml:"en" json:"en"`
}

// Question is how the hotline asks about a fact. AskedOf is "caller" for
// a fact a caller can answer, "operator" for one only data can settle
// (重点森林防火区, 禁放区, 城市规划区): the answer then states each outcome.
type Question struct {
	AskedOf  string          `yaml:"asked_of" json:"asked_of"`
	Question Text            `yaml:"question" json:"question"`
	Subject  Text            `yaml:"subject" json:"subject"`
	Values   map[string]Text `yaml:"values" json:"values,omitempty"`
	// Unsaid, when set, is what a call that says nothing of the fact is
	// read as (an exception no caller mentions is not claimed: a works not
	// said to be an emergency is not one), by a notice's interpretation.
	Unsaid *Unsaid `yaml:"unsaid" json:"unsaid,omitempty"`
}

// Unsaid is the value a fact takes when a call says nothing of it: Value
// (as a query gives it), the notice interpretation that reads silence so
// (Interpretation, its id) and the sentence that says the other outcome
// (Say: 是抢险、救灾紧急施工的，…). The hotline never answers 可以 from it.
type Unsaid struct {
	Value          string `yaml:"value" json:"value"`
	Interpretation string `yaml:"interpretation" json:"interpretation"`
	Say            Text   `yaml:"say" json:"say"`
}

// Report is words that ask for a phone number about a matter no activity
// names (着火了, 城管), and the notice contact they mean; or the notices
// whose acts are reported to that contact (a notice that prints no number
// of its own names the department that enforces it, whose number another
// notice prints), so that a report of an act one of them covers gets that
// number alone, not every number of every notice that covers the act.
type Report struct {
	Words   []string
	Notices []string
	Contact string
	// Alarm marks words that report by themselves (山上着火了): a call
	// with one of them and no act asked about gets the contact, though it
	// says no 举报 or 电话.
	Alarm bool
}

// Period is what callers call a period the rules read (禁火期, 专项整治期,
// 缴费期): a question asking when it begins or ends (禁火期什么时候结束)
// is answered from the windows it names, and from the conditions that
// extend it without dates (重点森林防火区全年防火), each with its notice
// and article.
type Period struct {
	Words      []string
	Windows    []*rules.Window
	Conditions []*rules.Condition
}

// Ask is question words that ask for some of the rules' terms — the
// amounts, days, bodies and manners a rule's `terms:` state (多少钱 → fee,
// assistance; 谁负责 → the body responsible): a call that says one is
// answered with those terms of the rules deciding it, first, rather than
// with a bare verdict. Kind, beside or instead of Words, names a kind of
// question of the hotline's Mandarin grammar (money, benefits, deadline:
// mandarin.yaml) whose words ask the same; the hotline checks it. Quote
// asks for what the notice says (对停车是怎么规定的): the deciding rule's
// own sentence is said.
type Ask struct {
	Kind  string
	Words []string
	Terms []string
	Quote bool
	// Unstated are terms a caller may ask for that the rules need not
	// state (报销比例, 退费): asked of an allowed act whose deciding rules
	// state none of them, the answer is no rule on that term, named —
	// never 可以 for the act. They are not checked against the rules; the
	// hotline's catalogue names each (term_name.<term>). Terms are then
	// what is said beside it.
	Unstated []string
	// Text are the words in which a notice's text would state an unstated
	// term (登记, 报备, 备案): asked of any act, its answer keeps its verdict
	// and says which deciding notices' texts hold none of them (8号 says
	// nothing of registering) — a notice whose text holds one is not said.
	Text []string
	// Each says the terms for each value of a fact the call leaves open,
	// when the rules give them only for some (医保有补贴没: the help of 特困
	// and of 低保, said apart, not the fee of one who has none).
	Each bool
	// Refused asks only of an act the call says is not done (医保不交犯法啵,
	// 不买医保会罚款不): what not doing it brings, or that no rule punishes
	// it — not the terms of doing it.
	Refused bool
	// File and Pos are where the entry is written, for the hotline's
	// errors about its kind.
	File string
	Pos  rules.Pos
}

// Listed is an act no encoded notice covers whose subject a document of
// the rule set's register is about (钓鱼: the notice on angling in the
// river): a call of it is answered no rule, naming the listed document
// in force whose title holds Title — the rule base lists it but does not
// hold its text.
type Listed struct {
	Words []string
	Title string
	// File and Pos are where the entry is written, for the hotline's
	// error when no listed document's title holds Title.
	File string
	Pos  rules.Pos
}

// Duty is what callers call a duty of the notices (门前三包, 入库) — an
// obligation the notice puts on someone other than the caller (a shop's
// frontage, a town's cash, a residents' committee's clearing): a call
// that says one of Words, and one of With when there are any, and asks
// who or what (哪个负责, 要管么子: the grammar's duty words) is answered
// with who bears it and the notice's own sentence.
type Duty struct {
	Words []string
	With  []string
	// Unless are words that, said, make the entry's words mean something
	// else (开始交了冇 asks whether collection has begun, not a record).
	Unless []string
	// Lookup: the words ask by themselves for a record only the one who
	// bears the duty keeps (我爸医保交了冇), which the hotline cannot look
	// up — answered with where it is kept, never with a verdict.
	Lookup bool
	Duty   *rules.Duty
}

// Vocabulary is the merged vocabulary of a rule set's roots. It is
// immutable once loaded.
type Vocabulary struct {
	Activities []Activity
	Acts       []Act
	Phrases    []Phrase
	Distance   Distance
	DaysSince  Count
	DayLimits  []DayLimit
	// Measures are number facts said with their own words and unit,
	// merged over files and roots.
	Measures []Measure
	// OwnFact is the bool fact that says the place is the caller's own
	// (我家山上): when someone else is said to do the act there (别人到我家
	// 山上摘茶籽) the place is not theirs, and the fact is denied. "" for
	// none.
	OwnFact string
	// Days are day words as offsets from the day of the call (今朝 0).
	Days map[string]int
	// Festivals map everyday names to the calendar's (上坟节 → 清明).
	Festivals map[string]string
	// Customs map what is done on a festival to it (挂青 → 清明): its day
	// when no other day is said (冬至去坟上挂青 is about 冬至).
	Customs   map[string]string
	LunarDays map[string]LunarDay
	// TermDays map everyday words to a solar term's day (开春 → 立春).
	TermDays  map[string]TermDay
	Questions map[string]Question
	Reports   []Report
	// Listed are acts no notice covers that a listed document is about.
	Listed  []Listed
	Periods []Period
	// Asks are the question words that ask for the rules' terms, and
	// Unasked the terms said when a call asks for none (the amount).
	Asks    []Ask
	Unasked []string
	// Duties are the duties callers ask about by their words.
	Duties []Duty
	// Nouns are the noun classes frames name (refuse: 垃圾, 空瓶子, …),
	// merged over files and roots.
	Nouns map[string][]string
	// Topics are the words that mark a call as touching one of the rule
	// set's notices (火, 鞭炮, 油茶, 垃圾, 摊, 医保): a question of an act no
	// word names, in a call with none of them, is of an act no rule covers.
	Topics []string
	// OutsidePlaces are places near the rule set's area that callers name
	// (a neighbouring county), by GB/T 2260 code: none of the notices
	// applies there, so an act said to be done there is under none of
	// them. Merged over files and roots.
	OutsidePlaces map[string]string
	// Files are the files read, as errors name them.
	Files []string
}

// Root is one rule root to read vocabulary from, with the name errors
// give it ("rules/", "embedded").
type Root struct {
	FS   fs.FS
	Name string
}

// Load reads vocabulary/*.yaml of every root, in order, and checks every
// name against set and cal. A root without a vocabulary directory adds
// nothing.
func Load(ctx context.Context, set *rules.Set, cal *calendar.Calendar, roots ...Root) (*Vocabulary, error) {
	l := &loader{set: set, cal: cal, v: &Vocabulary{Days: map[string]int{}, Festivals: map[string]string{}, Customs: map[string]string{},
		LunarDays: map[string]LunarDay{}, TermDays: map[string]TermDay{}, Questions: map[string]Question{}, Distance: Distance{Units: map[string]float64{}},
		Nouns: map[string][]string{}, OutsidePlaces: map[string]string{}}}
	for _, root := range roots {
		r := fsread.New(ctx, root.FS, root.Name, fsread.Limits{})
		entries, err := fs.ReadDir(root.FS, Dir)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("vocabulary: %w", err)
		}
		for _, e := range entries {
			if e.IsDir() || !strings.HasSuffix(e.Name(), ".yaml") {
				continue
			}
			name := path.Join(Dir, e.Name())
			data, err := r.ReadFile(name)
			if err != nil {
				return nil, fmt.Errorf("vocabulary: %w", err)
			}
			file := r.Path(name)
			l.v.Files = append(l.v.Files, file)
			l.file(file, data)
		}
	}
	l.expand()
	if len(l.errs) > 0 {
		sort.SliceStable(l.errs, func(i, j int) bool {
			a, b := l.errs[i], l.errs[j]
			if a.File != b.File {
				return a.File < b.File
			}
			if a.Pos.Line != b.Pos.Line {
				return a.Pos.Line < b.Pos.Line
			}
			return a.Pos.Col < b.Pos.Col
		})
		return nil, l.errs
	}
	return l.v, nil
}

// FileSpec is one vocabulary file as written, every key with its YAML name;
// package schema generates the files' JSON Schema from it.
type FileSpec = fileSpec

// fileSpec is one vocabulary file as written; every key is optional.
type fileSpec struct {
	Activities []struct {
		Activity rules.Str   `yaml:"activity"`
		Words    []string    `yaml:"words"`
		Frames   []Frame     `yaml:"frames"`
		Partial  rules.Str   `yaml:"partial"`
		Manners  []rules.Str `yaml:"manners"`
		Beside   bool        `yaml:"beside"`
		Anywhere bool        `yaml:"anywhere"`
		// Unless are facts that, said in the call, make a manner's words
		// name the act it is a way of (Activity.Unless)
		Unless map[string]rules.Str `yaml:"unless"`
	} `yaml:"activities"`
	Acts []struct {
		Words  []string `yaml:"words"`
		Frames []Frame  `yaml:"frames"`
	} `yaml:"acts"`
	Phrases []struct {
		Facts  map[string]rules.Str `yaml:"facts"`
		Range  []float64            `yaml:"range"`
		Note   string               `yaml:"note"`
		NoteEN string               `yaml:"note_en"`
		Words  []string             `yaml:"words"`
		Pos    rules.Str            `yaml:"fact"`
		About  rules.Str            `yaml:"about"`
		// Presumes names facts of Facts the phrase only presumes.
		Presumes []rules.Str `yaml:"presumes"`
		// Place is the division the words name: a name of the rule
		// set's divisions.csv or a code
		Place rules.Str `yaml:"place"`
		// Modified are nouns ending some of Words that a modifier may
		// come before (Phrase.Modified)
		Modified []rules.Str `yaml:"modified"`
		// Unless are facts that, said in the call, undo the phrase's
		Unless map[string]rules.Str `yaml:"unless"`
		// Of are the activities the phrase's facts are read for
		// (Value.Of)
		Of []rules.Str `yaml:"of"`
	} `yaml:"phrases"`
	Distance *struct {
		Fact     rules.Str          `yaml:"fact"`
		Prefixes []string           `yaml:"prefixes"`
		Nouns    []string           `yaml:"nouns"`
		Units    map[string]float64 `yaml:"units"`
		Within   []string           `yaml:"within"`
		Beyond   []string           `yaml:"beyond"`
		Above    []string           `yaml:"above"`
		Vague    []string           `yaml:"vague"`
		// LandmarkAfter are the words that put the landmark after the
		// distance (隔二十米就是林子)
		LandmarkAfter []string `yaml:"landmark_after"`
	} `yaml:"distance"`
	// OwnFact is the bool fact that says the place is the caller's own
	// (我家山上): said of an act someone else does there, it is denied.
	OwnFact   rules.Str `yaml:"own_fact"`
	DaysSince *struct {
		Fact     rules.Str `yaml:"fact"`
		Prefixes []string  `yaml:"prefixes"`
		Units    []string  `yaml:"units"`
	} `yaml:"days_since"`
	DayLimits []struct {
		Pos      rules.Str            `yaml:"limit"`
		Prefixes []string             `yaml:"prefixes"`
		Units    []string             `yaml:"units"`
		Within   map[string]rules.Str `yaml:"within"`
		Beyond   map[string]rules.Str `yaml:"beyond"`
		// Events: said right after a day (伢子8月5号生的, 上个月20号出生的),
		// the day the event happened; the count is from it to the call's day.
		Events []string  `yaml:"events"`
		About  rules.Str `yaml:"about"`
	} `yaml:"day_limits"`
	// Measures are number facts said as a number and a unit after words
	// of their own (风力四级: fact wind_force, prefixes [风力], units {级: 1})
	Measures []struct {
		Fact     rules.Str          `yaml:"fact"`
		Prefixes []string           `yaml:"prefixes"`
		Units    map[string]float64 `yaml:"units"`
		After    []string           `yaml:"after"`
	} `yaml:"measures"`
	Days      map[string]int       `yaml:"days"`
	Festivals map[string]rules.Str `yaml:"festivals"`
	// Customs: what is done on a festival (挂青 → 清明), naming its day
	// only when the caller says no other.
	Customs   map[string]rules.Str `yaml:"customs"`
	LunarDays map[string]struct {
		Date        rules.Str `yaml:"date"`
		Note        string    `yaml:"note"`
		Alternative string    `yaml:"alternative"`
		// Since: a word that says the time after the day (过了年) names
		// the time from then on, which is now when the call is at most
		// this many days after it (过了年才去交医保, said in 正月)
		Since int `yaml:"since"`
		// HolidayAfter: said before the public holiday that holds the
		// day is over, the word names that holiday's first day after, as
		// 过完节 is read (过完年 said in 腊月)
		HolidayAfter bool `yaml:"holiday_after"`
	} `yaml:"lunar_days"`
	// TermDays are everyday words for a solar term's day (开春 → 立春),
	// with the reading chosen.
	TermDays map[string]struct {
		Term        rules.Str `yaml:"term"`
		Note        string    `yaml:"note"`
		Alternative string    `yaml:"alternative"`
		// Since: said at most this many days after the term, the time
		// after it is now, as a lunar day's since
		Since int `yaml:"since"`
	} `yaml:"term_days"`
	Questions map[string]struct {
		AskedOf  rules.Str       `yaml:"asked_of"`
		Question Text            `yaml:"question"`
		Subject  Text            `yaml:"subject"`
		Values   map[string]Text `yaml:"values"`
		Unsaid   *struct {
			Value          rules.Str `yaml:"value"`
			Interpretation rules.Str `yaml:"interpretation"`
			Say            Text      `yaml:"say"`
		} `yaml:"unsaid"`
	} `yaml:"questions"`
	Reports []struct {
		Words   []string    `yaml:"words"`
		Notices []rules.Str `yaml:"notices"`
		Contact rules.Str   `yaml:"contact"`
		// Alarm: said by themselves, the words report (山上着火了) — no
		// 举报 or 电话 needed when no act is asked about.
		Alarm bool `yaml:"alarm"`
	} `yaml:"reports"`
	Listed []struct {
		Words []string  `yaml:"words"`
		Title rules.Str `yaml:"title"`
	} `yaml:"listed"`
	Periods []struct {
		Words      []rules.Str `yaml:"words"`
		Windows    []rules.Str `yaml:"windows"`
		Conditions []rules.Str `yaml:"conditions"`
	} `yaml:"periods"`
	Asks []struct {
		Kind     rules.Str   `yaml:"kind"`
		Words    []string    `yaml:"words"`
		Terms    []rules.Str `yaml:"terms"`
		Quote    bool        `yaml:"quote"`
		Unstated []string    `yaml:"unstated"`
		Text     []string    `yaml:"text"`
		Each     bool        `yaml:"each"`
		Refused  bool        `yaml:"refused"`
	} `yaml:"asks"`
	Unasked []rules.Str `yaml:"unasked"`
	Duties  []struct {
		Duty   rules.Str `yaml:"duty"`
		Words  []string  `yaml:"words"`
		With   []string  `yaml:"with"`
		Unless []string  `yaml:"unless"`
		Lookup bool      `yaml:"lookup"`
	} `yaml:"duties"`
	// Nouns are noun classes: a name and the words of things of that kind.
	Nouns  map[string][]string `yaml:"nouns"`
	Topics []rules.Str         `yaml:"topics"`
	// OutsidePlaces are places outside the rule set's area callers name,
	// by GB/T 2260 code (祁东县 beside 祁阳市).
	OutsidePlaces map[string]rules.Str `yaml:"outside_places"`
}

type loader struct {
	set  *rules.Set
	cal  *calendar.Calendar
	v    *Vocabulary
	errs rules.ErrorList
	cur  string
	// classed are the frames that name noun classes, filled in when every
	// file is read (a class may be written in another file or root)
	classed []classedFrame
}

// classedFrame is a frame naming noun classes, with where it is written.
type classedFrame struct {
	file string
	pos  rules.Pos
	f    *Frame
}

func (l *loader) errorf(p rules.Pos, format string, args ...any) {
	l.errs = append(l.errs, &rules.Error{File: l.cur, Pos: p, Msg: fmt.Sprintf(format, args...)})
}

// decodeFile decodes a vocabulary file: from the snapshot when it was
// made from these bytes (snapshot.go), else by the YAML decoder.
func decodeFile(data []byte) (fileSpec, error) {
	if spec := fromSnapshot(data); spec != nil {
		return *spec, nil
	}
	return decodeYAML(data)
}

// decodeYAML decodes a vocabulary file by the YAML decoder.
func decodeYAML(data []byte) (fileSpec, error) {
	var spec fileSpec
	err := yaml.UnmarshalWithOptions(data, &spec, yaml.DisallowUnknownField(), yaml.Strict())
	return spec, err
}

func (l *loader) file(file string, data []byte) {
	l.cur = file
	spec, err := decodeFile(data)
	if err != nil {
		e := rules.YAMLError(file, err)
		l.errorf(e.Pos, "%s", firstLine(e.Msg))
		return
	}
	for _, a := range spec.Activities {
		if _, ok := l.activity(a.Activity); !ok {
			continue
		}
		if len(a.Words) == 0 && len(a.Frames) == 0 {
			l.errorf(a.Activity.Pos, "activity %s: give words or frames", a.Activity.Value)
		}
		l.frames(a.Activity.Pos, a.Frames)
		l.classes(a.Activity.Pos, a.Frames)
		act := Activity{ID: a.Activity.Value, Words: a.Words, Frames: a.Frames, Beside: a.Beside, Anywhere: a.Anywhere, Unless: l.values(a.Unless)}
		if a.Partial.Value != "" {
			if p, ok := l.activity(a.Partial); ok {
				act.Partial = p.ID
			}
		}
		for _, m := range a.Manners {
			if ma, ok := l.activity(m); ok {
				if ma.ID == act.ID {
					l.errorf(m.Pos, "activity %s: a manner of itself", m.Value)
					continue
				}
				act.Manners = append(act.Manners, ma.ID)
			}
		}
		l.v.Activities = append(l.v.Activities, act)
	}
	for _, a := range spec.Acts {
		l.frames(rules.Pos{}, a.Frames)
		l.classes(rules.Pos{}, a.Frames)
		l.v.Acts = append(l.v.Acts, Act{Words: a.Words, Frames: a.Frames})
	}
	for _, w := range spec.Topics {
		if w.Value == "" {
			l.errorf(w.Pos, "an empty topic word")
			continue
		}
		l.v.Topics = append(l.v.Topics, w.Value)
	}
	l.outsidePlaces(spec.OutsidePlaces)
	for name, words := range spec.Nouns {
		if len(words) == 0 {
			l.errorf(rules.Pos{}, "noun class %s has no words", name)
		}
		l.v.Nouns[name] = append(l.v.Nouns[name], words...)
	}
	for _, ph := range spec.Phrases {
		if len(ph.Words) == 0 {
			l.errorf(ph.Pos.Pos, "a phrase needs words")
		}
		out := Phrase{Words: ph.Words, Note: ph.Note, NoteEN: ph.NoteEN}
		if ph.About.Value != "" {
			if a, ok := l.activity(ph.About); ok {
				out.About = a.ID
			}
		}
		if ph.Pos.Value != "" { // fact: name with range: [lo, hi]
			f, ok := l.fact(ph.Pos)
			if ok && (f.Kind != cond.Number || len(ph.Range) != 2 || ph.Range[0] > ph.Range[1]) {
				l.errorf(ph.Pos.Pos, "fact %s: a range phrase needs a number fact and range: [lo, hi]", f.Name)
				continue
			}
			if ok {
				out.Facts = append(out.Facts, Value{Fact: f.Name, V: [2]float64{ph.Range[0], ph.Range[1]}})
			}
		}
		before := len(l.errs)
		out.Facts = append(out.Facts, l.values(ph.Facts)...)
		for _, name := range ph.Presumes {
			k := slices.IndexFunc(out.Facts, func(v Value) bool { return v.Fact == name.Value })
			if k < 0 {
				l.errorf(name.Pos, "phrase %v presumes %q, which is not one of its facts", ph.Words, name.Value)
				continue
			}
			out.Facts[k].Presumed = true
		}
		if ph.Place.Value != "" {
			out.Place = l.place(ph.Place)
		}
		out.Unless = l.values(ph.Unless)
		var of []string
		for _, id := range ph.Of {
			if a, ok := l.activity(id); ok {
				of = append(of, a.ID)
			}
		}
		for k := range out.Facts {
			out.Facts[k].Of = of
		}
		for _, n := range ph.Modified {
			if !slices.ContainsFunc(ph.Words, func(w string) bool { return len(w) > len(n.Value) && strings.HasSuffix(w, n.Value) }) {
				l.errorf(n.Pos, "phrase %v: modified %q ends none of its words", ph.Words, n.Value)
				continue
			}
			out.Modified = append(out.Modified, n.Value)
		}
		if len(out.Facts) == 0 && out.Place == "" && len(l.errs) == before {
			l.errorf(ph.Pos.Pos, "phrase %v states no fact", ph.Words)
		}
		l.v.Phrases = append(l.v.Phrases, out)
	}
	if d := spec.Distance; d != nil {
		if f, ok := l.fact(d.Fact); ok {
			if f.Kind != cond.Number {
				l.errorf(d.Fact.Pos, "distance: fact %s is not a number", f.Name)
			}
			l.v.Distance = Distance{Fact: f.Name, Prefixes: d.Prefixes, Nouns: d.Nouns, Units: d.Units, Within: d.Within, Beyond: d.Beyond, Above: d.Above, Vague: d.Vague, LandmarkAfter: d.LandmarkAfter}
		}
	}
	if spec.OwnFact.Value != "" {
		if f, ok := l.fact(spec.OwnFact); ok {
			if f.Kind != cond.Bool {
				l.errorf(spec.OwnFact.Pos, "own_fact: fact %s is not a bool", f.Name)
			}
			l.v.OwnFact = f.Name
		}
	}
	if d := spec.DaysSince; d != nil {
		if f, ok := l.fact(d.Fact); ok {
			l.v.DaysSince = Count{Fact: f.Name, Prefixes: d.Prefixes, Units: d.Units}
		}
	}
	for _, d := range spec.DayLimits {
		n, err := strconv.Atoi(d.Pos.Value)
		if err != nil || n <= 0 || len(d.Prefixes) == 0 || len(d.Units) == 0 {
			l.errorf(d.Pos.Pos, "day_limits: want limit (a whole number of days above 0), prefixes and units")
			continue
		}
		out := DayLimit{Prefixes: d.Prefixes, Units: d.Units, Events: d.Events, Limit: n, Within: l.values(d.Within), Beyond: l.values(d.Beyond)}
		if len(out.Within) == 0 || len(out.Beyond) == 0 {
			l.errorf(d.Pos.Pos, "day_limits: within and beyond must each state a fact")
		}
		if d.About.Value != "" {
			if a, ok := l.activity(d.About); ok {
				out.About = a.ID
			}
		}
		l.v.DayLimits = append(l.v.DayLimits, out)
	}
	for _, m := range spec.Measures {
		f, ok := l.fact(m.Fact)
		if !ok {
			continue
		}
		if f.Kind != cond.Number || len(m.Prefixes) == 0 || len(m.Units) == 0 {
			l.errorf(m.Fact.Pos, "measures: fact %s needs to be a number fact, with prefixes and units", f.Name)
			continue
		}
		l.v.Measures = append(l.v.Measures, Measure{Fact: f.Name, Prefixes: m.Prefixes, Units: m.Units, After: m.After})
	}
	for w, n := range spec.Days {
		l.v.Days[w] = n
	}
	for _, fs := range []struct {
		spec map[string]rules.Str
		out  map[string]string
	}{{spec.Festivals, l.v.Festivals}, {spec.Customs, l.v.Customs}} {
		for w, name := range fs.spec {
			if _, err := l.cal.Festival(name.Value, 2025); err != nil {
				if _, err2 := l.cal.HolidayPeriod(name.Value, 2025); err2 != nil {
					l.errorf(name.Pos, "festival %q for %q: the calendar does not know it", name.Value, w)
					continue
				}
			}
			fs.out[w] = name.Value
		}
	}
	for w, ld := range spec.LunarDays {
		d, err := calendar.ParseLunarDate(ld.Date.Value)
		if err != nil {
			l.errorf(ld.Date.Pos, "lunar day %q: %v", w, err)
			continue
		}
		if ld.Since < 0 || ld.Since > 366 {
			l.errorf(ld.Date.Pos, "lunar day %q: since %d is not 0 to 366 days", w, ld.Since)
		}
		l.v.LunarDays[w] = LunarDay{Date: d, Note: ld.Note, Alternative: ld.Alternative, Since: ld.Since, HolidayAfter: ld.HolidayAfter}
	}
	for w, td := range spec.TermDays {
		if _, err := l.cal.SolarTerm(td.Term.Value, 2025); err != nil {
			l.errorf(td.Term.Pos, "term day %q: %v", w, err)
			continue
		}
		if td.Since < 0 || td.Since > 366 {
			l.errorf(td.Term.Pos, "term day %q: since %d is not 0 to 366 days", w, td.Since)
		}
		l.v.TermDays[w] = TermDay{Term: td.Term.Value, Note: td.Note, Alternative: td.Alternative, Since: td.Since}
	}
	for name, q := range spec.Questions {
		f, ok := l.set.Fact(name)
		if !ok {
			l.errorf(q.AskedOf.Pos, "question for %q: no such fact in facts.yaml", name)
			continue
		}
		if q.AskedOf.Value != "caller" && q.AskedOf.Value != "operator" {
			l.errorf(q.AskedOf.Pos, "question for %s: asked_of is caller or operator, not %q", name, q.AskedOf.Value)
		}
		for v := range q.Values {
			if f.Kind == cond.Enum && f.Canonical(v) == "" || f.Kind == cond.Bool && v != "true" && v != "false" {
				l.errorf(q.AskedOf.Pos, "question for %s: %q is not one of its values", name, v)
			}
		}
		question := Question{AskedOf: q.AskedOf.Value, Question: q.Question, Subject: q.Subject, Values: q.Values}
		if u := q.Unsaid; u != nil {
			if f.Kind == cond.Enum && f.Canonical(u.Value.Value) == "" || f.Kind == cond.Bool && u.Value.Value != "true" && u.Value.Value != "false" || f.Kind == cond.Number {
				l.errorf(u.Value.Pos, "question for %s: unsaid %q is not one of its values", name, u.Value.Value)
			}
			if !l.hasInterpretation(u.Interpretation.Value) {
				l.errorf(u.Interpretation.Pos, "question for %s: unsaid: no notice has the interpretation %q", name, u.Interpretation.Value)
			}
			if u.Say.ZH == "" || u.Say.EN == "" {
				l.errorf(u.Value.Pos, "question for %s: unsaid needs say in zh and en (the other outcome)", name)
			}
			question.Unsaid = &Unsaid{Value: u.Value.Value, Interpretation: u.Interpretation.Value, Say: u.Say}
		}
		l.v.Questions[name] = question
	}
	for _, r := range spec.Reports {
		if len(r.Words) == 0 && len(r.Notices) == 0 {
			l.errorf(r.Contact.Pos, "report: neither words nor notices lead to %q", r.Contact.Value)
			continue
		}
		if !l.contactExists(r.Contact.Value) {
			l.errorf(r.Contact.Pos, "report: no notice has a contact named like %q", r.Contact.Value)
			continue
		}
		var ns []string
		for _, n := range r.Notices {
			nt, ok := l.set.Notice(n.Value)
			if !ok {
				l.errorf(n.Pos, "report: no notice %q in the rule set", n.Value)
				continue
			}
			ns = append(ns, nt.Number)
		}
		l.v.Reports = append(l.v.Reports, Report{Words: r.Words, Notices: ns, Contact: r.Contact.Value, Alarm: r.Alarm})
	}
	for _, ls := range spec.Listed {
		if len(ls.Words) == 0 || ls.Title.Value == "" {
			l.errorf(ls.Title.Pos, "listed: give words and the title's words of the document")
			continue
		}
		l.v.Listed = append(l.v.Listed, Listed{Words: ls.Words, Title: ls.Title.Value, File: l.cur, Pos: ls.Title.Pos})
	}
	for _, pd := range spec.Periods {
		l.period(pd.Words, pd.Windows, pd.Conditions)
	}
	for _, a := range spec.Asks {
		at := a.Kind.Pos
		if a.Kind.Value == "" && len(a.Terms) > 0 {
			at = a.Terms[0].Pos
		}
		if a.Kind.Value == "" && len(a.Words) == 0 {
			l.errorf(at, "asks: give words or a kind of question")
			continue
		}
		if len(a.Terms) == 0 && !a.Quote && len(a.Unstated) == 0 {
			l.errorf(at, "asks: give the terms asked for, unstated terms, or quote: true")
			continue
		}
		if len(a.Text) > 0 && len(a.Unstated) == 0 {
			l.errorf(at, "asks: text names the words of an unstated term: give unstated")
			continue
		}
		out := Ask{Kind: a.Kind.Value, Words: a.Words, Quote: a.Quote, Unstated: a.Unstated, Text: a.Text, Each: a.Each, Refused: a.Refused, File: l.cur, Pos: a.Kind.Pos}
		for _, t := range a.Terms {
			if l.term(t) {
				out.Terms = append(out.Terms, t.Value)
			}
		}
		l.v.Asks = append(l.v.Asks, out)
	}
	for _, t := range spec.Unasked {
		if l.term(t) {
			l.v.Unasked = append(l.v.Unasked, t.Value)
		}
	}
	for _, d := range spec.Duties {
		if len(d.Words) == 0 {
			l.errorf(d.Duty.Pos, "duties: %q needs words", d.Duty.Value)
			continue
		}
		var found []*rules.Duty
		for _, n := range l.set.Notices {
			for _, du := range n.Duties {
				if du.ID == d.Duty.Value {
					found = append(found, du)
				}
			}
		}
		if len(found) != 1 {
			l.errorf(d.Duty.Pos, "duties: %d notices have a duty %q, want one", len(found), d.Duty.Value)
			continue
		}
		l.v.Duties = append(l.v.Duties, Duty{Words: d.Words, With: d.With, Unless: d.Unless, Lookup: d.Lookup, Duty: found[0]})
	}
}

// term reports whether some rule of the set states a term named t, and
// reports an error where t is written when none does.
func (l *loader) term(t rules.Str) bool {
	for _, n := range l.set.Notices {
		for _, r := range n.Rules {
			for _, x := range r.Terms {
				if x.Name == t.Value {
					return true
				}
			}
		}
	}
	l.errorf(t.Pos, "asks: no rule of the rule set states a term %q", t.Value)
	return false
}

// period checks a period's names — each a window or condition id of
// exactly one notice — and adds it.
func (l *loader) period(said, windows, conds []rules.Str) {
	all := append(append(append([]rules.Str{}, said...), windows...), conds...)
	if len(said) == 0 || len(windows)+len(conds) == 0 {
		var at rules.Pos
		if len(all) > 0 {
			at = all[0].Pos
		}
		l.errorf(at, "a period needs words and windows or conditions")
		return
	}
	words := make([]string, len(said))
	for i, w := range said {
		words[i] = w.Value
	}
	out := Period{Words: words}
	for _, s := range windows {
		if w, ok := only(l, s, words[0], "window", func(n *rules.Notice) []*rules.Window { return n.Windows },
			func(w *rules.Window) string { return w.ID }); ok {
			out.Windows = append(out.Windows, w)
		}
	}
	for _, s := range conds {
		if c, ok := only(l, s, words[0], "condition", func(n *rules.Notice) []*rules.Condition { return n.Conditions },
			func(c *rules.Condition) string { return c.ID }); ok {
			out.Conditions = append(out.Conditions, c)
		}
	}
	l.v.Periods = append(l.v.Periods, out)
}

// only is the one item (a window, a condition) of the rule set's notices
// whose id s names, for the period said as first; an error when none or
// several notices have it.
func only[T any](l *loader, s rules.Str, first, kind string, items func(*rules.Notice) []T, id func(T) string) (T, bool) {
	var found []T
	for _, n := range l.set.Notices {
		for _, it := range items(n) {
			if id(it) == s.Value {
				found = append(found, it)
			}
		}
	}
	if len(found) != 1 {
		l.errorf(s.Pos, "period %s: %d notices have a %s %q, want one", first, len(found), kind, s.Value)
		var zero T
		return zero, false
	}
	return found[0], true
}

func (l *loader) activity(s rules.Str) (*rules.Activity, bool) {
	for _, a := range l.set.Activities {
		if a.ID == s.Value {
			return a, true
		}
	}
	l.errorf(s.Pos, "no activity %q in the rule set", s.Value)
	return nil, false
}

func (l *loader) fact(s rules.Str) (*rules.Fact, bool) {
	f, ok := l.set.Fact(s.Value)
	if !ok {
		l.errorf(s.Pos, "no fact %q in facts.yaml", s.Value)
	}
	return f, ok
}

func (l *loader) frames(p rules.Pos, fs []Frame) {
	for _, f := range fs {
		if len(f.Verbs) == 0 || len(f.Objects) == 0 && len(f.Classes) == 0 {
			l.errorf(p, "a frame needs verbs and objects (or classes)")
		}
	}
}

// classes notes the frames of fs that name noun classes, to be filled in
// by expand once every file is read.
func (l *loader) classes(p rules.Pos, fs []Frame) {
	for i := range fs {
		if len(fs[i].Classes) > 0 {
			l.classed = append(l.classed, classedFrame{file: l.cur, pos: p, f: &fs[i]})
		}
	}
}

// expand adds the words of each class a frame names to its objects; a
// class no file defines is an error where the frame is written.
func (l *loader) expand() {
	for _, c := range l.classed {
		for _, name := range c.f.Classes {
			words, ok := l.v.Nouns[name]
			if !ok {
				l.cur = c.file
				l.errorf(c.pos, "no noun class %q (nouns: in a vocabulary file)", name)
				continue
			}
			for _, w := range words {
				if !slices.Contains(c.f.Objects, w) {
					c.f.Objects = append(c.f.Objects, w)
				}
			}
		}
	}
}

// outsidePlaces adds a file's places outside the rule set's area: each a
// code and a name, lying neither within a division a notice applies in
// nor holding one (a county beside the city, not the prefecture that
// holds it) — else naming it would take a call out of its own rules.
func (l *loader) outsidePlaces(m map[string]rules.Str) {
	for _, code := range slices.Sorted(maps.Keys(m)) {
		name := m[code]
		c, err := division.Parse(code)
		switch {
		case err != nil:
			l.errorf(name.Pos, "outside place %q: %v", name.Value, err)
			continue
		case strings.TrimSpace(name.Value) == "":
			l.errorf(name.Pos, "outside place %s has no name", code)
			continue
		}
		for _, n := range l.set.Notices {
			if slices.ContainsFunc(n.AppliesIn, func(d division.Code) bool { return d.Covers(c) || c.Covers(d) }) {
				l.errorf(name.Pos, "outside place %s (%s) is within or holds where notice %s applies", name.Value, code, n.Number)
				break
			}
		}
		if prev, dup := l.v.OutsidePlaces[c.String()]; dup && prev != name.Value {
			l.errorf(name.Pos, "outside place %s is %s elsewhere", code, prev)
			continue
		}
		l.v.OutsidePlaces[c.String()] = name.Value
	}
}

// values converts a phrase's facts, written as scalars, to their kinds.
// place is the division code a phrase's place: names, "" (with an
// error where it is written) when the rule set's divisions do not name
// exactly one.
func (l *loader) place(s rules.Str) string {
	if l.set.Divisions == nil {
		l.errorf(s.Pos, "place %q: the rule set has no divisions.csv", s.Value)
		return ""
	}
	cs, err := l.set.Divisions.Resolve(s.Value)
	switch {
	case err != nil:
		l.errorf(s.Pos, "%v", err)
		return ""
	case len(cs) != 1:
		l.errorf(s.Pos, "place %q names %d divisions: give its code", s.Value, len(cs))
		return ""
	}
	return cs[0].String()
}

func (l *loader) values(m map[string]rules.Str) []Value {
	names := make([]string, 0, len(m))
	for k := range m {
		names = append(names, k)
	}
	sort.Strings(names)
	var out []Value
	for _, name := range names {
		s := m[name]
		f, ok := l.set.Fact(name)
		if !ok {
			l.errorf(s.Pos, "no fact %q in facts.yaml", name)
			continue
		}
		switch f.Kind {
		case cond.Bool:
			b, err := strconv.ParseBool(s.Value)
			if err != nil {
				l.errorf(s.Pos, "fact %s: want true or false, not %q", name, s.Value)
				continue
			}
			out = append(out, Value{Fact: name, V: b})
		case cond.Enum:
			c := f.Canonical(s.Value)
			if c == "" {
				l.errorf(s.Pos, "fact %s: %q is not one of %s", name, s.Value, strings.Join(f.Values, ", "))
				continue
			}
			out = append(out, Value{Fact: name, V: c})
		default:
			x, err := strconv.ParseFloat(s.Value, 64)
			if err != nil {
				l.errorf(s.Pos, "fact %s: want a number, not %q", name, s.Value)
				continue
			}
			out = append(out, Value{Fact: name, V: [2]float64{x, x}})
		}
	}
	return out
}

func (l *loader) contactExists(name string) bool {
	for _, n := range l.set.Notices {
		for _, c := range n.Contacts {
			if strings.Contains(c.Name, name) {
				return true
			}
		}
	}
	return false
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return strings.TrimSpace(s[:i])
	}
	return s
}

// hasInterpretation reports whether a notice of the rule set records the
// interpretation id.
func (l *loader) hasInterpretation(id string) bool {
	for _, n := range l.set.Notices {
		for _, it := range n.Interpretations {
			if it.ID == id {
				return true
			}
		}
	}
	return false
}
