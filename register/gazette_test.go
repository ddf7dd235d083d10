package register_test

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/register"
)

// gazettePath is the shared gazette, relative to this package's directory
// (/work/main/register → /work/shared).
var gazettePath = filepath.Join("..", "..", "shared", "gazette", "qiyang-gazette-2024-03.md")

// The decision and its annexes are printed between these lines.
const (
	decisionHeading = "# 祁阳市人民政府 关于公布 2024 年规范性文件清理结果的决定"
	nextHeading     = "# 祁阳市人民政府 关于发布森林防火禁火令的通告"
)

var (
	annexLine = regexp.MustCompile(`^附件\s*([123])$`)
	rowLine   = regexp.MustCompile(`^(\d+)\t([^\t]+)\t([^\t]+)(?:\t(\d{4})年(\d{1,2})月(\d{1,2})日)?$`)
)

// readDecision returns the decision's lines from the gazette, skipping the
// test when the shared gazette is not on this machine.
func readDecision(t *testing.T) []string {
	t.Helper()
	var lines []string
	in := false
	for _, l := range readGazette(t) {
		switch {
		case l == decisionHeading:
			in = true
		case l == nextHeading:
			in = false
		}
		if in {
			lines = append(lines, l)
		}
	}
	require.NotEmpty(t, lines, "decision heading not found in %s", gazettePath)
	return lines
}

// readGazette returns the gazette's lines. Without the shared gazette the
// test is skipped, except under CI=true, where it fails.
func readGazette(t *testing.T) []string {
	t.Helper()
	f, err := os.Open(gazettePath)
	if os.IsNotExist(err) {
		if os.Getenv("CI") == "true" {
			t.Fatalf("gazette %s is absent: CI needs ../shared for the cross-check against the print", gazettePath)
		}
		t.Skipf("gazette %s not present (it lives in /work/shared); skipping the cross-check against the print", gazettePath)
	}
	require.NoError(t, err)
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	require.NoError(t, sc.Err())
	return lines
}

var (
	// A document's number stands on its own line under its heading, and
	// its date on a line of its own after the text's opening lines.
	printedNumber = regexp.MustCompile(`^祁政\p{Han}*〔\d{4}〕\s*\d+\s*号$`)
	printedDate   = regexp.MustCompile(`^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$`)
)

// TestGazetteDocumentsKnown: every document printed in the gazette is known
// to the register (issue 14 item 18), and none is in force before the date
// printed under its number (item 5: 祁政办函〔2024〕22号 is dated
// "2024 年 9 月 30 日", though the collection period it describes began on
// 2024-09-01).
func TestGazetteDocumentsKnown(t *testing.T) {
	lines := readGazette(t)
	r := embedded(t)
	found := 0
	for i, l := range lines {
		if !printedNumber.MatchString(l) {
			continue
		}
		n, err := register.ParseNumber(l)
		require.NoError(t, err, "gazette line %d", i+1)
		var dated calendar.Date
		for _, d := range lines[i+1:] {
			if m := printedDate.FindStringSubmatch(d); m != nil {
				dated = day(fmt.Sprintf("%s-%02s-%02s", m[1], m[2], m[3]))
				break
			}
		}
		require.True(t, dated.Valid(), "no date printed after %s (gazette line %d)", n, i+1)
		found++

		e, ok := r.Entry(n)
		require.True(t, ok, "%s (gazette line %d) is printed in the gazette but not in the register", n, i+1)
		require.NotNil(t, e.ValidFrom, "%s", n)
		require.False(t, e.ValidFrom.Before(dated), "%s is dated %s but in force from %s", n, dated, e.ValidFrom)
		st := r.Status(n, dated.AddDays(-1))
		require.NotEqual(t, register.InForce, st.Status, "%s the day before its date %s", n, dated)
		st = r.Status(n, *e.ValidFrom)
		require.Equal(t, register.InForce, st.Status, "%s from %s", n, e.ValidFrom)
	}
	require.Equal(t, 9, found, "documents printed in the gazette: the decision, 7号, 8号, 9号, 办发8号 and 函19–22号")
}

// TestGazetteRows checks every row of the three annexes against the
// register: number, title, disposition, printed 失效时间 and source.
func TestGazetteRows(t *testing.T) {
	lines := readDecision(t)
	r := embedded(t)
	disposition := map[string]register.Disposition{
		"1": register.DispositionAbolished,
		"2": register.DispositionInvalidated,
		"3": register.DispositionContinued,
	}
	annex := ""
	rows := map[string]int{}
	for _, l := range lines {
		if m := annexLine.FindStringSubmatch(l); m != nil {
			annex = m[1]
			continue
		}
		m := rowLine.FindStringSubmatch(l)
		if m == nil || annex == "" {
			continue
		}
		rows[annex]++
		n, err := register.ParseNumber(m[2])
		require.NoError(t, err, "gazette row %q", l)
		e, ok := r.Entry(n)
		require.True(t, ok, "%s (附件%s 序号%s) is not in the register", n, annex, m[1])
		require.Equal(t, m[3], e.Title, "title of %s", n)
		require.Equal(t, disposition[annex], e.Disposition, "disposition of %s", n)
		require.Equal(t, fmt.Sprintf("附件%s 序号%s", annex, m[1]), e.Source, "source of %s", n)
		if m[4] == "" {
			require.Nil(t, e.ValidUntil, "%s has no printed 失效时间", n)
			continue
		}
		y, _ := strconv.Atoi(m[4])
		mo, _ := strconv.Atoi(m[5])
		d, _ := strconv.Atoi(m[6])
		require.NotNil(t, e.ValidUntil, "valid_until of %s", n)
		require.Equal(t, calendar.MustDate(y, mo, d), *e.ValidUntil, "valid_until of %s", n)
	}
	require.Equal(t, map[string]int{"1": 1, "2": 46, "3": 43}, rows, "rows per annex in the gazette")
}

// TestGazetteDecisionText checks the facts the register takes from the
// decision's text, and the printing oddities its notes record.
func TestGazetteDecisionText(t *testing.T) {
	text := strings.Join(readDecision(t), "\n")
	for _, want := range []string{
		"祁政发〔2024〕4 号",
		"2024 年 8 月 20 日",
		"等 46 件规范性文件宣布失效",
		"等 43 件规范性文件",
		"自公布之日起不再执行",
		"市人民政府及市人民政府办公室于 2024 年 6 月 30 日以前制定的规范性文件，未列入确认继续有效的规范性文件目录的，自本决定公布之日起不再执行",
		"1\t祁政发〔2019〕23号\t祁阳县人民政府关于加强县城规划区存量房交易税收征管的通告\t2024年9月19日",
		"27\t祁政办发〔2022〕17号\t祁阳市人民政府办公室关于印发《祁阳市工程建设项目范围内砂石资源公开处置办法（试行）》的通知\t2024年12月14日",
		"1\t祁政发 (2022) 4号\t",
		"祁阳市人民政府关于关于促进旅游业发展的实施意见",
		"28\t祁政办发〔2020〕5号\t祁阳市人民政府办公室关于印发《祁阳县",
	} {
		require.Contains(t, text, want)
	}
	require.Equal(t, 2, strings.Count(text, "\n二、"), "the decision prints two items numbered 二")
	require.NotContains(t, text, "\n三、")
}
