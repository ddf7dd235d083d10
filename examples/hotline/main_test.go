package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestServesWithSampleLayers(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"-addr", "127.0.0.1:0", "-layers", "../../place/testdata/synthetic"}, io.Discard, ready)
	}()
	var addr string
	select {
	case addr = <-ready:
	case code := <-done:
		t.Fatalf("exited with %d before listening", code)
	case <-time.After(20 * time.Second):
		t.Fatal("did not start")
	}

	body := `{"activity":"野炊","at":"2025-07-10","point":{"lat":26.3534128,"lon":111.7616375,"crs":"wgs84"}}`
	resp, err := http.Post("http://"+addr+"/v1/decisions", "application/json", strings.NewReader(body))
	require.NoError(t, err)
	defer resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)
	var d struct {
		Verdict string `json:"verdict"`
		Facts   []struct {
			Name   string `json:"name"`
			Source string `json:"source"`
		} `json:"facts"`
	}
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&d))
	require.Equal(t, "forbidden", d.Verdict, "a key-zone forest is under the fire ban all year")
	var sources []string
	for _, f := range d.Facts {
		sources = append(sources, f.Source)
	}
	require.Contains(t, strings.Join(sources, " "), "synthetic", "place facts come from the sample layers")

	cancel()
	select {
	case code := <-done:
		require.Equal(t, 0, code)
	case <-time.After(10 * time.Second):
		t.Fatal("did not shut down")
	}
}

func TestBadLayers(t *testing.T) {
	require.Equal(t, 2, run(context.Background(), []string{"-layers", "nowhere"}, io.Discard, nil))
}
