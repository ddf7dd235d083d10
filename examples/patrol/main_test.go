package main

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestRun(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
		want []string
	}{
		{"sample walk on National Day", []string{"-layers", "../../place/testdata/synthetic", "testdata/walk.gpx"}, 0,
			[]string{"警报：进入禁火区域 2025-10-03 08:", "祁政通〔2024〕7号 第三条", "特别防护期：国庆假期", "共 600 个点"}},
		{"no track", []string{"-layers", "../../place/testdata/synthetic"}, 2, []string{"usage"}},
		{"missing file", []string{"-layers", "../../place/testdata/synthetic", "nowhere.gpx"}, 2, []string{"nowhere.gpx"}},
		{"bad crs", []string{"-crs", "mars", "testdata/walk.gpx"}, 2, []string{"coordinate system"}},
		{"unknown activity", []string{"-layers", "../../place/testdata/synthetic", "-activity", "飞行", "testdata/walk.gpx"}, 2, []string{"unknown activity"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := run(tt.args, &out, &errb)
			require.Equal(t, tt.code, code, errb.String())
			for _, w := range tt.want {
				require.Contains(t, out.String()+errb.String(), w)
			}
		})
	}
}
