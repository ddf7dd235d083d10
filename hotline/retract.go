package hotline

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// retractFacts drops the fact phrases the caller took back right after
// saying them (他同意了——哦，其实他还不晓得; 物业指定的地方——哦，那里满了;
// 是抢险——不对，也不算抢险): a fact taken back is not stated, so that the
// answer never rests on it; what is said after it, if anything, is read
// there. Its words are heard, not left as words not understood.
func (p *parser) retractFacts(rd *reading) {
	out := rd.facts[:0]
	for _, f := range rd.facts {
		if p.takenBack(rd.text[f.j:]) || p.takenBack(p.afterVerb(rd.text[f.j:])) {
			rd.mark(f.i, f.j)
			continue
		}
		out = append(out, f)
	}
	rd.facts = out
}

// afterVerb is rest past a verb of one or two characters it starts with
// (给我爹交——哦，是给我老丈人交: the phrase's own act said before the
// pause), or "" when it starts with none.
func (p *parser) afterVerb(rest string) string {
	_, n := utf8.DecodeRuneInString(rest)
	_, m := utf8.DecodeRuneInString(rest[n:])
	for _, k := range []int{n + m, n} {
		if k > 0 && k <= len(rest) && p.verbSet[rest[:k]] {
			return rest[k:]
		}
	}
	return ""
}

// retractPause is a pause a correction is said after: a clause break, a
// space or a dash (——).
func retractPause(r rune) bool {
	return clauseBreak(r) || unicode.IsSpace(r) || r == '—' || r == '-' || r == '～' || r == '…'
}

// takenBack reports whether rest, the words right after a fact phrase,
// take it back: a pause, then a correction word or a retraction (其实,
// 也不算), a filler first or not (哦，其实), or a filler alone between
// pauses (——哦，). With no pause first the words deny or go on (不是在山上
// 是…, 其实 inside a clause), and are read as such.
func (p *parser) takenBack(rest string) bool {
	t := strings.TrimLeftFunc(rest, retractPause)
	if len(t) == len(rest) || t == "" {
		return false
	}
	dash := strings.ContainsAny(rest[:len(rest)-len(t)], "—-")
	for _, w := range p.g.RetractFillers {
		u, ok := strings.CutPrefix(t, w)
		if !ok {
			continue
		}
		v := strings.TrimLeftFunc(u, retractPause)
		if dash && len(v) < len(u) && v != "" {
			return true // ——哦，…: broken off (after a comma 哦 is a breath)
		}
		t = v
		break
	}
	if p.startsWithAny(t, p.g.Corrections) {
		return true
	}
	for _, w := range p.g.Retractions {
		if u, ok := strings.CutPrefix(t, w); ok {
			// 其实就是人行道上: the place said more closely, kept
			return !p.startsWithAny(strings.TrimLeftFunc(u, retractPause), p.g.RetractNarrows)
		}
	}
	for _, w := range p.g.CorrectionsAlone {
		if u, ok := strings.CutPrefix(t, w); ok {
			if r, _ := utf8.DecodeRuneInString(u); u != "" && retractPause(r) {
				return true // 城区，不是，…
			}
		}
	}
	return false
}
