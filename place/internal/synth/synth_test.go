package synth_test

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/place/internal/synth"
)

// The checked-in layers must be exactly what the generator makes from the
// inputs of its generate directive: nobody edits them by hand.
func TestCheckedInLayersAreGenerated(t *testing.T) {
	f, err := os.Open(filepath.Join("..", "..", "..", "..", "shared", "data", "divisions", "qiyang-towns.csv"))
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("shared division list is absent (%v): CI needs ../shared", err)
		}
		t.Skipf("shared division list not available: %v", err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	skip := "金洞镇,凤凰乡,石鼓源乡,晒北滩瑶族乡,原种场,畜牧场"
	cfg := synth.Default()
	for _, r := range rows[1:] {
		if !strings.Contains(skip, r[1]) {
			cfg.Towns = append(cfg.Towns, synth.Town{Code: r[0], Name: r[1], Subdistrict: r[0][6] == '0'})
		}
	}
	require.Len(t, cfg.Towns, 22)
	layers, err := synth.Generate(cfg)
	require.NoError(t, err)
	require.Len(t, layers, 5)
	for name, data := range layers {
		want, err := os.ReadFile(filepath.Join("..", "..", "testdata", "synthetic", name))
		require.NoError(t, err)
		require.True(t, bytes.Equal(want, data), "%s differs from the generator's output: run go generate ./place", name)
	}
}

func TestGenerateIsDeterministic(t *testing.T) {
	cfg := synth.Default()
	cfg.Forests = 50
	a, err := synth.Generate(cfg)
	require.NoError(t, err)
	b, err := synth.Generate(cfg)
	require.NoError(t, err)
	require.Equal(t, a, b)
	cfg.Seed++
	c, err := synth.Generate(cfg)
	require.NoError(t, err)
	require.NotEqual(t, a["forest.geojson"], c["forest.geojson"])
}

func TestGenerateRejectsBadConfig(t *testing.T) {
	cfg := synth.Default()
	cfg.InnerM = cfg.RadiusM
	_, err := synth.Generate(cfg)
	require.Error(t, err)
	cfg = synth.Default()
	cfg.Towns = []synth.Town{{Code: "1", Name: "x"}}
	_, err = synth.Generate(cfg)
	require.Error(t, err)
}
