package cond

// Tree is a condition's syntax tree as expr's parser gives it, reduced to
// what the compiler looks at. The trees of the embedded rule base's
// conditions are built into the binary (package rules, go generate), so
// that loading them runs no parser: CompileParsed compiles a tree as
// Compile compiles its source.
type Tree struct {
	Kind TreeKind
	// Op is a unary or binary node's operator, as written ("&&", "and",
	// "not in", "-", …).
	Op string
	// Name is an identifier's name or a string constant's value; for a
	// TreeOther, what the node is, for the error that refuses it.
	Name string
	// Num is a number constant's value, Bool a boolean constant's.
	Num  float64
	Bool bool
	// From is where the node starts in the source, in runes from 0.
	From int
	// Args are a unary node's operand, a binary node's left and right
	// operands, or an array's elements.
	Args []*Tree
}

// TreeKind says what a Tree node is.
type TreeKind uint8

// The kinds of node. TreeOther is anything a condition may not contain
// (a call, member access, ?:, a map, …).
const (
	TreeOther TreeKind = iota
	TreeIdent
	TreeBool
	TreeNumber
	TreeString
	TreeArray
	TreeUnary
	TreeBinary
)

// describe names a node the compiler refuses on its own.
func (t *Tree) describe() string {
	switch t.Kind {
	case TreeNumber, TreeString:
		return "a constant on its own"
	case TreeArray:
		return "ArrayNode"
	}
	return t.Name
}
