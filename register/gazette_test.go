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
	f, err := os.Open(gazettePath)
	if os.IsNotExist(err) {
		t.Skipf("gazette %s not present (it lives in /work/shared); skipping the cross-check against the print", gazettePath)
	}
	require.NoError(t, err)
	defer f.Close()
	var lines []string
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		l := sc.Text()
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
	require.NoError(t, sc.Err())
	require.NotEmpty(t, lines, "decision heading not found in %s", gazettePath)
	return lines
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
