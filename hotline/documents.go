package hotline

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/hotline/dates"
	"github.com/tonggao/tonggao/hotline/vocab"
	"github.com/tonggao/tonggao/hotline/zh"
	"github.com/tonggao/tonggao/register"
	"github.com/tonggao/tonggao/rules"
)

// isDocument: the call asks about a document — its number, or a document
// word with a validity word (这个文件还有效吗, 禁火令还有效吗).
func (p *parser) isDocument(rd *reading) bool {
	// (号文, 号令 looked up in the text's index first; a number with its
	// issuer needs a digit before 号, as reDoc does: issuerSaid finds none
	// without one)
	if rd.mayHold1("号") && strings.Contains(rd.text, "号") && ((rd.mayHold1("号文") || rd.mayHold1("号令")) && p.saysDocN(rd.text) ||
		digitBeforeHao(rd.text) && (p.docPrefix(rd.text) && p.reDoc.MatchString(rd.text) || p.issuerSaid(rd.text)) ||
		p.docPrefix(rd.text) && p.saysIssuerSerial(rd.text)) {
		// 8号文件说的茶籽开摘日期是哪天: a number said as where the answer
		// is written, with an act after it and a question of that act (when,
		// how much) and none of validity, asks of the act
		return !p.asksOfActAfterNumber(rd)
	}
	if p.textHas(rd, p.g.Document) && p.saysOutsideActs(rd, p.g.ValidityOfDocument) && !p.actOfDayCounts(rd, p.g.ValidityOfDocument) {
		return true // 那个通告 过年还管不管
	}
	if p.saysOutsideActs(rd, p.g.Validity) && (p.textHas(rd, p.g.Document) ||
		strings.Contains(rd.text, "号") && (len(rd.acts) == 0 && !p.dayOfPeriodAsked(rd) && !p.validityHearsay(rd) || numberSignOutsideDays(rd))) &&
		!p.actSaidAfter(rd, p.g.Validity) && !p.validityThen(rd) && !p.actOfDayCounts(rd, p.g.Validity) {
		return true
	}
	if p.textHas(rd, p.g.Document) && (p.saysOutsideActs(rd, p.g.DocumentCount) || p.saysOutsideActs(rd, p.g.DocumentUnlisted)) {
		return true // 宣布失效了好多件文件, 冇列进目录的老文件
	}
	if p.saysOutsideActs(rd, p.g.IssuerAsks) {
		return true // 禁火期是谁定的: who issued the notice that sets it
	}
	return p.asksOfDocument(rd)
}

// validityHearsay reports whether every word of validity the text says is
// what someone says, right after a word of reporting (莫又讲过期了, 不会又
// 讲过期了吧): a caller who names no document fears that the day he asks
// of is past — he asks of his act on that day, not of a document's
// validity (12月31号还能按四百交不，莫又讲过期了).
func (p *parser) validityHearsay(rd *reading) bool {
	said, all := false, true
	wordsAt(rd.text, p.g.Validity, func(_ string, i int) bool {
		said = true
		before := strings.TrimSuffix(strings.TrimSuffix(rd.text[:i], "又"), "都")
		if !p.endsWithAny(before, p.g.Reported) || p.endsWithAny(before, p.g.ReportedNot) {
			all = false
		}
		return all
	})
	return said && all
}

// actOfDayCounts reports whether one of words, of validity, is said right after the
// verb of an act, with a day said in its clause (12月31号当天交还算不算):
// whether the act done that day still counts is asked, not whether the
// document holds.
func (p *parser) actOfDayCounts(rd *reading, words []string) bool {
	found := false
	wordsAt(rd.text, words, func(_ string, i int) bool {
		// (十月二号以后交还有用不: a clause may break before the word, 还
		// opening it — the verb's clause is the one that holds the day)
		c := rd.clause(i)
		right := func(h hit) bool {
			if !h.neg && h.j <= i && utf8.RuneCountInString(strings.TrimPrefix(rd.text[h.j:i], p.g.DoneParticle)) == 0 && (h.clause == c || h.j == i) {
				c = h.clause
				return true
			}
			return false
		}
		if !slices.ContainsFunc(rd.verbs, right) && !slices.ContainsFunc(rd.acts, func(h hit) bool { return h.w.activity != nil && right(h) }) {
			return true
		}
		found = slices.ContainsFunc(rd.dates, func(m dates.Mention) bool { return !m.Bad && !m.Weak && rd.clause(m.Start) == c && m.End <= i })
		return !found
	})
	return found
}

// wordsAt calls f with each of words and each place i text says it, word
// by word, left to right, until f returns false.
func wordsAt(text string, words []string, f func(w string, i int) bool) {
	for _, w := range words {
		if w == "" {
			continue
		}
		for at := 0; at < len(text); {
			k := strings.Index(text[at:], w)
			if k < 0 {
				break
			}
			i := at + k
			at = i + len(w)
			if !f(w, i) {
				return
			}
		}
	}
}

// validityThen reports whether a document's validity is asked of then
// (BackThen: 那时候, 当时), pointing back to a day said with an act of the
// rule set before it (去年8月25号在山上野炊被人说了，那个时候禁火令生效了没有):
// whether the document governed that act that day — the act is asked of its
// day.
func (p *parser) validityThen(rd *reading) bool {
	for _, w := range p.g.BackThen {
		k := strings.Index(rd.text, w)
		if k < 0 || !p.hasAny(rd.text[k:], p.g.Validity) {
			continue
		}
		day := slices.ContainsFunc(rd.dates, func(m dates.Mention) bool { return !m.Bad && !m.Weak && m.End <= k })
		act := slices.ContainsFunc(rd.acts, func(h hit) bool { return h.w.activity != nil && !h.neg && h.j <= k })
		if day && act {
			return true
		}
	}
	return false
}

// actSaidAfter reports whether an act of the rule set, not told as the
// time of another, is said after the last of words said outside an act: a
// message that names the document where it read a day (看到通知说办法9月14日
// 起施行，想确认一下：当天在城区路边乱倒建筑垃圾算违规吗; 2024年8月31日（禁火令
// 施行前一天）在山上烧荒是否违规) asks of the act, not of the document.
func (p *parser) actSaidAfter(rd *reading, words []string) bool {
	last := -1
	wordsAt(rd.text, words, func(w string, i int) bool {
		if !rd.inAct(i, i+len(w)) && i+len(w) > last {
			last = i + len(w)
		}
		return true
	})
	return last >= 0 && slices.ContainsFunc(rd.acts, func(h hit) bool {
		return h.w.activity != nil && h.i >= last && !h.when && !h.neg
	})
}

// asksOfActAfterNumber reports whether a covered act is said after the
// last 号 of the text, the text asks a kind of question beyond "may I"
// (几号, 多少) after that 号, and says no word of validity.
func (p *parser) asksOfActAfterNumber(rd *reading) bool {
	k := strings.LastIndex(rd.text, "号")
	if k < 0 || p.saysOutsideActs(rd, p.g.Validity) || p.hasAny(rd.text, p.g.DocumentAsks) {
		return false
	}
	after := k + len("号")
	return slices.ContainsFunc(rd.acts, func(h hit) bool { return h.w.activity != nil && h.i >= after }) && p.asksKind(rd.text[after:])
}

// dropDocumentDays takes out of the days read each day said right before
// a document word (8号文件, 8号通告): it names the document the answer is
// written in, not the day asked about.
func (p *parser) dropDocumentDays(rd *reading) {
	kept := rd.dates[:0]
	for _, m := range rd.dates {
		if !strings.HasSuffix(rd.text[m.Start:m.End], "号") || !p.startsWithAny(rd.text[m.End:], p.g.Document) {
			kept = append(kept, m)
		}
	}
	rd.dates = kept
}

// asksOfDocument: a document word is said, and after it what the caller
// asks of the document — its name, number, year, how long it runs (医保
// 那个文件叫什么名字, 油茶那个通告到什么时候); neither inside an act's
// words. 到什么时候 said before the document word (到什么时候能摘 通告上
// 写了吗) asks of an act.
func (p *parser) asksOfDocument(rd *reading) bool {
	if !p.textHas(rd, p.g.Document) {
		return false
	}
	first := -1
	for _, w := range p.g.Document {
		if k := strings.Index(rd.text, w); k >= 0 && !rd.inAct(k, k+len(w)) && (first < 0 || k < first) {
			first = k
		}
	}
	if first < 0 {
		return false
	}
	for _, w := range p.g.DocumentWhere {
		// 哪里能看到油茶采摘那个通告: where to read it, asked before the
		// document word in its clause — what lies between names it
		if k := strings.Index(rd.text, w); k >= 0 && k+len(w) <= first && rd.clause(k) == rd.clause(first) && !rd.inCovered(k, k+len(w)) {
			return true
		}
	}
	for _, w := range slices.Concat(p.g.DocumentAsks, p.g.DocumentWhere) {
		// the ask after the document word, or holding it (是哪个文件管的)
		k := strings.Index(rd.text, w)
		for k >= 0 && k+len(w) <= first {
			next := strings.Index(rd.text[k+len(w):], w)
			if next < 0 {
				k = -1
				break
			}
			k += len(w) + next
		}
		// (在哪里看 holds 看, an act no rule covers: the document's ask)
		if k < 0 || rd.inAct(k, k+len(w)) && !(slices.Contains(p.g.DocumentWhere, w) && !rd.inCovered(k, k+len(w))) {
			continue
		}
		// 通知讲…山上不准用火，到么子时候为止: the notice's words reported
		// with an act in them, and how long asked, ask of the act
		if slices.Contains(p.g.UntilAsks, w) && p.reportsActIn(rd, first, k) {
			continue
		}
		// 村里通知讲的什么，是不是不准上山烧纸: what it says, asked with a
		// covered act, asks of the act
		if slices.Contains(p.g.DocumentContent, w) && slices.ContainsFunc(rd.acts, func(h hit) bool { return h.w.activity != nil }) {
			continue
		}
		// 有人在山上烧田埂，依据哪个文件处理: the ground an act said before
		// is handled on — the act's answer, its citation the document
		if p.basisOfActBefore(rd, k) {
			continue
		}
		// 通告上说到什么时候能摘茶籽: an act said after it in its clause is
		// what is asked
		end := k + len(w)
		if !slices.ContainsFunc(rd.acts, func(h hit) bool { return h.i >= end && rd.clause(h.i) == rd.clause(end-1) }) {
			return true
		}
	}
	return false
}

// basisOfActBefore reports whether the document ask at byte k follows a
// word of ground (依据, 按: p.g.BasisOf) and an act, covered or not, done
// or not (狗不拴), is said before it: 越界摘茶籽的依据哪个文件
// asks how the picking is dealt with, 管放鞭炮的是哪个文件 asks of the
// document.
func (p *parser) basisOfActBefore(rd *reading, k int) bool {
	if p.hasSuffixLen(rd.text[:k], p.g.BasisOf) == 0 {
		return false
	}
	return slices.ContainsFunc(rd.acts, func(h hit) bool { return h.j <= k && !h.when })
}

// reportsActIn reports whether, between from and to, a word reporting
// what was said (讲, 说: p.g.Reported) is followed by a covered act.
func (p *parser) reportsActIn(rd *reading, from, to int) bool {
	for _, w := range p.g.Reported {
		k := strings.Index(rd.text[from:to], w)
		if k < 0 {
			continue
		}
		k += from + len(w)
		if slices.ContainsFunc(rd.acts, func(h hit) bool { return h.w.activity != nil && h.i >= k && h.j <= to }) {
			return true
		}
	}
	return false
}

// numberSignOutsideDays: a 号 of the text is outside every day read (12月31号
// is a day): with an act heard, only such a 号 may be a document's number
// (12月31号交医保 算数不 asks whether paying then counts).
func numberSignOutsideDays(rd *reading) bool {
	for off := 0; ; {
		i := strings.Index(rd.text[off:], "号")
		if i < 0 {
			return false
		}
		i += off
		off = i + len("号")
		if !slices.ContainsFunc(rd.dates, func(m dates.Mention) bool { return m.Start <= i && i < m.End }) {
			return true
		}
	}
}

// dayOfPeriodAsked reports whether a word of validity is said right before
// a period's name (1月1号交 还算不算集中缴费期, 4月30号那天还算不算禁火期):
// whether the day said lies in the period, not whether a document holds.
func (p *parser) dayOfPeriodAsked(rd *reading) bool {
	for _, w := range p.g.Validity {
		for off := 0; ; {
			k := strings.Index(rd.text[off:], w)
			if k < 0 {
				break
			}
			off += k + len(w)
			if _, n := p.periods.longest(rd.text[off:]); n > 0 {
				return true
			}
		}
	}
	return false
}

// saysOutsideActs reports whether the call says one of words other than
// inside an act it names: 过期 of 卖过期食品 asks no document's validity
// (城区店里卖过期食品 有没有规定 asks about the act).
func (p *parser) saysOutsideActs(rd *reading, words []string) bool {
	for _, w := range words {
		for at := 0; rd.mayHold1(w); {
			k := strings.Index(rd.text[at:], w)
			if k < 0 {
				break
			}
			i := at + k
			inside := false
			for _, h := range rd.acts {
				if i >= h.i && i+len(w) <= h.j {
					inside = true
					break
				}
			}
			if !inside {
				return true
			}
			at = i + len(w)
		}
	}
	return false
}

// reDocShort is a document number typed in shorthand: the words before
// it, the year, a separator and the number, perhaps with 号 (祁政通2022-6,
// 祁政发2021/2号, 祁政通2021.6号). Compiled on first use.
var reDocShort = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`([\p{Han}]{2,5}?)\s*((?:19|20)[0-9]{2})\s*[-/.／－—_·]\s*([0-9]{1,3})\s*号?`)
})

// docShorthand writes a document number typed in shorthand as the
// register writes it (祁政通2022-6 → 祁政通〔2022〕6号) when the words
// before the year end with an issuer the rule set or its register knows,
// as written or as it sounds; other text is returned as it came.
func (p *parser) docShorthand(text string) string {
	if !strings.ContainsAny(text, "-/.／－—_·") || !strings.ContainsAny(text, "0123456789") {
		return text // no separator or no digit: most calls
	}
	return reDocShort().ReplaceAllStringFunc(text, func(m string) string {
		sm := reDocShort().FindStringSubmatch(m)
		if _, _, ok := p.issuer(sm[1]); !ok {
			return m
		}
		return sm[1] + "〔" + sm[2] + "〕" + sm[3] + "号"
	})
}

// docPrefix: the text holds the first character of a document number's
// prefix (祁 of 祁政通).
func (p *parser) docPrefix(text string) bool {
	for _, r := range p.docFirst {
		if strings.ContainsRune(text, r) {
			return true
		}
	}
	return false
}

// docRef is a document number said in a call.
type docRef struct {
	// start and end are the number's bytes in the text, from the issuer
	// (or the words said before the year when no issuer is heard) to 号
	start, end int
	// issuer is the issuer's prefix as the rule set writes it (祁政发
	// for 祈政发), or the words said before the year when none is heard
	issuer string
	known  bool
	year   int
	number string
	// of is set for a number said after another with a connector and no
	// issuer of its own (祁政通〔2024〕7号和8号, …23号和〔2020〕3号): the
	// issuer, and the year unless said, are the earlier number's
	of bool
}

// String is the number as the register writes it: 祁政发〔2019〕23号.
func (d docRef) String() string { return fmt.Sprintf("%s〔%d〕%s号", d.issuer, d.year, d.number) }

// docRefs are the document numbers said in text, in the order said.
func (p *parser) docRefs(text string) []docRef {
	if !digitBeforeHao(text) {
		return nil // no number said before 号: the regexp need not scan the call
	}
	var out []docRef
	for _, m := range p.reDoc.FindAllStringSubmatchIndex(text, -1) {
		run := text[m[2]:m[3]]
		d := docRef{start: m[2], end: m[1], issuer: run}
		if iss, at, ok := p.issuer(run); ok {
			d.issuer, d.start, d.known = iss, m[2]+at, true
		}
		for g := 2; g <= 4; g++ { // the year's three ways of being said
			if m[2*g] >= 0 {
				d.year, _ = strconv.Atoi(text[m[2*g]:m[2*g+1]])
			}
		}
		if d.year < 100 { // 24年: this century's
			d.year += 2000
		}
		d.number = text[m[10]:m[11]]
		if !d.known {
			// 油茶那个2024年8号: the words before the year are no issuer
			if n, ok := p.byNumber(text, d.year, d.number); ok {
				d.issuer, d.known = n.Prefix, true
				d.start = m[3] + len(text[m[3]:]) - len(strings.TrimLeft(text[m[3]:], " \t\u3000"))
			}
		}
		out = append(out, d)
		out = p.docRefsAfter(text, d, out)
	}
	out = p.bareDocRefs(text, out)
	return p.dropTakenBack(text, out)
}

// yearSerial is a document number without its issuer: 〔2024〕8号.
type yearSerial struct {
	year   int
	serial int
}

// numberedDoc is a document the rule set or its register knows, with the
// subject of its title as titles are compared (generic words taken out).
type numberedDoc struct {
	number  register.Number
	subject string
	title   string
}

// numberedDocs indexes the notices' and the register's documents by year
// and serial, once, at load time.
func numberedDocs(eng *engine.Engine, generic *strings.Replacer) map[yearSerial][]numberedDoc {
	out := map[yearSerial][]numberedDoc{}
	add := func(number, title string) {
		n, err := register.ParseNumber(number)
		if err != nil {
			return
		}
		k := yearSerial{n.Year, n.Serial}
		if slices.ContainsFunc(out[k], func(d numberedDoc) bool { return d.number == n }) {
			return
		}
		out[k] = append(out[k], numberedDoc{number: n, subject: generic.Replace(subjectOf(title)), title: title})
	}
	if reg := eng.Register(); reg != nil {
		for _, e := range reg.Entries() {
			add(e.Number.String(), e.Title)
		}
	}
	for _, n := range eng.Rules().Notices {
		add(n.Number, n.Title)
	}
	return out
}

// byNumber is the document a year and serial said without an issuer name:
// the only one known by them, or the one whose title shares the longest
// run of the call's words (2022年8号那个森林防火令: the fire order, not
// the 2022 letter of the same serial); none when the words pick none.
func (p *parser) byNumber(text string, year int, serial string) (register.Number, bool) {
	s, err := strconv.Atoi(serial)
	if err != nil {
		return register.Number{}, false
	}
	docs := p.numbered[yearSerial{year, s}]
	switch len(docs) {
	case 0:
		return register.Number{}, false
	case 1:
		return docs[0].number, true
	}
	best, second, at := 0, 0, -1
	for i, d := range docs {
		n := longestCommon(text, d.subject)
		switch {
		case n > best:
			best, second, at = n, best, i
		case n > second:
			second = n
		}
	}
	if at < 0 || best < 2 || best == second {
		return p.byKind(text, docs)
	}
	return docs[at].number, true
}

// byKind is the one of docs whose title ends with a document kind the
// call says (〔2024〕8号通告: the 通告, not the 通知 of the same number);
// none when no kind is said or it picks none or several.
func (p *parser) byKind(text string, docs []numberedDoc) (register.Number, bool) {
	var found register.Number
	n := 0
	for _, d := range docs {
		title := strings.TrimRight(d.title, "》」” ")
		for _, k := range p.g.DocumentKinds {
			if strings.HasSuffix(title, k) && strings.Contains(text, k) {
				found, n = d.number, n+1
				break
			}
		}
	}
	return found, n == 1
}

// namesDoc reports whether words name d's document by its title's own
// words: a run of at least four characters of its subject.
func (p *parser) namesDoc(words string, d docRef) bool {
	n, err := strconv.Atoi(d.number)
	if err != nil {
		return false
	}
	for _, doc := range p.numbered[yearSerial{d.year, n}] {
		if doc.number.Prefix == d.issuer && longestCommon(words, doc.subject) >= 4 {
			return true
		}
	}
	return false
}

// reDocBare is a document's year and serial said with no words before the
// year (2022年8号那个森林防火令, 是2023年5号): reDoc needs two characters
// before it. Compiled on first use.
var reDocBare = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?:[〔（(\[【]\s*((?:19|20)[0-9]{2})\s*[〕）)\]】]|((?:19|20)[0-9]{2})\s*年)\s*第?\s*([0-9]{1,3})\s*号`)
})

// bareDocRefs adds to out, in the order said, each year and serial said
// outside the numbers read that names a document the rule set or its
// register knows.
func (p *parser) bareDocRefs(text string, out []docRef) []docRef {
	if !strings.Contains(text, "年") && !strings.ContainsAny(text, "〔（([【") {
		return out
	}
	added := false
	for _, m := range reDocBare().FindAllStringSubmatchIndex(text, -1) {
		if slices.ContainsFunc(out, func(d docRef) bool { return m[0] < d.end && d.start < m[1] }) {
			continue
		}
		y := 2 // 〔2024〕8号 or 2024年8号
		if m[y] < 0 {
			y = 4
		}
		year, _ := strconv.Atoi(text[m[y]:m[y+1]])
		serial := text[m[6]:m[7]]
		n, ok := p.byNumber(text, year, serial)
		if !ok {
			continue
		}
		out = append(out, docRef{start: m[0], end: m[1], issuer: n.Prefix, known: true, year: year, number: serial})
		added = true
	}
	if added {
		slices.SortStableFunc(out, func(a, b docRef) int { return a.start - b.start })
	}
	return out
}

// dropTakenBack drops a number the caller took back for a later one:
// said right after a correcting 不是 (不是祁政通2024年7号 是2022年8号), or
// before a correction (…6号，讲错了，是2023年4号), with another after it. 是不是祁政通…号 asks, and takes nothing back.
func (p *parser) dropTakenBack(text string, out []docRef) []docRef {
	if len(out) < 2 {
		return out
	}
	kept := out[:0:0]
	for i, d := range out {
		before := strings.TrimRight(text[:d.start], " \t\u3000，,")
		taken := false
		for _, w := range p.g.CorrectionsAlone {
			if strings.HasSuffix(before, w) && !strings.HasSuffix(before, "是"+w) && w != "不" {
				taken = true
			}
		}
		if i+1 < len(out) && p.hasAny(text[d.end:out[i+1].start], p.g.Corrections) {
			taken = true // 祁政通2022年6号，讲错了，是2023年4号
		}
		if taken && i+1 < len(out) {
			continue
		}
		kept = append(kept, d)
	}
	return kept
}

// saysDocN reports whether text says a number as a document's (7号文件,
// 三号令): reDocN, run only where 号文 or 号令 is said — it would scan
// every call with a 号 otherwise.
func (p *parser) saysDocN(text string) bool {
	return (strings.Contains(text, "号文") || strings.Contains(text, "号令")) && p.reDocN.MatchString(text)
}

// digitBeforeHao reports whether 号 follows a digit (spaces between) in
// text, as every document number reDoc reads ends: 7号, 〔2024〕 8 号.
func digitBeforeHao(text string) bool {
	for at := 0; ; {
		k := strings.Index(text[at:], "号")
		if k < 0 {
			return false
		}
		before := strings.TrimRight(text[:at+k], " \t\u3000")
		if n := len(before); n > 0 && before[n-1] >= '0' && before[n-1] <= '9' {
			return true
		}
		at += k + len("号")
	}
}

// reDocMore is a document number's year and number, or number alone,
// said after another number and a connector (和〔2023〕6号, 跟9号).
// Compiled on first use: every command runs the package initialisers.
var reDocMore = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^\s*(?:[〔（(\[【]\s*((?:19|20)?[0-9]{2})\s*[〕）)\]】]|((?:19|20)[0-9]{2})\s*年)?\s*第?\s*([0-9]{1,3})\s*号`)
})

// docRefsAfter appends the numbers said after d, each after a connector
// or a pause (祁政通〔2024〕7号和8号还有效吗: 祁政通〔2024〕8号 too).
func (p *parser) docRefsAfter(text string, d docRef, out []docRef) []docRef {
	for at := d.end; ; {
		rest := strings.TrimLeft(text[at:], " ")
		skip := len(text[at:]) - len(rest)
		joined := false
		for _, c := range append(p.g.Connectors, "、", "，", ",") {
			if strings.HasPrefix(rest, c) {
				skip += len(c)
				joined = true
				break
			}
		}
		if !joined {
			return out
		}
		m := reDocMore().FindStringSubmatchIndex(text[at+skip:])
		if m == nil {
			return out
		}
		n := d
		n.of, n.start, n.end = true, at+skip, at+skip+m[1]
		for g := 1; g <= 2; g++ {
			if m[2*g] >= 0 {
				n.year, _ = strconv.Atoi(text[at+skip+m[2*g] : at+skip+m[2*g+1]])
				if n.year < 100 {
					n.year += 2000
				}
			}
		}
		n.number = text[at+skip+m[6] : at+skip+m[7]]
		out = append(out, n)
		at = n.end
	}
}

// issuerSaid: the text says a document number with an issuer the rule set
// or its register knows, as written or as it sounds (祈政发2019年23号).
func (p *parser) issuerSaid(text string) bool {
	for _, d := range p.docRefs(text) {
		if d.known {
			return true
		}
	}
	return false
}

// issuer is the known issuer's prefix that the words said before a
// document's year end with (那个祁政通 → 祁政通), and where it starts in
// them: as written, else as it sounds character by character, as a phone
// writes what was said (祈政发 → 祁政发, 祁正通 → 祁政通). The longest
// prefix wins.
func (p *parser) issuer(run string) (string, int, bool) {
	for _, kp := range p.issuers {
		if strings.HasSuffix(run, kp) {
			return kp, len(run) - len(kp), true
		}
	}
	rs := []rune(run)
	for _, kp := range p.issuers {
		ks := []rune(kp)
		if len(ks) > len(rs) {
			continue
		}
		tail := rs[len(rs)-len(ks):]
		if p.soundsAlike(tail, ks) {
			return kp, len(run) - len(string(tail)), true
		}
	}
	return "", 0, false
}

// soundsAlike: a and b are as many characters, each pair the same
// character or sharing a toneless reading.
func (p *parser) soundsAlike(a, b []rune) bool {
	if len(a) != len(b) {
		return false
	}
	var ba, bb [8]uint16
	for i := range a {
		if a[i] == b[i] {
			continue
		}
		same := false
		for _, x := range p.py.AppendSyllables(ba[:0], a[i]) {
			if slices.Contains(p.py.AppendSyllables(bb[:0], b[i]), x) {
				same = true
				break
			}
		}
		if !same {
			return false
		}
	}
	return true
}

// document answers a question about a document from the register and
// the encoded notices: by its number, by the words of its title, or, for
// a number alone (7号文件), by listing what it may be.
func (h *Hotline) document(u *understanding, req Request) *Answer {
	c, l := h.cat, req.Lang
	q := u.queries[0]
	q.Date = req.Today
	if req.Date != nil {
		q.Date = *req.Date
	}
	a := &Answer{Intent: IntentDocument, Query: q, Details: &Details{Why: []string{}, NotUnderstood: q.NotUnderstood},
		FollowUp: []FollowUp{}, Reasons: []engine.Reason{}, Lang: l}
	reg := h.eng.Register()
	text := u.rd.text
	// The number and the words around it are the question: what is left
	// over is not reported as not understood.
	q.NotUnderstood = []string{}
	var number string
	bySubject := false // found by what it is about, not by its number
	if refs := h.p.docRefs(text); len(refs) > 0 {
		d := refs[0]
		// a day read inside the number (6号) is not a day asked about
		for _, m := range u.rd.dates {
			if m.Start < d.end && m.End > d.start {
				q.DateWords = ""
			}
		}
		number = d.String()
	}
	var cands []string // the documents of a serial said without a year
	byIssuer := false  // … after an issuer: no other document is meant
	if number == "" {
		// 祁政办函22号: the issuer's one document of that serial; 22号文件
		// with no issuer, when the rule set and its register know one
		// document of that serial only, is that one (asking which of one
		// is no question)
		if cands, byIssuer = h.serialSaid(text); len(cands) == 1 {
			number = cands[0]
		}
	}
	if number == "" {
		// the title's words as said first: a title is no act, and its
		// words heard as one's (存量房税收: 放水) lose it
		if number = h.byTitle(u.rd.asSaid, q, u.rd.today); number == "" {
			number = h.byTitle(text, q, u.rd.today)
		}
		bySubject = number != ""
	}
	if number == "" {
		number = h.byAct(text, q)
		bySubject = number != ""
	}
	if number == "" {
		// 封山令是哪个部门发的: the notice of the period named
		number = h.byPeriod(u.rd)
		bySubject = number != ""
	}
	if number == "" {
		number = h.byKind(text)
		bySubject = number != ""
	}
	if bySubject && byIssuer && !slices.Contains(cands, number) {
		// 祁政发4号: a title sharing the issuer's name is not one of its 4号s
		number, bySubject = "", false
	}
	if number == "" || bySubject {
		// 宣布失效了好多件文件, 冇列进目录的老文件还管不管: asked of the
		// clearing decision's lists, not of one document — a subject's
		// words heard beside them (清理规范性文件的时候) name none
		if parts := h.clearing(text, l); len(parts) > 0 {
			dec, _, _, _, _ := reg.Clause()
			st := reg.Status(dec, q.Date)
			doc := c.Document(l, st)
			a.Status, a.Document = st.Status, &doc
			a.Headline = parts[0]
			a.Answer = fit(parts, maxSpoken(l))
			return a
		}
	}
	if number == "" {
		a.Status = "ask"
		a.Document = &DocumentAnswer{Status: "ask", Notes: []string{}, Candidates: cands}
		a.Headline = c.T(l, "document.unknown")
		a.Ask = c.T(l, "document.ask", "example", h.exampleNumber())
		parts := []string{a.Headline}
		if len(cands) > 0 {
			shown := cands
			if len(shown) > 4 {
				shown = shown[:4]
			}
			parts = append(parts, c.T(l, "document.candidates", "list", strings.Join(shown, c.T(l, "list.sep"))))
		}
		parts = append(parts, c.T(l, "follow.ask", "question", a.Ask))
		a.Answer = fit(parts, maxSpoken(l))
		return a
	}
	n, err := register.ParseNumber(number)
	if err != nil {
		a.Status = "ask"
		a.Headline = c.T(l, "document.unknown")
		a.Ask = c.T(l, "document.ask", "example", h.exampleNumber())
		a.Answer = fit([]string{a.Headline, c.T(l, "follow.ask", "question", a.Ask)}, maxSpoken(l))
		return a
	}
	st := reg.Status(n, q.Date)
	a.Status = st.Status
	doc := c.Document(l, st)
	// a notice that states no end date is in force until repealed: no
	// made-up last day (its ValidUntil is the rule base's far sentinel)
	repealed := false
	a.Document = &doc
	if nt, ok := h.eng.Rules().Notice(n.String()); ok {
		if a.Document.Title == "" {
			a.Document.Title = nt.Title
		}
		if a.Document.ValidUntil == nil {
			vu := nt.ValidUntil
			a.Document.ValidUntil = &vu
		}
		if repealed = nt.UntilRepealed; repealed {
			a.Document.ValidUntil = nil
		}
		if a.Document.ValidFrom == nil {
			vf := nt.Effective
			a.Document.ValidFrom = &vf
		}
	}
	when := ""
	// the status is the register's on the day of the call unless the
	// request names another: a year said with the subject (2018年那个…
	// 通告) is not a day, and 12月18日已宣布失效 would be heard as the
	// day it was declared invalid
	if q.DateWords != "" && q.Date != req.Today {
		when = h.whenOf(l, q.Date, q)
	}
	a.Headline = c.T(l, "document.status", "number", st.Number, "when", when, "status", c.T(l, "status."+st.Status))
	parts := []string{a.Headline}
	switch {
	case st.Status == register.InForce && repealed && a.Document.ValidUntil == nil:
		parts = append(parts, c.T(l, "document.until_repealed"))
	case st.Status == register.InForce && a.Document.ValidUntil != nil:
		parts = append(parts, c.T(l, "document.until", "to", h.day(l, *a.Document.ValidUntil, nil)))
	case st.Status == register.Expired && a.Document.ValidUntil != nil:
		parts = append(parts, c.T(l, "document.ended", "to", h.day(l, *a.Document.ValidUntil, nil)))
	case st.Status == register.NotYetInForce && a.Document.ValidFrom != nil && a.Document.ValidFrom.After(q.Date):
		// 尚未施行: the day it takes effect is what the caller needs next
		parts = append(parts, c.T(l, "document.from", "date", h.day(l, *a.Document.ValidFrom, nil)))
	case st.ChangedBy != "" && (st.Status == register.Invalidated || st.Status == register.Abolished):
		parts = append(parts, c.T(l, "document.changed", "by", st.ChangedBy))
	case st.Status == register.Unknown && a.Document.Title == "":
		// 祁政通〔2024〕5号: neither listed nor encoded — say so, the
		// caller may have the number wrong
		if _, listed := reg.Entry(n); !listed {
			parts = append(parts, c.T(l, "document.not_listed"))
		}
	}
	if h.p.hasAny(text, h.p.g.DocumentFrom) && a.Document.ValidFrom != nil && st.Status != register.NotYetInForce {
		// what was asked, right after the status
		parts = slices.Insert(parts, 1, c.T(l, "document.from", "date", h.day(l, *a.Document.ValidFrom, nil)))
	}
	if h.p.hasAny(text, h.p.g.DocumentSpan) || endsWithAny(text, h.p.g.DocumentSpanEnd) {
		// 管几年: the notice's own validity sentence (有效期5年), after
		// the status and the days
		if nt, ok := h.eng.Rules().Notice(n.String()); ok && nt.ValidityText != "" {
			parts = slices.Insert(parts, min(2, len(parts)), c.T(l, "document.validity_text",
				"article", c.Article(l, nt.ValidityArticle), "text", tightHan(nt.ValidityText)))
		}
	}
	if h.p.hasAny(text, h.p.g.DocumentIssued) {
		// 哪天发的: the day it was issued, right after its status; a
		// notice file that records none says so rather than give the day
		// it took effect as the day it was issued
		issued := c.T(l, "document.issued_unknown")
		if nt, ok := h.eng.Rules().Notice(n.String()); ok && nt.Issued != (calendar.Date{}) {
			issued = c.T(l, "document.issued", "date", h.day(l, nt.Issued, nil))
		} else if dec, _, _, _, ok := reg.Clause(); ok && dec == n && a.Document.ValidFrom != nil {
			// the clearing decision takes effect the day it is published
			// (自公布之日起): the register records that day
			issued = c.T(l, "document.published", "date", h.day(l, *a.Document.ValidFrom, nil))
		}
		parts = slices.Insert(parts, 1, issued)
	}
	if said := h.p.docYear(text, u.rd.today); bySubject && said != 0 {
		// 2020年的那个烟花爆竹的文件: the year said is not the document's
		// found — say so, the caller may have another document in mind
		if said != n.Year && !strings.Contains(a.Document.Title, m4(said)) {
			parts = slices.Insert(parts, 1, c.T(l, "document.other_year", "said", strconv.Itoa(said), "year", strconv.Itoa(n.Year)))
		}
	}
	if h.p.hasAny(text, h.p.g.DocumentWhere) {
		// 原文在哪里看: where the rule base has it printed, right after
		// its status
		if nt, ok := h.eng.Rules().Notice(n.String()); ok && nt.TitleOnly {
			parts = slices.Insert(parts, 1, c.T(l, "document.source_title_only", "issuer", nt.Issuer))
		} else if ok && nt.Source != "" {
			src, _, _ := strings.Cut(nt.Source, "，") // the gazette and issue, not the title again
			parts = slices.Insert(parts, 1, c.T(l, "document.source", "source", src))
		}
	}
	if iss, _, ok := strings.Cut(a.Document.Title, "关于"); ok && iss != "" && h.p.hasAny(text, h.p.g.IssuerAsks) {
		// 哪个单位发的: who issued it, before how long it runs
		parts = slices.Insert(parts, 1, c.T(l, "document.issuer", "issuer", iss))
	}
	if dec, _, _, _, ok := reg.Clause(); ok && dec == n {
		// 那个清理决定宣布失效了好多件: its lists, after its status
		parts = slices.Insert(parts, 1, h.clearing(text, l)...)
	}
	if a.Document.Title != "" {
		parts = append(parts, c.T(l, "document.title", "title", a.Document.Title))
	}
	a.Answer = fit(parts, maxSpoken(l))
	a.Details.Notes = doc.Notes
	return a
}

// clearing answers what a call asks of the register's clearing decision's
// lists: how many documents it disposed of (好多件), or what becomes of
// those it does not list (冇列进目录的): its general clause. It returns
// nothing when neither is asked or the register has no such decision.
func (h *Hotline) clearing(text string, l Lang) []string {
	c, reg := h.cat, h.eng.Register()
	dec, effective, _, clause, ok := reg.Clause()
	if !ok {
		return nil
	}
	var parts []string
	if h.p.hasAny(text, h.p.g.DocumentUnlisted) {
		parts = append(parts, c.T(l, "document.unlisted", "date", h.day(l, effective, nil)),
			c.T(l, "document.clause", "decision", dec.String(), "clause", tightHan(clause)))
	}
	if h.p.hasAny(text, h.p.g.DocumentCount) {
		n := reg.Disposed(dec)
		parts = append(parts, c.T(l, "document.disposed", "decision", dec.String(),
			"abolished", strconv.Itoa(n[register.DispositionAbolished]),
			"invalidated", strconv.Itoa(n[register.DispositionInvalidated]),
			"continued", strconv.Itoa(n[register.DispositionContinued])))
	}
	return parts
}

// sameName is the fewest characters of a title's run said that name a
// document rather than a subject: 农村住房建设管理办法 after the words
// every title has are taken out.
const sameName = 8

// byTitle finds the document whose title shares the longest run of
// characters (at least four) with the question; among equals, the one in
// force, then the latest.
func (h *Hotline) byTitle(text string, q *Query, today calendar.Date) string {
	type cand struct {
		number  string
		score   int
		pairs   int // pairs of characters shared anywhere: a tie's decider
		inForce bool
		year    int
		ofYear  bool
		// the issuer said (县里, 市政府): a tie's decider before the one
		// in force
		ofIssuer bool
	}
	var best *cand
	reg := h.eng.Register()
	// 2020年那个禁止烧秸秆的通告: a year said with the subject picks that
	// year's document among those of the same subject
	said := h.p.docYear(text, today)
	ofYear := func(n register.Number, title string) bool {
		return said != 0 && (n.Year == said || strings.Contains(title, m4(said)))
	}
	// 以前县里那个…的通告: an issuer said picks its document among those
	// of the same subject (a county become a city issued the same notice
	// under both names)
	var issuerChars []string
	for w, c := range h.p.g.IssuerSaid {
		if strings.Contains(text, w) && !slices.Contains(issuerChars, c) {
			issuerChars = append(issuerChars, c)
		}
	}
	ofIssuer := func(title string) bool {
		before, _, ok := strings.Cut(title, "关于")
		return len(issuerChars) == 1 && ok && strings.Contains(before, issuerChars[0])
	}
	subject := h.stripGeneric(h.formal.Replace(text)) // 湘江钓鱼 as titles say it: 湘江垂钓
	short := false                                    // two characters may name a document (below)
	consider := func(number, title string) {
		s := longestCommon(subject, h.stripGeneric(subjectOf(title)))
		pairs := sharedPairs(subject, h.stripGeneric(subjectOf(title)))
		if s < 3 && pairs >= 2 {
			s = 3 // 湘江禁捕: two words of the title apart (湘江流域禁捕)
		}
		n, err := register.ParseNumber(number)
		if err != nil || s < 3 && !(short && s == 2 && ofYear(n, title) && h.rareRun(subject, title)) {
			return
		}
		st := reg.Status(n, q.Date)
		c := cand{number: n.String(), score: s, pairs: pairs, inForce: st.Status == register.InForce, year: n.Year, ofYear: ofYear(n, title), ofIssuer: ofIssuer(title)}
		switch {
		case best == nil, c.ofYear && !best.ofYear:
			best = &c
		case c.ofYear != best.ofYear:
		// 农村住房建设管理办法: a name said in full that two titles share
		// (the county's trial measures of 2020 and the city's of 2023) is
		// the one in force, then the latest — not the one sharing more
		// words the caller said beside it (我要在村里建房); an issuer
		// said (县政府那个…) still picks its own
		case c.score == best.score && c.score >= sameName && c.ofIssuer == best.ofIssuer && c.inForce != best.inForce:
			if c.inForce {
				best = &c
			}
		// 农贸市场专项整治的通告: 专项整治 is in two titles, 农贸市场 too in one
		case c.score > best.score || c.score == best.score && (c.pairs > best.pairs ||
			c.pairs == best.pairs && (c.ofIssuer && !best.ofIssuer || c.ofIssuer == best.ofIssuer &&
				(c.inForce && !best.inForce || c.inForce == best.inForce && c.year > best.year))):
			best = &c
		}
	}
	for range 2 {
		for _, e := range reg.Entries() {
			consider(e.Number.String(), e.Title)
		}
		for _, n := range h.eng.Rules().Notices {
			consider(n.Number, n.Title)
		}
		if best != nil || said == 0 {
			break
		}
		// none by three characters: 2020年禁捕 — a word of two, said
		// with the year of a document whose title has it, names that
		// document when few titles have it (禁捕, not 禁止)
		short = true
	}
	if best == nil {
		return ""
	}
	return best.number
}

// maxRareTitles is how many titles of the register may share a run of two
// characters that, with a year, names one of them.
const maxRareTitles = 3

// rareRun reports whether the longest run of characters subject shares
// with title is in at most maxRareTitles titles of the register.
func (h *Hotline) rareRun(subject, title string) bool {
	run := commonRun(subject, h.stripGeneric(subjectOf(title)))
	if run == "" {
		return false
	}
	n := 0
	for _, e := range h.eng.Register().Entries() {
		if strings.Contains(e.Title, run) {
			n++
		}
	}
	return n <= maxRareTitles
}

// commonRun is the longest run of Chinese characters a and b share (the
// first of several as long), "" for none.
func commonRun(a, b string) string {
	ra := []rune(a)
	best := ""
	for i := range ra {
		for j := i + 1; j <= len(ra) && ra[j-1] > 0x2E80; j++ {
			if run := string(ra[i:j]); strings.Contains(b, run) {
				if j-i > len([]rune(best)) {
					best = run
				}
				continue
			}
			break
		}
	}
	return best
}

// byPeriod is the number of the notice whose windows the first period
// named in the call's text belongs to (禁火令, 缴费期), "" for none.
func (h *Hotline) byPeriod(rd *reading) string {
	for _, k := range h.p.scanPeriods(rd) {
		for _, w := range h.voc.Periods[k].Windows {
			if w.Notice != nil {
				return w.Notice.Number
			}
		}
	}
	return ""
}

// byAct finds a document asked by its subject in the caller's words
// rather than its title's (秸秆禁烧的文件, 放鞭炮的那个规定, 油茶那个通告):
// the act understood — or, with none, every act of which an object said
// is an object (油茶: picking, stealing, buying) — then the encoded
// notices whose rules cover those acts. Of several, the one whose title
// shares the longest run with an act's own names (露天焚烧秸秆 in 祁政通
// 〔2023〕6号's title, not the fire ban that also covers it), then the one
// covering more of the acts, then the one in force, then the latest.
func (h *Hotline) byAct(text string, q *Query) string {
	var acts []*rules.Activity
	for i := 0; i < len(text); {
		if n := h.p.objects.longestLen(text[i:]); n > 0 {
			for _, f := range h.p.byObj[text[i:i+n]] {
				if f.activity != nil && !slices.Contains(acts, f.activity) {
					acts = append(acts, f.activity)
				}
			}
			i += n
			continue
		}
		_, sz := utf8.DecodeRuneInString(text[i:])
		i += sz
	}
	// the act understood, unless the objects said name other acts only:
	// 油茶那个通告还有用不 names oil-tea, not a fire by the 用 of 有用
	if a, ok := h.eng.Rules().Activity(q.Activity); ok && q.Activity != "" && (len(acts) == 0 || slices.Contains(acts, a)) {
		acts = []*rules.Activity{a}
	}
	if len(acts) == 0 {
		return ""
	}
	type cand struct {
		number         string
		overlap, count int
		inForce        bool
		effective      string
	}
	var best *cand
	for _, n := range h.eng.Rules().Notices {
		c := cand{number: n.Number, inForce: n.InForce(q.Date), effective: n.Effective.String()}
		subject := h.stripGeneric(subjectOf(n.Title))
		for _, a := range acts {
			if !coveredBy(n, a) {
				continue
			}
			c.count++
			for _, name := range append([]string{a.Name}, a.Synonyms...) {
				c.overlap = max(c.overlap, longestCommon(subject, name))
			}
		}
		if c.count == 0 {
			continue
		}
		if best == nil || c.overlap > best.overlap || c.overlap == best.overlap && (c.count > best.count ||
			c.count == best.count && (c.inForce && !best.inForce || c.inForce == best.inForce && c.effective > best.effective)) {
			best = &c
		}
	}
	if best == nil {
		return ""
	}
	return best.number
}

// byKind finds a document named by its kind (这个办法, 那个方案), or by
// its kind and a run of two characters of its subject (采摘通告, 市场通告:
// too short for byTitle): the one notice of the rule set whose title has a
// kind word said — and, of several, the one whose subject has the run.
// Several left, or none, name nothing (这个通告: which of five).
func (h *Hotline) byKind(text string) string {
	subject := h.stripGeneric(h.formal.Replace(text))
	var ofKind, withRun []string
	for _, n := range h.eng.Rules().Notices {
		if !slices.ContainsFunc(h.p.g.Document, func(w string) bool {
			return strings.Contains(text, w) && strings.Contains(n.Title, w)
		}) {
			continue
		}
		ofKind = append(ofKind, n.Number)
		if len([]rune(commonRun(subject, h.stripGeneric(subjectOf(n.Title))))) >= 2 {
			withRun = append(withRun, n.Number)
		}
	}
	switch {
	case len(ofKind) == 1:
		return ofKind[0]
	case len(withRun) == 1:
		return withRun[0]
	}
	return ""
}

// reYear is a year said in a question about a document: 2020年, or
// digit by digit as an operator types what is read out (二〇二〇年,
// 二零二二年). Compiled on first use: every command runs the package
// initialisers.
var reYear = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`((?:19|20)[0-9]{2}|[一二][九〇零][〇零一二三四五六七八九]{2})年`)
})

// docYear is the year of the document a call names: a year said (2022年
// 那个森林防火令), or a year word right before a document word with only
// document_year_links between (前年那个禁火令, 去年的通告), counted from
// today; 0 if none.
func (p *parser) docYear(text string, today calendar.Date) int {
	if y := yearSaid(text); y != 0 {
		return y
	}
	first, year := -1, 0
	for w, off := range p.g.Years {
		for at := 0; ; {
			k := strings.Index(text[at:], w)
			if k < 0 {
				break
			}
			i := at + k
			at = i + len(w)
			rest := text[at:]
			for cut := true; cut; {
				cut = false
				for _, l := range p.g.DocumentYearLinks {
					if r, ok := strings.CutPrefix(rest, l); ok {
						rest, cut = r, true
					}
				}
			}
			if p.startsWithAny(rest, p.g.Document) && (first < 0 || i < first) {
				first, year = i, today.Year()+off
			}
		}
	}
	return year
}

// yearSaid is the first year said in a question about a document, 0 if
// none.
func yearSaid(text string) int {
	m := reYear().FindStringSubmatch(text)
	if m == nil {
		return 0
	}
	y, ok := zh.Number(m[1])
	if !ok || y < 1900 || y > 2099 {
		return 0
	}
	return int(y)
}

// m4 is a year as titles print it (2020年).
func m4(y int) string { return strconv.Itoa(y) + "年" }

// sharedPairs counts the distinct two-character runs of Chinese
// characters of a that b holds, not overlapping in a.
func sharedPairs(a, b string) int {
	ra := []rune(a)
	n := 0
	for i := 0; i+2 <= len(ra); i++ {
		if ra[i] > 0x2E80 && ra[i+1] > 0x2E80 && strings.Contains(b, string(ra[i:i+2])) {
			n++
			i++
		}
	}
	return n
}

// longestCommon is the length, in characters, of the longest run of Chinese
// characters a and b share.
func longestCommon(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	best := 0
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			if ra[i-1] == rb[j-1] && ra[i-1] > 0x2E80 {
				cur[j] = prev[j-1] + 1
				if cur[j] > best {
					best = cur[j]
				}
			} else {
				cur[j] = 0
			}
		}
		prev, cur = cur, prev
	}
	return best
}

// stripGeneric blanks the words that do not tell documents apart.
func (h *Hotline) stripGeneric(s string) string { return h.generic.Replace(s) }

// subjectOf is a title without its issuer: what follows its first 关于
// (祁阳市人民政府关于发布森林防火禁火令的通告), or the whole title.
func subjectOf(title string) string {
	if _, after, ok := strings.Cut(title, "关于"); ok {
		return after
	}
	return title
}

// serialSaid lists the documents whose serial the call says without a
// year — as a document's (7号文件, 三号令) or after an issuer (祁政通7号) —
// encoded notices first, only the issuer's when one is said with them
// (byIssuer).
func (h *Hotline) serialSaid(text string) (cands []string, byIssuer bool) {
	kp, serial, ok := h.p.issuerSerial(text)
	if !ok {
		m := h.p.reDocN.FindStringSubmatch(text)
		if m == nil {
			return nil, false
		}
		n, ok := zh.Number(m[1])
		if !ok {
			return nil, false
		}
		serial = int(n)
		for _, p := range h.p.issuers {
			if strings.Contains(text, p) {
				kp = p
				break
			}
		}
	}
	cands = h.numbered(serial)
	if kp == "" {
		return cands, false
	}
	var same []string
	for _, c := range cands {
		if strings.HasPrefix(c, kp+"〔") {
			same = append(same, c)
		}
	}
	if len(same) == 0 {
		return cands, false
	}
	return same, true
}

// issuerSerial is a known issuer said right before a serial and 号, with
// no year between (祁政通7号, 祁政办发第49号): the issuer and the serial.
func (p *parser) issuerSerial(text string) (string, int, bool) {
	for _, kp := range p.issuers { // longest first: 祁政办发 before 祁政发
		for at := 0; ; {
			k := strings.Index(text[at:], kp)
			if k < 0 {
				break
			}
			at += k + len(kp)
			rest := strings.TrimPrefix(strings.TrimLeft(text[at:], " \t\u3000"), "第")
			digits := strings.TrimLeft(rest, "0123456789一二三四五六七八九十")
			num := rest[:len(rest)-len(digits)]
			if num == "" || !strings.HasPrefix(strings.TrimLeft(digits, " \t\u3000"), "号") {
				continue
			}
			if n, ok := zh.Number(num); ok && n > 0 {
				return kp, int(n), true
			}
		}
	}
	return "", 0, false
}

// saysIssuerSerial: the text says a known issuer and a serial without a
// year (祁政通7号).
func (p *parser) saysIssuerSerial(text string) bool {
	_, _, ok := p.issuerSerial(text)
	return ok
}

// numbered lists the documents numbered n (7号), encoded notices first.
func (h *Hotline) numbered(n int) []string {
	var enc, other []string
	suffix := "〕" + strconv.Itoa(n) + "号"
	for _, nt := range h.eng.Rules().Notices {
		if strings.HasSuffix(nt.Number, suffix) {
			enc = append(enc, nt.Number)
		}
	}
	for _, e := range h.eng.Register().Entries() {
		s := e.Number.String()
		if strings.HasSuffix(s, suffix) && !slices.Contains(enc, s) {
			other = append(other, s)
		}
	}
	sort.Strings(other)
	return append(enc, other...)
}

func (h *Hotline) exampleNumber() string {
	if ns := h.eng.Rules().Notices; len(ns) > 0 {
		return ns[0].Number
	}
	return "〔2024〕1号"
}

// report answers "我要举报…打哪个电话": the contacts of the notices that
// govern the act named, or the contact the words name; never a number no
// notice prints.
func (h *Hotline) report(u *understanding, req Request) *Answer {
	a := h.reportContacts(u, req)
	h.withBreach(a, req)
	return a
}

// withBreach adds to a report the verdict on the act reported when a rule
// forbids it (隔壁在林子边上烧田埂 打哪个电话: the number, and that it is
// banned, with the article): what the caller saw is a breach. An act no
// rule forbids, or one that turns on a fact of someone else's, adds
// nothing — a report never says 可以 or asks the caller's facts.
func (h *Hotline) withBreach(a *Answer, req Request) {
	q := a.Query
	if q == nil || q.Activity == "" {
		return
	}
	cp := *q
	cp.Facts = maps.Clone(q.Facts)
	cp.Understood = slices.Clone(q.Understood)
	cp.NotUnderstood = slices.Clone(q.NotUnderstood)
	d, err := h.decide(&cp, req)
	if err != nil || d.Verdict != engine.Forbidden {
		return
	}
	// said as what the act is, not as a refusal to the caller (油茶被人偷摘了
	// 找谁 is the owner's call: 不可以 is not said to him)
	l := a.Lang
	breach := h.cat.T(l, "report.breach", "when", h.whenOf(l, d.Decision.Date, &cp),
		"activity", h.actWords(&cp, d.Decision, l)) + h.grounds(l, d.Decision)
	a.Verdict, a.Decision, a.Reasons = d.Verdict, d.Decision, d.Reasons
	a.Answer = fitKeeping([]string{a.Answer, breach}, []bool{true, false}, maxSpoken(l))
}

// reportContacts answers with the contacts alone.
func (h *Hotline) reportContacts(u *understanding, req Request) *Answer {
	c, l := h.cat, req.Lang
	q := u.queries[0]
	// 有人烧山: what is reported was understood — its words are not
	// listed as not understood
	q.NotUnderstood = slices.DeleteFunc(q.NotUnderstood, func(w string) bool {
		return slices.ContainsFunc(h.voc.Reports, func(r vocab.Report) bool { return slices.Contains(r.Words, w) })
	})
	a := &Answer{Intent: IntentReport, Query: q, Details: &Details{Why: []string{}, NotUnderstood: q.NotUnderstood},
		FollowUp: []FollowUp{}, Reasons: []engine.Reason{}, Lang: l}
	var contacts []rules.Contact
	add := func(ct rules.Contact) {
		for _, x := range contacts {
			if x.Name == ct.Name {
				return
			}
		}
		contacts = append(contacts, ct)
	}
	// only the notices of the place named (湘潭县's caller is not given
	// 祁阳's fire line), and none for a place no notice covers (北京)
	here := func(n *rules.Notice) bool { return n != nil && q.outside == "" && appliesAt(n, q.Place) }
	// 通告上写的举报电话3399110是城管的，那市场监管局的是多少: the office
	// named where the call asks after a number written is the one asked —
	// not the written number's, nor every number its notice prints
	if t, ok := h.p.afterWritten(u.rd.ownText()); ok {
		t = t[strings.LastIndexAny(t, "，,。；;？?")+1:] // the clause that asks
		for _, r := range h.voc.Reports {
			if len(r.Words) > 0 && h.p.hasAny(t, r.Words) {
				h.contactsNamed(r.Contact, here, add)
			}
		}
	}
	periods := h.p.scanPeriods(u.rd)
	if len(contacts) > 0 {
		periods = nil
	}
	// a period named (市场整治的举报电话) names its notice: every number
	// that notice prints (城管 of 城管队员 is who calls, not whom to call)
	for _, pi := range periods {
		pd := h.voc.Periods[pi]
		for _, w := range pd.Windows {
			if here(w.Notice) && w.Notice.InForce(q.Date) {
				for _, ct := range w.Notice.Contacts {
					add(ct)
				}
			}
		}
		for _, cd := range pd.Conditions {
			if here(cd.Notice) && cd.Notice.InForce(q.Date) {
				for _, ct := range cd.Notice.Contacts {
					add(ct)
				}
			}
		}
	}
	// words that name a contact win: 交警, 城管, 着火
	for _, r := range h.voc.Reports {
		if len(contacts) > 0 {
			break
		}
		if len(r.Words) > 0 && h.p.hasAny(u.rd.text, r.Words) {
			h.contactsNamed(r.Contact, here, add)
		}
	}
	if len(contacts) == 0 {
		for _, ct := range h.actContacts(q, here) {
			add(ct)
		}
	}
	if len(contacts) == 0 && q.Activity == "" && q.Act == "" {
		for _, n := range h.eng.Rules().Notices {
			if !here(n) {
				continue
			}
			for _, ct := range n.Contacts {
				add(ct)
			}
		}
	}
	if len(contacts) == 0 {
		a.Headline = c.T(l, "report.none")
		a.Answer = a.Headline
		if q.Activity == "" && q.Act != "" && !q.badDay {
			// 隔壁天天夜里唱歌 打么子电话: an act no notice covers —
			// no rule, said as a decision says it, then that no number is
			// printed for it (never a notice's number, never 可以)
			a.Verdict = engine.NoRule
			a.Headline = c.T(l, "head.no_rule_act", "act", q.Act, "when", h.whenOf(l, q.Date, q))
			a.Answer = fit([]string{a.Headline, c.T(l, "report.none")}, maxSpoken(l))
		}
		// 有人偷摘我家茶籽 找哪个部门: no number printed, but the notice
		// names the body that deals with the act (8号 五: 政法部门)
		if by := h.penaltyBody(l, q); by != "" {
			a.Answer += by
		}
		return a
	}
	a.Headline = h.contactsSaid(l, contacts, 1)
	a.Answer = h.contactsSaid(l, contacts, len(contacts))
	for n := len(contacts) - 1; utf8.RuneCountInString(a.Answer) > maxSpoken(l) && n > 0; n-- {
		a.Answer = h.contactsSaid(l, contacts, n)
	}
	for _, ct := range contacts {
		a.Details.Contacts = append(a.Details.Contacts, c.T(l, "contact", "name", ct.Name, "phones", ct.Dial(c.T(l, "list.or"))))
	}
	return a
}

// contactsSaid is the first n of contacts said aloud: who, then the
// number (市城管综合执法局3399110), and the note most numbers share
// (区号0746) once at the end — not a bracket inside a bracket after each
// number, nor after every one because the fire number leading the list
// dials its area code itself (119或0746—3213950).
func (h *Hotline) contactsSaid(l Lang, contacts []rules.Contact, n int) string {
	c := h.cat
	counts := map[string]int{}
	note := ""
	for _, ct := range contacts[:n] {
		if counts[ct.Note]++; ct.Note != "" && (note == "" || counts[ct.Note] > counts[note]) {
			note = ct.Note
		}
	}
	list := make([]string, 0, n)
	for _, ct := range contacts[:n] {
		phones := strings.Join(ct.Phones, c.T(l, "list.or"))
		if ct.Note != note {
			phones += ct.Note
		}
		list = append(list, c.T(l, "report.contact", "name", spokenContact(ct.Name), "phones", phones))
	}
	return c.T(l, "report.contacts", "list", strings.Join(list, c.T(l, "list.sep"))+note)
}

// actContacts are the contacts for reporting q's act where here holds:
// the department the vocabulary sends reports of a notice covering it to
// (乱倒渣土: the department that enforces the notice, though another
// notice covering it prints four), else every contact of the notices in
// force whose rules govern it.
func (h *Hotline) actContacts(q *Query, here func(*rules.Notice) bool) []rules.Contact {
	var contacts []rules.Contact
	add := func(ct rules.Contact) {
		if !slices.ContainsFunc(contacts, func(x rules.Contact) bool { return x.Name == ct.Name }) {
			contacts = append(contacts, ct)
		}
	}
	act, ok := h.eng.Rules().Activity(q.Activity)
	if !ok {
		return nil
	}
	for _, r := range h.voc.Reports {
		for _, num := range r.Notices {
			if n, ok := h.eng.Rules().Notice(num); ok && here(n) && n.InForce(q.Date) && coveredBy(n, act) {
				h.contactsNamed(r.Contact, here, add)
			}
		}
	}
	if len(contacts) > 0 {
		return contacts
	}
	for _, n := range h.eng.Rules().Notices {
		if !here(n) || !n.InForce(q.Date) {
			continue
		}
		for _, r := range n.Rules {
			if r.Covers(act) || coversKind(r, act) {
				for _, ct := range n.Contacts {
					add(ct)
				}
				break
			}
		}
	}
	return contacts
}

// witnessSaid is, for an act someone else is doing (邻居在烧田埂, 有人在山上
// 放孔明灯) that a rule forbids, whom to report it to — the first contact,
// said after the grounds; "" for the caller's own act or one not forbidden.
func (h *Hotline) witnessSaid(l Lang, q *Query, d *engine.Decision) string {
	if d.Verdict != engine.Forbidden || q.Activity == "" || !h.p.hasAny(q.Question, h.p.g.ThirdParty) {
		return ""
	}
	here := func(n *rules.Notice) bool { return n != nil && q.outside == "" && appliesAt(n, q.Place) }
	contacts := h.actContacts(q, here)
	if len(contacts) == 0 {
		return ""
	}
	return h.contactsSaid(l, contacts, 1)
}

// penaltyBody says who deals with the act asked about when a notice in
// force that forbids it names the body in a penalty (违者由政法部门依法从快
// 处理): the penalty for people the question names first, else one for
// anyone. "" when no penalty of the act names a body.
func (h *Hotline) penaltyBody(l Lang, q *Query) string {
	act, ok := h.eng.Rules().Activity(q.Activity)
	if !ok {
		return ""
	}
	said := q.ActivityName
	for _, u := range q.Understood {
		if u.Kind == "activity" {
			said += "|" + u.Words
		}
	}
	var best *rules.Penalty
	var notice string
	bestScore := -1
	for _, n := range h.eng.Rules().Notices {
		// the place's own notices: 祁阳's fire ban names no body for 湘潭县
		if !n.InForce(q.Date) || q.outside != "" || !appliesAt(n, q.Place) {
			continue
		}
		for _, r := range n.Rules {
			if r.Effect != rules.Forbid || !r.Covers(act) && !coversKind(r, act) {
				continue
			}
			for _, p := range r.Penalties {
				if p.By == "" || len(p.Sanctions) == 0 || p.Who != "" && !strings.Contains(q.Question, p.Who) {
					continue
				}
				// as penaltySaid: the people named, then the act named in
				// the penalty's text (偷摘 → 政法部门, not the early picking's
				// 村规民约 that covers it as a kind of picking)
				score := 0
				if p.Who != "" {
					score += 4
				}
				if sharesRun(p.Text, said, 2) {
					score += 2
				}
				if r.Covers(act) {
					score++
				}
				if score > bestScore {
					best, notice, bestScore = p, n.Number, score
				}
			}
		}
	}
	if best == nil {
		return ""
	}
	c := h.cat
	return c.T(l, "report.by", "cite", c.T(l, "grounds.cite", "notice", notice, "article", c.Article(l, best.Article)),
		"by", best.By, "sanctions", strings.Join(best.Sanctions, c.T(l, "list.clause")))
}

// spokenContact is a contact's name as said before its number: the
// department a printed name gives in brackets (举报电话（市城管综合执法局）
// → 市城管综合执法局), else the name.
func spokenContact(name string) string {
	if strings.HasSuffix(name, "）") {
		if i := strings.Index(name, "（"); i > 0 {
			return strings.TrimSuffix(name[i+len("（"):], "）")
		}
	}
	return name
}

// coveredBy: a rule of n covers the act or a kind of it.
func coveredBy(n *rules.Notice, act *rules.Activity) bool {
	for _, r := range n.Rules {
		if r.Covers(act) || coversKind(r, act) {
			return true
		}
	}
	return false
}

// contactsNamed adds the contacts whose name holds name, of the notices
// here reports true for (those of the place asked about).
func (h *Hotline) contactsNamed(name string, here func(*rules.Notice) bool, add func(rules.Contact)) {
	for _, n := range h.eng.Rules().Notices {
		if !here(n) {
			continue
		}
		for _, ct := range n.Contacts {
			if strings.Contains(ct.Name, name) {
				add(ct)
			}
		}
	}
}

// coversKind: a rule covers a kind of the activity (a rule on 野外用火
// covers 点火取暖's parent).
func coversKind(r *rules.Rule, a *rules.Activity) bool {
	for _, ra := range r.Activities {
		if ra.IsA(a) || a.IsA(ra) {
			return true
		}
	}
	return false
}

// tightHan drops the spaces a printed text puts around numbers between
// Chinese characters (有效期 5 年 → 有效期5年), as the answer says them.
func tightHan(s string) string {
	rs := []rune(s)
	var b strings.Builder
	for i, r := range rs {
		if r == ' ' && (i > 0 && unicode.Is(unicode.Han, rs[i-1]) || i+1 < len(rs) && unicode.Is(unicode.Han, rs[i+1])) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// endsWithAny reports whether text, its closing punctuation and spaces
// trimmed (有效期？), ends with one of words.
func endsWithAny(text string, words []string) bool {
	text = strings.TrimRightFunc(text, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) })
	for _, w := range words {
		if strings.HasSuffix(text, w) {
			return true
		}
	}
	return false
}
