package server

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// countingWriter counts the writes that reach it.
type countingWriter struct {
	mu     sync.Mutex
	b      bytes.Buffer
	writes int
}

func (c *countingWriter) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.writes++
	return c.b.Write(p)
}

func (c *countingWriter) String() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.b.String()
}

func TestLogWriterBatchesAndFlushes(t *testing.T) {
	cw := &countingWriter{}
	l := NewLogWriter(cw, 50*time.Millisecond)
	for i := 0; i < 100; i++ {
		_, err := l.Write([]byte("a line of the access log\n"))
		require.NoError(t, err)
	}
	require.Eventually(t, func() bool { return strings.Count(cw.String(), "\n") == 100 }, 5*time.Second, 10*time.Millisecond, "flushed within the interval")
	cw.mu.Lock()
	require.Less(t, cw.writes, 10, "batched, not one write per line")
	cw.mu.Unlock()
	_, err := l.Write([]byte("last\n"))
	require.NoError(t, err)
	require.NoError(t, l.Close())
	require.True(t, strings.HasSuffix(cw.String(), "last\n"), "Close flushes")
}
