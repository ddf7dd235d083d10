package engine

import (
	"encoding/json"
	"slices"

	"github.com/tonggao/tonggao/rules"
)

// A decision's penalties are those of its reasons: a rule's penalties are
// the notice's sentences that punish violating it (rules.Rule.Penalties),
// so an answer on buying new seed does not list the penalty for picking
// early. A penalty whose window does not hold on the day is not said (9号:
// the deadline for putting things right, once passed).

// rulePenalty is a penalty with the notice it comes from.
type rulePenalty struct {
	n *rules.Notice
	p *rules.Penalty
}

// appendPenalties appends to out the penalties of the reasons not set aside
// by an exception, in the reasons' order and once each.
func (d *Decision) appendPenalties(out []rulePenalty) []rulePenalty {
	for _, rs := range d.reasons {
		if rs.status == overridden {
			continue
		}
		r := d.p.rules[rs.rule]
		for _, pen := range r.Penalties {
			if w := pen.When; w != nil {
				if _, ok := d.p.e.window(w).Find(d.Date); !ok {
					continue
				}
			}
			if !slices.ContainsFunc(out, func(x rulePenalty) bool { return x.p == pen }) {
				out = append(out, rulePenalty{r.Notice, pen})
			}
		}
	}
	return out
}

// noticePenalty is a fresh copy of pen for a caller.
func noticePenalty(n *rules.Notice, pen *rules.Penalty) NoticePenalty {
	np := NoticePenalty{Notice: n.Name(), Penalty: *pen}
	np.Rules, np.Sanctions, np.Basis = slices.Clone(pen.Rules), slices.Clone(pen.Sanctions), slices.Clone(pen.Basis)
	if f := pen.Fine; f != nil {
		c := rules.Fine{}
		if f.MinYuan != nil {
			v := *f.MinYuan
			c.MinYuan = &v
		}
		if f.MaxYuan != nil {
			v := *f.MaxYuan
			c.MaxYuan = &v
		}
		np.Fine = &c
	}
	np.When = nil
	return np
}

// penaltyJSON encodes each penalty, for AppendJSON (see sharedJSON).
func (e *Engine) penaltyJSON() map[*rules.Penalty][]byte {
	out := map[*rules.Penalty][]byte{}
	for _, n := range e.set.Notices {
		for _, pen := range n.Penalties {
			out[pen], _ = json.Marshal(NoticePenalty{Notice: n.Name(), Penalty: *pen})
		}
	}
	return out
}

// appendPenaltiesJSON appends the decision's penalties as a JSON field,
// nothing when there are none.
func (d *Decision) appendPenaltiesJSON(dst []byte) []byte {
	var buf [8]rulePenalty
	ps := d.appendPenalties(buf[:0])
	if len(ps) == 0 {
		return dst
	}
	dst = append(dst, `,"penalties":[`...)
	js := d.p.e.sharedJSON().penalties
	for i, rp := range ps {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, js[rp.p]...)
	}
	return append(dst, ']')
}
