package records_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/tonggao/tonggao/records"
)

// A store keeps records and finds them by request id.
func Example() {
	dir, _ := os.MkdirTemp("", "records")
	defer os.RemoveAll(dir)
	ctx := context.Background()
	s, err := records.Open(ctx, filepath.Join(dir, "records.db"))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer s.Close()
	at := time.Date(2024, 10, 3, 2, 0, 0, 0, time.UTC)
	_ = s.Append(ctx, []records.Entry{{RequestID: "call-1", Time: at, Route: "ask", Question: records.MaskPhones("我电话13812345678，今天能烧田埂吗"),
		Verdict: "forbidden", Cited: "祁政通〔2024〕7号 三", RuleSet: "sha256:…", Query: []byte("null"), Decision: []byte("null")}})
	es, _ := s.Get(ctx, "call-1")
	fmt.Println(es[0].Question, es[0].Verdict, es[0].Cited)
	// Output: 我电话[号码]，今天能烧田埂吗 forbidden 祁政通〔2024〕7号 三
}
