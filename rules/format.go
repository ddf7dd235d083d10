package rules

import (
	"fmt"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/token"
)

// The file-format types — what each rule-directory file may say — are all
// here, each field with its YAML key: FactsFileSpec (facts.yaml), FileSpec
// (notices/NAME.yaml) and CaseFile (notices/NAME.cases.yaml). Str is a
// string that remembers where it was written.

// Pos is a position in a rule file: 1-based line and column.
type Pos struct {
	Line, Col int
}

func posOf(n ast.Node) Pos {
	if n == nil || n.GetToken() == nil || n.GetToken().Position == nil {
		return Pos{}
	}
	p := n.GetToken().Position
	return Pos{Line: p.Line, Col: p.Column}
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

// UnmarshalYAML implements yaml.NodeUnmarshaler.
func (s *Str) UnmarshalYAML(n ast.Node) error {
	s.Pos = posOf(n)
	switch v := n.(type) {
	case *ast.StringNode:
		s.Value = v.Value
		s.Quoted = v.Token.Type == token.DoubleQuoteType || v.Token.Type == token.SingleQuoteType
	case *ast.NullNode:
		s.Value = ""
	case *ast.LiteralNode:
		// A block scalar (| or >): its text, folded and chomped as its
		// indicators say. It is a ScalarNode too, whose token is the "|".
		s.Value, s.Block = v.Value.Value, v.Start.Value[0]
		s.raw, s.rawLine = v.Value.GetToken().Origin, posOf(v).Line
		s.Pos = s.At(0)
	case ast.ScalarNode:
		// Numbers, booleans and timestamps are taken as written: document
		// numbers and dates are text to us, never YAML-typed values.
		s.Value = v.GetToken().Value
	default:
		return yamlErrorf(n, "want a single value, got %s", strings.ToLower(n.Type().String()))
	}
	return nil
}

// node errors carry their position through yaml's error interface.
type nodeError struct {
	tok *token.Token
	msg string
}

func (e *nodeError) Error() string                 { return e.msg }
func (e *nodeError) GetToken() *token.Token        { return e.tok }
func (e *nodeError) GetMessage() string            { return e.msg }
func (e *nodeError) FormatError(bool, bool) string { return e.msg }

func yamlErrorf(n ast.Node, format string, args ...any) error {
	return &nodeError{tok: n.GetToken(), msg: fmt.Sprintf(format, args...)}
}

// decodeStrict decodes a node into v, rejecting unknown keys.
func decodeStrict(n ast.Node, v any) error {
	return yaml.NodeToValue(n, v, yaml.DisallowUnknownField())
}

// FileSpec is the content of one notice file as written.
type FileSpec struct {
	Notice          NoticeSpec           `yaml:"notice"`
	Interpretations []InterpretationSpec `yaml:"interpretations"`
	Activities      []ActivitySpec       `yaml:"activities"`
	Windows         []WindowSpec         `yaml:"windows"`
	Conditions      []ConditionSpec      `yaml:"conditions"`
	Rules           []RuleSpec           `yaml:"rules"`
	Duties          []DutySpec           `yaml:"duties"`
	DataNotes       []Str                `yaml:"data_notes"`
}

// NoticeSpec is a notice's identity.
type NoticeSpec struct {
	// Number is the document number as printed (文号); ID names a notice
	// that has none (and may name one that has).
	Number          Str           `yaml:"number"`
	ID              Str           `yaml:"id"`
	Registration    Str           `yaml:"registration"`
	Title           Str           `yaml:"title"`
	Issuer          Str           `yaml:"issuer"`
	Issued          Str           `yaml:"issued"`
	Effective       Str           `yaml:"effective"`
	ValidUntil      Str           `yaml:"valid_until"`
	ValidityArticle Str           `yaml:"validity_article"`
	ValidityText    Str           `yaml:"validity_text"`
	Source          Str           `yaml:"source"`
	TitleOnly       bool          `yaml:"title_only"`
	TitleOnlyNote   Str           `yaml:"title_only_note"`
	Contacts        []ContactSpec `yaml:"contacts"`
	Penalties       []PenaltySpec `yaml:"penalties"`
	// AppliesIn lists where the notice applies: division codes or names
	// from divisions.csv.
	AppliesIn []Str `yaml:"applies_in"`
}

// ContactSpec is a hotline or office the notice names.
type ContactSpec struct {
	Pos     Pos   `yaml:"-"`
	Name    Str   `yaml:"name"`
	Phones  []Str `yaml:"phones"`
	Article Str   `yaml:"article"`
	Text    Str   `yaml:"text"`
}

// PenaltySpec is what the notice says happens to violators: the sentence
// quoted, the rules whose violation it punishes, and what the text states
// in structured form.
type PenaltySpec struct {
	Pos     Pos `yaml:"-"`
	ID      Str `yaml:"id"`
	Article Str `yaml:"article"`
	Text    Str `yaml:"text"`
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
}

// FineSpec is a fine's range in yuan as the text states it.
type FineSpec struct {
	Pos Pos      `yaml:"-"`
	Min *float64 `yaml:"min"`
	Max *float64 `yaml:"max"`
}

// InterpretationSpec records how an unclear phrase was read.
type InterpretationSpec struct {
	Pos         Pos `yaml:"-"`
	ID          Str `yaml:"id"`
	Words       Str `yaml:"words"`
	Reading     Str `yaml:"reading"`
	Alternative Str `yaml:"alternative"`
	Why         Str `yaml:"why"`
}

// ActivitySpec declares an activity.
type ActivitySpec struct {
	Pos      Pos   `yaml:"-"`
	ID       Str   `yaml:"id"`
	Name     Str   `yaml:"name"`
	EN       Str   `yaml:"en"`
	Parent   Str   `yaml:"parent"`
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

// UnmarshalYAML implements yaml.NodeUnmarshaler.
func (s *FactValuesSpec) UnmarshalYAML(n ast.Node) error {
	s.Pos = posOf(n)
	if _, null := n.(*ast.NullNode); null {
		return nil
	}
	m, ok := n.(ast.MapNode)
	if !ok {
		return yamlErrorf(n, "want a mapping of fact names to values, e.g. {designated_place: false}")
	}
	for it := m.MapRange(); it.Next(); {
		var k, v Str
		if err := k.UnmarshalYAML(it.Key()); err != nil {
			return err
		}
		if err := v.UnmarshalYAML(it.Value()); err != nil {
			return err
		}
		s.Names, s.Values = append(s.Names, k), append(s.Values, v)
	}
	return nil
}

// WindowSpec names a window in the calendar package's textual form.
type WindowSpec struct {
	Pos             Pos   `yaml:"-"`
	ID              Str   `yaml:"id"`
	Name            Str   `yaml:"name"`
	When            Str   `yaml:"when"`
	Article         Str   `yaml:"article"`
	Text            Str   `yaml:"text"`
	Interpretations []Str `yaml:"interpretations"`
}

// ConditionSpec is a named condition other conditions may use.
type ConditionSpec struct {
	Pos             Pos   `yaml:"-"`
	ID              Str   `yaml:"id"`
	Name            Str   `yaml:"name"`
	If              Str   `yaml:"if"`
	Article         Str   `yaml:"article"`
	Text            Str   `yaml:"text"`
	Interpretations []Str `yaml:"interpretations"`
}

// RuleSpec is one rule: an article that forbids or allows activities.
type RuleSpec struct {
	Pos             Pos        `yaml:"-"`
	ID              Str        `yaml:"id"`
	Article         Str        `yaml:"article"`
	Text            Str        `yaml:"text"`
	Effect          Str        `yaml:"effect"`
	Activities      []Str      `yaml:"activities"`
	If              Str        `yaml:"if"`
	Overrides       []Str      `yaml:"overrides"`
	Residual        bool       `yaml:"residual"`
	Interpretations []Str      `yaml:"interpretations"`
	Terms           []TermSpec `yaml:"terms"`
	TitleLevel      bool       `yaml:"title_level"`
	// Except lists the cases the rule's own words carve out ("除…外").
	Except []ExceptSpec `yaml:"except"`
}

// ExceptSpec is an exception a forbidding rule states: the words that
// state it, and the activities (kinds of the rule's) and/or the condition
// it covers. Where it holds, the rule does not forbid.
type ExceptSpec struct {
	Pos             Pos   `yaml:"-"`
	ID              Str   `yaml:"id"`
	Article         Str   `yaml:"article"`
	Text            Str   `yaml:"text"`
	Activities      []Str `yaml:"activities"`
	If              Str   `yaml:"if"`
	Interpretations []Str `yaml:"interpretations"`
}

// TermSpec is a consequence attached to a rule: an amount, a waiting period,
// a deadline — said as part of the answer.
type TermSpec struct {
	Pos   Pos `yaml:"-"`
	Name  Str `yaml:"name"`
	Value Str `yaml:"value"`
	Text  Str `yaml:"text"`
}

// DutySpec is an obligation on officials (patrols, say), shown to them, not
// a citizen prohibition.
type DutySpec struct {
	Pos     Pos `yaml:"-"`
	ID      Str `yaml:"id"`
	Article Str `yaml:"article"`
	Who     Str `yaml:"who"`
	Text    Str `yaml:"text"`
	If      Str `yaml:"if"`
	// Refer: where the notice's rules stop, this duty says who decides
	// instead (第三十三条: outside the planning area the towns apply the
	// measures by reference); an answer with no rule that meets its
	// condition names it.
	Refer           bool  `yaml:"refer"`
	Interpretations []Str `yaml:"interpretations"`
}

// FactsFileSpec is the content of facts.yaml.
type FactsFileSpec struct {
	Facts        []FactSpec        `yaml:"facts"`
	Implications []ImplicationSpec `yaml:"implications"`
}

// FactSpec declares a fact.
type FactSpec struct {
	Pos     Pos               `yaml:"-"`
	Name    Str               `yaml:"name"`
	Type    Str               `yaml:"type"`
	Min     *float64          `yaml:"min"`
	Integer bool              `yaml:"integer"`
	Unit    Str               `yaml:"unit"`
	ZH      Str               `yaml:"zh"`
	EN      Str               `yaml:"en"`
	Doc     Str               `yaml:"doc"`
	Values  []Str             `yaml:"values"`
	Labels  map[string]string `yaml:"labels"`
	// Divisions, a level such as township, takes an enum fact's values
	// from divisions.csv and makes the fact name the query's place.
	Divisions Str `yaml:"divisions"`
}

// ImplicationSpec: when If holds, Then holds too.
type ImplicationSpec struct {
	Pos  Pos `yaml:"-"`
	If   Str `yaml:"if"`
	Then Str `yaml:"then"`
}

// The list item types record their own position; the decoder calls these.

func (s *ContactSpec) UnmarshalYAML(n ast.Node) error {
	type plain ContactSpec
	s.Pos = posOf(n)
	return decodeStrict(n, (*plain)(s))
}

func (s *PenaltySpec) UnmarshalYAML(n ast.Node) error {
	type plain PenaltySpec
	s.Pos = posOf(n)
	return decodeStrict(n, (*plain)(s))
}

func (s *FineSpec) UnmarshalYAML(n ast.Node) error {
	type plain FineSpec
	s.Pos = posOf(n)
	return decodeStrict(n, (*plain)(s))
}

func (s *InterpretationSpec) UnmarshalYAML(n ast.Node) error {
	type plain InterpretationSpec
	s.Pos = posOf(n)
	return decodeStrict(n, (*plain)(s))
}

func (s *ActivitySpec) UnmarshalYAML(n ast.Node) error {
	type plain ActivitySpec
	s.Pos = posOf(n)
	return decodeStrict(n, (*plain)(s))
}

func (s *WindowSpec) UnmarshalYAML(n ast.Node) error {
	type plain WindowSpec
	s.Pos = posOf(n)
	return decodeStrict(n, (*plain)(s))
}

func (s *ConditionSpec) UnmarshalYAML(n ast.Node) error {
	type plain ConditionSpec
	s.Pos = posOf(n)
	return decodeStrict(n, (*plain)(s))
}

func (s *RuleSpec) UnmarshalYAML(n ast.Node) error {
	type plain RuleSpec
	s.Pos = posOf(n)
	return decodeStrict(n, (*plain)(s))
}

func (s *TermSpec) UnmarshalYAML(n ast.Node) error {
	type plain TermSpec
	s.Pos = posOf(n)
	return decodeStrict(n, (*plain)(s))
}

func (s *ExceptSpec) UnmarshalYAML(n ast.Node) error {
	type plain ExceptSpec
	s.Pos = posOf(n)
	return decodeStrict(n, (*plain)(s))
}

func (s *DutySpec) UnmarshalYAML(n ast.Node) error {
	type plain DutySpec
	s.Pos = posOf(n)
	return decodeStrict(n, (*plain)(s))
}

func (s *FactSpec) UnmarshalYAML(n ast.Node) error {
	type plain FactSpec
	s.Pos = posOf(n)
	return decodeStrict(n, (*plain)(s))
}

func (s *ImplicationSpec) UnmarshalYAML(n ast.Node) error {
	type plain ImplicationSpec
	s.Pos = posOf(n)
	return decodeStrict(n, (*plain)(s))
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
	Pos      Pos    `yaml:"-"`
	Name     string `yaml:"name"`
	Activity string `yaml:"activity"`
	At       Str    `yaml:"at"`
	// Place is the division asked about (a code or a name). Without it, a
	// case is asked where its notice applies (its one applies_in).
	Place string         `yaml:"place"`
	Facts map[string]any `yaml:"facts"`
	Want  string         `yaml:"want"`
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

func (c *CaseSpec) UnmarshalYAML(n ast.Node) error {
	type plain CaseSpec
	c.Pos = posOf(n)
	return decodeStrict(n, (*plain)(c))
}
