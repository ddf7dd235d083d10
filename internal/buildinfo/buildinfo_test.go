package buildinfo_test

import (
	"fmt"
	"runtime/debug"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/tonggao/tonggao/internal/buildinfo"
)

func TestFrom(t *testing.T) {
	for _, tc := range []struct {
		name  string
		bi    debug.BuildInfo
		short string
		rev   string
		mod   bool
	}{
		{"a tagged build", debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Path: "github.com/tonggao/tonggao", Version: "v1.2.0"}},
			"v1.2.0", "", false},
		{"a work tree with changes", debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Path: "github.com/tonggao/tonggao", Version: "(devel)"},
			Settings: []debug.BuildSetting{{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: "3f2a9c1d0e4b5a6978877665544332211aabbccd"}, {Key: "vcs.time", Value: "2026-05-01T18:00:00+08:00"}, {Key: "vcs.modified", Value: "true"}}},
			"(devel) (3f2a9c1d0e4b+modified, 2026-05-01T10:00:00Z)", "3f2a9c1d0e4b5a6978877665544332211aabbccd", true},
		{"no version recorded", debug.BuildInfo{Main: debug.Module{Path: "x"}}, "(devel)", "", false},
		{"a bad time is left out", debug.BuildInfo{Main: debug.Module{Version: "v0.1.0"}, Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "abc"}, {Key: "vcs.time", Value: "yesterday"}}},
			"v0.1.0 (abc)", "abc", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := buildinfo.From(&tc.bi)
			require.Equal(t, tc.short, in.Short())
			require.Equal(t, tc.rev, in.Revision)
			require.Equal(t, tc.mod, in.Modified)
		})
	}
}

func TestRead(t *testing.T) {
	in := buildinfo.Read()
	require.NotEmpty(t, in.Version)
	require.NotEmpty(t, in.GoVersion, "a test binary records its toolchain")
}

func ExampleFrom() {
	in := buildinfo.From(&debug.BuildInfo{
		GoVersion: "go1.26.8",
		Main:      debug.Module{Path: "github.com/tonggao/tonggao", Version: "v1.2.0"},
		Settings:  []debug.BuildSetting{{Key: "vcs.revision", Value: "3f2a9c1d0e4b5a6978877665544332211aabbccd"}, {Key: "vcs.time", Value: "2026-05-01T10:00:00Z"}},
	})
	fmt.Println(in.Short())
	// Output: v1.2.0 (3f2a9c1d0e4b, 2026-05-01T10:00:00Z)
}
