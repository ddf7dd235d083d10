package engine

import (
	"fmt"
	"strings"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/rules"
)

// The texts of notes, in one place.
const (
	msgTitleLevel   = "%s《%s》：规则库只有该文件的标题，没有全文；本答复依据标题所述。%s"
	msgNotInForce   = "%s《%s》%s 曾对此有规定（有效期 %s—%s），但 %s 不在其有效期内，不适用。"
	msgWindowInYear = "%s 的“%s”按其写法在 %d 年为 %s—%s（仅供参考）。"
	msgKinds        = "本规则库对“%s”本身没有规定，但对其中的 %s 有规定，请说明具体行为。"
	msgVerify       = "%s 按所给范围（%s）跨越了规则的界线，结论要看实际位置，请现场核实。"
	msgProjected    = "%s 所依据的法定节假日安排尚未公布，日期为推算（%s）。"
)

func (e *Engine) notes(d *Decision, p *plan, day calendar.Date, relevant []*rules.Dimension, g *given) {
	seen := map[string]bool{}
	add := func(n Note) {
		k := n.Code + n.Notice + n.Text
		if !seen[k] {
			seen[k] = true
			d.Notes = append(d.Notes, n)
		}
	}
	for _, r := range d.Reasons {
		if !r.TitleLevel {
			continue
		}
		if n, ok := e.set.Notice(r.Notice); ok {
			add(Note{Code: "title_level", Notice: n.Number, Text: fmt.Sprintf(msgTitleLevel, n.Number, n.Title, n.TitleOnlyNote),
				Args: map[string]string{"notice": n.Number, "title": n.Title}})
		}
	}
	for _, r := range d.Reasons {
		for _, w := range r.Windows {
			if w.Projected {
				add(Note{Code: "projected_holiday", Notice: r.Notice, Text: fmt.Sprintf(msgProjected, w.Name, w.Label),
					Args: map[string]string{"window": w.Name, "label": w.Label}})
			}
		}
	}
	for _, dim := range relevant {
		if dim.Fact != nil && g.has(dim.Fact) {
			add(Note{Code: "verify_on_ground", Text: fmt.Sprintf(msgVerify, dim.Var.Name, g.src[dim.Fact.Index]),
				Args: map[string]string{"fact": dim.Var.Name, "source": g.src[dim.Fact.Index]}})
		}
	}
	if d.Verdict != NoRule {
		return
	}
	for _, r := range p.rules {
		n := r.Notice
		if e.inForce(n, day) {
			continue
		}
		add(Note{Code: "not_in_force", Notice: n.Number, Text: fmt.Sprintf(msgNotInForce, n.Number, n.Title, r.Article, n.Effective, n.ValidUntil, day),
			Args: map[string]string{"notice": n.Number, "title": n.Title, "article": r.Article, "from": n.Effective.String(), "to": n.ValidUntil.String(), "day": day.String()}})
		for _, pw := range p.windows {
			if pw.w.Notice != n || !reads(r.Program, pw.w.Var) {
				continue
			}
			for _, iv := range pw.cw.Intervals() {
				if iv.From.Year() == day.Year() {
					add(Note{Code: "window_this_year", Notice: n.Number, Text: fmt.Sprintf(msgWindowInYear, n.Number, pw.w.Name, day.Year(), iv.From, iv.To),
						Args: map[string]string{"notice": n.Number, "window": pw.w.Name, "year": fmt.Sprint(day.Year()), "from": iv.From.String(), "to": iv.To.String()}})
				}
			}
		}
	}
	var names []string
	for _, k := range p.kinds {
		if e.governedOn(k, day) {
			names = append(names, k.Name)
		}
	}
	if len(names) > 0 && len(d.Reasons) == 0 {
		add(Note{Code: "kinds_governed", Text: fmt.Sprintf(msgKinds, p.act.Name, strings.Join(names, "、")),
			Args: map[string]string{"activity": p.act.Name, "kinds": strings.Join(names, "、")}})
	}
}

// governedOn reports whether a rule of a notice in force on day names a.
func (e *Engine) governedOn(a *rules.Activity, day calendar.Date) bool {
	for _, n := range e.set.Notices {
		if !e.inForce(n, day) {
			continue
		}
		for _, r := range n.Rules {
			for _, x := range r.Activities {
				if x == a {
					return true
				}
			}
		}
	}
	return false
}

// NoteCodes lists every Note.Code the engine produces, so that a catalogue
// rendering notes in other languages can be checked for completeness.
func NoteCodes() []string {
	return []string{"title_level", "projected_holiday", "verify_on_ground", "not_in_force", "window_this_year", "kinds_governed"}
}
