package rules

import (
	"os"
	"path"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/tonggao/tonggao/internal/yamlstrip"
)

// TestWasmFiles requires internal/wasmfiles to hold vocabulary/*.yaml and
// texts/*.yaml as the WebAssembly module embeds them (rules/embed_js.go):
// each file without its comments, every token at its line and column, and
// no other file (UPDATE_SNAPSHOT=1, or go generate ./rules, rewrites them).
func TestWasmFiles(t *testing.T) {
	update := os.Getenv("UPDATE_SNAPSHOT") != ""
	const dir = "../internal/wasmfiles"
	for _, sub := range []string{"vocabulary", "texts"} {
		srcs, err := filepath.Glob(path.Join(sub, "*.yaml"))
		require.NoError(t, err)
		require.NotEmpty(t, srcs)
		want := map[string]bool{}
		for _, src := range srcs {
			want[filepath.Base(src)] = true
			require.NoError(t, yamlstrip.Sync(src, filepath.Join(dir, src), update), "go generate ./rules rewrites it")
		}
		have, err := filepath.Glob(filepath.Join(dir, sub, "*.yaml"))
		require.NoError(t, err)
		for _, f := range have {
			if want[filepath.Base(f)] {
				continue
			}
			if update {
				require.NoError(t, os.Remove(f))
				continue
			}
			t.Errorf("%s has no %s/%s: go generate ./rules removes it", f, sub, filepath.Base(f))
		}
	}
}
