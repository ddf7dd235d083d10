package fsread_test

import (
	"context"
	"fmt"
	"testing/fstest"
	"time"

	"github.com/tonggao/tonggao/internal/fsread"
)

func Example() {
	// A directory on disk would be fsread.Dir("/etc/tonggao/rules").
	fsys := fstest.MapFS{
		"facts.yaml":        {Data: []byte("facts: []\n")},
		"notices/huge.yaml": {Data: make([]byte, 2<<20)},
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	r := fsread.New(ctx, fsys, "rules", fsread.Limits{MaxFileBytes: 1 << 20})
	data, err := r.ReadFile("facts.yaml")
	fmt.Printf("%q %v\n", data, err)
	_, err = r.ReadFile("notices/huge.yaml")
	fmt.Println(err)
	// Output:
	// "facts: []\n" <nil>
	// rules/notices/huge.yaml: file too large: 2 MiB; at most 1 MiB per file
}
