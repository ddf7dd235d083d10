// Command gen writes the JSON Schemas of package schema into the current
// directory and docs/reference.md (go generate ./schema).
package main

import (
	"fmt"
	"os"

	"github.com/tonggao/tonggao/schema"
)

func main() {
	for _, f := range schema.Files {
		data, err := schema.Generate(f, schema.Comments(".."))
		if err == nil {
			err = os.WriteFile(f.Name, data, 0o644)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
	ref, err := schema.Reference(schema.Comments(".."))
	if err == nil {
		err = os.WriteFile("../docs/reference.md", ref, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
