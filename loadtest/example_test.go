package loadtest_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"time"

	"github.com/tonggao/tonggao/loadtest"
)

// A run against a tiny server: every answer has the expected status, so
// there are no errors.
func Example() {
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte(`{"status":"ok"}`))
	}))
	defer ts.Close()
	res, err := loadtest.Run(context.Background(), loadtest.Config{
		BaseURL:     ts.URL,
		Concurrency: 2,
		Duration:    200 * time.Millisecond,
		Mix:         []loadtest.Request{{Status: 200, Method: "GET", Path: "/healthz"}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("answered:", res.Requests > 0, "errors:", res.Errors)
	// Output: answered: true errors: 0
}
