package engine

import (
	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/rules/cond"
)

// referNotes adds, to an answer no rule decides, the duties of the plan's
// notices in force that say who decides where the notice's rules stop
// (rules.Duty.Refer) and whose condition holds: outside the planning area,
// the towns apply the construction-waste measures by reference. otherwise
// is for a conditional answer some of whose outcomes no rule decides: the
// note (referred_otherwise) says it holds where the rules cited do not.
func (e *Engine) referNotes(d *Decision, p *plan, day calendar.Date, st *cond.State, otherwise bool) {
	code := "referred"
	if otherwise {
		code = "referred_otherwise"
	}
	for _, n := range p.notices {
		if !e.inForce(n, day) {
			continue
		}
		for _, du := range n.Duties {
			if !du.Refer || du.Program.Eval(st) != cond.True {
				continue
			}
			where, town := "", ""
			// The place, where a fact naming a division (the town) gives it.
			for _, f := range e.set.Facts {
				if f.Divisions != 0 && f.Kind == cond.Enum && st.Str[f.Var.Slot] != "" {
					town = st.Str[f.Var.Slot]
					where = text("where", "town", town)
					break
				}
			}
			addNote(d, &note{Note: Note{Code: code, Notice: n.Name(), Text: text("note."+code, "notice", n.Ref(), "article", du.Article, "text", du.Text, "who", du.Who, "where", where),
				Args: map[string]string{"notice": n.Ref(), "article": du.Article, "text": du.Text, "who": du.Who, "town": town}}})
		}
	}
}
