package feed_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/feed"
)

// FuzzParse feeds the reader anything: it never panics, every refusal
// names the file and a line, and what it accepts is rows with every
// required field, which New and Bind then take or refuse with an error.
func FuzzParse(f *testing.F) {
	for _, name := range []string{"levels.csv", "places.csv", "orders.csv"} {
		data, err := os.ReadFile(filepath.Join("../examples/conditions", name))
		require.NoError(f, err)
		f.Add(data)
	}
	f.Add([]byte(`{"date":"2025-07-15","division":"431181107","fact":"fire_danger_level","value":4,"issued_at":"2025-07-15T08:00+08:00","source":"s"}`))
	f.Add([]byte(`{"date":"2025-07-18T08:00","until":"2025-07-31T24:00","division":"431181120","fact":"declared_special_period","value":true,"issued_at":"2025-07-17","source":"s","order":"X","text":"t"}`))
	f.Add([]byte(header + "2025-07-15,431181,fire_danger_level,\"4\"\"\",2025-07-15T24:00:00+08:00,s\n"))
	set := embedded(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		rows, err := feed.Parse("f.csv", data, feed.Limits{MaxRows: 1000})
		if err != nil {
			var es feed.Errors
			require.ErrorAs(t, err, &es)
			for _, e := range es {
				require.Equal(t, "f.csv", e.File)
			}
			return
		}
		for _, r := range rows {
			require.Positive(t, r.Line)
			require.NotEmpty(t, r.Fact)
			require.NotEmpty(t, r.Value)
			require.NotEmpty(t, r.Source)
			require.True(t, r.Date.Valid())
			require.False(t, r.Issued.IsZero())
			if r.IsOrder() {
				require.True(t, r.Until.After(r.From))
			}
		}
		fd, err := feed.New("fuzz", feed.Limits{MaxRows: 1000}, feed.File{Name: "f.csv", Data: data})
		require.NoError(t, err)
		require.Equal(t, len(rows), fd.Len())
		if x, err := feed.Bind(fd, set); err == nil {
			require.GreaterOrEqual(t, x.Cells(), 0)
		}
	})
}
