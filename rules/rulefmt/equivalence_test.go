package rulefmt_test

import (
	"fmt"
	"io/fs"
	"os"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/internal/corpus"
	"github.com/tonggao/tonggao/rules"
	"github.com/tonggao/tonggao/rules/rulefmt"
	"github.com/tonggao/tonggao/ruletest"
)

// formatted copies a rule directory with every YAML file in canonical form.
func formatted(t *testing.T, fsys fs.FS) (orig, canon fstest.MapFS) {
	t.Helper()
	orig, canon = fstest.MapFS{}, fstest.MapFS{}
	require.NoError(t, fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		require.NoError(t, err)
		orig[p] = &fstest.MapFile{Data: data}
		if strings.HasSuffix(p, ".yaml") {
			data, err = rulefmt.Format(p, data)
			require.NoError(t, err, p)
		}
		canon[p] = &fstest.MapFile{Data: data}
		return nil
	}))
	return orig, canon
}

// dump writes a loaded rule set as text, leaving out where things are
// written (files, lines, columns, the files' digest), which formatting
// changes: two sets with the same dump say the same.
func dump(v any) string {
	var b strings.Builder
	seen := map[uintptr]int{}
	var walk func(v reflect.Value, depth int)
	walk = func(v reflect.Value, depth int) {
		if depth > 60 {
			b.WriteString("…")
			return
		}
		switch v.Kind() {
		case reflect.Pointer:
			if v.IsNil() {
				b.WriteString("nil")
				return
			}
			if id, ok := seen[v.Pointer()]; ok {
				fmt.Fprintf(&b, "@%d", id)
				return
			}
			seen[v.Pointer()] = len(seen)
			fmt.Fprintf(&b, "&%d", len(seen)-1)
			walk(v.Elem(), depth+1)
		case reflect.Interface:
			if v.IsNil() {
				b.WriteString("nil")
				return
			}
			walk(v.Elem(), depth+1)
		case reflect.Struct:
			if v.Type() == reflect.TypeOf(rules.Pos{}) {
				return
			}
			b.WriteString(v.Type().Name() + "{")
			for i := range v.NumField() {
				switch v.Type().Field(i).Name {
				case "File", "Pos", "Digest", "Roots", "consecutivePos":
					continue
				}
				b.WriteString(v.Type().Field(i).Name + ":")
				walk(v.Field(i), depth+1)
				b.WriteString(" ")
			}
			b.WriteString("}")
		case reflect.Slice, reflect.Array:
			b.WriteString("[")
			for i := range v.Len() {
				walk(v.Index(i), depth+1)
				b.WriteString(",")
			}
			b.WriteString("]")
		case reflect.Map:
			keys := v.MapKeys()
			sort.Slice(keys, func(i, j int) bool { return fmt.Sprint(keys[i]) < fmt.Sprint(keys[j]) })
			b.WriteString("map[")
			for _, k := range keys {
				fmt.Fprintf(&b, "%v:", k)
				walk(v.MapIndex(k), depth+1)
				b.WriteString(",")
			}
			b.WriteString("]")
		case reflect.Func, reflect.Chan, reflect.UnsafePointer:
			fmt.Fprintf(&b, "%s(nil=%v)", v.Kind(), v.IsNil())
		case reflect.String:
			b.WriteString(strconv.Quote(v.String()))
		case reflect.Bool:
			fmt.Fprint(&b, v.Bool())
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			fmt.Fprint(&b, v.Int())
		case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
			fmt.Fprint(&b, v.Uint())
		case reflect.Float32, reflect.Float64:
			fmt.Fprint(&b, v.Float())
		default:
			fmt.Fprintf(&b, "<%s>", v.Kind())
		}
	}
	walk(reflect.ValueOf(v), 0)
	return b.String()
}

// Every shipped rule directory, formatted, loads to the same rule set as
// written, and its cases pass as they do.
func TestFormattedDirectoriesLoadTheSame(t *testing.T) {
	dirs := map[string]fs.FS{"embedded": rules.EmbeddedFS()}
	for _, d := range []string{"../../examples/notices/zhengzhou", "../../examples/notices/yancheng", "../../examples/notices/qiantang",
		"../../examples/notices/wendeng", "../../engine/testdata/clock", "../../bundle/testdata/kites", "../../internal/cli/testdata/extra"} {
		dirs[d] = os.DirFS(d)
	}
	for name, fsys := range dirs {
		t.Run(name, func(t *testing.T) {
			orig, canon := formatted(t, fsys)
			a, err := rules.Load(orig)
			require.NoError(t, err)
			b, err := rules.Load(canon)
			require.NoError(t, err)
			require.Greater(t, len(dump(a)), 1000)
			require.Equal(t, dump(a), dump(b))
			ca, err := rules.LoadCases(orig)
			require.NoError(t, err)
			cb, err := rules.LoadCases(canon)
			require.NoError(t, err)
			require.Equal(t, dump(ca), dump(cb))
			ra, err := ruletest.RunFS(orig)
			require.NoError(t, err)
			rb, err := ruletest.RunFS(canon)
			require.NoError(t, err)
			require.Equal(t, ra.Passed, rb.Passed)
			require.Equal(t, ra.Failed, rb.Failed)
		})
	}
}

// The hostile rule corpus (hotline/testdata/hostile/rules.txt): what
// formats is canonical, and loads as the original does — the same set, or
// an error where the original has one.
func TestHostileCorpusFormats(t *testing.T) {
	file, err := corpus.Read("../../hotline/testdata/hostile/rules.txt")
	require.NoError(t, err)
	facts, err := fs.ReadFile(rules.EmbeddedFS(), "facts.yaml")
	require.NoError(t, err)
	divisions, err := fs.ReadFile(rules.EmbeddedFS(), rules.DivisionsFile)
	require.NoError(t, err)
	load := func(notice []byte) (*rules.Set, error) {
		return rules.Load(fstest.MapFS{"facts.yaml": {Data: facts}, rules.DivisionsFile: {Data: divisions}, "notices/test.yaml": {Data: notice}})
	}
	formattedN := 0
	for _, c := range file.Cases {
		notice := hostileNotice
		if f := c.Get("file"); f != "" {
			notice, err = corpus.Value(f)
			require.NoError(t, err)
		}
		for _, sub := range c.All("sub") {
			old, new, ok := strings.Cut(sub, " => ")
			require.True(t, ok)
			old, err = corpus.Value(old)
			require.NoError(t, err)
			new, err = corpus.Value(new)
			require.NoError(t, err)
			notice = strings.Replace(notice, old, new, 1)
		}
		if len(notice) > 1<<20 {
			continue // the size guards, not forms of YAML
		}
		got, err := rulefmt.Format("notices/test.yaml", []byte(notice))
		if err != nil {
			continue // refused: a form fmt cannot keep, said so
		}
		formattedN++
		again, err := rulefmt.Format("notices/test.yaml", got)
		require.NoError(t, err, c.Name)
		require.Equal(t, string(got), string(again), c.Name)
		a, errA := load([]byte(notice))
		b, errB := load(got)
		require.Equal(t, errA == nil, errB == nil, "%s: %v / %v", c.Name, errA, errB)
		if errA == nil {
			require.Equal(t, dump(a), dump(b), c.Name)
		}
	}
	require.Greater(t, formattedN, 30)
}

const hostileNotice = `notice:
  number: 测试〔2024〕1号
  title: 测试通告
  effective: 2024-09-01
  valid_until: 2025-08-31
activities:
  - id: test_fire
    name: 测试用火
    en: test fire
windows:
  - id: season
    name: 季节
    when: annual 09-01..04-30
    article: 一
conditions:
  - id: near
    name: 附近
    if: distance_to_forest_m <= 100
    article: 二
rules:
  - id: ban
    article: 三
    text: 严禁测试用火。
    effect: forbid
    activities: [test_fire]
    if: season && near
`

// FuzzFormat: any input is formatted or refused, never a panic; what is
// formatted is canonical and reads as the input does.
func FuzzFormat(f *testing.F) {
	// Small seeds keep the fuzzer fast; the shipped files are formatted by
	// the tests above.
	for _, p := range []string{"../vocabulary/reports.yaml", "../../examples/notices/qiantang/vocabulary/words.yaml",
		"../../examples/notices/wendeng/layers.yaml", "../../examples/notices/qiantang/facts.yaml"} {
		data, err := os.ReadFile(p)
		require.NoError(f, err)
		f.Add(p, data)
	}
	f.Add("notices/x.yaml", []byte(hostileNotice))
	f.Add("notices/x.cases.yaml", []byte("notice: x\ncases:\n  - {want: forbidden, name: 'a, b', facts: {x: 1}}\n"))
	f.Add("x.yaml", []byte("a: >\n  x y\n\n   z\nb: |+\n  q\n\n# c\nc: [a, 'b, c', \"d\"] # e\n"))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		got, err := rulefmt.Format(name, data)
		if err != nil {
			return
		}
		again, err := rulefmt.Format(name, got)
		if err != nil {
			t.Fatalf("formatted output refused: %v\n%s", err, got)
		}
		if string(again) != string(got) {
			t.Fatalf("not idempotent:\n%s\n---\n%s", got, again)
		}
	})
}
