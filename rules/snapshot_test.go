package rules

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"go/format"
	"io/fs"
	"maps"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/division"
	"github.com/tonggao/tonggao/internal/fsread"
	"github.com/tonggao/tonggao/internal/snapshot/snapshottest"
	"github.com/tonggao/tonggao/rules/cond"
)

// snapshotOrder lists the embedded files the snapshot holds, in its order.
func snapshotOrder() ([]string, error) {
	names, err := NoticeFiles(embedded)
	if err != nil {
		return nil, err
	}
	return append([]string{FactsFile}, names...), nil
}

// snapshotSource lists the embedded files the snapshot holds, in order.
func snapshotSource(t *testing.T) []string {
	t.Helper()
	names, err := snapshotOrder()
	require.NoError(t, err)
	return names
}

// decodeForSnapshot decodes the embedded files as the loader does.
func decodeForSnapshot(t *testing.T) []snapshotFile {
	t.Helper()
	var out []snapshotFile
	for _, name := range snapshotSource(t) {
		data, err := fs.ReadFile(embedded, name)
		require.NoError(t, err)
		sum := sha256.Sum256(data)
		f := snapshotFile{sum: hex.EncodeToString(sum[:])}
		if name == FactsFile {
			f.facts = new(FactsFileSpec)
			require.NoError(t, decodeYAML(data, f.facts, DefaultLimits()), name)
		} else {
			f.notice = new(FileSpec)
			require.NoError(t, decodeYAML(data, f.notice, DefaultLimits()), name)
		}
		out = append(out, f)
	}
	return out
}

// TestSnapshot holds snapshot_gen.go to the embedded rule files: it fails
// when a rule file changed and the snapshot was not regenerated (go
// generate ./rules, which runs this test with UPDATE_SNAPSHOT=1 to write
// it), and when the snapshot in memory differs from a fresh decoding,
// after loads that might have changed it.
func TestSnapshot(t *testing.T) {
	files := decodeForSnapshot(t)
	read, digest := embeddedRead(t)
	src := genSnapshot(t, files, read, digest)
	trees := snapshotConditions(t)
	treesSrc := genConditions(t, trees)
	wrote := snapshottest.Golden(t, "snapshot_gen.go", src, "the embedded rule files decode to", "go generate ./rules")
	if snapshottest.Golden(t, "cond_snapshot_gen.go", treesSrc, "expr parses the embedded conditions to", "go generate ./rules") || wrote {
		return
	}

	for range 2 {
		_, err := Embedded()
		require.NoError(t, err)
	}
	require.Equal(t, files, snapshotFiles, "the snapshot in memory is what the files decode to, after loads")
	require.Equal(t, trees, condTrees, "the conditions' trees in memory are what expr parses, after loads")
	// Every embedded file is found by its bytes.
	l := newLoader(DefaultLimits())
	for _, name := range snapshotSource(t) {
		data, err := fs.ReadFile(embedded, name)
		require.NoError(t, err)
		require.NotNil(t, l.fromSnapshot(data), name)
		require.Nil(t, l.fromSnapshot(append(data, '\n')), name)
		// The WebAssembly build's lookup without hashing finds the same
		// entry, and nothing for other bytes of the same length.
		require.Same(t, hashedSnapshot(data), linkedSnapshot(data), name)
		edited := bytes.Clone(data)
		edited[len(edited)-1] ^= 1
		require.Nil(t, linkedSnapshot(edited), name)
	}
	l.lim.MaxDepth = 3
	data, err := fs.ReadFile(embedded, FactsFile)
	require.NoError(t, err)
	require.Nil(t, l.fromSnapshot(data), "a tighter limit than the defaults decodes the file")
}

// embeddedRead lists the files a load reads from the embedded rule
// directory, in its order (readRoot), and the digest it computes.
func embeddedRead(t *testing.T) ([]string, string) {
	t.Helper()
	srcs, err := readRoot(fsread.New(context.Background(), embedded, "", fsread.Limits{}), 0, sha256.New())
	require.NoError(t, err)
	var names []string
	for _, s := range srcs {
		names = append(names, s.name)
	}
	set, err := Embedded()
	require.NoError(t, err)
	return names, set.Digest
}

// genSnapshot writes files as Go source: composite literals, so that the
// snapshot is laid out by the linker and costs no work at start-up; and
// the files a load reads, with their digest (linkedSources).
func genSnapshot(t *testing.T, files []snapshotFile, read []string, digest string) []byte {
	t.Helper()
	data, err := fs.ReadFile(embedded, DivisionsFile)
	require.NoError(t, err)
	divisions, err := division.ParseTable(data, "")
	require.NoError(t, err)
	g := &snapGen{}
	var body bytes.Buffer
	body.WriteString("// snapshotRead names the embedded files a load reads, in its order, and\n")
	body.WriteString("// snapshotDigest is the digest it computes over them (linkedSources).\n")
	body.WriteString("var snapshotRead = []string{\n")
	for _, name := range read {
		fmt.Fprintf(&body, "%q,\n", name)
	}
	body.WriteString("}\n\n")
	fmt.Fprintf(&body, "const snapshotDigest = %q\n\n", digest)
	// divisions.csv's rows, without their file (the load sets it), as
	// constants: data the linker lays out, no CSV reader run.
	body.WriteString("// snapshotDivisions are divisions.csv's rows as division.ParseTable gives\n")
	body.WriteString("// them, without File (linkedSources).\n")
	body.WriteString("var snapshotDivisions = []division.Division{\n")
	for _, d := range divisions.All() {
		fmt.Fprintf(&body, "{Code: %q, Name: %q, Line: %d},\n", string(d.Code), d.Name, d.Line)
	}
	body.WriteString("}\n\n")
	body.WriteString("var snapshotFiles = []snapshotFile{\n")
	for _, f := range files {
		fmt.Fprintf(&body, "{sum: %q, ", f.sum)
		if f.facts != nil {
			body.WriteString("facts: ")
			g.value(&body, reflect.ValueOf(f.facts), false)
		} else {
			body.WriteString("notice: ")
			g.value(&body, reflect.ValueOf(f.notice), false)
		}
		body.WriteString("},\n")
	}
	body.WriteString("}\n")
	var out bytes.Buffer
	out.WriteString("// Code generated by go generate ./rules (TestSnapshot in snapshot_test.go); DO NOT EDIT.\n\n")
	out.WriteString("package rules\n\nimport \"github.com/tonggao/tonggao/division\"\n\n")
	for i, f := range g.floats {
		fmt.Fprintf(&out, "var snapF%d float64 = %s\n", i, strconv.FormatFloat(f, 'g', -1, 64))
	}
	out.WriteString("\n")
	out.Write(body.Bytes())
	// gofmt aligns this layout in more than one pass: format until stable.
	src := out.Bytes()
	for range 5 {
		next, err := format.Source(src)
		require.NoError(t, err, "%s", src)
		if bytes.Equal(next, src) {
			break
		}
		src = next
	}
	return src
}

// snapGen writes values as Go literals of package rules.
type snapGen struct {
	floats []float64 // the targets of *float64, as package variables
}

// value writes v; elide leaves out the type of a struct (or pointer to
// one) where the enclosing literal implies it.
func (g *snapGen) value(b *bytes.Buffer, v reflect.Value, elide bool) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			b.WriteString("nil")
			return
		}
		e := v.Elem()
		switch e.Kind() {
		case reflect.Float64:
			f := e.Float()
			if math.IsNaN(f) || math.IsInf(f, 0) {
				panic("snapshot: a float that Go cannot write")
			}
			g.floats = append(g.floats, f)
			fmt.Fprintf(b, "&snapF%d", len(g.floats)-1)
		case reflect.Struct:
			if !elide {
				b.WriteString("&")
			}
			g.value(b, e, elide)
		default:
			b.WriteString("&")
			g.value(b, e, false)
		}
	case reflect.Struct:
		if !elide {
			b.WriteString(v.Type().Name())
		}
		b.WriteString("{")
		for i := range v.NumField() {
			fv := v.Field(i)
			if fv.IsZero() {
				continue
			}
			fmt.Fprintf(b, "%s: ", v.Type().Field(i).Name)
			g.value(b, fv, false)
			b.WriteString(", ")
		}
		b.WriteString("}")
	case reflect.Slice:
		if v.IsNil() {
			b.WriteString("nil")
			return
		}
		fmt.Fprintf(b, "%s{", typeName(v.Type()))
		for i := range v.Len() {
			g.value(b, v.Index(i), true)
			b.WriteString(",\n")
		}
		b.WriteString("}")
	case reflect.Map:
		if v.IsNil() {
			b.WriteString("nil")
			return
		}
		if v.Type().Key().Kind() != reflect.String || v.Type().Elem().Kind() != reflect.String {
			panic("snapshot: only map[string]string is written")
		}
		keys := v.MapKeys()
		slices.SortFunc(keys, func(a, c reflect.Value) int {
			return cmpString(a.String(), c.String())
		})
		b.WriteString("map[string]string{")
		for _, k := range keys {
			fmt.Fprintf(b, "%s: %s, ", strconv.Quote(k.String()), strconv.Quote(v.MapIndex(k).String()))
		}
		b.WriteString("}")
	case reflect.String:
		b.WriteString(strconv.Quote(v.String()))
	case reflect.Bool:
		b.WriteString(strconv.FormatBool(v.Bool()))
	case reflect.Int, reflect.Int64, reflect.Int32:
		b.WriteString(strconv.FormatInt(v.Int(), 10))
	case reflect.Uint8:
		b.WriteString(strconv.QuoteRune(rune(v.Uint())))
	default:
		panic("snapshot: cannot write a " + v.Type().String())
	}
}

func typeName(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Slice:
		return "[]" + typeName(t.Elem())
	case reflect.Pointer:
		return "*" + typeName(t.Elem())
	}
	return t.String()[len("rules."):]
}

func cmpString(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// snapshotConditions loads the embedded rule base, every condition parsed
// by expr, and returns the tree of every condition it compiled (exceptions
// joined with their rule's if included), sorted by text.
func snapshotConditions(t *testing.T) []condTree {
	t.Helper()
	l := newLoader(DefaultLimits())
	l.parsed = func(string) *cond.Tree { return nil }
	l.conditions = map[string]bool{}
	_, err := l.loadRoots(context.Background(), []Root{{FS: embedded}})
	require.NoError(t, err)
	var out []condTree
	for _, src := range slices.Sorted(maps.Keys(l.conditions)) {
		tree, err := cond.Parse(src)
		require.NoError(t, err, src)
		out = append(out, condTree{src: src, tree: tree})
	}
	return out
}

// genConditions writes the conditions' trees as Go composite literals.
func genConditions(t *testing.T, trees []condTree) []byte {
	t.Helper()
	var b bytes.Buffer
	b.WriteString("// Code generated by go generate ./rules (TestSnapshot in snapshot_test.go); DO NOT EDIT.\n\n")
	b.WriteString("package rules\n\nimport \"github.com/tonggao/tonggao/rules/cond\"\n\n")
	b.WriteString("var condTrees = []condTree{\n")
	for _, c := range trees {
		fmt.Fprintf(&b, "{src: %q, tree: ", c.src)
		writeTree(&b, c.tree, false)
		b.WriteString("},\n")
	}
	b.WriteString("}\n")
	src, err := format.Source(b.Bytes())
	require.NoError(t, err, "%s", b.Bytes())
	return src
}

var treeKinds = map[cond.TreeKind]string{cond.TreeOther: "TreeOther", cond.TreeIdent: "TreeIdent", cond.TreeBool: "TreeBool",
	cond.TreeNumber: "TreeNumber", cond.TreeString: "TreeString", cond.TreeArray: "TreeArray", cond.TreeUnary: "TreeUnary",
	cond.TreeBinary: "TreeBinary"}

func writeTree(b *bytes.Buffer, t *cond.Tree, elide bool) {
	if !elide {
		b.WriteString("&cond.Tree")
	}
	var fields []string
	fields = append(fields, "Kind: cond."+treeKinds[t.Kind])
	if t.Op != "" {
		fields = append(fields, "Op: "+strconv.Quote(t.Op))
	}
	if t.Name != "" {
		fields = append(fields, "Name: "+strconv.Quote(t.Name))
	}
	if t.Num != 0 {
		if math.IsNaN(t.Num) || math.IsInf(t.Num, 0) {
			panic("snapshot: a number Go cannot write")
		}
		fields = append(fields, "Num: "+strconv.FormatFloat(t.Num, 'g', -1, 64))
	}
	if t.Bool {
		fields = append(fields, "Bool: true")
	}
	if t.From != 0 {
		fields = append(fields, "From: "+strconv.Itoa(t.From))
	}
	b.WriteString("{" + strings.Join(fields, ", "))
	if len(t.Args) > 0 {
		b.WriteString(", Args: []*cond.Tree{")
		for i, a := range t.Args {
			if i > 0 {
				b.WriteString(", ")
			}
			writeTree(b, a, true)
		}
		b.WriteString("}")
	}
	b.WriteString("}")
}

// TestLinkedSources: the embedded rule directory taken as linked (the
// WebAssembly build's load, linkedSources) is the same files, names,
// paths and digest as readRoot reads, and loads to the same rule set as
// reading, hashing and checking them; any other root, a tighter limit or
// a stopped load is read as before.
func TestLinkedSources(t *testing.T) {
	ctx := context.Background()
	for _, name := range []string{"", "embedded", "rules/"} {
		srcs, digest, ok := linkedSources(ctx, []Root{{Name: name, FS: embedded}}, DefaultLimits())
		require.True(t, ok, name)
		want, err := readRoot(fsread.New(ctx, embedded, name, fsread.Limits{}), 0, sha256.New())
		require.NoError(t, err)
		require.Equal(t, len(want), len(srcs), name)
		for i, w := range want {
			s := srcs[i]
			require.Equal(t, w.name, s.name)
			require.Equal(t, w.path, s.path)
			if w.name == DivisionsFile {
				parsed, err := division.ParseTable(w.data, "")
				require.NoError(t, err)
				require.Equal(t, parsed.All(), s.divisions)
				require.Nil(t, s.data)
				require.Nil(t, s.snap)
				continue
			}
			require.Nil(t, s.data, "%s comes decoded, without its bytes", w.name)
			require.NotNil(t, s.snap, w.name)
			require.Same(t, hashedSnapshot(w.data), s.snap, "%s is its own snapshot entry", w.name)
		}
		set, err := LoadRoots(ctx, []Root{{Name: name, FS: embedded}}, Limits{})
		require.NoError(t, err)
		require.Equal(t, set.Digest, digest, name)

		l := newLoader(DefaultLimits())
		l.trustLinked = true
		linked, err := l.loadRoots(ctx, []Root{{Name: name, FS: embedded}})
		require.NoError(t, err)
		require.True(t, l.linked, "the embedded root is taken as linked")
		require.Equal(t, set, linked, "the same rule set as reading, hashing and checking the files")
	}

	copied := fstest.MapFS{}
	for _, name := range snapshotRead {
		data, err := fs.ReadFile(embedded, name)
		require.NoError(t, err)
		copied[name] = &fstest.MapFile{Data: data}
	}
	stopped, cancel := context.WithCancel(ctx)
	cancel()
	tight := DefaultLimits()
	tight.MaxFileBytes = 1 << 10
	shallow := DefaultLimits()
	shallow.MaxDepth = 3
	for name, c := range map[string]struct {
		ctx   context.Context
		roots []Root
		lim   Limits
	}{
		"another file system with the same files": {ctx, []Root{{FS: copied}}, DefaultLimits()},
		"a second root":       {ctx, []Root{{FS: embedded}, {FS: copied}}, DefaultLimits()},
		"decoded by a bundle": {ctx, []Root{{FS: embedded, Decoded: &Decoded{}}}, DefaultLimits()},
		"a tighter limit":     {ctx, []Root{{FS: embedded}}, tight},
		"a stopped load":      {stopped, []Root{{FS: embedded}}, DefaultLimits()},
	} {
		_, _, ok := linkedSources(c.ctx, c.roots, c.lim)
		require.False(t, ok, name)
	}
	l := newLoader(tight)
	l.trustLinked = true
	_, err := l.loadRoots(ctx, []Root{{FS: embedded}})
	require.Error(t, err, "a tighter limit still refuses the embedded files")
	require.False(t, l.linked)
}
