package jsonnum_test

import (
	"encoding/json"
	"fmt"
	"math"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/internal/jsonnum"
)

// TestAppendFloat: byte for byte what encoding/json writes, across both
// formats and their edges.
func TestAppendFloat(t *testing.T) {
	for _, f := range []float64{0, math.Copysign(0, -1), 1, -1, 0.5, 100, 1e-6, 9.99e-7, 1e-9, 1.5e-7, 1e20, 1e21, 1.2345e22, -3e-8,
		math.MaxFloat64, math.SmallestNonzeroFloat64, 123456789.125} {
		want, err := json.Marshal(f)
		require.NoError(t, err)
		require.Equal(t, string(want), string(jsonnum.AppendFloat(nil, f)), "%v", f)
	}
}

func ExampleAppendFloat() {
	fmt.Println(string(jsonnum.AppendFloat(nil, 1e-9)), string(jsonnum.AppendFloat(nil, 0.25)))
	// Output: 1e-9 0.25
}

// TestAppendString: byte for byte what encoding/json writes — HTML
// characters, control characters, invalid UTF-8, U+2028 and U+2029, and
// Chinese as it is.
func TestAppendString(t *testing.T) {
	for _, s := range []string{"", "烧田埂", `a"b\c`, "<&>", "\x00\x01\b\f\n\r\t\x1f", "bad \xff\xfe utf-8", "\u2028\u2029", "祁政通〔2024〕7号 第三条", "x\x7fy"} {
		want, err := json.Marshal(s)
		require.NoError(t, err)
		require.Equal(t, string(want), string(jsonnum.AppendString(nil, s)), "%q", s)
	}
}
