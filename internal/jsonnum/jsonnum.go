// Package jsonnum writes numbers exactly as encoding/json does, for the
// hand-written JSON encoders (engine decisions, the server's access log)
// that must stay byte-compatible with it.
package jsonnum

import (
	"math"
	"strconv"
)

// AppendFloat appends f as encoding/json writes a float64: 'f' format
// except below 1e-6 or from 1e21, where it is 'e' with a two-digit
// exponent trimmed (e-09 → e-9). f must be finite (encoding/json refuses
// NaN and ±Inf; callers decide what to write instead).
func AppendFloat(dst []byte, f float64) []byte {
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	dst = strconv.AppendFloat(dst, f, format, -1, 64)
	if format == 'e' {
		if n := len(dst); n >= 4 && dst[n-4] == 'e' && dst[n-3] == '-' && dst[n-2] == '0' {
			dst[n-2] = dst[n-1]
			dst = dst[:n-1]
		}
	}
	return dst
}
