package cli

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/hotline"
	"github.com/tonggao/tonggao/register"
)

// fixedNow is 2024-10-01 09:00 in China, 01:00 UTC.
func fixedNow() time.Time { return time.Date(2024, 10, 1, 1, 0, 0, 0, time.UTC) }

func TestRunDoc(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		wantCode   int
		wantOut    string // exact stdout, when not empty
		outHas     []string
		errHas     []string
		wantNoOut  bool
		wantNoErrs bool
	}{
		{
			name:       "json, flags after the number",
			args:       []string{"祁政发(2019)23号", "--at", "2024-10-01", "--json"},
			wantOut:    `{"number":"祁政发〔2019〕23号","title":"祁阳县人民政府关于加强县城规划区存量房交易税收征管的通告","status":"expired","valid_until":"2024-09-19","changed_by":"祁政发〔2024〕4号","notes":[]}` + "\n",
			wantNoErrs: true,
		},
		{
			name:       "flags before the number, RFC 3339 day in China",
			args:       []string{"--json", "--at=2024-09-19T16:30:00Z", "祁政发〔2019〕23号"},
			outHas:     []string{`"status":"expired"`},
			wantNoErrs: true,
		},
		{
			name:       "default day is today in China",
			args:       []string{"祁政发〔2019〕23号", "-json"},
			outHas:     []string{`"status":"expired"`},
			wantNoErrs: true,
		},
		{
			name:       "plain text in Chinese",
			args:       []string{"祁政办发〔2022〕17号", "--at", "2024-12-14"},
			outHas:     []string{"文号：祁政办发〔2022〕17号", "状态（2024-12-14）：有效（in_force）", "失效时间：2024-12-14", "依据：祁政发〔2024〕4号", "说明：", "试行"},
			wantNoErrs: true,
		},
		{
			name:   "unquoted number split by spaces",
			args:   []string{"祁政发", "〔2022〕", "4号", "--at", "2024-08-20"},
			outHas: []string{"文号：祁政发〔2022〕4号", "已废止（abolished）"},
		},
		{
			name:   "inferred from the general clause",
			args:   []string{"祁政通(2019)3号", "--at", "2024-10-01"},
			outHas: []string{"已宣布失效（invalidated）", "据其一般条款“市人民政府及市人民政府办公室于2024年6月30日以前制定的规范性文件"},
		},
		// Issue 14 item 19: a well-formed number the register cannot place
		// is an answer, unknown and why, not bad input.
		{
			name:       "unknown number",
			args:       []string{"湘政发〔2020〕1号", "--at", "2024-10-01"},
			outHas:     []string{"文号：湘政发〔2020〕1号", "状态（2024-10-01）：不明（unknown）", "登记簿中没有这个文件，其发文字号“湘政发”"},
			wantNoErrs: true,
		},
		{
			name:       "unlisted 2024 number",
			args:       []string{"祁政通〔2024〕5号", "--json"},
			wantOut:    `{"number":"祁政通〔2024〕5号","status":"unknown","notes":["登记簿中没有这个文件；祁政发〔2024〕4号的一般条款只适用于2024-06-30以前制定的文件，登记簿无法判断这份2024年文件的制定时间。"]}` + "\n",
			wantNoErrs: true,
		},
		{
			name:       "in English",
			args:       []string{"祁政通〔2024〕5号", "--json", "--lang", "en"},
			wantOut:    `{"number":"祁政通〔2024〕5号","status":"unknown","notes":["Not in the register; the general clause of 祁政发〔2024〕4号 covers only documents made on or before 2024-06-30, and the register cannot tell when this 2024 document was made."]}` + "\n",
			wantNoErrs: true,
		},
		{
			name:       "plain text in English",
			args:       []string{"祁政办发〔2022〕17号", "--at", "2024-12-14", "--lang=en"},
			outHas:     []string{"Number: 祁政办发〔2022〕17号", "Status on 2024-12-14: in force (in_force)", "In force until: 2024-12-14", "Decided by: 祁政发〔2024〕4号", "Notes:", "“试行” (trial)"},
			wantNoErrs: true,
		},
		{
			name:     "bad language",
			args:     []string{"祁政通〔2024〕5号", "--lang", "fr"},
			wantCode: 2,
			errHas:   []string{`--lang: unknown language "fr"`},
		},
		// Items 5 and 18: every document printed in the gazette is known,
		// from the date printed under its number.
		{
			name:       "a work plan printed in the gazette (dated 2024年8月20日)",
			args:       []string{"祁政办函〔2024〕19号", "--at", "2024-09-01", "--json"},
			outHas:     []string{`"status":"in_force"`, `"valid_from":"2024-08-20"`, "内部工作方案"},
			wantNoErrs: true,
		},
		{
			name:       "the insurance plan before its date (2024 年 9 月 30 日), in its collection period",
			args:       []string{"祁政办函〔2024〕22号", "--at", "2024-09-15", "--json"},
			outHas:     []string{`"status":"not_yet_in_force"`, `"valid_from":"2024-09-30"`, "2024年9月1日至2024年12月31日", "规则库自2024-09-01起按它答复"},
			wantNoErrs: true,
		},
		{
			name:      "garbled number",
			args:      []string{"祁政发2019年23号"},
			wantCode:  2,
			wantNoOut: true,
			errHas:    []string{`invalid document number "祁政发2019年23号": no year in brackets`},
		},
		{
			name:     "missing number",
			args:     []string{"--json"},
			wantCode: 2,
			outHas:   []string{`{"error":{"code":"bad_usage","message":"missing document number`},
			errHas:   []string{"missing document number", "tonggao doc --help"},
		},
		{
			name:      "bad date",
			args:      []string{"祁政发〔2019〕23号", "--at", "2024-13-01"},
			wantCode:  2,
			wantNoOut: true,
			errHas:    []string{"--at:", "2024-13-01"},
		},
		{
			name:      "unknown flag",
			args:      []string{"祁政发〔2019〕23号", "--when", "2024-10-01"},
			wantCode:  2,
			wantNoOut: true,
			errHas:    []string{"unknown flag: --when"},
		},
		{
			name:       "help",
			args:       []string{"-h"},
			outHas:     []string{"Usage:\n  tonggao doc NUMBER [flags]"},
			wantNoErrs: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := runAt(fixedNow, append([]string{"doc"}, tt.args...), &out, &errOut)
			require.Equal(t, tt.wantCode, code, "stderr: %s", errOut.String())
			if tt.wantOut != "" {
				require.Equal(t, tt.wantOut, out.String())
			}
			for _, s := range tt.outHas {
				require.Contains(t, out.String(), s)
			}
			for _, s := range tt.errHas {
				require.Contains(t, errOut.String(), s)
			}
			if tt.wantNoOut {
				require.Empty(t, out.String())
			}
			if tt.wantNoErrs {
				require.Empty(t, errOut.String())
			}
		})
	}
}

func TestRunDocJSONShape(t *testing.T) {
	var out, errOut bytes.Buffer
	require.Equal(t, 0, run([]string{"doc", "祁政发〔2024〕4号", "--at", "2024-08-20", "--json"}, &out, &errOut))
	var got map[string]any
	require.NoError(t, json.Unmarshal(out.Bytes(), &got))
	require.Equal(t, "in_force", got["status"])
	require.Equal(t, "2024-08-20", got["valid_from"])
	require.NotContains(t, got, "valid_until")
	require.NotEmpty(t, got["notes"])
}

func TestRunDispatchesDoc(t *testing.T) {
	var out, errOut bytes.Buffer
	require.Equal(t, 0, run([]string{"doc", "祁政发(2019)23号", "--at", "2024-10-01", "--json"}, &out, &errOut))
	require.Contains(t, out.String(), `"status":"expired"`)
}

// The register's words are data: tonggao doc in Chinese prints no
// sentence in Latin script, and in English no Chinese outside what it
// quotes — a document's number and title, and its own printed words in
// quotation marks (“…”, «…», 《…》), which stay as printed in every
// language. Every entry of the register and every kind of note is
// printed, on days either side of the decision.
func TestDocWordsInTheirLanguage(t *testing.T) {
	eng, err := engine.Embedded()
	require.NoError(t, err)
	// An invalidated document whose own validity had ended before the
	// decision (the register's list has none; an encoded notice may).
	reg, err := eng.Register().With(register.Entry{Number: register.MustNumber("祁政通〔2022〕6号"),
		ValidFrom: ptrDate(calendar.MustDate(2022, 3, 1)), ValidUntil: ptrDate(calendar.MustDate(2023, 2, 28))})
	require.NoError(t, err)
	var numbers []register.Number
	for _, e := range reg.Entries() {
		numbers = append(numbers, e.Number)
	}
	for _, s := range []string{"湘政发〔2020〕1号", "祁政通〔2019〕3号", "祁政通〔2024〕5号", "祁政通〔2025〕1号"} {
		numbers = append(numbers, register.MustNumber(s))
	}
	days := []calendar.Date{calendar.MustDate(2018, 12, 31), calendar.MustDate(2019, 5, 1), calendar.MustDate(2020, 5, 1),
		calendar.MustDate(2024, 5, 1), calendar.MustDate(2024, 8, 19), calendar.MustDate(2024, 8, 20), calendar.MustDate(2024, 12, 15),
		calendar.MustDate(2030, 1, 1)}
	latinSentence := regexp.MustCompile(`[A-Za-z]{2,}[,;:]?(\s+[A-Za-z]{2,}[,;:]?){2,}`)
	quoted := regexp.MustCompile(`“[^”]*”|«[^»]*»|《[^》]*》`)
	docNumber := regexp.MustCompile(`\p{Han}+〔\d{4}〕\d+号`)
	han := regexp.MustCompile(`\p{Han}+`)
	codes := map[string]bool{}
	for _, n := range numbers {
		for _, d := range days {
			st := reg.Status(n, d)
			for _, nt := range st.Notes {
				codes[nt.Code] = true
			}
			var zh, en bytes.Buffer
			writeDocText(&zh, hotline.ZH, st, d)
			writeDocText(&en, hotline.EN, st, d)
			if m := latinSentence.FindString(zh.String()); m != "" {
				t.Errorf("%s on %s: Chinese output has a Latin-script sentence %q:\n%s", n, d, m, zh.String())
			}
			require.NotContains(t, zh.String(), "[register.", "a note the catalogue cannot word")
			require.NotContains(t, en.String(), "[register.", "a note the catalogue cannot word")
			rest := en.String()
			if st.Title != "" {
				rest = strings.ReplaceAll(rest, st.Title, "")
			}
			rest = docNumber.ReplaceAllString(quoted.ReplaceAllString(rest, ""), "")
			if m := han.FindString(rest); m != "" {
				t.Errorf("%s on %s: English output has Chinese %q outside quotations:\n%s", n, d, m, en.String())
			}
		}
	}
	// The walk met every kind of note, so the checks above read them all.
	for _, c := range []string{register.DataNote, register.NoteOwnValidityEnded, register.NoteUndatedYear, register.NoteUndatedContinued,
		register.NoteUndatedUnknown, register.NoteBeforeDecision, register.NoteIssuerNotCovered, register.NoteInferredByClause,
		register.NoteUnknownBeforeClause, register.NoteUnknownMadeWhen, register.NoteAfterDecision, engine.NoteDatedAfterStart} {
		require.True(t, codes[c], "no document printed a %s note", c)
	}
}

func ptrDate(d calendar.Date) *calendar.Date { return &d }
