package server

import (
	"bufio"
	"errors"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// countListener counts the writes of the connections it accepts.
type countListener struct {
	net.Listener
	writes atomic.Int64
}

func (l *countListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return &countConn{Conn: c, writes: &l.writes}, nil
}

type countConn struct {
	net.Conn
	writes *atomic.Int64
}

func (c *countConn) Write(p []byte) (int, error) {
	c.writes.Add(1)
	return c.Conn.Write(p)
}

// TestOneWritePerResponse: on the public listener each JSON answer —
// decisions of 6–12 KB, an error, a list — goes out in one write system
// call, and is the same answer, header and body, as a plain http.Server
// gives (a decision's header and body used to be two writes).
func TestOneWritePerResponse(t *testing.T) {
	s := New(newTestHotline(t), Options{Now: func() time.Time { return time.Date(2024, 10, 2, 3, 0, 0, 0, time.UTC) }})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	counted := &countListener{Listener: ln}
	capped := newCapListener(counted, 8)
	pub := s.publicServer(capped)
	go func() { _ = pub.Serve(capped) }()
	defer pub.Close()
	plainLn, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	plain := HTTPServer(s, nil)
	go func() { _ = plain.Serve(plainLn) }()
	defer plain.Close()

	post := func(body string) string {
		return "POST /v1/decisions HTTP/1.1\r\nHost: x\r\nX-Request-Id: fixed-1\r\nContent-Type: application/json\r\nContent-Length: " +
			strconv.Itoa(len(body)) + "\r\n\r\n" + body
	}
	requests := []string{
		post(`{"activity":"烧田埂","at":"2024-10-03","facts":{"distance_to_forest_m":50}}`),
		post(`{"activity":"烧田埂","at":"2024-10-03"}`),
		post(`{"activity":"燃放烟花爆竹","at":"2025-01-28","facts":{"town":"浯溪街道"}}`),
		post(`{"activity":"烧垃圾","at":"2024-12-01"}`),
		post(`{"activity":"烧田埂","at":"2024-10-03","facts":{"distance_to_forest_m":"far"}}`), // 400
		post(`{"activity":"no such act"}`),                                                  // 422
		"GET /v1/activities HTTP/1.1\r\nHost: x\r\nX-Request-Id: fixed-1\r\n\r\n",
		"HEAD /v1/activities HTTP/1.1\r\nHost: x\r\nX-Request-Id: fixed-1\r\n\r\n",
	}
	conn := func(l net.Listener) (net.Conn, *bufio.Reader) {
		c, err := net.Dial("tcp", l.Addr().String())
		require.NoError(t, err)
		t.Cleanup(func() { c.Close() })
		return c, bufio.NewReader(c)
	}
	one, oneR := conn(ln)
	two, twoR := conn(plainLn)
	read := func(r *bufio.Reader, method string) (*http.Response, string) {
		resp, err := http.ReadResponse(r, &http.Request{Method: method})
		require.NoError(t, err)
		b, err := io.ReadAll(resp.Body)
		require.NoError(t, err)
		resp.Header.Del("Date")
		return resp, string(b)
	}
	big := 0
	for _, req := range requests {
		method, _, _ := strings.Cut(req, " ")
		before := counted.writes.Load()
		_, err := io.WriteString(one, req)
		require.NoError(t, err)
		got, gotBody := read(oneR, method)
		require.Equal(t, int64(1), counted.writes.Load()-before, "writes for %.60q", req)
		_, err = io.WriteString(two, req)
		require.NoError(t, err)
		want, wantBody := read(twoR, method)
		require.Equal(t, want.StatusCode, got.StatusCode)
		require.Equal(t, want.Header, got.Header)
		require.Equal(t, wantBody, gotBody)
		if len(gotBody) > 4096 {
			big++
		}
	}
	require.GreaterOrEqual(t, big, 4, "answers larger than net/http's 4 KiB buffer")
}

// failConn fails every write.
type failConn struct {
	net.Conn
	closed bool
}

func (c *failConn) Write([]byte) (int, error) { return 0, errors.New("broken pipe") }
func (c *failConn) Close() error              { c.closed = true; return nil }

// TestOneWriteFailureCloses: a gathered response that cannot be written
// closes the connection (net/http was told it was written) and frees its
// slot.
func TestOneWriteFailureCloses(t *testing.T) {
	l := newCapListener(nil, 1)
	l.slots <- struct{}{}
	fc := &failConn{}
	c := &cappedConn{Conn: fc, l: l}
	c.gather()
	n, err := c.Write([]byte("HTTP/1.1 200 OK\r\n"))
	require.NoError(t, err)
	require.Equal(t, 17, n)
	require.Error(t, c.send())
	require.True(t, fc.closed)
	require.Empty(t, l.slots)
	require.NoError(t, c.send(), "nothing gathered")
}
