package rules

import (
	"strconv"
	"strings"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/division"
	"github.com/tonggao/tonggao/rules/cond"
)

// Set is a loaded, validated rule base: the fact schema and every notice,
// with conditions compiled. It is immutable and safe for concurrent use.
type Set struct {
	Facts        []*Fact
	Implications []*Implication
	Notices      []*Notice
	Activities   []*Activity
	// Divisions names the divisions notices apply in and callers may name
	// (divisions.csv of every root, merged); nil when no root has one.
	Divisions *division.Table
	// Roots are the directories the set was loaded from, in order: what
	// else a directory holds (vocabulary, layers) is read from here.
	Roots []Root
	// Digest identifies the exact rule files of every root (sha256 over
	// names and bytes).
	Digest string
	// Counts of variable slots, for evaluation states.
	NumSlots, BoolSlots, StrSlots int

	factByName map[string]*Fact
	// readers[i] marks the implications whose condition reads the fact
	// implication i sets (bit j: Implications[j]); nil when there are more
	// than 64 (derive then tries them all on every pass).
	readers    []uint64
	activityBy map[string]*Activity // by id, name and synonym
	noticeBy   map[string]*Notice   // by number and by id
}

// Fact is a declared fact.
type Fact struct {
	// Index is the fact's position in Set.Facts.
	Index   int
	Name    string
	Kind    cond.Kind
	Min     *float64
	Integer bool
	Unit    string
	ZH, EN  string
	Doc     string
	Values  []string
	Labels  map[string]string
	// Divisions is set for a fact whose values are the names of divisions
	// at this level (divisions: township): the fact names the query's place.
	Divisions division.Level
	// Published says how a conditions feed supplies the fact (published:
	// in facts.yaml), so that no caller is asked for it and the engine
	// never carries a value beyond what was published; "" for a fact only
	// a query gives.
	Published Publication
	// Consecutive, for a fact published daily, derives it from the feed:
	// the number of consecutive days, up to and including the day asked
	// about, on which this condition over other daily facts holds
	// (consecutive: fire_danger_level >= 4). Nil when the feed gives the
	// fact itself.
	Consecutive *cond.Program
	// File and Pos are where the fact is declared (first, if in several
	// directories).
	File string
	Pos  Pos
	Var  *cond.Var
	// Boxed holds each enum value as an interface value, made once so that
	// reporting a fact does not allocate.
	Boxed map[string]any
	// consecutive is Consecutive as written, and where.
	consecutive    string
	consecutivePos Str
}

// Publication is how a feed publishes a fact.
type Publication string

// The ways a fact is published.
const (
	// Daily: a value holds for its date only (a fire-danger level); a day
	// with no value published has none.
	Daily Publication = "daily"
	// Standing: a value holds from its date until a later one replaces it
	// (the class of a place).
	Standing Publication = "standing"
	// Orders: a bool fact that is true where and while a declared order
	// (a 封山令) is in force, from a date-time to a date-time.
	Orders Publication = "orders"
)

// Implication: when If is true, the assignment Then holds.
type Implication struct {
	If *cond.Program
	// Then assigns Fact: a number (Number), true/false (Bool) or a value (Enum).
	Fact   *Fact
	Number float64
	Bool   bool
	Enum   string
	Text   string
	File   string
	Pos    Pos
}

// Notice is one encoded document.
type Notice struct {
	// Number is the document number as printed (文号), "" for a notice
	// that has none; ID is the id the file gives it. Key is whichever
	// identifies it, Name how answers cite it.
	Number       string
	ID           string
	Registration string
	Title        string
	Issuer       string
	Issued       calendar.Date
	Effective    calendar.Date
	// ValidUntil is the last day in force (inclusive). A notice that
	// gives none is in force until repealed (UntilRepealed is set):
	// ValidUntil is then rules.UntilRepealed, the calendar's last day.
	ValidUntil    calendar.Date
	UntilRepealed bool
	// AppliesIn lists the divisions the notice applies in; empty when the
	// notice does not say, and then it applies wherever the engine answers.
	AppliesIn       []division.Code
	ValidityArticle string
	ValidityText    string
	Source          string
	// TitleOnly marks a notice known only by its title in the register:
	// its rules state what the title says, and every answer relying on one
	// says the full text is not in the rule base.
	TitleOnly       bool
	TitleOnlyNote   string
	Contacts        []Contact
	Penalties       []*Penalty
	Interpretations []*Interpretation
	Activities      []*Activity
	Windows         []*Window
	Conditions      []*Condition
	Rules           []*Rule
	Duties          []*Duty
	DataNotes       []string
	// Root is the name of the directory the notice was loaded from; File
	// its path as errors give it.
	Root string
	File string
	Pos  Pos
}

// Key identifies the notice in the set: its number, or its id when it has
// none. Cases and overrides name notices by it.
func (n *Notice) Key() string {
	if n.Number != "" {
		return n.Number
	}
	return n.ID
}

// Name is how answers cite the notice: its number as printed, or, for a
// notice without one, its issuer, issue date and title — never an id or a
// placeholder.
func (n *Notice) Name() string {
	if n.Number != "" {
		return n.Number
	}
	return n.Ref() + "《" + n.Title + "》"
}

// Ref is what a citation that goes on with the title puts before it: the
// number, or the issuer and issue date of a notice without one.
func (n *Notice) Ref() string {
	if n.Number != "" {
		return n.Number
	}
	return n.Issuer + " " + n.Issued.String()
}

// InForce reports whether the notice is in force on d (inclusive ends).
func (n *Notice) InForce(d calendar.Date) bool {
	return !d.Before(n.Effective) && !d.After(n.ValidUntil)
}

// Contact is a hotline or office.
type Contact struct {
	Name    string   `json:"name"`
	Phones  []string `json:"phones"`
	Article string   `json:"article,omitempty"`
	Text    string   `json:"text,omitempty"`
	// Note is said after the phones but is not part of the quotation,
	// such as an area code the print leaves out.
	Note string `json:"note,omitempty"`
}

// Dial is the phones joined by sep, followed by the presentation note.
func (c Contact) Dial(sep string) string {
	return strings.Join(c.Phones, sep) + c.Note
}

// Penalty is what the notice says happens to violators: the sentence as
// printed, and what it states in structured form.
type Penalty struct {
	ID      string `json:"id,omitempty"`
	Article string `json:"article"`
	Text    string `json:"text"`
	// Rules are the ids of the rules whose violation it punishes.
	Rules []string `json:"rules,omitempty"`
	// Who it addresses (个人, 单位, 国家工作人员 …) and By whom.
	Who string `json:"who,omitempty"`
	By  string `json:"by,omitempty"`
	// Fine is the range in yuan where the text states one; nil otherwise.
	Fine      *Fine    `json:"fine,omitempty"`
	Sanctions []string `json:"sanctions,omitempty"`
	Basis     []string `json:"basis,omitempty"`
	// When, if set, is the window outside which the penalty is not said.
	When *Window `json:"-"`
	// Interpretations are the readings it rests on (who its Who are).
	Interpretations []*Interpretation `json:"-"`
}

// Fine is a fine's range in yuan; a bound the text does not state is nil.
type Fine struct {
	MinYuan *float64 `json:"min_yuan,omitempty"`
	MaxYuan *float64 `json:"max_yuan,omitempty"`
}

// Interpretation records how an unclear phrase of a notice is read.
type Interpretation struct {
	ID          string `json:"id"`
	Words       string `json:"words"`
	Reading     string `json:"reading"`
	Alternative string `json:"alternative"`
	Why         string `json:"why"`
}

// Activity is something people do that a rule may govern.
type Activity struct {
	ID       string
	Name     string
	EN       string
	Synonyms []string
	Parent   *Activity
	// Implies are the facts the activity's words settle (偷倒: not at a
	// designated place). They are the activity's own: a kind of it has its
	// own words and says what they imply.
	Implies []Assignment
	Notice  *Notice
	File    string
	Pos     Pos
}

// Assignment is a fact with one value: a number, true/false or an enum
// value (by Fact.Kind).
type Assignment struct {
	Fact   *Fact
	Number float64
	Bool   bool
	Enum   string
}

// Value returns the assigned value as a query would give it: float64, bool
// or string.
func (a Assignment) Value() any {
	switch a.Fact.Kind {
	case cond.Number:
		return a.Number
	case cond.Bool:
		return a.Bool
	}
	return a.Enum
}

// Store sets the fact to the value in st.
func (a Assignment) Store(st *cond.State) {
	switch a.Fact.Kind {
	case cond.Number:
		st.Num[a.Fact.Var.Slot] = cond.Exact(a.Number)
	case cond.Bool:
		st.Bool[a.Fact.Var.Slot] = cond.TriOf(a.Bool)
	default:
		st.Str[a.Fact.Var.Slot] = a.Enum
	}
}

// Holds reports whether st has the fact at the value exactly.
func (a Assignment) Holds(st *cond.State) bool {
	switch a.Fact.Kind {
	case cond.Number:
		n := st.Num[a.Fact.Var.Slot]
		return n.Known && n.Lo == a.Number && n.Hi == a.Number
	case cond.Bool:
		return st.Bool[a.Fact.Var.Slot] == cond.TriOf(a.Bool)
	}
	return st.Str[a.Fact.Var.Slot] == a.Enum
}

// String renders the assignment as "fact = value".
func (a Assignment) String() string {
	switch a.Fact.Kind {
	case cond.Number:
		return a.Fact.Name + " = " + cond.FormatNumber(a.Number)
	case cond.Bool:
		return a.Fact.Name + " = " + strconv.FormatBool(a.Bool)
	}
	return a.Fact.Name + " = " + a.Enum
}

// IsA reports whether a is b or a kind of b.
func (a *Activity) IsA(b *Activity) bool {
	for x := a; x != nil; x = x.Parent {
		if x == b {
			return true
		}
	}
	return false
}

// Window is a named window of a notice.
type Window struct {
	ID              string
	Name            string
	Spec            calendar.WindowSpec
	Article         string
	Text            string
	Interpretations []*Interpretation
	Var             *cond.Var
	Notice          *Notice
	Pos             Pos
}

// Condition is a named condition of a notice.
type Condition struct {
	ID              string
	Name            string
	Program         *cond.Program
	Article         string
	Text            string
	Interpretations []*Interpretation
	Var             *cond.Var
	Notice          *Notice
	Pos             Pos
}

// Effect is what a rule does to its activities.
type Effect string

// Effects.
const (
	Forbid Effect = "forbid"
	Allow  Effect = "allow"
)

// Rule is one encoded provision.
type Rule struct {
	ID         string
	Article    string
	Text       string
	Effect     Effect
	Activities []*Activity
	Program    *cond.Program
	Overrides  []*Rule
	// Exceptions are the rules that carve this rule's "除…外" out of it;
	// ExceptionOf, on such a rule, is the rule it carves from. An
	// exception allows and overrides its rule.
	Exceptions      []*Rule
	ExceptionOf     *Rule
	Residual        bool
	TitleLevel      bool
	Interpretations []*Interpretation
	Terms           []Term
	// Penalties are the notice's penalties for violating this rule.
	Penalties []*Penalty
	Notice    *Notice
	Pos       Pos
}

// Key is the rule's global name: notice key#rule id.
func (r *Rule) Key() string { return r.Notice.Key() + "#" + r.ID }

// Covers reports whether the rule governs activity a (a is one of its
// activities or a kind of one).
func (r *Rule) Covers(a *Activity) bool {
	for _, x := range r.Activities {
		if a.IsA(x) {
			return true
		}
	}
	return false
}

// Term is a consequence stated with a rule (an amount, a waiting period).
type Term struct {
	Name  string `json:"name"`
	Value string `json:"value,omitempty"`
	Text  string `json:"text,omitempty"`
	// PerPerson is the amount the value states for each person, nil when
	// the term states none (a waiting period, an amount not printed).
	PerPerson *Amount `json:"per_person,omitempty"`
}

// Amount is a figure with its unit as the text writes it (400 元).
type Amount struct {
	Value float64 `json:"value"`
	Unit  string  `json:"unit"`
}

// String writes the amount as the text does: 400元.
func (a Amount) String() string {
	return strconv.FormatFloat(a.Value, 'f', -1, 64) + a.Unit
}

// Duty is an obligation the notice puts on officials.
type Duty struct {
	ID      string
	Article string
	Who     string
	Text    string
	Program *cond.Program
	// Refer marks a duty that says who decides where the notice's rules
	// stop: an answer with no rule names it when its condition holds.
	Refer           bool
	Interpretations []*Interpretation
	Notice          *Notice
	Pos             Pos
}

// Fact returns the declared fact named name.
func (s *Set) Fact(name string) (*Fact, bool) { f, ok := s.factByName[name]; return f, ok }

// Activity finds an activity by id, Chinese name or synonym.
func (s *Set) Activity(name string) (*Activity, bool) {
	a, ok := s.activityBy[name]
	return a, ok
}

// ActivityNames returns every id, name and synonym, for suggestions.
func (s *Set) ActivityNames() []string {
	out := make([]string, 0, len(s.activityBy))
	for k := range s.activityBy {
		out = append(out, k)
	}
	return out
}

// Notice finds a notice by its document number as printed, or by its id.
func (s *Set) Notice(key string) (*Notice, bool) {
	n, ok := s.noticeBy[key]
	return n, ok
}

// Canonical returns the enum value s names — the value itself or its label
// (重点森林防火区 for key) — or "" if it names none.
func (f *Fact) Canonical(s string) string {
	s = strings.TrimSpace(s)
	for _, v := range f.Values {
		if v == s {
			return v
		}
	}
	for v, label := range f.Labels {
		if label == s {
			return v
		}
	}
	return ""
}
