package hotline

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// A notice's requirement (运输车辆应当密闭, 在工地现场安装喷淋降尘设备) is
// encoded as a ban on its breach (the rule files' requirement-as-ban
// reading), and the vocabulary names the breach by what is lacking or not
// done (没盖篷布, 不装喷淋, 拆房子不洒水). A caller asks the same rule the
// other way round: 拉渣土要盖篷布吗, 城里工地要不要装喷淋. requiredPhrase
// is a breach phrase read that way: the thing required (盖篷布) and the
// words said before the negator (拆房子, the breach's subject), which the
// call must say too.
type requiredPhrase struct {
	subject string
	w       word
}

// maxRequiredSubject is the longest subject (in characters) kept before a
// breach phrase's negator: a phrase with more before it (一点火都不能见)
// says more than what is lacking.
const maxRequiredSubject = 4

// requiredWords derives, at load, the required things from the act
// phrases (after lackVariants, so every negator of a lack is there): a
// phrase whose negator (of lack or required_lack), no word of a ban (不能, 不准), is followed by two
// or more characters with no negator among them. The A-not-A question (有没有, 要不要) negates
// nothing; a thing that is itself an act phrase (交医保 of 没交医保) is
// asked as that act.
func (p *parser) requiredWords() error {
	negs := slices.Concat(p.g.Lack, p.g.RequiredLack)
	slices.SortStableFunc(negs, func(a, b string) int { return len(b) - len(a) })
	hasNeg := func(s string) bool {
		return slices.ContainsFunc(negs, func(n string) bool { return strings.Contains(s, n) })
	}
	words := make([]string, 0, len(p.acts.words))
	for w := range p.acts.words {
		words = append(words, w)
	}
	slices.Sort(words)
	seen := map[[3]string]bool{}
	of := map[string]int{} // a thing's index in p.requiredThings
	for _, w := range words {
		ms := p.acts.words[w]
		if len(ms) == 0 || ms[0].activity == nil {
			continue
		}
		i, n := negatorIn(w, negs)
		if i < 0 {
			continue
		}
		subject, thing := w[:i], w[i+n:]
		// (不能见, 不准用: a ban said, not a lack — its act is forbidden,
		// nothing is required)
		if utf8.RuneCountInString(thing) < 2 || utf8.RuneCountInString(subject) > maxRequiredSubject || hasNeg(thing) ||
			negatorAsks(w, i, n) || len(p.acts.words[thing]) > 0 || p.hasPrefix(w[i:], p.g.Prohibitive) || p.hasPrefix(w[i:], p.g.Imperative) {
			continue
		}
		key := [3]string{thing, subject, ms[0].activity.ID}
		if seen[key] {
			continue
		}
		seen[key] = true
		k, ok := of[thing]
		if !ok {
			k = len(p.requiredThings)
			of[thing] = k
			p.requiredThings = append(p.requiredThings, thing)
			p.required = append(p.required, nil)
		}
		p.required[k] = append(p.required[k], requiredPhrase{subject: subject, w: ms[0]})
	}
	var err error
	if p.requiredScan, err = newWordScan(p.requiredThings); err != nil {
		return err
	}
	p.requiredAsk, err = newWordScan(p.g.RequiredAsk)
	return err
}

// negatorIn is the first negator of negs (longest first) in w, where it
// starts and its length; -1 for none.
func negatorIn(w string, negs []string) (int, int) {
	for i := 0; i < len(w); {
		for _, n := range negs {
			if strings.HasPrefix(w[i:], n) {
				return i, len(n)
			}
		}
		_, sz := utf8.DecodeRuneInString(w[i:])
		i += sz
	}
	return -1, 0
}

// negatorAsks reports whether the negator at w[i:i+n] sits between a
// character and itself (有没有, 要不要), or after 有 (有冇, Xiang for 有没有):
// a question, not a lack.
func negatorAsks(w string, i, n int) bool {
	if i == 0 || i+n >= len(w) {
		return false
	}
	a, _ := utf8.DecodeLastRuneInString(w[:i])
	b, _ := utf8.DecodeRuneInString(w[i+n:])
	return a == b || a == '有'
}

// requiredAsked adds the breach of every required thing the call asks
// whether one must do (拉渣土一定要盖篷布吗 → 建筑垃圾运输未全程密闭, asked
// as required): the thing said right after a word of RequiredAsk, free of
// any act read, its subject said too, and the clause a question — by a
// word of RequiredWhether before it, or one of Asking or AskingEnd ending
// the clause within a few characters after it (要装喷淋设备不). The act
// whose way the breach is (拉渣土, 工地), said before it in its clause, is
// its topic, not a second question.
func (p *parser) requiredAsked(rd *reading) {
	if p.requiredScan == nil || !p.requiredAsk.any(rd.text) {
		return
	}
	s := rd.text
	var found []hit
	p.requiredScan.eachAt(s, func(id, i, n int) {
		j := i + n
		if !rd.free(i, j) || slices.ContainsFunc(found, func(h hit) bool { return h.i < j && i < h.j }) {
			return
		}
		// the first phrase whose subject the call says before it
		k := slices.IndexFunc(p.required[id], func(r requiredPhrase) bool { return r.subject == "" || strings.Contains(s[:i], r.subject) })
		if k < 0 {
			return
		}
		r := p.required[id][k]
		m := p.askedBefore(rd, i)
		if m < 0 || !p.requiredQuestion(rd, m, i, j) {
			return
		}
		found = append(found, hit{i: m, j: j, w: r.w, clause: rd.clause(i), words: s[m:j], required: true})
	})
	for _, h := range found {
		rd.acts = slices.DeleteFunc(rd.acts, func(a hit) bool {
			topic := a.clause == h.clause && a.j <= h.i && a.w.activity != nil && !a.neg &&
				(slices.Contains(p.manners[a.w.activity.ID], h.w.activity) || a.w.activity == h.w.activity.Parent)
			if topic {
				h.i = min(h.i, a.i) // understood as the breach's words
			}
			return topic
		})
		h.words = s[h.i:h.j]
		rd.mark(h.i, h.j)
		rd.acts = append(rd.acts, h)
	}
}

// askedBefore is where the word of RequiredAsk that ends at byte i starts
// (the longest), or -1.
func (p *parser) askedBefore(rd *reading, i int) int {
	best := -1
	from := rd.windowStart(i, 6)
	p.requiredAsk.eachAt(rd.text[from:i], func(_, k, n int) {
		if from+k+n == i && (best < 0 || from+k < best) {
			best = from + k
		}
	})
	return best
}

// maxRequiredTail is how many characters may follow the thing in its
// clause before the question word that ends it (设备 of 要装喷淋设备不).
const maxRequiredTail = 4

// requiredQuestion reports whether the clause of the thing at i..j, asked
// with the word at m, is a question.
func (p *parser) requiredQuestion(rd *reading, m, i, j int) bool {
	c := rd.clause(i)
	if p.hasAny(rd.text[rd.windowStart(m, 4):i], p.g.RequiredWhether) {
		return true
	}
	tail := strings.TrimRight(rd.text[j:rd.clauseEnd(j, c)], "？?。！!，, ")
	if utf8.RuneCountInString(tail) > maxRequiredTail+1 {
		return false
	}
	for _, e := range slices.Concat(p.g.Asking, p.g.AskingEnd) {
		if strings.HasSuffix(tail, e) {
			return true
		}
	}
	// (要盖篷布？: the question mark is the next clause's first character)
	end := rd.clauseEnd(j, c)
	if tail != "" || end >= len(rd.text) {
		return false
	}
	r, _ := decodeRune(rd.text[end:])
	return r == '？' || r == '?'

}
