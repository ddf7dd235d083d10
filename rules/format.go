package rules

// The file-format types — what each rule-directory file may say — are all
// here, each field with its YAML key: FactsFileSpec (facts.yaml), FileSpec
// (notices/NAME.yaml) and CaseFile (notices/NAME.cases.yaml). Str is a
// string that remembers where it was written.

// Pos is a position in a rule file: 1-based line and column.
type Pos struct {
	Line, Col int
}

// Str is a scalar that remembers where it was written, so that a reference
// to an unknown window or activity can be reported at its own line.
type Str struct {
	Value string
	Pos   Pos
	// Quoted is set for a quoted scalar: columns inside it are one further
	// to the right than its first character.
	Quoted bool
	// Block is '|' or '>' for a block scalar, whose Pos is its text's
	// first character.
	Block byte
	// raw is a block scalar's text as written, from the line after its
	// indicator, which is on line rawLine.
	raw     string
	rawLine int
}

// FileSpec is the content of one notice file as written.
type FileSpec struct {
	// Notice is the notice's identity, validity, source, contacts and penalties.
	Notice NoticeSpec `yaml:"notice"`
	// DataNotes say what the encoder could not read or check in the source (a date taken from a web page).
	DataNotes []Str `yaml:"data_notes"`
	// Interpretations record how each unclear phrase is read, with the alternative; windows, conditions, rules and duties cite them by id.
	Interpretations []InterpretationSpec `yaml:"interpretations"`
	// Activities are the acts the notice's rules name, with the words people say for them.
	Activities []ActivitySpec `yaml:"activities"`
	// Windows are the notice's named periods, in the calendar's window syntax.
	Windows []WindowSpec `yaml:"windows"`
	// Conditions are named conditions (expr syntax) that rules and other conditions use.
	Conditions []ConditionSpec `yaml:"conditions"`
	// Rules are what the notice forbids or allows, each quoting its words.
	Rules []RuleSpec `yaml:"rules"`
	// Duties are obligations on officials (patrols), shown to them, never citizen prohibitions.
	Duties []DutySpec `yaml:"duties"`
}

// NoticeSpec is a notice's identity.
type NoticeSpec struct {
	// Number is the document number as printed (文号); ID names a notice
	// that has none (and may name one that has).
	Number Str `yaml:"number"`
	ID     Str `yaml:"id"`
	// Registration is the registration number of a normative document (登记号), if printed.
	Registration Str `yaml:"registration"`
	// Title is the notice's title as printed.
	Title Str `yaml:"title"`
	// Issuer is the body that issued it (人民政府, 农业农村局 …).
	Issuer Str `yaml:"issuer"`
	// AppliesIn lists where the notice applies: division codes or names
	// from divisions.csv.
	AppliesIn []Str `yaml:"applies_in"`
	// Issued is the date it was issued, YYYY-MM-DD.
	Issued Str `yaml:"issued"`
	// Effective is the first day it applies, YYYY-MM-DD.
	Effective Str `yaml:"effective"`
	// ValidUntil is the last day it applies (inclusive); absent, it is in force until repealed.
	ValidUntil Str `yaml:"valid_until"`
	// ValidityArticle is the article that states the validity.
	ValidityArticle Str `yaml:"validity_article"`
	// ValidityText quotes that article's words.
	ValidityText Str `yaml:"validity_text"`
	// Source says where the text was read (gazette issue, web address).
	Source Str `yaml:"source"`
	// TitleOnly marks a notice known only by its title (its text not seen): its rules say only what the title says.
	TitleOnly bool `yaml:"title_only"`
	// TitleOnlyNote says where the title was seen and why the text is missing.
	TitleOnlyNote Str `yaml:"title_only_note"`
	// Contacts are the hotlines and offices it names.
	Contacts []ContactSpec `yaml:"contacts"`
	// Penalties are what it says happens to violators, attached to the rules they punish.
	Penalties []PenaltySpec `yaml:"penalties"`
}

// ContactSpec is a hotline or office the notice names.
type ContactSpec struct {
	Pos Pos `yaml:"-"`
	// Name is the contact's name as printed (森林火警电话).
	Name Str `yaml:"name"`
	// Phones are its numbers as printed.
	Phones []Str `yaml:"phones"`
	// Article is the article that names it.
	Article Str `yaml:"article"`
	// Text quotes the words.
	Text Str `yaml:"text"`
	// Note is said after the phones but is not quoted: an area code the
	// print leaves out.
	Note Str `yaml:"note"`
}

// PenaltySpec is what the notice says happens to violators: the sentence
// quoted, the rules whose violation it punishes, and what the text states
// in structured form.
type PenaltySpec struct {
	Pos Pos `yaml:"-"`
	// ID names the penalty within the notice; cases cite it.
	ID Str `yaml:"id"`
	// Article is the article that states it.
	Article Str `yaml:"article"`
	// Text quotes the sentence.
	Text Str `yaml:"text"`
	// Rules are the ids of the notice's rules it punishes; absent, every
	// forbidding rule of the notice; [] (present and empty), none — a penalty for
	// something no rule encodes, such as obstructing officials.
	Rules *[]Str `yaml:"rules"`
	// Who is whom it addresses as the text names them (个人, 单位,
	// 国家工作人员, 党员干部), By the authority that acts.
	Who Str `yaml:"who"`
	By  Str `yaml:"by"`
	// Fine is the range in yuan, only where the text states amounts.
	Fine *FineSpec `yaml:"fine"`
	// Sanctions are the other consequences named (治安管理处罚, 党纪政纪处分,
	// 移送司法机关); Basis the laws the text refers to.
	Sanctions []Str `yaml:"sanctions"`
	Basis     []Str `yaml:"basis"`
	// When is a window of the notice outside which the penalty is not said
	// (a deadline for putting things right that has passed).
	When Str `yaml:"when"`
	// Interpretations are the ids of the interpretations it rests on (who
	// the people it addresses are: 党员干部).
	Interpretations []Str `yaml:"interpretations"`
}

// FineSpec is a fine's range in yuan as the text states it.
type FineSpec struct {
	Pos Pos      `yaml:"-"`
	Min *float64 `yaml:"min"`
	Max *float64 `yaml:"max"`
}

// InterpretationSpec records how an unclear phrase was read.
type InterpretationSpec struct {
	Pos Pos `yaml:"-"`
	// ID names the interpretation within the notice.
	ID Str `yaml:"id"`
	// Words quote the unclear phrase.
	Words Str `yaml:"words"`
	// Reading is how the rules read it.
	Reading Str `yaml:"reading"`
	// Alternative is the other reading a reader could take.
	Alternative Str `yaml:"alternative"`
	// Why says why the reading was chosen.
	Why Str `yaml:"why"`
}

// ActivitySpec declares an activity.
type ActivitySpec struct {
	Pos Pos `yaml:"-"`
	// ID names the activity (letters, digits, _); shared vocabulary such as fireworks is one activity across rule directories when declared the same.
	ID Str `yaml:"id"`
	// Name is the activity's Chinese name as the notice prints it.
	Name Str `yaml:"name"`
	// EN is its English name.
	EN Str `yaml:"en"`
	// Parent is the activity this is a kind of: a rule on the parent governs it.
	Parent Str `yaml:"parent"`
	// Synonyms are other words people say for it.
	Synonyms []Str `yaml:"synonyms"`
	// Implies are facts the activity's own words settle: 偷倒 is not at a
	// designated place, 当街杀鸡 is on the street. A query about it has them.
	Implies FactValuesSpec `yaml:"implies"`
}

// FactValuesSpec is a mapping of fact names to values, each remembering
// where it was written: {designated_place: false, road_kind: street}.
type FactValuesSpec struct {
	Pos    Pos
	Names  []Str
	Values []Str
}

// WindowSpec names a window in the calendar package's textual form.
type WindowSpec struct {
	Pos Pos `yaml:"-"`
	// ID names the window; conditions and rules use it as a boolean.
	ID Str `yaml:"id"`
	// Name is the period's Chinese name (禁火期).
	Name Str `yaml:"name"`
	// When is the period in the calendar's window syntax (annual 03-01 00:00 .. 06-30 24:00, daily 22:00..06:00, A | B, A & B).
	When Str `yaml:"when"`
	// Article is the article that states the period.
	Article Str `yaml:"article"`
	// Text quotes its words.
	Text Str `yaml:"text"`
	// Interpretations are the ids of the interpretations the window rests on.
	Interpretations []Str `yaml:"interpretations"`
}

// ConditionSpec is a named condition other conditions may use.
type ConditionSpec struct {
	Pos Pos `yaml:"-"`
	// ID names the condition; rules and conditions use it as a boolean.
	ID Str `yaml:"id"`
	// Name is the condition's Chinese name (禁火区域).
	Name Str `yaml:"name"`
	// If is the condition in expr syntax over facts, windows and conditions.
	If Str `yaml:"if"`
	// Article is the article that states it.
	Article Str `yaml:"article"`
	// Text quotes its words.
	Text Str `yaml:"text"`
	// Interpretations are the ids of the interpretations it rests on.
	Interpretations []Str `yaml:"interpretations"`
}

// RuleSpec is one rule: an article that forbids or allows activities.
type RuleSpec struct {
	Pos Pos `yaml:"-"`
	// ID names the rule within the notice; cases and overrides cite it.
	ID Str `yaml:"id"`
	// Article is the article (条) it encodes.
	Article Str `yaml:"article"`
	// Text quotes the sentence it encodes.
	Text Str `yaml:"text"`
	// Effect is forbid or allow.
	Effect Str `yaml:"effect"`
	// Activities are the ids of the acts it governs (and their kinds).
	Activities []Str `yaml:"activities"`
	// If is when it holds, in expr syntax ("true" for always).
	If Str `yaml:"if"`
	// Overrides are the rules it beats where both hold (another notice's as NUMBER#id).
	Overrides []Str `yaml:"overrides"`
	// Residual marks a "其他…" clause that yields to a more specific rule of the same notice.
	Residual bool `yaml:"residual"`
	// Interpretations are the ids of the interpretations it rests on.
	Interpretations []Str `yaml:"interpretations"`
	// Terms are consequences said with the answer (amounts, waiting periods).
	Terms []TermSpec `yaml:"terms"`
	// TitleLevel marks a rule read from a title-only notice's title.
	TitleLevel bool `yaml:"title_level"`
	// Except lists the cases the rule's own words carve out ("除…外").
	Except []ExceptSpec `yaml:"except"`
}

// ExceptSpec is an exception a forbidding rule states: the words that
// state it, and the activities (kinds of the rule's) and/or the condition
// it covers. Where it holds, the rule does not forbid.
type ExceptSpec struct {
	Pos Pos `yaml:"-"`
	// ID names the exception among the notice's rule ids; cases cite it.
	ID Str `yaml:"id"`
	// Article defaults to the rule's.
	Article Str `yaml:"article"`
	// Text quotes the words that state it (休闲垂钓除外).
	Text Str `yaml:"text"`
	// Activities are the kinds of the rule's activities it covers.
	Activities []Str `yaml:"activities"`
	// If is the condition under which it covers them.
	If Str `yaml:"if"`
	// Interpretations are the ids of the interpretations it rests on.
	Interpretations []Str `yaml:"interpretations"`
}

// TermSpec is a consequence attached to a rule: an amount, a waiting period,
// a deadline — said as part of the answer.
type TermSpec struct {
	Pos Pos `yaml:"-"`
	// Name names the term; cases may ask for it.
	Name Str `yaml:"name"`
	// Value is the amount or period as printed.
	Value Str `yaml:"value"`
	// Text quotes its words.
	Text Str `yaml:"text"`
	// PerPerson is the amount the value states for each person (400元/人),
	// only where the text or a reading the rule cites states that figure:
	// the answer counts a household's total from it (5个人一共2000元).
	PerPerson *AmountSpec `yaml:"per_person"`
}

// AmountSpec is an amount a term states for each person: the figure and
// its unit as written in the term's value (400, 元).
type AmountSpec struct {
	Pos    Pos      `yaml:"-"`
	Amount *float64 `yaml:"amount"`
	Unit   Str      `yaml:"unit"`
}

// DutySpec is an obligation on officials (patrols, say), shown to them, not
// a citizen prohibition.
type DutySpec struct {
	Pos Pos `yaml:"-"`
	// ID names the duty within the notice.
	ID Str `yaml:"id"`
	// Article is the article that states it.
	Article Str `yaml:"article"`
	// Who is whom it obliges (镇、街道, 村（社区）).
	Who Str `yaml:"who"`
	// Text quotes its words.
	Text Str `yaml:"text"`
	// If is when it applies, in expr syntax.
	If Str `yaml:"if"`
	// Refer: where the notice's rules stop, this duty says who decides
	// instead (第三十三条: outside the planning area the towns apply the
	// measures by reference); an answer with no rule that meets its
	// condition names it.
	Refer bool `yaml:"refer"`
	// Interpretations are the ids of the interpretations it rests on.
	Interpretations []Str `yaml:"interpretations"`
}

// FactsFileSpec is the content of facts.yaml.
type FactsFileSpec struct {
	// Facts are the facts conditions may name.
	Facts []FactSpec `yaml:"facts"`
	// Implications are facts that follow from others (in forest land ⇒ distance 0).
	Implications []ImplicationSpec `yaml:"implications"`
}

// FactSpec declares a fact.
type FactSpec struct {
	Pos Pos `yaml:"-"`
	// Name names the fact (letters, digits, _); the same fact in two rule directories must be declared the same.
	Name Str `yaml:"name"`
	// Type is bool, number or enum.
	Type Str `yaml:"type"`
	// Min is a number fact's least value.
	Min *float64 `yaml:"min"`
	// Integer makes a number fact whole.
	Integer bool `yaml:"integer"`
	// Unit is a number fact's unit (m, days).
	Unit Str `yaml:"unit"`
	// ZH is the fact's Chinese label.
	ZH Str `yaml:"zh"`
	// EN is its English label.
	EN Str `yaml:"en"`
	// Doc says exactly what it means.
	Doc Str `yaml:"doc"`
	// Values are an enum fact's values.
	Values []Str `yaml:"values"`
	// Labels are the values' Chinese labels.
	Labels map[string]string `yaml:"labels"`
	// Divisions, a level such as township, takes an enum fact's values
	// from divisions.csv and makes the fact name the query's place.
	Divisions Str `yaml:"divisions"`
	// Published (daily, standing or orders) marks a fact a conditions
	// feed supplies (docs/feed.md).
	Published Str `yaml:"published"`
	// Consecutive derives a daily number fact from the feed: the count of
	// consecutive days up to and including the day asked about on which
	// this condition over other daily facts holds.
	Consecutive Str `yaml:"consecutive"`
}

// ImplicationSpec: when If holds, Then holds too.
type ImplicationSpec struct {
	Pos Pos `yaml:"-"`
	// If is a condition in expr syntax.
	If Str `yaml:"if"`
	// Then is what holds whenever If does.
	Then Str `yaml:"then"`
}

// CaseFile is a notice's declarative test cases: notices/NAME.cases.yaml
// beside notices/NAME.yaml.
type CaseFile struct {
	File string `yaml:"-"`
	// Notice is the notice's key: its number, or its id if it has none.
	Notice string     `yaml:"notice"`
	Cases  []CaseSpec `yaml:"cases"`
}

// CaseSpec is one case: a query and what the decision must say.
type CaseSpec struct {
	Pos Pos `yaml:"-"`
	// Name says what the case checks.
	Name string `yaml:"name"`
	// Activity is the act asked about, as a caller says it (a name or synonym).
	Activity string `yaml:"activity"`
	// At is the day (YYYY-MM-DD) or minute (YYYY-MM-DD HH:MM China time, or RFC 3339) asked about.
	At Str `yaml:"at"`
	// Place is the division asked about (a code or a name). Without it, a
	// case is asked where its notice applies (its one applies_in).
	Place string `yaml:"place"`
	// Facts are the facts the query gives, by name.
	Facts map[string]any `yaml:"facts"`
	// Want is the verdict: forbidden, allowed, conditional or no_rule.
	Want string `yaml:"want"`
	// Rules must each appear among the reasons (by rule id; another
	// notice's rule as NUMBER#id).
	Rules []string `yaml:"rules"`
	// Articles must each be cited by some reason.
	Articles []string `yaml:"articles"`
	// Windows must each be among the reasons' windows.
	Windows []string `yaml:"windows"`
	// Unknown, when present, is the exact list of deciding unknown facts.
	Unknown *[]string `yaml:"unknown"`
	// NextChange, when present, is the exact next change ("none" for none).
	NextChange string `yaml:"next_change"`
	// Notes are note codes that must be present.
	Notes []string `yaml:"notes"`
	// Terms are rule term names that must be present.
	Terms []string `yaml:"terms"`
	// Penalties, when present, is the exact list of the decision's
	// penalties by id (another notice's as NUMBER#id), in any order.
	Penalties *[]string `yaml:"penalties"`
	// Quote is the words of the source that decide the case, as printed
	// ("……" marks an omission); a test checks them against the gazette.
	Quote string `yaml:"quote"`
}
