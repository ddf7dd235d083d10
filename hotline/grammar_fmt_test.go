package hotline

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/rules/rulefmt"
	"github.com/tonggao/tonggao/schema"
)

// mandarin.yaml is kept in canonical form, as the vocabulary files are:
// its keys in the order of the Go type it is read into, its lists wrapped
// at 120 columns (go run ./cmd/tonggao fmt hotline/mandarin.yaml).
func TestMandarinCanonical(t *testing.T) {
	shape := schema.ShapeOfType(GrammarType())
	got, err := rulefmt.FormatShape("mandarin.yaml", mandarinYAML, shape)
	require.NoError(t, err)
	require.True(t, string(got) == string(mandarinYAML), "hotline/mandarin.yaml is not canonical: go run ./cmd/tonggao fmt hotline/mandarin.yaml")
	again, err := rulefmt.FormatShape("mandarin.yaml", got, shape)
	require.NoError(t, err)
	require.Equal(t, string(got), string(again), "fmt(fmt(x)) != fmt(x)")
	// the file's keys are the type's, in its order: a key the type lacks
	// would be refused by the loader, one out of order moved by fmt
	require.Contains(t, shape.Keys, "days")
	require.Contains(t, shape.Keys, "heard_festivals")
	require.NotContains(t, shape.Keys, "-")
}
