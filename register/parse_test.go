package register

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestParseExported: the register a bundle brings is read as the embedded
// one is, and hostile or oversized files are refused with the file named.
func TestParseExported(t *testing.T) {
	emb, err := Embedded()
	require.NoError(t, err)
	r, err := Parse("register.yaml", EmbeddedYAML())
	require.NoError(t, err)
	require.Equal(t, emb.Len(), r.Len())

	tests := []struct {
		name string
		data string
		want string
	}{
		{"merge-key bomb", bomb(12, "{<<: [%s]}"), "register.yaml:2:10: merge keys (<<) are not supported"},
		{"alias bomb", bomb(12, "[%s]"), "values with aliases expanded"},
		{"too large", strings.Repeat("#", maxRegisterBytes+1), "a register file is at most"},
		{"not a register", "decision: 1\n", "register.yaml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("register.yaml", []byte(tt.data))
			require.ErrorContains(t, err, tt.want)
		})
	}
}

// bomb is a YAML file of n levels, each holding (in form) the one before
// ten times: a few hundred bytes that expand to 10^n values.
func bomb(n int, form string) string {
	var b strings.Builder
	b.WriteString("l0: &l0 {x: 1}\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "l%d: &l%d "+form+"\n", i, i, strings.TrimSuffix(strings.Repeat(fmt.Sprintf("*l%d, ", i-1), 10), ", "))
	}
	return b.String()
}
