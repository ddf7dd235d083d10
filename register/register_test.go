package register_test

import (
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/register"
)

const decision = "祁政发〔2024〕4号"

func day(s string) calendar.Date {
	d, err := calendar.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func dayPtr(s string) *calendar.Date { d := day(s); return &d }

func embedded(t *testing.T) *register.Register {
	t.Helper()
	r, err := register.Embedded()
	require.NoError(t, err)
	return r
}

// notices are the entries the rules package adds from encoded notices.
var notices = []register.Entry{
	{
		Number:     register.MustNumber("祁政通〔2024〕7号"),
		Title:      "祁阳市人民政府关于发布森林防火禁火令的通告",
		ValidFrom:  dayPtr("2024-09-01"),
		ValidUntil: dayPtr("2029-08-31"),
		Source:     "祁政通〔2024〕7号",
	},
	{
		Number:     register.MustNumber("祁政通〔2024〕8号"),
		Title:      "祁阳市人民政府关于切实维护2024年油茶采摘秩序的通告",
		ValidFrom:  dayPtr("2024-09-08"),
		ValidUntil: dayPtr("2025-09-07"),
	},
}

func TestEmbeddedCounts(t *testing.T) {
	r := embedded(t)
	counts := map[register.Disposition]int{}
	for _, e := range r.Entries() {
		counts[e.Disposition]++
	}
	require.Equal(t, 1, counts[register.DispositionAbolished], "附件1 废止")
	require.Equal(t, 46, counts[register.DispositionInvalidated], "附件2 宣布失效")
	require.Equal(t, 43, counts[register.DispositionContinued], "附件3 确认继续有效")
	require.Equal(t, 9, counts[""], "the decision itself and the 8 other documents printed in the gazette")
	require.Equal(t, 99, r.Len())
}

func TestStatusEmbedded(t *testing.T) {
	r := embedded(t)
	tests := []struct {
		name       string
		number, on string
		want       string
		changedBy  string
		validUntil string
		noteHas    string // some note's code, or a substring of a data note; "" means no notes at all
	}{
		{"continued, after expiry", "祁政发(2019)23号", "2024-10-01", register.Expired, decision, "2024-09-19", ""},
		{"continued, last day", "祁政发〔2019〕23号", "2024-09-19", register.InForce, decision, "2024-09-19", ""},
		{"continued, day after", "祁政发〔2019〕23号", "2024-09-20", register.Expired, decision, "2024-09-19", ""},
		{"continued, before decision", "祁政发〔2019〕23号", "2020-05-01", register.InForce, decision, "2024-09-19", register.NoteUndatedContinued},
		{"continued, in its own year", "祁政发〔2019〕23号", "2019-05-01", register.Unknown, decision, "2024-09-19", register.NoteUndatedUnknown},
		{"continued, before its year", "祁政发〔2019〕23号", "2018-12-31", register.NotYetInForce, decision, "2024-09-19", register.NoteUndatedYear},
		{"continued 2024, after decision", "祁政发〔2024〕1号", "2024-10-01", register.InForce, decision, "2029-03-01", ""},
		{"continued 2024, before decision", "祁政发〔2024〕1号", "2024-05-01", register.Unknown, decision, "2029-03-01", register.NoteUndatedUnknown},
		{"trial measures, last day", "祁政办发〔2022〕17号", "2024-12-14", register.InForce, decision, "2024-12-14", "试行"},
		{"trial measures, expired", "祁政办发〔2022〕17号", "2024-12-15", register.Expired, decision, "2024-12-14", "试行"},
		{"abolished on publication", "祁政发〔2022〕4号", "2024-08-20", register.Abolished, decision, "", "附件1"},
		{"abolished, before publication", "祁政发【2022】4号", "2024-08-19", register.Unknown, decision, "", register.NoteBeforeDecision},
		{"invalidated on publication", "祁政通〔2022〕6号", "2024-08-20", register.Invalidated, decision, "", ""},
		{"invalidated, later", "祁政通〔2022〕6号", "2026-11-28", register.Invalidated, decision, "", ""},
		{"invalidated, before publication", "祁政通〔2022〕6号", "2023-01-01", register.Unknown, decision, "", register.NoteBeforeDecision},
		{"invalidated, before its year", "祁政通〔2022〕6号", "2021-06-01", register.NotYetInForce, decision, "", register.NoteUndatedYear},
		{"the decision itself", decision, "2024-08-20", register.InForce, "", "", "“二”"},
		{"the decision, day before", decision, "2024-08-19", register.NotYetInForce, "", "", "“二”"},
		{"unlisted, general clause", "祁政通〔2019〕3号", "2024-08-20", register.Invalidated, decision, "", register.NoteInferredByClause},
		{"unlisted 祁阳县 office letter", "祁政办函〔2016〕12号", "2025-01-01", register.Invalidated, decision, "", register.NoteInferredByClause},
		{"unlisted, before publication", "祁政通〔2019〕3号", "2024-08-19", register.Unknown, "", "", register.NoteUnknownBeforeClause},
		{"unlisted 2024", "祁政通〔2024〕5号", "2024-10-01", register.Unknown, "", "", register.NoteUnknownMadeWhen},
		{"unlisted 2025", "祁政通〔2025〕1号", "2025-10-01", register.Unknown, "", "", register.NoteAfterDecision},
		{"other issuer", "湘政发〔2020〕1号", "2024-10-01", register.Unknown, "", "", register.NoteIssuerNotCovered},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, err := r.Lookup(tt.number, day(tt.on))
			require.NoError(t, err)
			require.Equal(t, register.MustNumber(tt.number).String(), st.Number)
			require.Equal(t, tt.want, st.Status)
			require.Equal(t, tt.changedBy, st.ChangedBy)
			if tt.validUntil == "" {
				require.Nil(t, st.ValidUntil)
			} else {
				require.NotNil(t, st.ValidUntil)
				require.Equal(t, tt.validUntil, st.ValidUntil.String())
			}
			require.NotNil(t, st.Notes)
			if tt.noteHas == "" {
				require.Empty(t, st.Notes)
				return
			}
			found := false
			for _, n := range st.Notes {
				if n.Code == tt.noteHas || strings.Contains(n.Text["zh"], tt.noteHas) || strings.Contains(n.Text["en"], tt.noteHas) {
					found = true
				}
			}
			require.Truef(t, found, "no note contains %q: %q", tt.noteHas, st.Notes)
		})
	}
}

func TestLookupInvalid(t *testing.T) {
	_, err := embedded(t).Lookup("祁政发2019年23号", day("2024-10-01"))
	require.ErrorIs(t, err, register.ErrInvalidNumber)
}

func TestWithNotices(t *testing.T) {
	base := embedded(t)
	r, err := base.With(notices...)
	require.NoError(t, err)
	require.Equal(t, base.Len(), r.Len(), "the notices are printed in the gazette: merged, not added")

	tests := []struct {
		number, on, want string
	}{
		{"祁政通〔2024〕7号", "2024-08-31", register.NotYetInForce},
		{"祁政通〔2024〕7号", "2024-09-01", register.InForce},
		{"祁政通〔2024〕7号", "2029-08-31", register.InForce},
		{"祁政通〔2024〕7号", "2029-09-01", register.Expired},
		{"祁政通〔2024〕8号", "2025-09-07", register.InForce},
		{"祁政通〔2024〕8号", "2026-11-28", register.Expired},
	}
	for _, tt := range tests {
		st, err := r.Lookup(tt.number, day(tt.on))
		require.NoError(t, err)
		require.Equal(t, tt.want, st.Status, "%s on %s", tt.number, tt.on)
		require.Empty(t, st.ChangedBy)
	}

	// The base register is unchanged: the merged entry's sources are the
	// new register's only.
	old, _ := base.Entry(register.MustNumber("祁政通〔2024〕7号"))
	merged, _ := r.Entry(register.MustNumber("祁政通〔2024〕7号"))
	require.Equal(t, "第11页", old.Source)
	require.Equal(t, "第11页; 祁政通〔2024〕7号", merged.Source)
}

func TestWithGeneralClause(t *testing.T) {
	// A 2023 notice the decision does not list ceased on publication, even
	// though its own validity ran to 2028.
	r, err := embedded(t).With(register.Entry{
		Number:     register.MustNumber("祁政通〔2023〕9号"),
		ValidFrom:  dayPtr("2023-03-01"),
		ValidUntil: dayPtr("2028-02-28"),
	})
	require.NoError(t, err)
	n := register.MustNumber("祁政通〔2023〕9号")
	require.Equal(t, register.InForce, r.Status(n, day("2024-08-19")).Status)
	st := r.Status(n, day("2024-08-20"))
	require.Equal(t, register.Invalidated, st.Status)
	require.Equal(t, decision, st.ChangedBy)
	require.Len(t, st.Notes, 1)

	// One that had expired before the decision stays expired.
	r, err = embedded(t).With(register.Entry{Number: register.MustNumber("祁政通〔2023〕10号"), ValidFrom: dayPtr("2023-09-01"), ValidUntil: dayPtr("2024-04-30")})
	require.NoError(t, err)
	require.Equal(t, register.Expired, r.Status(register.MustNumber("祁政通〔2023〕10号"), day("2024-08-20")).Status)

	// New has no general clause.
	plain, err := register.New(register.Entry{
		Number:    n,
		ValidFrom: dayPtr("2023-03-01"),
	})
	require.NoError(t, err)
	require.Equal(t, register.InForce, plain.Status(n, day("2030-01-01")).Status)
	require.Equal(t, register.Unknown, plain.Status(register.MustNumber("祁政通〔2019〕3号"), day("2030-01-01")).Status)
}

func TestWithMerge(t *testing.T) {
	// An encoded notice that the decision confirmed as continuing adds its
	// start date to the listed entry.
	n := register.MustNumber("祁政通〔2023〕6号")
	r, err := embedded(t).With(register.Entry{
		Number:     n,
		Title:      "祁阳市人民政府关于禁止露天焚烧秸秆、落叶、垃圾并加强秸秆综合利用管理的通告",
		ValidFrom:  dayPtr("2023-10-17"),
		ValidUntil: dayPtr("2028-10-16"),
		Source:     "encoded notice",
		Notes:      []register.Note{{Code: "from_notice", Args: map[string]string{"day": "2023-10-17"}}},
	})
	require.NoError(t, err)
	e, ok := r.Entry(n)
	require.True(t, ok)
	require.Equal(t, register.DispositionContinued, e.Disposition)
	require.Equal(t, "2023-10-17", e.ValidFrom.String())
	require.Equal(t, "附件3 序号35; encoded notice", e.Source)
	require.Equal(t, []register.Note{{Code: "from_notice", Args: map[string]string{"day": "2023-10-17"}}}, e.Notes)
	require.Equal(t, register.NotYetInForce, r.Status(n, day("2023-10-16")).Status)
	require.Equal(t, register.InForce, r.Status(n, day("2023-10-17")).Status)
	require.Equal(t, register.Expired, r.Status(n, day("2028-10-17")).Status)
}

func TestWithErrors(t *testing.T) {
	listed := register.MustNumber("祁政通〔2023〕6号")
	tests := []struct {
		name    string
		entries []register.Entry
		wantErr string
	}{
		{"valid_until differs from the printed 失效时间",
			[]register.Entry{{Number: listed, ValidFrom: dayPtr("2023-10-17"), ValidUntil: dayPtr("2028-10-17")}},
			`祁政通〔2023〕6号: valid until "2028-10-17" conflicts with "2028-10-16" already in the register (附件3 序号35)`},
		{"different title",
			[]register.Entry{{Number: listed, Title: "别的通告", ValidFrom: dayPtr("2023-10-17")}},
			"title"},
		{"different disposition",
			[]register.Entry{{Number: listed, Disposition: register.DispositionInvalidated,
				ChangedBy: register.MustNumber(decision), ChangedOn: dayPtr("2024-08-20")}},
			"disposition"},
		{"two added entries disagree",
			[]register.Entry{notices[1], {Number: notices[1].Number, ValidFrom: dayPtr("2024-09-09")}},
			"entry 2: 祁政通〔2024〕8号: valid from"},
		{"missing number", []register.Entry{{ValidFrom: dayPtr("2024-09-09")}}, "missing document number"},
		{"no start date", []register.Entry{{Number: register.MustNumber("祁政通〔2024〕10号")}}, "needs a valid-from date"},
		{"end before start",
			[]register.Entry{{Number: register.MustNumber("祁政通〔2024〕10号"), ValidFrom: dayPtr("2024-09-09"), ValidUntil: dayPtr("2024-09-08")}},
			"before valid from"},
		{"unknown disposition",
			[]register.Entry{{Number: register.MustNumber("祁政通〔2024〕10号"), Disposition: "repealed"}},
			`unknown disposition "repealed"`},
		{"continued without decision",
			[]register.Entry{{Number: register.MustNumber("祁政通〔2024〕10号"), Disposition: register.DispositionContinued, ValidUntil: dayPtr("2029-01-01")}},
			"continued needs the deciding document"},
		{"invalidated without decision",
			[]register.Entry{{Number: register.MustNumber("祁政通〔2024〕10号"), Disposition: register.DispositionInvalidated}},
			"needs the deciding document"},
		{"continued without end",
			[]register.Entry{{Number: register.MustNumber("祁政通〔2024〕10号"), Disposition: register.DispositionContinued, ChangedBy: register.MustNumber(decision), ChangedOn: dayPtr("2024-08-20")}},
			"needs a valid-until date"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := embedded(t).With(tt.entries...)
			require.ErrorContains(t, err, tt.wantErr)
		})
	}
}

func TestRegisterIsolation(t *testing.T) {
	from := dayPtr("2024-09-01")
	a := func() []register.Note { return []register.Note{{Code: "a", Args: map[string]string{"k": "v"}}} }
	e := register.Entry{Number: register.MustNumber("祁政通〔2024〕7号"), ValidFrom: from, Notes: a()}
	r, err := register.New(e)
	require.NoError(t, err)

	*from = day("2030-01-01") // the caller's date is copied, not shared
	e.Notes[0].Args["k"] = "changed"
	got, _ := r.Entry(e.Number)
	require.Equal(t, "2024-09-01", got.ValidFrom.String())
	require.Equal(t, a(), got.Notes)

	got.Notes[0].Code = "changed" // nor are the register's notes handed out
	got.Notes[0].Args["k"] = "changed"
	st := r.Status(e.Number, day("2024-10-01"))
	require.Equal(t, a(), st.Notes)
	st.Notes[0].Args["k"] = "changed"
	require.Equal(t, a(), r.Status(e.Number, day("2024-10-01")).Notes)
	*st.ValidFrom = day("2000-01-01")
	require.Equal(t, "2024-09-01", r.Entries()[0].ValidFrom.String())
}

func TestConcurrentUse(t *testing.T) {
	r := embedded(t)
	n := register.MustNumber("祁政发〔2019〕23号")
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r2, err := r.With(notices...)
			if err != nil {
				t.Error(err)
				return
			}
			for j := range 100 {
				d := day("2024-01-01").AddDays(i*100 + j)
				if a, b := r.Status(n, d), r2.Status(n, d); a.Status != b.Status {
					t.Errorf("%s: %s != %s", d, a.Status, b.Status)
				}
			}
		}()
	}
	wg.Wait()
}
