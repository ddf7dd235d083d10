package hotline

import (
	"math"
	"strconv"
	"strings"

	"github.com/tonggao/tonggao/engine"
)

// claimSaid corrects a bound the caller heard (我记得离山五十米以内才不准)
// where the rule's differs: "您听到的“离山五十米以内”不对：禁火区域是不超过
// 100米（祁政通〔2024〕7号第二条）。" A caller who acts on a wrong bound
// will act on it again, so the answer says the right one; a bound heard
// right (一百米以外就不管了) gets nothing. The rule's bound is where the
// decision, asked again without the caller's own value of the fact, turns;
// "" when no claim states a bound, or the decision does not turn on it.
func (h *Hotline) claimSaid(l Lang, q *Query, d *engine.Decision) string {
	if d == nil || q.Activity == "" {
		return ""
	}
	for _, cb := range q.claimed {
		dd := d
		if _, ok := q.Facts[cb.fact]; ok {
			facts := q.EngineFacts()
			delete(facts, cb.fact)
			rd, err := h.eng.Decide(q.engineQuery(facts))
			if err != nil {
				continue
			}
			dd = rd
		}
		if dd.Verdict != engine.Conditional {
			continue
		}
		_, threshold := h.candidates(l, cb.fact, dd)
		t, err := strconv.ParseFloat(threshold, 64)
		// (a metre either way is how 以外 was read, not a wrong claim)
		if err != nil || math.Abs(t-cb.bound) <= 1 {
			continue
		}
		reach := h.reach(l, q, cb.fact, dd)
		if reach == "" {
			continue
		}
		// the condition the unknown fact leaves open names the bound
		for _, r := range dd.Reasons() {
			if r.Defeated() {
				continue
			}
			for _, c := range r.Conditions {
				// (the one whose text says the bound: 林地边缘100米以内, not
				// 全年防火 left open beside it)
				if c.Value != "unknown" || c.Article == "" || !strings.Contains(c.Text, threshold) {
					continue
				}
				name := c.Name
				if l == EN {
					name = h.cat.T(l, "claim.area")
				}
				cite := h.cat.T(l, "grounds.cite", "notice", r.Notice, "article", h.cat.Article(l, c.Article))
				return h.cat.T(l, "claim.bound", "words", cb.words, "name", name, "reach", reach, "cite", cite)
			}
		}
	}
	return ""
}
