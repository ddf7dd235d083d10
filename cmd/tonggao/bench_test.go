package main

import (
	"io"
	"testing"
)

// BenchmarkCommandLine is what cobra adds to every start: building the
// command tree, finding the command and parsing its flags (the decision
// itself excluded).
func BenchmarkCommandLine(b *testing.B) {
	args := []string{"check", "--activity", "烧田埂", "--at", "2024-10-03", "--fact", "distance_to_forest_m=50", "--json"}
	a := testApp(io.Discard, io.Discard)
	b.ReportAllocs()
	for b.Loop() {
		root := a.root()
		cmd, rest, err := root.Find(oneDashLongFlags(root, args))
		if err != nil {
			b.Fatal(err)
		}
		if err := cmd.ParseFlags(rest); err != nil {
			b.Fatal(err)
		}
	}
}
