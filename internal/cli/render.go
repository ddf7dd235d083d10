package cli

import (
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/hotline"
	"github.com/tonggao/tonggao/rules"
)

// catalog is the hotline's catalogue of answer text, the one place the
// verdict words and article names live, parsed on first use so that
// commands printing no decision do not pay for it at start. It is embedded
// and checked by the hotline tests, so failing to load it is a build
// defect, not bad input.
var catalog = sync.OnceValue(func() *hotline.Catalog {
	c, err := hotline.EmbeddedCatalog()
	if err != nil {
		panic(err)
	}
	return c
})

// verdictWord is the short spoken answer.
func verdictWord(v engine.Verdict) string { return catalog().Verdict(hotline.ZH, string(v)) }

// articleName renders an article reference as printed: 三 → 第三条; a
// reference already written out (第十九条（二）, （一）) is kept.
func articleName(a string) string { return catalog().Article(hotline.ZH, a) }

// writeDecision prints a decision as a hotline operator reads it out, in
// language l. Every word comes from the catalogue; only the layout (line
// breaks, numbering, indentation) is written here.
func writeDecision(w io.Writer, d *engine.Decision, l hotline.Lang, set *rules.Set) {
	t := func(key string, kv ...string) string { return catalog().T(l, key, kv...) }
	// Facts are named by their labels in facts.yaml, never by their ids.
	label := func(name string) string { return factLabel(set, l, name) }
	labels := func(names []string) string {
		out := make([]string, len(names))
		for i, n := range names {
			out[i] = label(n)
		}
		return strings.Join(out, t("list.sep"))
	}
	verdict := func(v engine.Verdict) string { return catalog().Verdict(l, string(v)) }
	activity := d.Activity().Name
	if l == hotline.EN && d.Activity().EN != "" {
		activity = d.Activity().EN
	}
	when := d.Date.String()
	if d.At != nil {
		when = minuteText(*d.At)
	}
	fmt.Fprintln(w, t("check.head", "verdict", verdict(d.Verdict), "activity", activity, "date", when))
	if d.Verdict == engine.NoRule {
		fmt.Fprintln(w, t("check.no_rule_disclaimer"))
	}
	if len(d.Reasons()) > 0 {
		fmt.Fprintln(w, t("check.reasons"))
	}
	for i, r := range d.Reasons() {
		status := ""
		switch r.Status {
		case "may_apply":
			status = t("check.depends_on", "facts", labels(r.DependsOn))
		case "overridden":
			status = t("check.overridden_by", "by", r.OverriddenBy)
		case "excepted":
			by := r.OverriddenByText // the exception's own words
			if by == "" {
				by = r.OverriddenBy
			}
			status = t("check.excepted_by", "by", by)
		}
		fmt.Fprintf(w, "%d. %s%s\n", i+1, t("check.provision", "notice", r.Notice, "article", catalog().Article(l, r.Article), "text", r.Text), status)
		if r.Window != "" {
			fmt.Fprintf(w, "   %s\n", t("check.window", "window", r.Window))
		}
		for _, tm := range r.Terms {
			fmt.Fprintf(w, "   %s\n", t("check.term", "name", termName(l, tm.Name), "value", tm.Value, "text", tm.Text))
		}
		for _, it := range r.Interpretations {
			fmt.Fprintf(w, "   %s\n", t("check.interpretation", "words", it.Words, "reading", it.Reading, "alternative", it.Alternative))
		}
	}
	if len(d.Outcomes()) > 0 {
		fmt.Fprintln(w, t("check.unknown_facts", "facts", labels(d.UnknownFacts())))
		for _, o := range d.Outcomes() {
			var parts []string
			for _, c := range o.When {
				parts = append(parts, factAnswer(set, l, c))
			}
			fmt.Fprintf(w, "   %s\n", t("check.outcome", "when", strings.Join(parts, t("outcome.and")), "verdict", verdict(o.Verdict)))
		}
	}
	if len(d.DayParts) > 0 {
		// A window with times of day: the verdict above holds most of the
		// day, these parts differ.
		fmt.Fprintln(w, t("check.day_parts"))
		for _, p := range d.DayParts {
			fmt.Fprintf(w, "   %s\n", t("check.day_part", "from", p.From, "to", p.To, "verdict", verdict(p.Verdict)))
		}
	}
	if c := d.NextChange; c != nil {
		when := c.Date.String()
		if c.At.Minute() != 0 {
			when = minuteText(c.At)
		}
		fmt.Fprintln(w, t("check.next_change", "date", when, "verdict", verdict(c.Verdict)))
	}
	for _, n := range d.Notes() {
		fmt.Fprintln(w, t("note", "text", noteText(l, n)))
	}
	if len(d.Penalties()) > 0 {
		fmt.Fprintln(w, t("check.penalties"))
		for _, p := range d.Penalties() {
			fmt.Fprintf(w, "   %s\n", t("check.provision", "notice", p.Notice, "article", catalog().Article(l, p.Article), "text", p.Text))
		}
	}
	for _, c := range d.Contacts() {
		fmt.Fprintln(w, t("check.contact", "name", c.Name, "phones", c.Dial(t("check.phones.or"))))
	}
	fmt.Fprintln(w, t("check.receipt", "rules", short(d.Receipt().RuleSet), "holidays", d.Receipt().HolidayData))
}

// noteText is a note in language l. Chinese prints the engine's own text;
// another language renders the note from its parts through the catalogue
// (note.<code>), as the hotline does, falling back to the engine's text
// for a code the catalogue does not know.
func noteText(l hotline.Lang, n engine.Note) string {
	if l == hotline.ZH {
		return n.Text
	}
	if _, ok := catalog().Messages["note."+n.Code]; !ok {
		return n.Text
	}
	kv := make([]string, 0, 2*len(n.Args))
	for k, v := range n.Args {
		kv = append(kv, k, v)
	}
	return catalog().T(l, "note."+n.Code, kv...)
}

func short(digest string) string {
	if len(digest) > 19 {
		return digest[:19]
	}
	return digest
}

// factLabel is a fact's label in language l from facts.yaml, or its name
// where the rule base gives none.
func factLabel(set *rules.Set, l hotline.Lang, name string) string {
	f, ok := set.Fact(name)
	switch {
	case !ok && name == engine.PlaceFact:
		return catalog().T(l, "outcome.place")
	case !ok:
		return name
	case l == hotline.EN && f.EN != "":
		return f.EN
	case f.ZH != "":
		return f.ZH
	}
	return name
}

// factAnswer says one fact's answer in an outcome: a number's range after
// its label, a yes or no, an enum value by its label.
func factAnswer(set *rules.Set, l hotline.Lang, c engine.FactCondition) string {
	t := func(key string, kv ...string) string { return catalog().T(l, key, kv...) }
	name := factLabel(set, l, c.Fact)
	if len(c.Places) > 0 {
		return t("check.fact_is", "fact", name, "value", catalog().Places(l, c.Places))
	}
	if c.Text == "any" && c.Value == nil {
		return t("outcome.any", "fact", name)
	}
	switch v := c.Value.(type) {
	case bool:
		yes := t("check.fact_no")
		if v {
			yes = t("check.fact_yes")
		}
		return t("check.fact_is", "fact", name, "value", yes)
	case string:
		value := v
		if f, ok := set.Fact(c.Fact); ok && f.Labels[v] != "" && l != hotline.EN {
			value = f.Labels[v]
		}
		return t("check.fact_is", "fact", name, "value", value)
	}
	switch {
	case len(c.OtherThan) > 0:
		values := make([]string, len(c.OtherThan))
		for i, v := range c.OtherThan {
			values[i] = v
			if f, ok := set.Fact(c.Fact); ok && f.Labels[v] != "" && l != hotline.EN {
				values[i] = f.Labels[v]
			}
		}
		return t("outcome.other_than", "fact", name, "values", strings.Join(values, t("list.sep")))
	}
	return name + " " + c.Text
}

// termName is a term's name as said: its label in the catalogue where the
// rule file names it by an id (fee), else the name as written (核准申请条件).
func termName(l hotline.Lang, name string) string {
	if _, ok := catalog().Messages["term_name."+name]; ok {
		return catalog().T(l, "term_name."+name)
	}
	return name
}
