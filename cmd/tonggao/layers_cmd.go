package main

import (
	"fmt"
	"io"
)

func runLayers(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "tonggao layers: not implemented yet")
	return 2
}
