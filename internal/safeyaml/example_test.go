package safeyaml_test

import (
	"fmt"

	"github.com/tonggao/tonggao/internal/safeyaml"
)

func Example() {
	var rule struct {
		ID   string `yaml:"id"`
		Text string `yaml:"text"`
	}
	err := safeyaml.Unmarshal([]byte("id: ban\ntext: >-\n  严禁在林区\n  野外用火。\n"), &rule, safeyaml.Limits{})
	fmt.Printf("%q %v\n", rule.Text, err)

	err = safeyaml.Unmarshal([]byte("id: ban\ntext: !!str x\n"), &rule, safeyaml.Limits{})
	fmt.Println(err)
	// Output:
	// "严禁在林区 野外用火。" <nil>
	// 2:7: YAML tags (!!str) are not supported: quote text that starts with ! ("!…")
}
