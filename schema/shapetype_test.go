package schema_test

import (
	"reflect"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/schema"
)

// ShapeOfType reads a file's shape from the Go type it is read into: a
// struct's yaml names in declared order (not "-"), maps of names, lists.
func TestShapeOfType(t *testing.T) {
	type inner struct {
		B []string `yaml:"b"`
	}
	type words struct {
		Zeta    map[string]int    `yaml:"zeta"`
		Alpha   []string          `yaml:"alpha"`
		Skipped map[string]string `yaml:"-"`
		Nested  inner             `yaml:"nested"`
		Spans   map[string][2]int `yaml:"spans"`
		Ptr     *inner            `yaml:"ptr,omitempty"`
	}
	s := schema.ShapeOfType(reflect.TypeFor[words]())
	require.Equal(t, []string{"zeta", "alpha", "nested", "spans", "ptr"}, s.Keys)
	require.False(t, s.IsMap)
	require.True(t, s.Props["zeta"].IsMap)
	require.Nil(t, s.Props["zeta"].Values) // scalars
	require.Nil(t, s.Props["alpha"].Items)
	require.NotNil(t, s.Props["alpha"])
	require.Equal(t, []string{"b"}, s.Props["nested"].Keys)
	require.Equal(t, []string{"b"}, s.Props["ptr"].Keys)
	require.True(t, s.Props["spans"].IsMap)
	require.NotNil(t, s.Props["spans"].Values) // a list of two numbers
	require.Nil(t, schema.ShapeOfType(reflect.TypeFor[int]()))
}
