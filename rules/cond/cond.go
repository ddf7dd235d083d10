// Package cond compiles rule conditions into programs that evaluate in
// three-valued (Kleene) logic over facts that may be unknown or known only
// within a range.
//
// A condition is written in the syntax of github.com/expr-lang/expr, which
// type-checks it at load time, but only a small, safe subset is accepted:
// comparisons of one fact with constants (==, !=, <, <=, >, >=, in), boolean
// facts, window names and named conditions, combined with &&, ||, ! (and the
// words and, or, not). There are no calls, no arithmetic and no loops, so the
// cost of a condition is bounded by its size, and every threshold a condition
// tests is known at load time — which is what lets the engine say which
// unknown fact decides an answer and what each answer would be.
//
// A condition can also be compiled from its syntax tree (Parse, then
// CompileParsed), which package rules builds into the binary for the
// embedded rule base so that loading it runs no parser.
package cond

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// Tri is a three-valued truth value.
type Tri uint8

// The three truth values. The zero value is False.
const (
	False Tri = iota
	True
	Unknown
)

func (t Tri) String() string {
	switch t {
	case True:
		return "true"
	case False:
		return "false"
	}
	return "unknown"
}

// TriOf converts a bool.
func TriOf(b bool) Tri {
	if b {
		return True
	}
	return False
}

// Kind is the type of a variable.
type Kind uint8

// Variable kinds.
const (
	Number Kind = iota + 1
	Bool
	Enum
)

func (k Kind) String() string {
	switch k {
	case Number:
		return "number"
	case Bool:
		return "bool"
	case Enum:
		return "enum"
	}
	return "invalid"
}

// Var is a variable a condition may name: a fact, a window (a Bool that is
// always known), or a named condition.
type Var struct {
	Name   string
	Kind   Kind
	Slot   int      // index into State.Num, State.Bool or State.Str by Kind
	Values []string // Enum: the allowed values
	// Window marks a Bool variable that stands for "the query day is inside
	// this window"; it is always known.
	Window bool
	// Macro is set for a named condition; its program is evaluated in place.
	Macro *Program
}

// Env declares the variables conditions may use.
type Env struct {
	vars map[string]*Var
	// mu guards check, expr's configuration for type-checking conditions
	// over vars (a *conf.Config where expr is linked): made once for the
	// conditions compiled between two declarations (making it per
	// condition was a fifth of a cold load).
	mu    sync.Mutex
	check any
}

// NewEnv returns an empty environment.
func NewEnv() *Env { return &Env{vars: map[string]*Var{}} }

// Declare adds a variable. A name may be declared once.
func (e *Env) Declare(v *Var) error {
	if v.Name == "" {
		return errors.New("variable with an empty name")
	}
	if _, dup := e.vars[v.Name]; dup {
		return fmt.Errorf("%q is declared twice", v.Name)
	}
	if v.Kind < Number || v.Kind > Enum {
		return fmt.Errorf("%q: invalid kind", v.Name)
	}
	e.mu.Lock()
	e.vars[v.Name] = v
	e.check = nil
	e.mu.Unlock()
	return nil
}

// Lookup returns the variable named name.
func (e *Env) Lookup(name string) (*Var, bool) {
	v, ok := e.vars[name]
	return v, ok
}

// Num is a numeric fact: unknown, exact (Lo == Hi) or known to lie in the
// closed range [Lo, Hi] (a GPS reading with its accuracy, say).
type Num struct {
	Lo, Hi float64
	Known  bool
}

// Exact returns a known number.
func Exact(x float64) Num { return Num{Lo: x, Hi: x, Known: true} }

// State holds the values of one evaluation. Bool entries use Unknown for an
// unknown fact; Str entries use "" for an unknown enum.
type State struct {
	Num  []Num
	Bool []Tri
	Str  []string
}

// Program is a compiled condition. It is immutable and safe for concurrent
// use.
type Program struct {
	Source string
	root   node
	// Vars lists every fact and window the condition reads, directly or
	// through named conditions, without duplicates, in first-use order.
	Vars []*Var
	// Macros lists the named conditions it uses, directly or indirectly.
	Macros []*Var
	// Thresholds holds, per numeric variable name, the sorted constants it is
	// compared with.
	Thresholds map[string][]float64
	// EnumValues holds, per enum variable name, the constants it is compared
	// with.
	EnumValues map[string][]string
	// Cost is the number of nodes one evaluation may visit, named
	// conditions expanded.
	Cost int
}

// Eval evaluates the program. It does not allocate.
func (p *Program) Eval(s *State) Tri { return p.root.eval(s) }

// Error is a compile error at a 1-based column of the condition text
// (counted in runes from its start, over line breaks).
type Error struct {
	Column int
	Msg    string
}

func (e *Error) Error() string { return fmt.Sprintf("column %d: %s", e.Column, e.Msg) }

// MaxNodes bounds the size of one condition as written, MaxSourceBytes its
// text, and MaxCost its size with every named condition it uses expanded:
// a named condition is evaluated afresh wherever it is named, so a chain of
// conditions each naming the previous one twice would double the cost at
// every link. The bound makes the cost of any decision known at load time.
const (
	MaxNodes       = 256
	MaxSourceBytes = 4096
	MaxCost        = 4096
)

// Compile type-checks src with expr and compiles it into a Program.
func Compile(src string, env *Env) (*Program, error) {
	if err := checkSource(src); err != nil {
		return nil, err
	}
	tree, err := parse(src, env)
	if err != nil {
		return nil, err
	}
	return compile(src, tree, env)
}

// CompileParsed compiles a condition from its tree, as Compile compiles
// its source, without parsing or type-checking it with expr: the trees of
// the embedded rule base's conditions are built into the binary by go
// generate (package rules), so that a load does not run expr at all.
// tree must be Parse(src); Compile's type-check is not needed because
// every condition expr's checker refuses, the compiler refuses too
// (TestCompileParsedAgrees). When it does, the error is expr's, as from
// Compile, in builds that link expr.
func CompileParsed(src string, tree *Tree, env *Env) (*Program, error) {
	if err := checkSource(src); err != nil {
		return nil, err
	}
	p, err := compile(src, tree, env)
	if err != nil && exprLinked {
		return Compile(src, env)
	}
	return p, err
}

// checkSource refuses an empty or overlong condition before it is parsed.
func checkSource(src string) error {
	if strings.TrimSpace(src) == "" {
		return &Error{Column: 1, Msg: "empty condition"}
	}
	if len(src) > MaxSourceBytes {
		return &Error{Column: 1, Msg: fmt.Sprintf("condition is %d bytes long; at most %d", len(src), MaxSourceBytes)}
	}
	return nil
}

func compile(src string, tree *Tree, env *Env) (*Program, error) {
	c := &compiler{env: env, prog: &Program{Source: src, Thresholds: map[string][]float64{}, EnumValues: map[string][]string{}}, seen: map[string]bool{}}
	root, err := c.boolean(tree)
	if err != nil {
		return nil, err
	}
	if c.prog.Cost > MaxCost {
		return nil, &Error{Column: 1, Msg: fmt.Sprintf("condition costs %d steps with its named conditions expanded; at most %d (name fewer conditions, or the same one fewer times)", c.prog.Cost, MaxCost)}
	}
	c.prog.root = root
	for name, ts := range c.prog.Thresholds {
		sort.Float64s(ts)
		c.prog.Thresholds[name] = uniqueFloats(ts)
	}
	return c.prog, nil
}

type compiler struct {
	env  *Env
	prog *Program
	seen map[string]bool
}

func (c *compiler) errAt(n *Tree, format string, args ...any) error {
	return &Error{Column: n.From + 1, Msg: fmt.Sprintf(format, args...)}
}

func (c *compiler) use(v *Var) {
	if c.seen[v.Name] {
		return
	}
	c.seen[v.Name] = true
	if v.Macro != nil {
		c.prog.Macros = append(c.prog.Macros, v)
		for _, m := range v.Macro.Macros {
			if !c.seen[m.Name] {
				c.seen[m.Name] = true
				c.prog.Macros = append(c.prog.Macros, m)
			}
		}
		for _, u := range v.Macro.Vars {
			c.use(u)
		}
		for name, ts := range v.Macro.Thresholds {
			c.prog.Thresholds[name] = append(c.prog.Thresholds[name], ts...)
		}
		for name, vs := range v.Macro.EnumValues {
			c.prog.EnumValues[name] = appendUnique(c.prog.EnumValues[name], vs...)
		}
		return
	}
	c.prog.Vars = append(c.prog.Vars, v)
}

func (c *compiler) boolean(n *Tree) (node, error) {
	c.prog.Cost++
	switch n.Kind {
	case TreeBool:
		return constant(TriOf(n.Bool)), nil
	case TreeIdent:
		v, ok := c.env.Lookup(n.Name)
		if !ok {
			return nil, c.errAt(n, "unknown name %q", n.Name)
		}
		c.use(v)
		if v.Macro != nil {
			c.prog.Cost += v.Macro.Cost
			return macroRef{v.Macro.root}, nil
		}
		if v.Kind != Bool {
			return nil, c.errAt(n, "%s is a %s, not a condition; compare it with a value", n.Name, v.Kind)
		}
		return boolVar(v.Slot), nil
	case TreeUnary:
		if n.Op != "!" && n.Op != "not" {
			return nil, c.errAt(n, "operator %q is not allowed in a condition", n.Op)
		}
		x, err := c.boolean(n.Args[0])
		if err != nil {
			return nil, err
		}
		return not{x}, nil
	case TreeBinary:
		switch n.Op {
		case "&&", "and", "||", "or":
			a, err := c.boolean(n.Args[0])
			if err != nil {
				return nil, err
			}
			b, err := c.boolean(n.Args[1])
			if err != nil {
				return nil, err
			}
			if n.Op == "&&" || n.Op == "and" {
				return and{a, b}, nil
			}
			return or{a, b}, nil
		case "==", "!=", "<", "<=", ">", ">=":
			return c.compare(n)
		case "in", "not in":
			return c.in(n, n.Op == "not in")
		}
		return nil, c.errAt(n, "operator %q is not allowed in a condition", n.Op)
	}
	return nil, c.errAt(n, "%s is not allowed in a condition: compare facts with constants and combine with &&, ||, !", n.describe())
}

// flip gives the operator for swapped operands: 3 < x is x > 3.
var flip = map[string]string{"==": "==", "!=": "!=", "<": ">", "<=": ">=", ">": "<", ">=": "<="}

func (c *compiler) compare(n *Tree) (node, error) {
	op := n.Op
	id, lit := n.Args[0], n.Args[1]
	if id.Kind != TreeIdent {
		id, lit, op = n.Args[1], n.Args[0], flip[op]
	}
	if id.Kind != TreeIdent {
		return nil, c.errAt(n, "a comparison needs a fact on one side and a constant on the other")
	}
	v, ok := c.env.Lookup(id.Name)
	if !ok {
		return nil, c.errAt(id, "unknown name %q", id.Name)
	}
	if v.Macro != nil || v.Window {
		// a == true on a condition: fold to the condition itself.
		if lit.Kind != TreeBool || (op != "==" && op != "!=") {
			return nil, c.errAt(n, "%s is a condition; use it directly or negate it with !", id.Name)
		}
		x, err := c.boolean(id)
		if err != nil {
			return nil, err
		}
		if lit.Bool == (op == "==") {
			return x, nil
		}
		return not{x}, nil
	}
	c.use(v)
	switch v.Kind {
	case Bool:
		if lit.Kind != TreeBool || (op != "==" && op != "!=") {
			return nil, c.errAt(n, "%s is true or false: compare it with == true / == false, or use it directly", v.Name)
		}
		var x node = boolVar(v.Slot)
		if lit.Bool != (op == "==") {
			x = not{x}
		}
		return x, nil
	case Number:
		x, ok := number(lit)
		if !ok {
			return nil, c.errAt(lit, "%s is a number: compare it with a number", v.Name)
		}
		c.prog.Thresholds[v.Name] = append(c.prog.Thresholds[v.Name], x)
		return numCmp{slot: v.Slot, op: opCode(op), c: x}, nil
	case Enum:
		if lit.Kind != TreeString || (op != "==" && op != "!=") {
			return nil, c.errAt(n, "%s is one of %s: compare it with == or != and a quoted value", v.Name, strings.Join(v.Values, ", "))
		}
		if err := c.checkEnum(v, lit); err != nil {
			return nil, err
		}
		return enumIn{slot: v.Slot, set: []string{lit.Name}, neg: op == "!="}, nil
	}
	return nil, c.errAt(n, "cannot compare %s", v.Name)
}

func (c *compiler) checkEnum(v *Var, s *Tree) error {
	for _, val := range v.Values {
		if val == s.Name {
			c.prog.EnumValues[v.Name] = appendUnique(c.prog.EnumValues[v.Name], s.Name)
			return nil
		}
	}
	return c.errAt(s, "%s has no value %q (values: %s)", v.Name, s.Name, strings.Join(v.Values, ", "))
}

func (c *compiler) in(n *Tree, neg bool) (node, error) {
	ident, arr := n.Args[0], n.Args[1]
	if ident.Kind != TreeIdent || arr.Kind != TreeArray {
		return nil, c.errAt(n, "write in as: fact in [value, value, …]")
	}
	v, found := c.env.Lookup(ident.Name)
	if !found {
		return nil, c.errAt(ident, "unknown name %q", ident.Name)
	}
	c.use(v)
	switch v.Kind {
	case Enum:
		set := make([]string, 0, len(arr.Args))
		for _, el := range arr.Args {
			if el.Kind != TreeString {
				return nil, c.errAt(el, "%s takes quoted values", v.Name)
			}
			if err := c.checkEnum(v, el); err != nil {
				return nil, err
			}
			set = append(set, el.Name)
		}
		return enumIn{slot: v.Slot, set: set, neg: neg}, nil
	case Number:
		var x node = constant(False)
		for _, el := range arr.Args {
			f, isNum := number(el)
			if !isNum {
				return nil, c.errAt(el, "%s takes numbers", v.Name)
			}
			c.prog.Thresholds[v.Name] = append(c.prog.Thresholds[v.Name], f)
			x = or{x, numCmp{slot: v.Slot, op: opEq, c: f}}
		}
		if neg {
			x = not{x}
		}
		return x, nil
	}
	return nil, c.errAt(n, "%s cannot be used with in", v.Name)
}

func number(n *Tree) (float64, bool) {
	switch n.Kind {
	case TreeNumber:
		return n.Num, !math.IsNaN(n.Num) && !math.IsInf(n.Num, 0)
	case TreeUnary:
		if n.Op == "-" {
			x, ok := number(n.Args[0])
			return -x, ok
		}
	}
	return 0, false
}

// FormatNumber prints a threshold without a trailing .0.
func FormatNumber(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

func uniqueFloats(xs []float64) []float64 {
	out := xs[:0]
	for i, x := range xs {
		if i == 0 || x != xs[i-1] {
			out = append(out, x)
		}
	}
	return out
}

func appendUnique(xs []string, add ...string) []string {
	for _, a := range add {
		found := false
		for _, x := range xs {
			if x == a {
				found = true
				break
			}
		}
		if !found {
			xs = append(xs, a)
		}
	}
	return xs
}
