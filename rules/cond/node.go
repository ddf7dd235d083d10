package cond

// node is a compiled condition. Evaluation follows Kleene's strong
// three-valued logic: False && Unknown is False, True || Unknown is True.
type node interface {
	eval(s *State) Tri
}

type constant Tri

func (c constant) eval(*State) Tri { return Tri(c) }

type boolVar int

func (b boolVar) eval(s *State) Tri { return s.Bool[b] }

type macroRef struct{ n node }

func (m macroRef) eval(s *State) Tri { return m.n.eval(s) }

type not struct{ x node }

func (n not) eval(s *State) Tri {
	switch n.x.eval(s) {
	case True:
		return False
	case False:
		return True
	}
	return Unknown
}

type and struct{ a, b node }

func (n and) eval(s *State) Tri {
	a := n.a.eval(s)
	if a == False {
		return False
	}
	b := n.b.eval(s)
	switch {
	case b == False:
		return False
	case a == True && b == True:
		return True
	}
	return Unknown
}

type or struct{ a, b node }

func (n or) eval(s *State) Tri {
	a := n.a.eval(s)
	if a == True {
		return True
	}
	b := n.b.eval(s)
	switch {
	case b == True:
		return True
	case a == False && b == False:
		return False
	}
	return Unknown
}

type op uint8

const (
	opEq op = iota
	opNe
	opLt
	opLe
	opGt
	opGe
)

func opCode(s string) op {
	switch s {
	case "!=":
		return opNe
	case "<":
		return opLt
	case "<=":
		return opLe
	case ">":
		return opGt
	case ">=":
		return opGe
	}
	return opEq
}

// numCmp compares a numeric fact, possibly known only as a range, with a
// constant: the answer is known when every value in the range gives it.
type numCmp struct {
	slot int
	op   op
	c    float64
}

func (n numCmp) eval(s *State) Tri {
	v := s.Num[n.slot]
	if !v.Known {
		return Unknown
	}
	lo, hi, c := v.Lo, v.Hi, n.c
	switch n.op {
	case opEq:
		if lo == c && hi == c {
			return True
		}
		if c < lo || c > hi {
			return False
		}
	case opNe:
		if lo == c && hi == c {
			return False
		}
		if c < lo || c > hi {
			return True
		}
	case opLt:
		if hi < c {
			return True
		}
		if lo >= c {
			return False
		}
	case opLe:
		if hi <= c {
			return True
		}
		if lo > c {
			return False
		}
	case opGt:
		if lo > c {
			return True
		}
		if hi <= c {
			return False
		}
	case opGe:
		if lo >= c {
			return True
		}
		if hi < c {
			return False
		}
	}
	return Unknown
}

type enumIn struct {
	slot int
	set  []string
	neg  bool
}

func (n enumIn) eval(s *State) Tri {
	v := s.Str[n.slot]
	if v == "" {
		return Unknown
	}
	in := false
	for _, x := range n.set {
		if x == v {
			in = true
			break
		}
	}
	return TriOf(in != n.neg)
}
