package register

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/calendar"
)

const header = `decision:
  number: 祁政发〔2024〕4号
  title: 决定
  published: 2024-08-20
  effective: 2024-08-20
  general_clause:
    made_on_or_before: 2024-06-30
    issuers: [祁政发, 祁政通]
    text: 于2024年6月30日以前制定的规范性文件，自本决定公布之日起不再执行。
documents:
`

func TestParse(t *testing.T) {
	r, err := parse("test.yaml", []byte(header+`  - number: 祁政发 (2019) 23号
    title: 通告
    disposition: continued
    valid_until: 2024-09-19
    source: 附件3 序号1
    notes: [{zh: 一条说明, en: a note}]
`))
	require.NoError(t, err)
	require.Equal(t, 2, r.Len())
	e, ok := r.Entry(MustNumber("祁政发〔2019〕23号"))
	require.True(t, ok)
	require.Equal(t, Entry{
		Number:      MustNumber("祁政发〔2019〕23号"),
		Title:       "通告",
		Disposition: DispositionContinued,
		ValidUntil:  ptr(calendar.MustDate(2024, 9, 19)),
		ChangedBy:   MustNumber("祁政发〔2024〕4号"),
		ChangedOn:   ptr(calendar.MustDate(2024, 8, 20)),
		Source:      "附件3 序号1",
		Notes:       []Note{{Code: DataNote, Text: map[string]string{"zh": "一条说明", "en": "a note"}}},
	}, e)
	require.Equal(t, []string{"祁政发", "祁政通"}, r.clause.issuers)
}

func ptr(d calendar.Date) *calendar.Date { return &d }

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, doc, wantErr string
	}{
		{"bad number", `  - number: 祁政发 2019 23号
    title: 通告
    disposition: invalidated
`, "test.yaml:11: number: invalid document number"},
		{"bad date", `  - number: 祁政发〔2019〕23号
    title: 通告
    disposition: continued
    valid_until: 2024-09-31
`, "test.yaml:14: valid_until: date \"2024-09-31\""},
		{"missing valid_until", `  - number: 祁政发〔2019〕23号
    title: 通告
    disposition: continued
`, "test.yaml:11: 祁政发〔2019〕23号: continued document without valid_until"},
		{"bad disposition", `  - number: 祁政发〔2019〕23号
    title: 通告
    disposition: repealed
`, `test.yaml:13: disposition: "repealed"`},
		{"missing title", `  - number: 祁政发〔2019〕23号
    disposition: invalidated
`, "test.yaml:11: title: missing"},
		{"unknown field", `  - number: 祁政发〔2019〕23号
    title: 通告
    disposition: invalidated
    expires: 2024-01-01
`, "test.yaml:11:"},
		{"duplicate", `  - number: 祁政发〔2019〕23号
    title: 通告
    disposition: invalidated
  - number: 祁政发(2019)23号
    title: 通告
    disposition: invalidated
`, "test.yaml:14: 祁政发〔2019〕23号 is already listed at line 11"},
		{"a note in one language", `  - number: 祁政发〔2019〕23号
    title: 通告
    disposition: invalidated
    notes: [{zh: 一条说明}]
`, "test.yaml:14: notes: note 1: needs zh and en"},
		{"a note as a plain string", `  - number: 祁政发〔2019〕23号
    title: 通告
    disposition: invalidated
    notes: [a note]
`, "test.yaml:11:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parse("test.yaml", []byte(header+tt.doc))
			require.ErrorContains(t, err, tt.wantErr)
		})
	}
}

func TestParseDecisionErrors(t *testing.T) {
	tests := []struct {
		name, from, to, wantErr string
	}{
		{"bad decision number", "number: 祁政发〔2024〕4号", "number: 4号", "test.yaml:2: decision: number:"},
		{"bad publication date", "published: 2024-08-20", "published: 20 August", "test.yaml:4: decision: published:"},
		{"bad issuer", "[祁政发, 祁政通]", "[祁政发, QZT]", `test.yaml:6: decision: general_clause: issuer "QZT"`},
		{"no clause text", "    text: 于2024年6月30日以前制定的规范性文件，自本决定公布之日起不再执行。\n", "", "test.yaml:6: decision: general_clause: text: missing"},
		{"empty clause text", "text: 于2024年6月30日以前制定的规范性文件，自本决定公布之日起不再执行。", "text: \"\"", "test.yaml:6: decision: general_clause: text: missing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parse("test.yaml", []byte(strings.Replace(header, tt.from, tt.to, 1)))
			require.ErrorContains(t, err, tt.wantErr)
		})
	}
	_, err := parse("test.yaml", []byte("documents: []\n"))
	require.ErrorContains(t, err, "test.yaml: missing decision")
	_, err = parse("test.yaml", []byte("decision: [\n"))
	require.ErrorContains(t, err, "test.yaml:")
}
