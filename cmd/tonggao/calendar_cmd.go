package main

import (
	"fmt"
	"io"
)

func runDate(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "tonggao date: not implemented yet")
	return 2
}

func runTerms(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "tonggao terms: not implemented yet")
	return 2
}

func runWindow(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "tonggao window: not implemented yet")
	return 2
}
