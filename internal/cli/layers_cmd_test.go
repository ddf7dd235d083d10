package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestLayersCommand(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
		out  []string // substrings of stdout
		err  []string // substrings of stderr
	}{
		{"no args", nil, 2, nil, []string{"Usage:\n  tonggao layers"}},
		{"help", []string{"-h"}, 0, []string{"Usage:\n  tonggao layers"}, nil},
		{"help command", []string{"help", "check"}, 0, []string{"Usage:\n  tonggao layers check DIR"}, nil},
		{"unknown subcommand", []string{"fix", "x"}, 2, nil, []string{`unknown command "fix"`}},
		{"mistyped subcommand", []string{"chek", "x"}, 2, nil, []string{`unknown command "chek" (did you mean check?)`}},
		{"check without dir", []string{"check"}, 2, nil, []string{"want one directory"}},
		{"check two dirs", []string{"check", "a", "b"}, 2, nil, []string{"want one directory"}},
		{"check missing dir", []string{"check", "no/such/dir"}, 2, nil, []string{"no such file"}},
		{"check a file", []string{"check", "layers_cmd.go"}, 2, nil, []string{"not a directory"}},
		{"check bad flag", []string{"check", "--fix", "../../place/testdata/synthetic"}, 2, nil, nil},
		{"check clean", []string{"check", "../../place/testdata/synthetic"}, 0,
			[]string{"no problems", "forest: ../../place/testdata/synthetic/forest.geojson", "(synthetic)"}, nil},
		{"check broken", []string{"check", "../../place/testdata/broken"}, 1,
			[]string{
				`forest.geojson: feature "bowtie": self-intersection`,
				`forest.geojson: feature "unclosed": unclosed-ring`,
				`forest.geojson: feature "clockwise": warning: winding`,
				`forest.geojson: feature "null-position": position: ring 0 position 2 (line 14, column 131): the position is null`,
				`forest.geojson: feature "swapped": swapped`,
				`towns.geojson: crs`,
				`forests.geojson: warning: unknown-file`,
			},
			[]string{"problems in ../../place/testdata/broken"}},
		{"describe", []string{"describe", "../../place/testdata/synthetic"}, 0, []string{"towns: ../../place/testdata/synthetic/towns.geojson, 22 features"}, nil},
		{"describe broken", []string{"describe", "../../place/testdata/broken"}, 1, nil, []string{`feature "line"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := run(append([]string{"layers"}, tt.args...), &out, &errb)
			require.Equal(t, tt.code, code, "stdout: %s\nstderr: %s", out.String(), errb.String())
			for _, s := range tt.out {
				require.Contains(t, out.String(), s)
			}
			for _, s := range tt.err {
				require.Contains(t, errb.String(), s)
			}
		})
	}
}

func TestLayersCheckDivisions(t *testing.T) {
	const list = "../../../shared/data/divisions/qiyang-towns.csv"
	if _, err := os.Stat(list); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("shared division list %s is absent (%v): CI needs it", list, err)
		}
		t.Skipf("shared division list not available: %v", err)
	}
	tests := []struct {
		name string
		args []string
		code int
		out  []string
		err  []string
	}{
		{"check with divisions", []string{"check", "--divisions", list, "../../place/testdata/synthetic"}, 0, []string{"no problems"}, nil},
		{"check with missing divisions", []string{"check", "--divisions", "no/such.csv", "../../place/testdata/synthetic"}, 2, nil, []string{"no such file"}},
		{"check with divisions after dir", []string{"check", "../../place/testdata/broken", "--divisions", list}, 1,
			[]string{`towns.geojson: feature "t1": property: code: division code "4311810" has 7 digits`}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := run(append([]string{"layers"}, tt.args...), &out, &errb)
			require.Equal(t, tt.code, code, "stdout: %s\nstderr: %s", out.String(), errb.String())
			for _, s := range tt.out {
				require.Contains(t, out.String(), s)
			}
			for _, s := range tt.err {
				require.Contains(t, errb.String(), s)
			}
		})
	}
}

// An operator's directory of layer files, exported for the embedded rule
// base, has no manifest of its own: the rules' layers.yaml says what the
// files are, and their divisions are compared with the rules' table.
func TestLayersWithoutManifest(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"forest.geojson", "towns.geojson", "urban.geojson"} {
		data, err := os.ReadFile("../../place/testdata/synthetic/" + f)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(dir+"/"+f, data, 0o644))
	}
	var out, errb bytes.Buffer
	code := run([]string{"layers", "check", dir}, &out, &errb)
	require.Equal(t, 0, code, "%s%s", out.String(), errb.String())
	require.Contains(t, out.String(), "planning: "+dir+"/planning.geojson absent (facts unknown) → planning_area")
	require.Contains(t, out.String(), "towns: "+dir+"/towns.geojson, 22 features, 22 parts (synthetic) → the division (code)")

	// A town the rules' divisions.csv does not know is a problem.
	towns, err := os.ReadFile(dir + "/towns.geojson")
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(dir+"/towns.geojson", bytes.Replace(towns, []byte(`"code":"431181108"`), []byte(`"code":"431181199"`), 1), 0o644))
	out.Reset()
	code = run([]string{"layers", "check", dir}, &out, &errb)
	require.Equal(t, 1, code)
	require.Contains(t, out.String(), `division: code 431181199 (进宝塘镇) is not in the division list`)

	// A rule directory without a manifest leaves nothing to read the files by.
	rules := t.TempDir()
	out.Reset()
	errb.Reset()
	code = run([]string{"layers", "describe", "--embedded=false", "--rules", rules, dir}, &out, &errb)
	require.Equal(t, 1, code)
	require.Contains(t, errb.String(), "has no layers.yaml saying which layers to load")
}

func TestLayersCheckJSON(t *testing.T) {
	var out, errb bytes.Buffer
	code := run([]string{"layers", "check", "../../place/testdata/broken", "--json"}, &out, &errb)
	require.Equal(t, 1, code)
	var probs []struct{ File, Feature, Kind, Message string }
	require.NoError(t, json.Unmarshal(out.Bytes(), &probs))
	require.NotEmpty(t, probs)
	for _, p := range probs {
		require.NotEmpty(t, p.Kind)
		require.NotEmpty(t, p.File)
	}

	out.Reset()
	code = run([]string{"layers", "check", "--json", "../../place/testdata/synthetic"}, &out, &errb)
	require.Equal(t, 0, code)
	require.Equal(t, "[]\n", out.String())
}
