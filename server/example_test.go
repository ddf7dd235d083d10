package server_test

import (
	"fmt"
	"net/http/httptest"
	"strings"

	"github.com/tonggao/tonggao/server"
)

// A decision over HTTP: the JSON body names the activity (by name or
// synonym), the day and the facts known.
func Example() {
	s := server.New(exampleHotline(), server.Options{})
	r := httptest.NewRequest("POST", "/v1/decisions",
		strings.NewReader(`{"activity":"烧田埂","at":"2024-10-03","facts":{"distance_to_forest_m":50}}`))
	w := httptest.NewRecorder()
	s.ServeHTTP(w, r)
	fmt.Println(w.Code, w.Header().Get("Content-Type"))
	fmt.Println(strings.Contains(w.Body.String(), `"verdict":"forbidden"`))
	// Output:
	// 200 application/json; charset=utf-8
	// true
}
