package division_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/division"
)

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		in, code, str string
		level         division.Level
	}{
		{"430000", "43", "430000", division.Province},
		{"431100", "4311", "431100", division.Prefecture},
		{"431181", "431181", "431181", division.County},
		{" 431181107 ", "431181107", "431181107", division.Township},
		{"431181107201", "431181107201", "431181107201", division.Village},
		{"110105", "110105", "110105", division.County},
	} {
		c, err := division.Parse(tc.in)
		require.NoError(t, err, tc.in)
		require.Equal(t, division.Code(tc.code), c, tc.in)
		require.Equal(t, tc.str, c.String(), tc.in)
		require.Equal(t, tc.level, c.Level(), tc.in)
	}
	for _, bad := range []string{"", "4311", "43118", "4311811", "431181000", "431181107000", "000000", "931181", "4311８1", "abc", "-43118", "43118１"} {
		_, err := division.Parse(bad)
		require.Error(t, err, bad)
	}
}

func TestCovers(t *testing.T) {
	hunan, yongzhou, qiyang, baishui := division.MustParse("430000"), division.MustParse("431100"), division.MustParse("431181"), division.MustParse("431181107")
	require.True(t, hunan.Covers(yongzhou))
	require.True(t, yongzhou.Covers(qiyang))
	require.True(t, qiyang.Covers(baishui))
	require.True(t, qiyang.Covers(qiyang))
	require.False(t, baishui.Covers(qiyang))
	require.False(t, qiyang.Covers(division.MustParse("431182")))
	require.False(t, division.Code("").Covers(qiyang), "no division covers nothing")
	require.Equal(t, qiyang, baishui.Parent())
	require.Equal(t, yongzhou, qiyang.Parent())
	require.Equal(t, hunan, yongzhou.Parent())
	require.Equal(t, division.Code(""), hunan.Parent())
	require.Equal(t, qiyang, division.Common(baishui, division.MustParse("431181108")))
	require.Equal(t, yongzhou, division.Common(baishui, division.MustParse("431102")))
	require.Equal(t, division.Code(""), division.Common(baishui, division.MustParse("110105")))
}

func TestTable(t *testing.T) {
	tab, err := division.ParseTable([]byte("\ufeff# source: test\ncode,name,extra\n431181,祁阳市,x\n431181107,白水镇,\n431181108,\"进宝塘镇\"\n821181107,白水镇\n"), "d.csv")
	require.NoError(t, err)
	require.Equal(t, 4, tab.Len())
	require.Equal(t, "祁阳市", tab.Name("431181"))
	require.Equal(t, "白水镇（431181107）", tab.Label("431181107"))
	require.Equal(t, "110105", tab.Label("110105"))
	require.Equal(t, []division.Code{"431181107", "821181107"}, tab.Lookup("白水镇"))
	require.Equal(t, []string{"白水镇", "进宝塘镇"}, tab.Names(division.Township))
	d, ok := tab.Get("431181108")
	require.True(t, ok)
	require.Equal(t, 5, d.Line)

	cs, err := tab.Resolve("431181")
	require.NoError(t, err)
	require.Equal(t, []division.Code{"431181"}, cs)
	cs, err = tab.Resolve("110105") // a code need not be in the table
	require.NoError(t, err)
	require.Equal(t, []division.Code{"110105"}, cs)
	_, err = tab.Resolve("朝阳区")
	require.ErrorContains(t, err, `place "朝阳区"`)
	_, err = tab.Resolve("4311")
	require.ErrorContains(t, err, "4311")
}

func TestTableErrors(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"name,code\n祁阳市,431181\nagain,431181\n", "d.csv:3: division 431181 is also on line 2"},
		{"code,label\n431181,祁阳市\n", "d.csv:1: the header must name the columns code and name"},
		{"code,name\n4311,永州\n", "d.csv:2: division code \"4311\" has 4 digits"},
		{"code,name\n431181,\n", "d.csv:2: division 431181 has no name"},
		{"code,name\n431181\n", "d.csv:2: want the columns code and name"},
		{"# only a comment\n", "d.csv: no header"},
		{"code,name\n\"431181,x\n", "d.csv:"},
	} {
		_, err := division.ParseTable([]byte(tc.in), "d.csv")
		require.ErrorContains(t, err, tc.want, tc.in)
	}
}

func TestMerge(t *testing.T) {
	a, err := division.ParseTable([]byte("code,name\n431181,祁阳市\n"), "a.csv")
	require.NoError(t, err)
	b, err := division.ParseTable([]byte("code,name\n110105,朝阳区\n431181,祁阳市\n"), "b.csv")
	require.NoError(t, err)
	m, err := division.Merge(a, b)
	require.NoError(t, err)
	require.Equal(t, 2, m.Len())
	c, err := division.ParseTable([]byte("code,name\n431181,祁阳县\n"), "c.csv")
	require.NoError(t, err)
	_, err = division.Merge(a, c)
	require.ErrorContains(t, err, `c.csv:2: division 431181 is "祁阳县", but a.csv:2 names it "祁阳市"`)
	m, err = division.Merge(nil, a)
	require.NoError(t, err)
	require.Equal(t, 1, m.Len())
}

// TestSharedTownList reads the published township list nobody here wrote,
// as it is: every code parses as a township of 祁阳市 and every name is
// found again.
func TestSharedTownList(t *testing.T) {
	path := sharedFile(t, "divisions/qiyang-towns.csv")
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	tab, err := division.ReadTable(f, path)
	require.NoError(t, err)
	require.Equal(t, 28, tab.Len())
	qiyang := division.MustParse("431181")
	for _, d := range tab.All() {
		require.Equal(t, division.Township, d.Code.Level(), d.Name)
		require.True(t, qiyang.Covers(d.Code), d.Name)
		require.Equal(t, []division.Code{d.Code}, tab.Lookup(d.Name))
	}
	require.Equal(t, "白水镇", tab.Name("431181107"))
}

// sharedFile finds the workspace's reference data (shared/data) beside the
// module or one level further up. It fails when CI=true and the data is
// missing, and skips otherwise.
func sharedFile(t *testing.T, rel string) string {
	t.Helper()
	for _, dir := range []string{"../../shared/data", "../../../shared/data"} {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("reference data shared/data/%s is missing", rel)
	}
	t.Skipf("reference data shared/data/%s is absent; CI has it", rel)
	return ""
}

// TestNewTable: a table made from ParseTable's rows is the table parsed,
// for the shipped rule base's divisions.csv; rows ParseTable would refuse
// are refused.
func TestNewTable(t *testing.T) {
	data, err := os.ReadFile("../rules/divisions.csv")
	require.NoError(t, err)
	parsed, err := division.ParseTable(data, "rules/divisions.csv")
	require.NoError(t, err)
	made, err := division.NewTable(parsed.All())
	require.NoError(t, err)
	require.Equal(t, parsed, made)
	require.Greater(t, made.Len(), 20)

	ok := division.Division{Code: "431181", Name: "祁阳市", File: "d.csv", Line: 2}
	for _, tc := range []struct {
		row  division.Division
		want string
	}{
		{division.Division{Code: "4311", Name: "永州", File: "d.csv", Line: 3}, `d.csv:3: division code "4311"`},
		{division.Division{Code: "430000", Name: "湖南省", File: "d.csv", Line: 3}, `d.csv:3: division code "430000" is not as Parse writes it`},
		{division.Division{Code: "431181107", Name: " 白水镇", File: "d.csv", Line: 3}, "d.csv:3: division 431181107: name"},
		{division.Division{Code: "431181107", File: "d.csv", Line: 3}, "d.csv:3: division 431181107: name"},
		{division.Division{Code: "431181", Name: "祁阳市", File: "d.csv", Line: 3}, "d.csv:3: division 431181 is also on line 2"},
	} {
		_, err := division.NewTable([]division.Division{ok, tc.row})
		require.ErrorContains(t, err, tc.want)
	}
}
