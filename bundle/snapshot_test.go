package bundle

import (
	"bytes"
	"context"
	"encoding/json"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/examples/notices"
	"github.com/tonggao/tonggao/rules"
)

// shippedSets are the rule sets the repository ships: the embedded rule
// base, each directory of examples/notices alone, and the embedded base
// with one of them as a bundle of two roots.
func shippedSets() map[string][]rules.Root {
	sets := map[string][]rules.Root{"embedded": {{Name: "embedded", FS: rules.EmbeddedFS()}}}
	all := notices.Roots()
	for _, r := range all {
		sets[r.Name] = []rules.Root{r}
	}
	sets["embedded + "+all[0].Name] = []rules.Root{sets["embedded"][0], all[0]}
	return sets
}

// rawBundle writes the files of root as a bundle the way Build lays them
// out, but without a snapshot: the rules are read from YAML.
func rawBundle(t *testing.T, version string, roots []rules.Root) []byte {
	t.Helper()
	files := memFS{}
	var dirs []string
	used := map[string]bool{}
	for i, r := range roots {
		dir := RulesDir
		if len(roots) > 1 {
			dir = RulesDir + "/" + rootName(r.Name, i, used)
			dirs = append(dirs, dir)
		}
		require.NoError(t, copyTree(context.Background(), files, dir, r.FS, r.Name))
	}
	var buf bytes.Buffer
	_, err := WriteZip(&buf, files, version, dirs...)
	require.NoError(t, err)
	return buf.Bytes()
}

// answers is every activity's decision (no facts given) on each day of
// days, and for a small set Here on the first, as JSON.
func answers(t *testing.T, e *engine.Engine, days []calendar.Date) []string {
	t.Helper()
	var out []string
	for i, d := range days {
		for _, a := range e.Rules().Activities {
			dec, err := e.Decide(engine.Query{Activity: a.Name, Day: d})
			require.NoError(t, err)
			raw, err := json.Marshal(dec)
			require.NoError(t, err)
			out = append(out, string(raw))
		}
		if i == 0 && len(e.Rules().Activities) < 40 {
			// Here decides every activity with every place fact
			// unknown: slow for a large set, so on small ones.
			h, err := e.Here(engine.Query{Day: d})
			require.NoError(t, err)
			raw, err := json.Marshal(h)
			require.NoError(t, err)
			out = append(out, string(raw))
		}
	}
	return out
}

// answerDays are the 1st of each month of 2025, for every set (shanxi's
// decisions without facts, twelve deciding facts, took half a second each
// until the engine merged their outcomes without rescanning).
func answerDays(string) []calendar.Date {
	var out []calendar.Date
	for m := 1; m <= 12; m++ {
		out = append(out, calendar.MustDate(2025, m, 1))
	}
	return out
}

// A bundle that carries its snapshot decides byte for byte as the same
// files read from YAML, for every shipped rule set.
func TestSnapshotDecidesAsYAML(t *testing.T) {
	for name, roots := range shippedSets() {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			m, err := Build(context.Background(), &buf, Source{Version: "v1", Roots: roots})
			require.NoError(t, err)
			require.Contains(t, m.Files, SnapshotFile, "Build writes the snapshot and lists it")
			snap, err := OpenZip(buf.Bytes(), "snapshot")
			require.NoError(t, err)
			for _, r := range snap.Roots {
				require.NotNil(t, r.Decoded, "%s is loaded from the snapshot", r.Name)
			}
			yaml, err := OpenZip(rawBundle(t, "v1", roots), "yaml")
			require.NoError(t, err)
			for _, r := range yaml.Roots {
				require.Nil(t, r.Decoded)
			}
			require.Equal(t, yaml.Engine.Rules().Digest, snap.Engine.Rules().Digest)
			days := answerDays(name)
			a, b := answers(t, yaml.Engine, days), answers(t, snap.Engine, days)
			require.NotEmpty(t, a)
			require.Equal(t, len(a), len(b))
			for i := range a {
				require.Equal(t, a[i], b[i])
			}
		})
	}
}

// rebundle is a bundle of files with snapshot.json edited by edit, and a
// fresh manifest: consistent checksums, a snapshot that is not.
func rebundle(t *testing.T, files fs.FS, roots []string, edit func(*snapshot)) []byte {
	t.Helper()
	out := fstest.MapFS{}
	require.NoError(t, fs.WalkDir(files, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || p == ManifestFile || p == SignatureFile {
			return err
		}
		data, err := fs.ReadFile(files, p)
		out[p] = &fstest.MapFile{Data: data}
		return err
	}))
	var s map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(out[SnapshotFile].Data, &s))
	var snap snapshot
	require.NoError(t, json.Unmarshal(out[SnapshotFile].Data, &snap))
	edit(&snap)
	raw, err := json.Marshal(snap)
	require.NoError(t, err)
	out[SnapshotFile] = &fstest.MapFile{Data: raw}
	var buf bytes.Buffer
	_, err = WriteZip(&buf, out, "v2", roots...)
	require.NoError(t, err)
	return buf.Bytes()
}

// A bundle whose snapshot disagrees with its YAML, or was made from other
// bytes, or lacks a file, is refused; a faithful one edited only in its
// JSON layout is not.
func TestSnapshotRefused(t *testing.T) {
	b, err := OpenZip(build(t, Source{Version: "v1", Roots: []rules.Root{kites(t)}}), "kites")
	require.NoError(t, err)
	files := b.Files()
	notice := ""
	for _, n := range b.Roots[0].Decoded.Names() {
		if strings.HasPrefix(n, rules.NoticesDir+"/") {
			notice = n
		}
	}
	require.NotEmpty(t, notice)
	// reentry rewrites one entry of the kites root through its JSON form.
	reentry := func(s *snapshot, f func(m map[string]map[string]any)) {
		raw, err := json.Marshal(s.Roots[RulesDir])
		require.NoError(t, err)
		var m map[string]map[string]any
		require.NoError(t, json.Unmarshal(raw, &m))
		f(m)
		raw, err = json.Marshal(m)
		require.NoError(t, err)
		var d rules.Decoded
		require.NoError(t, json.Unmarshal(raw, &d))
		s.Roots[RulesDir] = &d
	}
	tests := []struct {
		name string
		edit func(*snapshot)
		want string // "" for accepted
	}{
		{"faithful", func(*snapshot) {}, ""},
		{"a rule's words changed", func(s *snapshot) {
			reentry(s, func(m map[string]map[string]any) {
				raw, _ := json.Marshal(m[notice]["notice"])
				raw = bytes.Replace(raw, []byte("放风筝"), []byte("放鞭炮"), 1)
				var v any
				require.NoError(t, json.Unmarshal(raw, &v))
				m[notice]["notice"] = v
			})
		}, "disagrees with its YAML"},
		{"a position moved", func(s *snapshot) {
			reentry(s, func(m map[string]map[string]any) {
				raw, _ := json.Marshal(m[notice]["notice"])
				raw = bytes.Replace(raw, []byte(`"l":`), []byte(`"l":1`), 1)
				var v any
				require.NoError(t, json.Unmarshal(raw, &v))
				m[notice]["notice"] = v
			})
		}, "disagrees with its YAML"},
		{"made from other bytes", func(s *snapshot) {
			reentry(s, func(m map[string]map[string]any) { m[notice]["sha256"] = strings.Repeat("0", 64) })
		}, "made from other bytes"},
		{"a notice left out", func(s *snapshot) {
			reentry(s, func(m map[string]map[string]any) { delete(m, notice) })
		}, "snapshot"},
		{"a file not in the bundle", func(s *snapshot) {
			reentry(s, func(m map[string]map[string]any) { m["notices/zz.yaml"] = m[notice] })
		}, "not in the bundle"},
		{"another root", func(s *snapshot) { s.Roots["rules/x"] = s.Roots[RulesDir] }, "roots"},
		{"another format", func(s *snapshot) { s.Format = 3 }, "format 3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := OpenZip(rebundle(t, files, nil, tt.edit), "edited")
			if tt.want == "" {
				require.NoError(t, err)
				return
			}
			require.ErrorContains(t, err, tt.want)
		})
	}
}
