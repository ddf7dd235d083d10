package cli

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
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
			outHas: []string{"已宣布失效（invalidated）", "inferred from its general clause"},
		},
		// Issue 14 item 19: a well-formed number the register cannot place
		// is an answer, unknown and why, not bad input.
		{
			name:       "unknown number",
			args:       []string{"湘政发〔2020〕1号", "--at", "2024-10-01"},
			outHas:     []string{"文号：湘政发〔2020〕1号", "状态（2024-10-01）：不明（unknown）", "not in the register", "issuer code 湘政发"},
			wantNoErrs: true,
		},
		{
			name:       "unlisted 2024 number",
			args:       []string{"祁政通〔2024〕5号", "--json"},
			wantOut:    `{"number":"祁政通〔2024〕5号","status":"unknown","notes":["not in the register; the general clause of 祁政发〔2024〕4号 covers only documents made on or before 2024-06-30, and the register cannot tell when this 2024 document was made"]}` + "\n",
			wantNoErrs: true,
		},
		// Items 5 and 18: every document printed in the gazette is known,
		// from the date printed under its number.
		{
			name:       "a work plan printed in the gazette (dated 2024年8月20日)",
			args:       []string{"祁政办函〔2024〕19号", "--at", "2024-09-01", "--json"},
			outHas:     []string{`"status":"in_force"`, `"valid_from":"2024-08-20"`, "internal work plan"},
			wantNoErrs: true,
		},
		{
			name:       "the insurance plan before its date (2024 年 9 月 30 日), in its collection period",
			args:       []string{"祁政办函〔2024〕22号", "--at", "2024-09-15", "--json"},
			outHas:     []string{`"status":"not_yet_in_force"`, `"valid_from":"2024-09-30"`, "2024年9月1日至2024年12月31日", "answers by it from 2024-09-01"},
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
