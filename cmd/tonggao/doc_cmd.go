package main

import (
	"fmt"
	"io"
)

func runDoc(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "tonggao doc: not implemented yet")
	return 2
}
