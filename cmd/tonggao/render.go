package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/hotline"
)

// catalog is the hotline's catalogue of answer text, the one place the
// verdict words and article names live. It is embedded and checked by the
// hotline tests, so failing to load it is a build defect, not bad input.
var catalog = func() *hotline.Catalog {
	c, err := hotline.EmbeddedCatalog()
	if err != nil {
		panic(err)
	}
	return c
}()

// verdictWords are the short spoken answers.
var verdictWords = map[engine.Verdict]string{
	engine.Forbidden:   catalog.Verdict(hotline.ZH, string(engine.Forbidden)),
	engine.Allowed:     catalog.Verdict(hotline.ZH, string(engine.Allowed)),
	engine.Conditional: catalog.Verdict(hotline.ZH, string(engine.Conditional)),
	engine.NoRule:      catalog.Verdict(hotline.ZH, string(engine.NoRule)),
}

// articleName renders an article reference as printed: 三 → 第三条; a
// reference already written out (第十九条（二）, （一）) is kept.
func articleName(a string) string { return catalog.Article(hotline.ZH, a) }

// writeDecision prints a decision as a hotline operator reads it out.
func writeDecision(w io.Writer, d *engine.Decision) {
	fmt.Fprintf(w, "%s（%s，%s）\n", verdictWords[d.Verdict], d.Activity.Name, d.Date)
	if d.Verdict == engine.NoRule {
		fmt.Fprintln(w, "说明：本规则库收录的规定中没有适用于此时此地此行为的条款；这不等于“可以”，也不是法律意见。")
	}
	if len(d.Reasons) > 0 {
		fmt.Fprintln(w, "依据：")
	}
	for i, r := range d.Reasons {
		status := ""
		switch r.Status {
		case "may_apply":
			status = "（取决于：" + strings.Join(r.DependsOn, "、") + "）"
		case "overridden":
			status = "（已被 " + r.OverriddenBy + " 排除）"
		}
		fmt.Fprintf(w, "%d. %s %s：%s%s\n", i+1, r.Notice, articleName(r.Article), r.Text, status)
		if r.Window != "" {
			fmt.Fprintf(w, "   时段：%s\n", r.Window)
		}
		for _, t := range r.Terms {
			fmt.Fprintf(w, "   %s：%s %s\n", t.Name, t.Value, t.Text)
		}
		for _, it := range r.Interpretations {
			fmt.Fprintf(w, "   解读“%s”：%s（另一种理解：%s）\n", it.Words, it.Reading, it.Alternative)
		}
	}
	if len(d.Outcomes) > 0 {
		fmt.Fprintf(w, "需要确认：%s\n", strings.Join(d.UnknownFacts, "、"))
		for _, o := range d.Outcomes {
			var parts []string
			for _, c := range o.When {
				parts = append(parts, c.Fact+" "+c.Text)
			}
			fmt.Fprintf(w, "   若 %s → %s\n", strings.Join(parts, "，"), verdictWords[o.Verdict])
		}
	}
	if d.NextChange != nil {
		fmt.Fprintf(w, "变化：自 %s 起，结论变为“%s”。\n", d.NextChange.Date, verdictWords[d.NextChange.Verdict])
	}
	for _, n := range d.Notes {
		fmt.Fprintf(w, "注意：%s\n", n.Text)
	}
	if len(d.Penalties) > 0 {
		fmt.Fprintln(w, "违者处理：")
		for _, p := range d.Penalties {
			fmt.Fprintf(w, "   %s %s：%s\n", p.Notice, articleName(p.Article), p.Text)
		}
	}
	for _, c := range d.Contacts {
		fmt.Fprintf(w, "联系：%s %s\n", c.Name, strings.Join(c.Phones, " 或 "))
	}
	fmt.Fprintf(w, "（规则库 %s；节假日数据 %s）\n", short(d.Receipt.RuleSet), d.Receipt.HolidayData)
}

func short(digest string) string {
	if len(digest) > 19 {
		return digest[:19]
	}
	return digest
}
