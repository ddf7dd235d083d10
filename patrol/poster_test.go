//go:build !js

package patrol

import (
	"bytes"
	"io"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestPosterWithHours(t *testing.T) {
	y, err := clockBundle(t).Year(2026)
	require.NoError(t, err)
	for _, format := range []string{PosterMarkdown, PosterHTML} {
		var buf bytes.Buffer
		require.NoError(t, WritePoster(&buf, y, PosterOptions{Format: format}))
		require.Contains(t, buf.String(), "2026-02-16 12:00", format)
		require.Contains(t, buf.String(), "2026-02-19 12:00", format)
		require.Contains(t, buf.String(), "夜间（每日22:00—次日06:00）", format)
	}
}

func TestWritePoster(t *testing.T) {
	b := testBundle(t)
	y, err := b.Year(2025)
	require.NoError(t, err)
	tests := []struct {
		name   string
		opts   PosterOptions
		want   []string
		absent []string
	}{
		{"html", PosterOptions{Format: PosterHTML}, []string{"@page { size: A4", "2025-10-01<br>八月初十", "0746—3213950", "禁火区域", "各村（社区）", "严禁祭祀活动时点烛"}, nil},
		{"md", PosterOptions{Format: PosterMarkdown}, []string{"# 2025年", "2025-10-01（八月初十）", "0746—3213950", "禁火区域", "各村（社区）", "严禁祭祀活动时点烛"}, nil},
		{"brief html", PosterOptions{Format: PosterHTML, Brief: true}, []string{"2025-10-01<br>八月初十", "0746—3213950", "烧纸钱", "各村（社区）（第四条）", "简表"}, []string{"严禁祭祀活动时点烛", "林地边缘100米"}},
		{"brief md", PosterOptions{Format: PosterMarkdown, Brief: true}, []string{"2025-10-01（八月初十）", "119 / 0746—3213950", "烧纸钱", "简表"}, []string{"严禁祭祀活动时点烛"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, WritePoster(&buf, y, tt.opts))
			for _, w := range tt.want {
				require.Contains(t, buf.String(), w)
			}
			for _, w := range tt.absent {
				require.NotContains(t, buf.String(), w)
			}
			require.Contains(t, buf.String(), y.RuleSet)
			if tt.opts.Format == PosterHTML {
				requireWellFormed(t, buf.Bytes())
			}
		})
	}
	require.Error(t, WritePoster(io.Discard, y, PosterOptions{Format: "pdf"}))
}
