package server

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/hotline"
)

var (
	testOnce    sync.Once
	testHotline *hotline.Hotline
	testErr     error
)

// newTestHotline builds one Hotline on the embedded rule base for all
// tests (building the engine takes a while; the Hotline is immutable).
func newTestHotline(t testing.TB) *hotline.Hotline {
	t.Helper()
	testOnce.Do(func() {
		eng, err := engine.Embedded()
		if err != nil {
			testErr = err
			return
		}
		testHotline, testErr = hotline.New(eng)
	})
	require.NoError(t, testErr)
	return testHotline
}
