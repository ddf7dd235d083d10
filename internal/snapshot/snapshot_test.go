package snapshot_test

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/tonggao/tonggao/internal/snapshot"
)

type spec struct{ Words []string }

func sumOf(data string) string {
	s := sha256.Sum256([]byte(data))
	return hex.EncodeToString(s[:])
}

func TestFind(t *testing.T) {
	files := []snapshot.File[spec]{
		{Sum: sumOf("a: 1\n"), Decode: func() *spec { return &spec{Words: []string{"a"}} }},
		{Sum: sumOf("b: 2\n"), Decode: func() *spec { return &spec{Words: []string{"b"}} }},
		{Sum: "not hex", Decode: func() *spec { panic("a malformed sum matched") }},
	}
	for _, tc := range []struct {
		name  string
		files []snapshot.File[spec]
		data  string
		want  []string // nil: not found
	}{
		{"first", files, "a: 1\n", []string{"a"}},
		{"second", files, "b: 2\n", []string{"b"}},
		{"edited bytes", files, "a: 1\n\n", nil},
		{"empty data", files, "", nil},
		{"no snapshot linked", nil, "a: 1\n", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := snapshot.Find(tc.files, []byte(tc.data))
			if tc.want == nil {
				require.Nil(t, got)
				return
			}
			require.NotNil(t, got)
			require.Equal(t, tc.want, got.Words)
			require.NotSame(t, got, snapshot.Find(tc.files, []byte(tc.data)), "each load gets its own")
		})
	}
}

// A package keeps its generated list and decodes only what it does not
// find there.
func ExampleFind() {
	files := []snapshot.File[spec]{{
		Sum:    "9c2ab4e3c6d1c2a8f7b0d2a4e6e8b1a0b0c5f8a3bb4d69fc6e1d7e7b7cd8a3f1", // not these bytes
		Decode: func() *spec { return &spec{} },
	}}
	data := []byte("words: [烤火]\n")
	if s := snapshot.Find(files, data); s == nil {
		fmt.Println("decode the YAML as written")
	}
	// Output: decode the YAML as written
}
