package hotline

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/tonggao/tonggao/internal/yamlstrip"
)

// TestWasmFiles requires internal/wasmfiles/hotline to hold mandarin.yaml,
// feasts.yaml and texts.yaml as the WebAssembly module embeds them
// (embed_js.go): each without its comments, every token at its line and
// column (UPDATE_SNAPSHOT=1, or go generate ./hotline, rewrites them).
func TestWasmFiles(t *testing.T) {
	update := os.Getenv("UPDATE_SNAPSHOT") != ""
	for _, f := range []string{"mandarin.yaml", "feasts.yaml", "texts.yaml"} {
		require.NoError(t, yamlstrip.Sync(f, filepath.Join("../internal/wasmfiles/hotline", f), update), "go generate ./hotline rewrites it")
	}
}
