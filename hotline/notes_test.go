package hotline

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/engine"
)

// TestEveryNoteHasATemplate: the engine's notes are rendered from the
// catalogue in both languages, never passed through in Chinese.
func TestEveryNoteHasATemplate(t *testing.T) {
	c, err := EmbeddedCatalog()
	require.NoError(t, err)
	for _, code := range engine.NoteCodes() {
		_, ok := c.Messages["note."+code]
		require.True(t, ok, "hotline/catalog.yaml has no note.%s", code)
	}
}
