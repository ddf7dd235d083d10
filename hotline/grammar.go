package hotline

import (
	"fmt"
	"reflect"
	"sort"
	"sync"

	"github.com/goccy/go-yaml"
	"github.com/tonggao/tonggao/hotline/dates"
)

// grammar is the Mandarin the hotline reads whatever the rule set
// (mandarin.yaml): day words, negation, focus, the words that say what
// is asked (when, how much, a document, a phone number) and filler.
type grammar struct {
	Days     map[string]int `yaml:"days"`
	WeakDays map[string]int `yaml:"weak_days"`
	Months   map[string]int `yaml:"months"`
	Years    map[string]int `yaml:"years"`
	// NotYears are words a year word is part of without naming one (年前年后).
	NotYears []string `yaml:"not_years"`
	// LunarMonths are lunar months said alone (2026年正月结婚).
	LunarMonths map[string]int    `yaml:"lunar_months"`
	MonthParts  map[string]int    `yaml:"month_parts"`
	MonthSpans  map[string][2]int `yaml:"month_spans"`
	YearParts   map[string]int    `yaml:"year_parts"`
	YearTerms   []string          `yaml:"year_terms"`
	Week        struct {
		This     []string       `yaml:"this"`
		Next     []string       `yaml:"next"`
		Last     []string       `yaml:"last"`
		Day      []string       `yaml:"day"`
		Weekdays map[string]int `yaml:"weekdays"`
	} `yaml:"week"`
	Lunar []string `yaml:"lunar"`
	// LunarFirstNote says how 初三 said with no lunar month was read.
	LunarFirstNote string   `yaml:"lunar_first_note"`
	After          []string `yaml:"after"`
	Before         []string `yaml:"before"`
	// BareHoliday: 节后, 节前 said with no festival named (dates.Words).
	BareHoliday struct {
		Near   int      `yaml:"near"`
		After  []string `yaml:"after"`
		Before []string `yaml:"before"`
		Days   []string `yaml:"days"`
		// Named: said right after a festival's name, its holiday over
		// (国庆放完假了) — HolidayNamed.
		Named []string `yaml:"named"`
	} `yaml:"bare_holiday"`
	BeforeDays []string `yaml:"before_days"`
	AfterDays  []string `yaml:"after_days"`
	BeforeDay  []string `yaml:"before_day"`
	BeforeFew  []string `yaml:"before_few"`
	// SomeDays after a lunar day of tens (腊月二十几) say some day of the
	// nine after it (dates.Words.SomeDays).
	SomeDays []string `yaml:"some_days"`
	// AroundTerm are the words after a solar term that say the days round it
	// (霜降前后): answered as BeforeFew's, for the day before.
	AroundTerm []string `yaml:"around_term"`
	// AroundDays are the days either side of the term AroundTerm says:
	// a stretch answered as a month is (dates.Words.AroundDays).
	AroundDays int `yaml:"around_days"`
	// Stretch joins two days into one stretch (寒露到霜降中间那几天):
	// dates.Words.StretchTo and StretchInside.
	Stretch struct {
		To     []string `yaml:"to"`
		Inside []string `yaml:"inside"`
		// List joins days said one after another into one plan's days
		// (这个礼拜天和下个礼拜一): dates.Words.DayList.
		List []string `yaml:"list"`
	} `yaml:"stretch"`
	// NotReached are the words before a day that say it has not come yet
	// (还没到寒露, 冇到霜降): the days before it, as BeforeDay's.
	NotReached []string `yaml:"not_reached"`
	Past       []string `yaml:"past"`
	PastAfter  []string `yaml:"past_after"`
	// PastOver are the words of PastAfter that say the day is over
	// already (清明过了, 国庆结束了): said while it is the day, it is over.
	PastOver  []string `yaml:"past_over"`
	PastAsked []string `yaml:"past_asked"`
	// PastNote says a day said with 过了 had passed: today is answered.
	PastNote string `yaml:"past_note"`
	// HeardNotes say how a word typed otherwise was heard: by its pinyin
	// (Latin letters), by its sound (a homophone), or with a character
	// typed twice dropped.
	HeardNotes struct {
		Pinyin  string `yaml:"pinyin"`
		Sound   string `yaml:"sound"`
		Doubled string `yaml:"doubled"`
	} `yaml:"heard_notes"`
	// UnusedNotes say why a fact heard was left out of the decision
	// (Understood.Meaning): the reason said between Open and Close.
	UnusedNotes struct {
		Open      string `yaml:"open"`
		Close     string `yaml:"close"`
		Compared  string `yaml:"compared"`  // a case named only to compare
		Asked     string `yaml:"asked"`     // a value asked, not told
		Unsure    string `yaml:"unsure"`    // two values, neither chosen
		Later     string `yaml:"later"`     // the call asks of what is said after
		Retracted string `yaml:"retracted"` // taken back
		Distance  string `yaml:"distance"`  // a distance said decides it
	} `yaml:"unused_notes"`
	// Recent: 小年那天 said a few days after it is the one just gone
	// (dates.Words.Recent).
	Recent struct {
		Words   []string `yaml:"words"`
		Within  int      `yaml:"within"`
		Note    string   `yaml:"note"`
		Reached []string `yaml:"reached"`
	} `yaml:"recent"`
	TermCome  []string `yaml:"term_come"`
	DoneAfter []string `yaml:"done_after"`
	// DoneResult are the results and directions said after the verb,
	// before done_after (摘回来了, 烧光了)
	DoneResult []string `yaml:"done_result"`
	DoneBefore []string `yaml:"done_before"`
	// DoneEnd are the words that, ending the act's clause right after its
	// verb, tell it done (10月9号才摘的)
	DoneEnd []string `yaml:"done_end"`
	DoneNot []string `yaml:"done_not"`
	// DoneLater are the words of a later clause that look back on the
	// act as done (被城管抓了, 到现在还冇收, 那时候还冇这个规定)
	DoneLater     []string       `yaml:"done_later"`
	AfterDay      []string       `yaml:"after_day"`
	CountUnits    map[string]int `yaml:"count_units"`
	MonthUnits    []string       `yaml:"month_units"`
	CountNotAfter []string       `yaml:"count_not_after"`
	CountWait     []string       `yaml:"count_wait_before"`
	WaitVerbs     []string       `yaml:"wait_verbs"`
	LastNotAfter  []string       `yaml:"last_not_after"`
	NewYearFirst  []string       `yaml:"new_year_first"`
	TermAfter     []string       `yaml:"term_after"`
	Since         []string       `yaml:"since"`
	TermWord      []string       `yaml:"term_word"`
	// TermLead are the words before a solar term that make it a day
	// (是寒露摘, 等到寒露再摘); TermWait after it undo that (要等到霜降才能摘).
	TermLead []string `yaml:"term_lead"`
	TermWait []string `yaml:"term_wait"`
	// WaitedDay after a day say the act may begin only then (下下个礼拜三
	// 才能摘): the rule's day as believed, not the day acted on when
	// another is said after it.
	WaitedDay    []string `yaml:"waited_day"`
	DotNotBefore []string `yaml:"dot_not_before"`
	Negators     []string `yaml:"negators"`
	NotNegators  []string `yaml:"not_negators"`
	// NotVerbs are words that hold a frame's verb without being one (手续
	// holds 续): a question word holding them is no act's.
	NotVerbs    []string `yaml:"not_verbs"`
	Prohibitive []string `yaml:"prohibitive"`
	Imperative  []string `yaml:"imperative"`
	At          []string `yaml:"at"`
	Returns     []string `yaml:"returns"`
	Reached     []string `yaml:"reached"`
	// Fuel, FuelBurnt, Home: fuel gathered, brought back and burnt
	// (柴背回来烧火) is burnt where Home is read to be (the stove).
	Fuel      []string `yaml:"fuel"`
	FuelBurnt []string `yaml:"fuel_burnt"`
	Home      string   `yaml:"home"`
	// Homes are the words for the caller's home said after a distance's
	// prefix, the landmark before it (后山离屋二十几米).
	Homes []string `yaml:"homes"`
	// Outward are words of going out (去, 上山): an act's clause saying
	// one after it is the trip's first leg, what is brought back in a
	// later clause the second's (broughtBack).
	Outward   []string `yaml:"outward"`
	NegBreaks []string `yaml:"negation_breaks"`
	// FactNegBreaks end a clause that describes a place or thing: a
	// negator before one denies the description, not the fact phrase
	// after it (没人管的山上).
	FactNegBreaks []string `yaml:"fact_negation_breaks"`
	// GoAgain said before an act's verb, in a clause of a place of its
	// own, goes on to do it there too (再去旁边的山上摘一点).
	GoAgain []string `yaml:"go_again"`
	// PutOff said right before an act's verb puts it off to another year
	// (我们两口子明年再交): those people do not do it this year — part of
	// a household left out of the year's act (partial).
	PutOff []string `yaml:"put_off"`
	// AfterMidnight are parts of a night that lie wholly past its
	// midnight (下半夜): an act told at one is done on the next day.
	AfterMidnight []string `yaml:"after_midnight"`
	// ValuesToo said between two values of one fact says the second is
	// there too (有寒露籽也有霜降籽): both are asked.
	ValuesToo []string `yaml:"values_too"`
	// StillToDo, said before a negator in its clause (还有茶籽冇摘), tell
	// the work still to do: the act the negator stands before is asked
	// of, not denied.
	StillToDo []string `yaml:"still_to_do"`
	// Benefactive words start a phrase of whom an act is done for (给老婆,
	// 帮我娘): a negator before the phrase denies the act after it.
	Benefactive []string `yaml:"benefactive"`
	// Persons and People start a clause's subject; ThirdPerson after a
	// benefactive is someone told of before (还给他交).
	Persons     []string `yaml:"persons"`
	ThirdPerson []string `yaml:"third_person"`
	// Self are people words for the caller (我自己).
	Self   []string `yaml:"self"`
	NotYet []string `yaml:"not_yet"`
	// Refuse said right before an act's own verb, after the act named by
	// its object (医保就不用交了吧), say the act is not to be done.
	Refuse []string `yaml:"refuse"`
	// UsedAs say what a thing is used as once the act is done (烧了当肥):
	// after 了 they end the verb as a complement does.
	UsedAs []string `yaml:"used_as"`
	// LackPlace are the words of a place lacking (冇地方放): an act denied
	// after one gives way to a later clause's bare verb.
	LackPlace []string `yaml:"lack_place"`
	Remedy    []string `yaml:"remedy"`
	Focus     []string `yaml:"focus"`
	// FocusEnds open a clause that turns from a focused act (只插花不烧纸，
	// 但是放了一挂鞭炮): 只 does not reach past them.
	FocusEnds []string `yaml:"focus_ends"`
	// Asking, AskingEnd, Story, Reported, ReportedNot, Identity and
	// IdentityEnd say which clause of a long call asks and which tell its
	// story (asked.go).
	Asking    []string `yaml:"asking"`
	AskingEnd []string `yaml:"asking_end"`
	// RequiredAsk, said right before what a breach's phrase says is not
	// done (要盖篷布 beside 没盖篷布), ask whether it must be done;
	// RequiredWhether among them ask it with no question word after
	// (要不要装喷淋). See required.go.
	RequiredAsk []string `yaml:"required_ask"`
	// RequiredLack are the negators besides Lack's that say a measure
	// not taken in a breach's phrase (不装喷淋)
	RequiredLack    []string `yaml:"required_lack"`
	RequiredWhether []string `yaml:"required_whether"`
	// DoneAsked ask whether an act told done brings trouble (烧了纸，有事没;
	// 沿路撒了点土要紧不): said right after it, the act is asked of.
	DoneAsked []string `yaml:"done_asked"`
	// Wishes are the words of what someone wants to do (他想…, 打算):
	// told to the hotline, the wish asks whether it may be done, so a
	// call of an act no vocabulary holds that says one is a question of
	// that act (offTopicAct).
	Wishes []string `yaml:"wishes"`
	Story  []string `yaml:"story"`
	// Habit are the words by which a clause tells what is done again and
	// again (往年八月份都在山上烧火土灰, 9月份我天天在城里摆摊): the time said
	// in it is the habit's, colour beside a day a later clause names for the
	// act (今年8月20号还照样烧) — that day is asked of (habitDay).
	Habit []string `yaml:"habit"`
	// DayIs are the words by which a day said after another names it again
	// (霜降是十月二十三号): the second is the first's date, not a day asked.
	DayIs []string `yaml:"day_is"`
	// BackThen are the words by which the act's clause points back to
	// the story's time (那次在山上烧纸): the story's day is the act's.
	BackThen []string `yaml:"back_then"`
	// Early are the words that put the act before the time the rules open
	// for it (提前摘, 摘早了, 还冇到时候就摘): with no day said, the day asked
	// is the last one before an allowing window starts (earlyDay).
	Early       []string `yaml:"early"`
	Reported    []string `yaml:"reported"`
	ReportedNot []string `yaml:"reported_not"`
	// Recalled are the words by which the caller says what they remember
	// a rule to be (我记得…开摘): with Reported's, a clause that holds one
	// tells a claim, whose day is the rule's, not the caller's (claimedDay).
	Recalled []string `yaml:"recalled"`
	// Anaphoric are the words by which the clause that asks asks of what
	// the call told before it (这样行不行): the story's acts are asked.
	Anaphoric []string `yaml:"anaphoric"`
	// Came are the words of someone coming to do a thing (城管来查我门口
	// 摆货): the clause tells what happened, as Story's do.
	Came        []string `yaml:"came"`
	Identity    []string `yaml:"identity"`
	IdentityEnd []string `yaml:"identity_end"`
	// Fallback are the words of a clause, after the one that asks, that
	// plans for the other outcome (不让烧的话我就只献花): not the act asked.
	Fallback []string `yaml:"fallback"`
	// Known and ContrastOpen mark a case the caller already knows the
	// answer to (屋里点香不管, 山上烧纸不准我晓得) before a clause that
	// opens with a turn (那…) and asks: the known case is only contrasted.
	Known        []string `yaml:"known"`
	ContrastOpen []string `yaml:"contrast_open"`
	// KnownAllowed are the Known words that tell the case known allowed
	// (山上烧纸可以，那…): a rule that forbids it is said, uncalled for.
	KnownAllowed []string `yaml:"known_allowed"`
	// AlsoAsks turn a clause that asks to another case than the one
	// said before it (…我老婆的爸爸也能交不), as ContrastOpen does.
	AlsoAsks []string `yaml:"also_asks"`
	// Unlit are the fire making itself, denied right after an act of fire
	// (插香，不点火; 挂灯笼不点火的): the act is done with nothing burning.
	Unlit []string `yaml:"unlit"`
	// UnlitThings go on from an Unlit word as a thing burnt (不生火堆):
	// the fire making is then not what is denied.
	UnlitThings []string `yaml:"unlit_things"`
	// ConfirmEnd end a turned-to clause that asks with the answer hoped
	// for (那给我老婆交可以吧).
	ConfirmEnd []string `yaml:"confirm_end"`
	// PresumedEnd end a clause that asks with a presumption (香都不准点吧,
	// 坟前不能烧纸了吧, 总不犯法吧) when the clause holds one of Presumed:
	// the caller guesses the answer and asks it all the same.
	PresumedEnd []string `yaml:"presumed_end"`
	Presumed    []string `yaml:"presumed"`
	// ChallengeOpen open a clause that challenges a rule (哪个讲不准烧纸的？
	// 未必渣土都不能倒？) before one that asks of the caller's own case:
	// the challenged case is only contrasted, as a known one is.
	ChallengeOpen []string `yaml:"challenge_open"`
	// ForWords open a phrase of whom something is done for (给我爸, 帮我妈);
	// ForPronouns are such a phrase with a pronoun (帮他), which takes the
	// person named before it in the call.
	ForWords    []string `yaml:"for_words"`
	ForPronouns []string `yaml:"for_pronouns"`
	// ForFacts are the facts a person's phrase carries over to the
	// pronoun; ForSelf the persons that are the caller, not another.
	ForFacts []string `yaml:"for_facts"`
	ForSelf  []string `yaml:"for_self"`
	// OnlyPremise opens a clause that asks whether only one case is
	// banned (是不是只有上坟烧纸才不准) before one that asks of the caller's
	// own: the premise's case is only contrasted, as a known one is.
	OnlyPremise []string `yaml:"only_premise"`
	// Rhetorical make a question that answers itself (上坟不点香那还叫上坟？):
	// said before a question mark, it is the caller's lead-in to the case
	// asked after it, no question of its own.
	Rhetorical []string `yaml:"rhetorical"`
	// RumouredBan are the words, beside Prohibitive, of a ban someone is
	// said to have told of (听说…全年禁火): its places are not the caller's.
	RumouredBan []string `yaml:"rumoured_ban"`
	// BanDayAsked, in the clause of a day said with a word of the ban,
	// ask whether that day is in it (4月30号那天还算不算禁火期): the day is
	// the act's, not the rule's told.
	BanDayAsked []string `yaml:"ban_day_asked"`
	// CountsAs, right before an act said after another, ask whether the
	// first counts as it (车险算不算医保, 挖笋也算偷摘吗): the later act is
	// the notice's word the caller measures theirs by, not an act done.
	CountsAs []string `yaml:"counts_as"`
	// CountsAsBare is 算 alone before the act (杀鸡算宰杀家禽吧), a counts
	// word only in a clause that ends as a question (CountsAsBareEnds) and
	// not as the end of a longer word (CountsAsBareNot: 打算, 就算)
	CountsAsBare     []string `yaml:"counts_as_bare"`
	CountsAsBareEnds []string `yaml:"counts_as_bare_ends"`
	CountsAsBareNot  []string `yaml:"counts_as_bare_not"`
	// CountsAsBetween, said between a thing and a verb after it, part them
	// (烟花算不算燃放): the verb is what the thing is measured by.
	CountsAsBetween []string `yaml:"counts_as_between"`
	// Purpose and PurposeNext mark what an act is for (好种油菜).
	Purpose     []string `yaml:"purpose"`
	PurposeNext []string `yaml:"purpose_next"`
	Background  []string `yaml:"background"`
	// InPassing said right after an act (摘茶籽顺手…) makes it background
	// as Background does; after a pause both acts are asked.
	InPassing []string `yaml:"in_passing"`
	Finished  []string `yaml:"finished"`
	Sequence  []string `yaml:"sequence"`
	// Held are verbs of having a thing with one: 了 after them tells
	// what one holds now (带了打火机), not an act done and over.
	Held []string `yaml:"held"`
	// ThenStep said right after an act told finished (烧完纸再去…) puts
	// the next step after it: a plan in steps, each asked.
	ThenStep []string `yaml:"then_step"`
	// Claimed ask whether the plan pays back a cost (能报, 报销): after
	// a covered act named by a noun alone that follows an uncovered one
	// (打狂犬疫苗医保报不报), the uncovered act is what is asked.
	Claimed []string `yaml:"claimed"`
	// Modifier is how a clause that describes a noun is said (杀鸡的毛,
	// 卖剩下的菜叶子): a verb, what it leaves (剩下, 下来), the particle and
	// a head noun. Between the act and the particle only what it leaves
	// (Left), after at most one other verb's character that is none of
	// Stops (which begin a main clause: 在, 能, 把); NotHead are the words
	// after the particle that make it no modifier (的话, 的时候).
	Modifier struct {
		Particle string   `yaml:"particle"`
		NotHead  []string `yaml:"not_head"`
		Stops    []string `yaml:"stops"`
		// Left are what a verb leaves of its object (剩下, 下来, 过):
		// between a frame's verb and its object with the particle after
		// them, they make the object the head (卖剩下的菜)
		Left []string `yaml:"left"`
		// Suffixes end a noun an act's phrase may stop short of (杀鸭 of
		// 杀鸭子拔下来的毛)
		Suffixes []string `yaml:"suffixes"`
		// Doer are the words that, right after an act and the particle,
		// make the two a person — the one who does it (偷茶籽的，…;
		// 偷茶籽的我抓到了; 烧田埂的那个人): see doers
		Doer []string `yaml:"doer"`
		// DoerAsk are the words around what is asked of the doer that
		// are not the act (我, 能, 总: 我能打他一顿不 asks of 打他一顿)
		DoerAsk []string `yaml:"doer_ask"`
		// DoerNotAfter, right before the act, make it the caller's own
		// trade (我是卖菜的, 我开渣土车的), no doer
		DoerNotAfter []string `yaml:"doer_not_after"`
	} `yaml:"modifier"`
	// Inserted is how far a fact phrase's noun may stand from the rest of
	// it when a modifier comes between (有城管局批的运输核准): at most Span
	// characters, all Han and none beginning one of Stops (有没有…核准,
	// 有个工地要办核准: a question or another clause, not the noun's own).
	Inserted struct {
		Span  int      `yaml:"span"`
		Stops []string `yaml:"stops"`
	} `yaml:"inserted"`
	Ellipsis    []string `yaml:"ellipsis"`
	Complements []string `yaml:"complements"`
	// MeasuresAfter are the numerals after which a complement is a
	// measure (一大堆), not a verb.
	MeasuresAfter []string `yaml:"measures_after"`
	// Classifiers count what follows them right after a numeral (几只鸡):
	// a word heard by its sound does not take such a pair's characters.
	Classifiers []string `yaml:"classifiers"`
	Made        []string `yaml:"made"`
	Result      []string `yaml:"result"`
	Aspect      []string `yaml:"aspect"`
	// DoneParticle ends a verb told done (倒河边了, 交了…医保): what was
	// done, not what is asked
	DoneParticle string `yaml:"done_particle"`
	// HeardVerbNext may follow a short verb heard by its sound right
	// after its object (稻草 少掉, 垃圾一把火少了): what ends a verb's
	// phrase, not a word that goes on (稻草少一点 is less straw).
	HeardVerbNext []string `yaml:"heard_verb_next"`
	// Lack are the words that say a thing is lacking (没, 冇, 未): one
	// inside an act's phrase may be any other (lackVariants).
	Lack []string `yaml:"lack"`
	// VerbPrefixes make one word with a frame's verb (乱堆): the frame
	// hears the verb with each of them too.
	VerbPrefixes []string `yaml:"verb_prefixes"`
	Disposal     []string `yaml:"disposal"`
	Instrument   []string `yaml:"instrument"`
	Kept         []string `yaml:"kept"`
	// Everyday are words of everyday speech no rule set names, known as
	// written: the homophone pass never hears a word across one (自己处理
	// is not 自几处, the insurance's 几处).
	Everyday []string `yaml:"everyday"`
	// UnknownThing is the word for any thing (东西): a thing the
	// vocabulary lacks, said as the object of one of its verbs, is read as
	// it (茶枯饼 烧 is 烧东西, 卖盆栽 卖东西).
	UnknownThing struct {
		Word  string   `yaml:"word"`
		Verbs []string `yaml:"verbs"`
		// Told are the verbs whose thing is read in a clause that does
		// not ask too: a fire told beside an act asked is never dropped
		// (摘完茶籽顺手把茶枯饼烧了).
		Told []string `yaml:"told"`
		// Placed are verbs read as done to any thing only when said with
		// nothing but where, and only by a frame whose with-words that
		// place says (在城里人行道上摆: a stall; 摆 names too many things
		// to take any object).
		Placed []string `yaml:"placed"`
	} `yaml:"unknown_thing"`
	Locatives []string `yaml:"locatives"`
	// Directions may lie between a place and a later one that ends with a
	// locative (院子后面的山上): the later is where the act is.
	Directions []string `yaml:"directions"`
	// TowardBetween may lie, with places and locatives, between a toward
	// word and the place a thing is taken to (泼到菜市场门口的街上).
	TowardBetween []string `yaml:"toward_between"`
	Toward        []string `yaml:"toward"`
	People        []string `yaml:"people"`
	// SomeOf, Except … AllOf, Only and Counts say an act is done for
	// part of a group (只交三个, 除了他都交); CountsNot after a count make
	// it no count of people (三个月).
	SomeOf []string `yaml:"some_of"`
	Except []string `yaml:"except"`
	AllOf  []string `yaml:"all_of"`
	Only   []string `yaml:"only"`
	// OnlyDenied said right before a word of Only deny the only, not the act
	// (不是只交一个); OnlySome with people after them say the act is done
	// for those only (只给伢子交: onlyFor).
	OnlyDenied []string `yaml:"only_denied"`
	OnlySome   []string `yaml:"only_some"`
	// OnlyFor is a word of only with the one an act is done for (只给):
	// said after more than one person counted, the act is done for part.
	OnlyFor   []string `yaml:"only_for"`
	Counts    []string `yaml:"counts"`
	CountsNot []string `yaml:"counts_not"`
	// PerHead asks the amount of one person (好多钱一个, 每人交多少): the
	// call's people are then not counted to a total.
	PerHead []string `yaml:"per_head"`
	// Fractions count as Counts only when the call states no fact (监测户
	// 只交一半 is the assistance's share).
	Fractions []string `yaml:"fractions"`
	// HeadUnits after a numeral count people on their own (五口, 六口人);
	// PeopleUnits count them before a People word (三个老人); Whole before
	// a count says it is all of the household (一家四口, 屋里五个人).
	HeadUnits   []string `yaml:"head_units"`
	PeopleUnits []string `yaml:"people_units"`
	Whole       []string `yaml:"whole"`
	// PeopleJoins join the people a list names one by one (我跟老伴还有
	// 孙子); PeopleMany are people words of no number (我们, 孩子), which
	// leave a list uncounted; PeopleCounted the words of a number (父母 2).
	// Electric are appliances that burn nothing (电炉子, 电磁炉): the means
	// of an act of one of UnlitKinds said with one, the act is done with
	// nothing burning (用电炉子煮饭).
	Electric   []string `yaml:"electric"`
	UnlitKinds []string `yaml:"unlit_kinds"`
	// ElectricVerb is the verb of using one (用), said with the act's name.
	ElectricVerb  string         `yaml:"electric_verb"`
	PeopleJoins   []string       `yaml:"people_joins"`
	PeopleMany    []string       `yaml:"people_many"`
	PeopleCounted map[string]int `yaml:"people_counted"`
	Household     []string       `yaml:"household"`
	// OfHome may lie between a person and his kin (我屋里老倌子, 我家老人):
	// the subject is the kin
	OfHome      []string `yaml:"of_home"`
	HouseholdOf []string `yaml:"household_of"`
	// HouseholdAt, between a HouseholdOf word and a fact phrase, say
	// where the household lives (我屋里在城区), not that the act is indoors.
	HouseholdAt []string `yaml:"household_at"`
	// HouseholdThings, followed by a thing an act is done to, say whose
	// it is (家里的生活垃圾), not where the act is done.
	HouseholdThings []string `yaml:"household_things"`
	// Worn are words for a thing's wear said before it (烂塑料袋, 旧鞋子):
	// the thing is still the thing a household word says whose it is.
	Worn []string `yaml:"worn"`
	// HouseholdWill, after a person and a HouseholdOf word (我屋里要…),
	// say what the household means to do: the family, not indoors.
	HouseholdWill []string `yaml:"household_will"`
	Connectors    []string `yaml:"connectors"`
	Enumerators   []string `yaml:"enumerators"`
	// TurnsTo, opening a clause, turn to another question of the call
	// (…，还有山上扫墓): the act told there is asked on its own.
	TurnsTo []string `yaml:"turns_to"`
	// PairSubjects name a person or household a clause tells of;
	// PairBoth, in the last clause, ask of all of them at once (我娘在屋里
	// 烤火，我舅在林子里烤火，两个都要得不), as PairNamed do before the
	// first person (两家人…): each person is asked of on their own clauses.
	PairSubjects []string `yaml:"pair_subjects"`
	// Kin are persons the caller names as his kin beyond those the
	// vocabulary's for-phrases give (给我爸交 → 我爸): 我老爸, 我嫂子 — another
	// person, not the caller (kinAt).
	Kin       []string `yaml:"kin"`
	PairBoth  []string `yaml:"pair_both"`
	PairNamed []string `yaml:"pair_named"`
	// PairToo, in the last person's own clause (…车厢里也坐了人), asks of
	// everyone as PairBoth does; the clause stays that person's.
	PairToo []string `yaml:"pair_too"`
	// PairSelfBefore, right before the first person (给我, 帮我), make it
	// the caller, as a verb lead right after it does (我也, 我还): clauses
	// that name only the caller tell of one person (pairParts).
	PairSelfBefore []string `yaml:"pair_self_before"`
	// PairDropped are left out of the question each person is asked in
	// (我们两个都能交不 → 能交不): it asks of one, and 我们 would be the
	// household's question.
	PairDropped []string `yaml:"pair_dropped"`
	// Compare are the words that ask how two cases differ (有么子区别,
	// 一样不); CompareJoin join the two (和, 跟): one act said on two days
	// so compared is asked on each (compareParts).
	Compare     []string `yaml:"compare"`
	CompareJoin []string `yaml:"compare_join"`
	// CompareCase are the words of a clause that sets two cases side by
	// side and asks whether they are alike (跟山上野炊是不是一回事, 跟那些冇
	// 证的不一样吧), CompareEnd those that end one (跟一般区比): the pair is
	// only compared, as a known case is, when the caller's own case is said
	// after it, or when the clause opens with one of CompareOpen (跟…, 这个
	// 跟…: the caller's case is the one said before it). CompareSelf name
	// the caller: a clause before the pair that says one is the caller's
	// case (我有核准证，跟那些冇证的…), not the pair's premise.
	CompareCase []string `yaml:"compare_case"`
	CompareEnd  []string `yaml:"compare_end"`
	CompareOpen []string `yaml:"compare_open"`
	CompareSelf []string `yaml:"compare_self"`
	AskedAs     []string `yaml:"asked_as"`
	Corrections []string `yaml:"corrections"`
	// CorrectionsAlone correct only when said alone between pauses
	CorrectionsAlone []string `yaml:"corrections_alone"`
	// Retractions take back the fact phrase said right before them, after
	// a pause (他同意了——其实…, 是抢险——也不算…); RetractFillers are the
	// fillers that do so said alone between pauses (…指定的地方——哦，…),
	// or that may come before a correction (哦，其实)
	Retractions    []string `yaml:"retractions"`
	RetractFillers []string `yaml:"retract_fillers"`
	// RetractNarrows after a retraction say the same more closely (其实
	// 就是…): the fact stands
	RetractNarrows []string `yaml:"retract_narrows"`
	// MeantOpens, after a filler said alone between pauses, open what the
	// caller meant instead of the act said before it (烤火，哦，是在山上晒
	// 太阳); ActDenials said right before the act's own words take it back
	// (摆摊——不是摆摊，…; 偷——也不是偷，…; 放河灯，哦，不放了)
	MeantOpens []string `yaml:"meant_opens"`
	ActDenials []string `yaml:"act_denials"`
	// PlaceDenials, after a pause, say the place phrase said right after
	// them again to deny it (在庙里烧香，哦，也不算庙里; ——哦不是路边): the
	// place taken back (restatedBack), besides the retractions
	PlaceDenials []string `yaml:"place_denials"`
	// SaidToBe, after a pause, say a place again to take it back when a
	// pause and a retraction follow it (说是城区，其实是乡下).
	SaidToBe []string `yaml:"said_to_be"`
	// PlacePeople name people by where they live (城里人, 城区的人, 乡下人):
	// a place phrase inside one is who they are, not where the act is
	// (peopleOfPlace); PeopleNot are words that go on past them (城里人行道)
	PlacePeople []string `yaml:"place_people"`
	PeopleNot   []string `yaml:"people_not"`
	When        []string `yaml:"when"`
	// ThirdParty are the words that make someone else the one acting
	// (邻居, 隔壁, 有人): a follow-up asks about them, not the caller.
	ThirdParty []string `yaml:"third_party"`
	Others     []string `yaml:"others"`
	// PlaceKinds are facts whose value, however the call says it (a place
	// that is none designated: 楼道里, 水坑), names the kind that implies
	// it (随意倾倒 is dumping where none is designated).
	PlaceKinds  []string `yaml:"place_kinds"`
	FirstPerson []string `yaml:"first_person"`
	// Employer are the words for whoever pays a worker's employee
	// insurance (单位, 厂里): a negator said after one denies what the
	// employer does, not the caller's act
	Employer []string `yaml:"employer"`
	// WayEnded, said in a clause after a way of an act told done (交了职工
	// 医保 … 已经辞职了，断了半年了), end it: the way held no more, the act
	// asked after it is plain
	WayEnded    []string `yaml:"way_ended"`
	Consequence []string `yaml:"consequence"`
	// PenaltyPeople are callers' words for the people a notice's penalty
	// names, by the notice's own word (国家工作人员: 公务员, 乡镇干部)
	PenaltyPeople map[string][]string `yaml:"penalty_people"`
	// PenaltyAsked are callers' words that ask for one penalty by the
	// body or sanction its text names (派出所 → 公安, 坐牢 → 司法机关):
	// said in the call, that penalty is the one said.
	PenaltyAsked map[string][]string `yaml:"penalty_asked"`
	// Fine are the words that ask how much a penalty is (罚多少)
	Fine []string `yaml:"fine"`
	// PenaltyBasis are the words that ask under which law a penalty is
	// given (按么子法规处理): the laws its text names are said
	PenaltyBasis []string `yaml:"penalty_basis"`
	Money        []string `yaml:"money"`
	// AmountAsked ask how much, of anything (好多, 多少): said with a bare
	// verb right before an amount (一样交四百 … 一个人到底好多), the
	// amount paid is asked
	AmountAsked []string `yaml:"amount_asked"`
	Deadline    []string `yaml:"deadline"`
	// DaysLeft ask how many days are left to a deadline (还有几天截止): a
	// deadline asked, answered with the count.
	DaysLeft []string `yaml:"days_left"`
	// ActAsks, in the clause of an act said beside a question of a period,
	// ask the act's own verdict (清明那天烧纸是不是就可以了).
	ActAsks []string `yaml:"act_asks"`
	// YesNo make a question of a period a yes/no one (还是禁火期吗).
	YesNo []string `yaml:"yes_no"`
	// YesNoEnd make it one when they end the call (还禁火不, 还封山冇).
	YesNoEnd []string `yaml:"yes_no_end"`
	Benefits []string `yaml:"benefits"`
	Waiting  []string `yaml:"waiting"`
	Where    []string `yaml:"where"`
	// WorkAway are the words of working away from home (打工) that name
	// the enrollee's work beside the resident plan: asked where to pay,
	// the where is answered; asked whether, the employee plan is asked
	WorkAway []string `yaml:"work_away"`
	// WhereTo are the words that ask where to go (上哪里): their verb of
	// going is no act's verb
	WhereTo []string `yaml:"where_to"`
	Must    []string `yaml:"must"`
	Claim   []string `yaml:"claim"`
	// How asks the way an act is done (怎么交): answered by what the
	// rule says, not by a permission
	How []string `yaml:"how"`
	// FromDay are the words after a day that make it the start of
	// something (9月1号起): said of a later day than the one asked, the
	// call asks when the answer changes
	FromDay []string `yaml:"from_day"`
	// Duty are the words that ask who bears a duty or what it is
	// (哪个负责, 要管么子): with a duty's own words, the vocabulary's
	// duties answer
	Duty []string `yaml:"duty"`
	// VerbLeads are the characters that lead a verb (要上, 去上, 能上): a
	// locative after one of them is the verb, not where something is
	VerbLeads []string `yaml:"verb_leads"`
	// OwnPart are the caller's own part asked after an act (我有么子
	// 责任): the act's answer, not a duty
	OwnPart []string `yaml:"own_part"`
	// DutyWhether ask whether someone bears a duty (要不要负责): a duty
	// question unless right after a person word (我要负责不).
	DutyWhether []string `yaml:"duty_whether"`
	Age         []string `yaml:"age"`
	// AgeTens and AgeAbout say an age as a range (七十几, 六十好几, 八十来岁,
	// 五十出头): tens, then how far past them — an age, as 七十多 is.
	AgeTens  []string `yaml:"age_tens"`
	AgeAbout []string `yaml:"age_about"`
	Rate     []string `yaml:"rate"`
	// Refund are the words that ask whether money paid is given back
	// (能退不, 退得回来不)
	Refund []string `yaml:"refund"`
	// NotDone says an act of paying or enrolling as not done, said after
	// its noun (医保不交, 医保今年冇交): what asks of refusing it may ask
	NotDone  []string `yaml:"not_done"`
	Document []string `yaml:"document"`
	// DocumentAsks ask what a document is (its name, number, year) or
	// until when it runs, said after a document word (医保那个文件叫什么名字)
	DocumentAsks []string `yaml:"document_asks"`
	// BasisOf, said right before a document ask (依据哪个文件处理), ask on
	// which document's ground an act said in the call is handled
	BasisOf []string `yaml:"basis_of"`
	// DocumentContent are the document asks of what it says (讲的什么):
	// asked of the document only in a call naming no covered act
	DocumentContent []string `yaml:"document_content"`
	// Roles are the posts officials who call name themselves by (网格员,
	// 协管员): the caller, heard, no act's word
	Roles []string `yaml:"roles"`
	// UntilAsks are the document asks of how long something runs (到么子
	// 时候为止): said after the notice's words reported with an act in them
	// (通知讲…不准用火，到么子时候为止), they ask how long the act's ban runs.
	UntilAsks []string `yaml:"until_asks"`
	// DocumentIssued ask when a document was issued (哪天发的): the
	// answer says the day it was issued, when the rule set records it.
	DocumentIssued []string `yaml:"document_issued"`
	// DocumentWhere ask where a document can be read (在哪里看, 原文):
	// the answer says where the rule base has it printed.
	DocumentWhere []string `yaml:"document_where"`
	// DocumentFrom ask when a document took effect (什么时候开始实施).
	DocumentFrom []string `yaml:"document_from"`
	// DocumentSpan ask how long a document runs (管几年): the answer
	// quotes the notice's validity sentence.
	DocumentSpan []string `yaml:"document_span"`
	// DocumentSpanEnd ask how long a document runs when the call ends
	// with them (油茶通告 有效期): the bare noun is the question.
	DocumentSpanEnd []string `yaml:"document_span_end"`
	// DocumentKinds are the kinds a title ends with (通告, 通知): said
	// with a number and no issuer (〔2024〕8号通告), the kind tells apart
	// two documents of the same year and serial.
	DocumentKinds []string `yaml:"document_kinds"`
	// DocumentCount ask how many documents a clearing decision disposed
	// of (宣布失效了好多件): the answer gives its counts.
	DocumentCount []string `yaml:"document_count"`
	// DocumentUnlisted ask of the documents a clearing decision does not
	// list (没列入目录的文件): the answer quotes its general clause.
	DocumentUnlisted []string `yaml:"document_unlisted"`
	// IssuerAsks ask who issued a document (哪个单位发的)
	IssuerAsks []string          `yaml:"issuer_asks"`
	TitleWords []string          `yaml:"title_words"`
	IssuerSaid map[string]string `yaml:"issuer_said"`
	// TitleFormal are everyday words and the formal ones titles use for
	// them (钓鱼 → 垂钓): a document named by its subject in the caller's
	// words is compared with titles in theirs
	TitleFormal map[string]string `yaml:"title_formal"`
	Validity    []string          `yaml:"validity"`
	// ValidityOfDocument ask validity only with a document word said
	ValidityOfDocument []string `yaml:"validity_of_document"`
	// DocumentYearLinks may lie between a year word and a document word
	// it names the year of (前年那个禁火令)
	DocumentYearLinks []string `yaml:"document_year_links"`
	// ReportWritten are verbs whose object a report word may be (写电话号码):
	// written or posted, not asked for
	ReportWritten []string `yaml:"report_written"`
	// ReportThings are what of a report word can be written (电话, 号码)
	ReportThings []string `yaml:"report_things"`
	// ReportAfterWritten end a clause said after a number written (写的举报
	// 电话…，那交警大队的是多少): another office's number is asked
	ReportAfterWritten []string `yaml:"report_after_written"`
	// Seen are words of seeing something happen (看到, 看见): the act word
	// they open (看) is no act of looking — what was seen is the call's
	Seen        []string `yaml:"seen"`
	HotlineSelf []string `yaml:"hotline_self"`
	Addressed   []string `yaml:"addressed"`
	Report      []string `yaml:"report"`
	// ReportNot are words holding a report word that report nothing
	// (报备, 报销): blanked, as the hotline's own name is, before a report
	// word is looked for
	ReportNot []string `yaml:"report_not"`
	// ReportDeclared are the report words that only say a report is
	// made (我要举报), asking no number; Lawful are the words asking
	// whether an act breaks the rules (违法不): said together, the call
	// asks the verdict
	ReportDeclared []string `yaml:"report_declared"`
	// Alternatives open a clause that offers another answer to the
	// question before (…在户口所在地交 还是可以在县城交): it asks nothing again
	Alternatives []string `yaml:"alternatives"`
	// ChooseEach, said after a choice between two acts (烧纸还是放鞭炮，
	// 哪个可以), asks of each: the alternative word does not take the
	// first act back
	ChooseEach []string `yaml:"choose_each"`
	// ChoiceOpens opens the first option of a choice asked as a question
	// of its own (纸钱是在坟前烧还是…？): each option is answered; not
	// where a word of ChoiceOpensNot holds it (但是, 是不是)
	ChoiceOpens    []string `yaml:"choice_opens"`
	ChoiceOpensNot []string `yaml:"choice_opens_not"`
	// Either join two values of one fact the caller cannot choose between
	// (寒露籽还是霜降籽): neither is taken
	Either []string `yaml:"either"`
	// Doubt said before two values of one fact, side by side or joined by
	// DoubtJoined (分不清寒露籽霜降籽), is the same doubt
	Doubt       []string `yaml:"doubt"`
	DoubtJoined []string `yaml:"doubt_joined"`
	Lawful      []string `yaml:"lawful"`
	// FactAsked are the words of a question of a fact (是不是, 算不算): a
	// fact phrase said right after one is asked, not stated
	FactAsked []string `yaml:"fact_asked"`
	// FactQuestionEnd are the particles that, alone after a fact phrase
	// ending a clause of no act, ask whether it holds (城区也划了禁放区吗).
	FactQuestionEnd []string `yaml:"fact_question_end"`
	// FactGuessed: a fact phrase said with a copula (是, 算) or its
	// negation and only a guessing particle after it (吧), ending a clause
	// of no act, is the caller's guess put as a question (我们村不是禁放区吧):
	// asked, not stated.
	FactGuessed struct {
		Copulas []string `yaml:"copulas"`
		Ends    []string `yaml:"ends"`
	} `yaml:"fact_guessed"`
	// ReadingsAlso are the characters heard by a further reading besides
	// their most common one (桔: jie), the readings toneless
	ReadingsAlso map[string][]string `yaml:"readings_also"`
	// FactWhether make a fact phrase a question of whether it holds: one
	// said right after it, ending its clause (人家同意了没有), or the
	// phrase's own negator between its verb said twice (办没办手续)
	FactWhether []string `yaml:"fact_whether"`
	// FactCondition are the words either side of a fact phrase that make it
	// the condition asked, not a fact stated: 要 before it and 才 after it in
	// its clause (要离山好远才准烧 asks how far, 好远 the Xiang 多远)
	FactCondition struct {
		Before []string `yaml:"before"`
		After  []string `yaml:"after"`
	} `yaml:"fact_condition"`
	// WhenCondition: a word of When among After (才能), said after one of
	// Asked in its clause (要办么子证才能放), asks what one must do first,
	// not when (see asksWhen)
	WhenCondition struct {
		After []string `yaml:"after"`
		Asked []string `yaml:"asked"`
	} `yaml:"when_condition"`
	// PlaceAsks are the words of a call asking what a township counts as
	// (属于, 算): no act, the place table's reading is the answer
	PlaceAsks []string `yaml:"place_asks"`
	// FactWhere are the words of a question of where a fact lies (是哪些
	// 地方, 在哪里): a fact phrase said right before one that ends its
	// clause (Ends, particles, may follow) is asked, not stated
	// (禁放区是哪些地方)
	FactWhere struct {
		Words []string `yaml:"words"`
		Ends  []string `yaml:"ends"`
	} `yaml:"fact_where"`
	// MonthDay are the marks of a day named by the calendar (十月五号, 11月
	// 2日 — not 明天): said with a bare verb, such a day inside the windows
	// only one activity's rules read ties the verb to it (要是十月五号去摘呢)
	MonthDay []string `yaml:"month_day"`
	Less     []string `yaml:"less"`
	// AtLeastAfter, said after an amount, make it a lower bound
	// (一百五十米是有的).
	AtLeastAfter []string `yaml:"at_least_after"`
	More         []string `yaml:"more"`
	AtLeast      []string `yaml:"at_least"`
	AtMost       []string `yaml:"at_most"`
	AboutBefore  []string `yaml:"about_before"`
	AboutAfter   []string `yaml:"about_after"`
	// AmountHedges hedge or stress an amount without changing it (也就, 足有).
	AmountHedges []string `yaml:"amount_hedges"`
	// LandmarkDeterminers, between a distance's prefix and its landmark,
	// pick the landmark out (离最近的山): the distance is measured from it.
	LandmarkDeterminers []string `yaml:"landmark_determiners"`
	// FarDegrees, said right after 远 of a distance said as far (离山远得很),
	// stress it: a number said after them is still that distance
	// (河堤离山远得很，一里多路).
	FarDegrees []string `yaml:"far_degrees"`
	Filler     []string `yaml:"filler"`
	// Relayed are the heads of an operator's ticket (来电人反映：): the
	// call relayed, its report word asking no number.
	Relayed []string `yaml:"relayed"`
	// Ripens tells a crop's variety by the term it ripens at (霜降那时候才
	// 熟的那种): the term and the variety's suffix name the variety (霜降籽),
	// and the term is no day asked.
	Ripens ripening `yaml:"ripens"`
	// Pasted are the heads of a text pasted into the box before the
	// caller's own line (转：, 短信：, 群里：) and QuoteMarks the pairs
	// that quote one (「」): what the text says is the topic, not what is
	// asked.
	Pasted     []string `yaml:"pasted"`
	QuoteMarks []string `yaml:"quote_marks"`
	// Operator are the words that ask the operator to look (你帮我看下):
	// their verb is no act of the caller's.
	Operator []string `yaml:"operator"`
	// Titles are callers' titles that hold an act's word (医保专干, 医保
	// 协管员): they say who calls, and their act's word is no act.
	Titles []string `yaml:"titles"`
	// Unseen is the clause of an act done while its holder does not see
	// (趁他冇看到, 等山主看不到的时候): one of Opens, who (at most Who
	// characters), then a negator and a Perceive word, or an Unable word.
	// It says when the act is done: its verb is no act.
	Unseen struct {
		Opens    []string `yaml:"opens"`
		Who      int      `yaml:"who"`
		Perceive []string `yaml:"perceive"`
		Unable   []string `yaml:"unable"`
	} `yaml:"unseen"`
	// Unasked is the clause that says the holder was not asked (冇跟主人
	// 讲, 没告诉山主, 承包户冇同意): Not, then To, a holder and a Say
	// word, or Tell and a holder; or a holder, at most one Adverbs word,
	// Not and a Consent word. Holders are said in either shape, Told only
	// after To or Tell.
	Unasked struct {
		Not     []string `yaml:"not"`
		To      []string `yaml:"to"`
		Tell    []string `yaml:"tell"`
		Holders []string `yaml:"holders"`
		Told    []string `yaml:"told"`
		Say     []string `yaml:"say"`
		Adverbs []string `yaml:"adverbs"`
		Consent []string `yaml:"consent"`
	} `yaml:"unasked"`
	// Own is a hill said as a place of the caller's home (我屋后山上有块
	// 茶山, 我家后面那块山, 自己屋门口的油茶林): one of Owners, then only
	// Between words, then one of Holdings, not followed by a NotAfter word
	// (我家门口的山边上 is beside the hill). It states what the
	// vocabulary's phrases say of such words (自家的山: own_land).
	Own Holding `yaml:"own"`
	// Theirs is a hill said as another's by who holds it (隔壁婶娘的茶山,
	// 邻居老倌子屋里的油茶山), read as Own is: it states what the
	// vocabulary's phrases say of 别人的山.
	Theirs      Holding           `yaml:"theirs"`
	ClockParts  map[string][2]int `yaml:"clock_parts"`
	ClockBefore []string          `yaml:"clock_before"`
	// DaySpans are the parts of the day said with no clock time (晚上,
	// 中午, 夜里), each with the hours it is read as (past 24 is the next
	// morning): an act asked of one is decided at its hours.
	DaySpans map[string][2]int `yaml:"day_spans"`
	// PlaceSuffixes are the level words a division's name ends with
	// (区, 县, 回族区), each with the everyday endings said in its place
	// (管城回族区 is called 管城区): a caller names 文登区 as 文登.
	PlaceSuffixes map[string][]string `yaml:"place_suffixes"`
	// CountyCity is how a county-level city (a 市 whose code is at the
	// county level) is still called by the county it was: Level is its
	// level word (市), Former the words said in its place (县: 祁阳县 for
	// 祁阳市, a city since 2021).
	CountyCity struct {
		Level  string   `yaml:"level"`
		Former []string `yaml:"former"`
	} `yaml:"county_city"`
	// OutsidePlaces are places a caller may name that a rule directory may
	// not cover (北京市, 长沙市), by GB/T 2260 code: named where no loaded
	// notice applies, the answer says the rule base has none for them
	// rather than answering from another place's.
	OutsidePlaces map[string]string `yaml:"outside_places"`
	// OutsideBackground are the words that make a place outside the rule
	// base's area said where someone works, lives, studies, comes from or
	// goes back to (在冷水滩上班, 祁东嫁过来的, 回广东) rather than where the
	// act asked about is done: Before right before its name, After after
	// it (and after any of Linking: 那边, 的, or a pause). Said in another
	// clause than the act's, whose own clause says one of Home (老家,
	// 屋里), it is where someone is: the act is done at home. One of Back
	// said right after the story (在零陵上班，那边山上烧烤) points the act
	// back to the place: it is the act's place after all.
	OutsideBackground struct {
		Before  []string `yaml:"before"`
		After   []string `yaml:"after"`
		Linking []string `yaml:"linking"`
		Home    []string `yaml:"home"`
		Back    []string `yaml:"back"`
	} `yaml:"outside_background"`
	// Origin are the words that make a place said between them where
	// someone comes from (从乡里上来, 从山上下来): Before right before the
	// place, After right after it. No fact of the act's place.
	Origin struct {
		Before []string `yaml:"before"`
		After  []string `yaml:"after"`
	} `yaml:"origin"`
	// Cantonese day words, read as well and kept apart from the Mandarin
	// ones: 寻日 (yesterday), 听日 (tomorrow), 今个 (this: 今个星期三, 今个月).
	Cantonese struct {
		Days   map[string]int `yaml:"days"`
		Months map[string]int `yaml:"months"`
		This   []string       `yaml:"this"`
	} `yaml:"cantonese"`
	// Particles are words of a dialect read as the Mandarin ones before
	// anything else, each of the same length (Xiang 哒 is 了, 咖 after a
	// verb 掉); a word mapped to itself is kept (咖啡).
	Particles map[string]string `yaml:"particles"`
	// Hesitations are a dictated correction's filler and word, read as
	// the word said alone between pauses (呃不是 → ，不，), before anything
	// else as Particles are.
	Hesitations map[string]string `yaml:"hesitations"`
	// InnerFillers are a dictated filler said inside a phrase (没有办那个
	// 核准): dropped where an act's or fact's phrase holds the words on
	// both sides once it is.
	InnerFillers []string `yaml:"inner_fillers"`
	// Restates are the fillers that, right before a day said again, take
	// the day said before back (月底烧纸呃二十九号烧): dictation writes no
	// pause, and the day restated is the one meant.
	Restates []string `yaml:"restates"`
	// NoteRest is how many characters a terse note (泥头车 半夜 城区 行不)
	// may say beyond what is read and its frames' words, for a frame's
	// object and with-word to name the act with no verb.
	NoteRest  int               `yaml:"note_rest"`
	Festivals map[string]string `yaml:"festivals"`
	// EitherFestivals are names said of several festivals (新年: 元旦 or
	// 春节): the one coming first from the call's day is meant.
	EitherFestivals map[string][]string `yaml:"either_festivals"`
	// HeardFestivals are festival names heard by their sound when typed
	// with another character (请明节, 端五, 中球节).
	HeardFestivals []string          `yaml:"heard_festivals"`
	Gregorian      map[string]string `yaml:"gregorian"`
	// Feasts are other calendars' holidays by name (feasts.yaml), and
	// Orthodox the words that move one onto Orthodox Easter.
	Feasts   map[string]dates.Feast `yaml:"-"`
	Orthodox []string               `yaml:"-"`

	// OthersHouse are words for another household's house and its people
	// (隔壁屋里在烧秸秆): someone else's place, not the caller indoors.
	OthersHouse []string `yaml:"others_house"`
}

// questionKind is the words of a kind of question beyond "may I" that a
// vocabulary's asks table may name (kind: money); ok is false for a name
// the grammar has no kind of.
func (g *grammar) questionKind(name string) (words []string, ok bool) {
	kinds := map[string][]string{"when": g.When, "consequence": g.Consequence, "money": g.Money, "deadline": g.Deadline,
		"benefits": g.Benefits, "waiting": g.Waiting, "where": g.Where, "must": g.Must, "rate": g.Rate, "refund": g.Refund,
		"claim": g.Claim}
	words, ok = kinds[name]
	return words, ok
}

// GrammarType is the Go type mandarin.yaml is read into: its keys, in
// order, and what each holds, for the tools that keep the file in
// canonical form (tonggao fmt, schema.ShapeOfType).
func GrammarType() reflect.Type { return reflect.TypeFor[grammar]() }

// loadGrammar parses mandarin.yaml and feasts.yaml once: it is embedded and never changes,
// and every Hotline shares it.
var loadGrammar = sync.OnceValues(parseGrammar)

func parseGrammar() (*grammar, error) {
	g, err := decodeGrammar(mandarinYAML)
	if err != nil {
		return nil, fmt.Errorf("mandarin.yaml: %w", err)
	}
	for _, l := range [][]string{g.Negators, g.Focus, g.Filler, g.Corrections, g.Less, g.More, g.AtMost, g.AboutBefore, g.AboutAfter, g.AmountHedges} {
		sort.Slice(l, func(i, j int) bool { return len(l[i]) > len(l[j]) })
	}
	if g.DoneParticle == "" {
		return nil, fmt.Errorf("mandarin.yaml: done_particle is required (the particle a verb told done ends with)")
	}
	if g.Feasts, g.Orthodox, err = parseFeasts("feasts.yaml", feastsYAML); err != nil {
		return nil, err
	}
	return &g, nil
}

// decodeGrammar decodes mandarin.yaml: from the snapshot when it was made
// from these bytes (grammar_snapshot.go), else by the YAML decoder.
func decodeGrammar(data []byte) (grammar, error) {
	if g := grammarFromSnapshot(data); g != nil {
		return *g, nil
	}
	return decodeGrammarYAML(data)
}

// decodeGrammarYAML decodes mandarin.yaml by the YAML decoder.
func decodeGrammarYAML(data []byte) (grammar, error) {
	var g grammar
	err := yaml.UnmarshalWithOptions(data, &g, yaml.Strict(), yaml.DisallowUnknownField())
	return g, err
}

// Holding is a hill said by whose it is: one of Owners, then only Between
// words, then one of Holdings, not followed by a NotAfter word.
type Holding struct {
	Owners   []string `yaml:"owners"`
	Between  []string `yaml:"between"`
	Holdings []string `yaml:"holdings"`
	NotAfter []string `yaml:"not_after"`
}

// ripening is the grammar of a variety told by when it ripens (寒露前后就熟
// 透的): a name said before Verbs, Between words apart, names the fact
// phrase that is the name and Suffix.
type ripening struct {
	// Verbs say the crop ripens (熟, 熟透).
	Verbs []string `yaml:"verbs"`
	// Between are the words said between the term and the verb (前后,
	// 那时候, 才, 就).
	Between []string `yaml:"between"`
	// Suffix makes the term a variety's name (籽: 霜降籽).
	Suffix string `yaml:"suffix"`
}
