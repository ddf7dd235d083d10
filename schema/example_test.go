package schema_test

import (
	"fmt"

	"github.com/tonggao/tonggao/schema"
)

// The schemas a rule directory's files are checked against.
func ExampleFiles() {
	for _, f := range schema.Files {
		fmt.Printf("%-24s %s\n", f.Glob, f.Name)
	}
	// Output:
	// notices/NAME.yaml        notice.schema.json
	// notices/NAME.cases.yaml  cases.schema.json
	// facts.yaml               facts.schema.json
	// layers.yaml              layers.schema.json
	// vocabulary/*.yaml        vocabulary.schema.json
}
