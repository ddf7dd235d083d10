package hotline

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestObjectHead holds that an object described with 的 is matched by its
// thing (session 37, fix61): 挖地基的渣土 is 渣土 to a frame needing a
// with-word (起房子…挖地基的渣土拉走 is the builder's discharge).
func TestObjectHead(t *testing.T) {
	for _, tc := range []struct{ obj, want string }{
		{"挖地基的渣土", "渣土"},
		{"渣土", "渣土"},
		{"我屋里的装修的垃圾", "垃圾"},
		{"渣土的", "渣土的"},
		{"", ""},
	} {
		require.Equal(t, tc.want, objectHead(tc.obj), tc.obj)
	}
}
