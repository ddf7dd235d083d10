package server

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"log"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"time"
)

// Defaults of RunConfig.
const (
	DefaultGrace    = 10 * time.Second
	DefaultMaxConns = 1024
)

// RunConfig is how Run listens and stops.
type RunConfig struct {
	// Addr is the public listener's address (the API, the operator page,
	// /healthz, /readyz, /metrics).
	Addr string
	// AdminAddr, if set, is the admin listener's address (POST
	// /admin/reload, /debug/pprof/); empty means no admin listener.
	AdminAddr string
	// AdminAuth authenticates every admin request; Run refuses to start an
	// admin listener without a token or a client CA.
	AdminAuth AdminAuth
	// AdminTLS, if set, makes the admin listener TLS; with ClientAuth
	// tls.RequireAndVerifyClientCert (and ClientCAs) it is mTLS.
	AdminTLS *tls.Config
	// Grace is how long requests in flight may take to finish on shutdown
	// (default DefaultGrace); Run returns within about Grace of ctx ending,
	// whatever a reload is doing.
	Grace time.Duration
	// DrainDelay is how long the listeners keep serving after ctx ends,
	// with /readyz already answering 503, so that a load balancer (a
	// Kubernetes Service) stops sending new requests before they would be
	// refused; the grace period starts after it. Zero: none.
	DrainDelay time.Duration
	// MaxConns caps the public listener's open connections (default
	// DefaultMaxConns; an idle keep-alive connection costs ≈ 22 KB).
	MaxConns int
	// Reloads, if set, asks for a reload per value received (SIGHUP). A
	// reload runs off the loop that waits for signals, one at a time.
	Reloads <-chan struct{}
	// Ready, if set, is called once both listeners are open, with their
	// addresses (admin is nil without AdminAddr).
	Ready func(public, admin net.Addr)
}

// HTTPServer wraps a handler in the http.Server settings tonggao serve
// uses: header, read, write and idle timeouts so that a slow or stalled
// client cannot hold a connection for ever, and a 32 KiB header limit
// (431 above it). Tests of hostile input use it so that they meet the
// same limits as the real server.
func HTTPServer(h http.Handler, logger *slog.Logger) *http.Server {
	var errLog *log.Logger
	if logger != nil {
		errLog = slog.NewLogLogger(logger.Handler(), slog.LevelWarn)
	}
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       15 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    32 << 10,
		ErrorLog:          errLog,
	}
}

// publicServer is the http.Server of the public listener l: its
// connections are capped, and a handler can send a response in one write
// (see oneWrite).
func (s *Server) publicServer(l *capListener) *http.Server {
	pub := HTTPServer(s, s.log)
	pub.ConnState = l.connState
	pub.ConnContext = func(ctx context.Context, c net.Conn) context.Context {
		if cc, ok := c.(*cappedConn); ok {
			return context.WithValue(ctx, connKey{}, cc)
		}
		return ctx
	}
	return pub
}

// connKey is the context key of a request's *cappedConn.
type connKey struct{}

// Run serves s on cfg.Addr (and its admin handler on cfg.AdminAddr) until
// ctx ends, then shuts down gracefully: /readyz turns 503, the listeners
// close, requests in flight get up to cfg.Grace, a reload in progress is
// abandoned. It returns nil after a clean shutdown.
func (s *Server) Run(ctx context.Context, cfg RunConfig) error {
	if cfg.Grace <= 0 {
		cfg.Grace = DefaultGrace
	}
	if cfg.MaxConns <= 0 {
		cfg.MaxConns = DefaultMaxConns
	}
	if cfg.AdminAddr != "" && len(cfg.AdminAuth.Token) == 0 && !cfg.AdminAuth.ClientCert {
		return errors.New("the admin listener needs a bearer token (--admin-token-file) or client certificates (--admin-client-ca)")
	}
	if cfg.AdminAuth.ClientCert && (cfg.AdminTLS == nil || cfg.AdminTLS.ClientAuth != tls.RequireAndVerifyClientCert) {
		return errors.New("client-certificate admin authentication needs a TLS admin listener that requires and verifies client certificates")
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return err
	}
	capped := newCapListener(ln, cfg.MaxConns)
	pub := s.publicServer(capped)
	var adm *http.Server
	var aln net.Listener
	if cfg.AdminAddr != "" {
		if aln, err = net.Listen("tcp", cfg.AdminAddr); err != nil {
			ln.Close()
			return fmt.Errorf("admin listener: %w", err)
		}
		adm = HTTPServer(s.AdminHandler(cfg.AdminAuth), s.log)
		// A reload may take up to its timeout, and a CPU profile its
		// seconds: the admin write timeout leaves room for both.
		adm.WriteTimeout = s.reloadTimeout + 2*time.Minute
		if cfg.AdminTLS != nil {
			aln = tls.NewListener(aln, cfg.AdminTLS)
		}
	}
	errc := make(chan error, 2)
	go func() { errc <- pub.Serve(capped) }()
	var adminAddr net.Addr
	if adm != nil {
		adminAddr = aln.Addr()
		go func() { errc <- adm.Serve(aln) }()
	}
	s.log.Info("listening", "addr", ln.Addr().String(), "admin", fmt.Sprint(adminAddr), "max_conns", cfg.MaxConns)
	if cfg.Ready != nil {
		cfg.Ready(ln.Addr(), adminAddr)
	}

	// Reloads run on their own goroutines, so this loop only ever waits;
	// Reload refuses a second one while one runs. reloadCtx ends at
	// shutdown so that a reload in progress stops holding anyone.
	reloadCtx, cancelReloads := context.WithCancel(context.Background())
	defer cancelReloads()
	var reloads sync.WaitGroup
	var serveErr error
	for running := true; running; {
		select {
		case err := <-errc:
			serveErr, running = err, false
		case _, ok := <-cfg.Reloads:
			if !ok {
				cfg.Reloads = nil
				continue
			}
			reloads.Go(func() { _, _ = s.Reload(reloadCtx) })
		case <-ctx.Done():
			running = false
		}
	}
	s.draining.Store(true)
	cancelReloads()
	if cfg.DrainDelay > 0 && serveErr == nil {
		s.log.Info("draining: /readyz answers 503", "drain_delay", cfg.DrainDelay.String())
		select {
		case <-time.After(cfg.DrainDelay):
		case serveErr = <-errc:
		}
	}
	s.log.Info("shutting down", "grace", cfg.Grace.String())
	sctx, cancel := context.WithTimeout(context.Background(), cfg.Grace)
	defer cancel()
	var shutErr error
	for _, srv := range []*http.Server{pub, adm} {
		if srv == nil {
			continue
		}
		if err := srv.Shutdown(sctx); err != nil {
			shutErr = errors.Join(shutErr, fmt.Errorf("shutdown: %w", err))
			_ = srv.Close()
		}
	}
	// Reload returns as soon as its context ends (an abandoned build is
	// left to finish or not: the process is ending).
	reloads.Wait()
	if serveErr != nil && !errors.Is(serveErr, http.ErrServerClosed) {
		return errors.Join(serveErr, shutErr)
	}
	return shutErr
}

// capListener caps open connections: Accept waits for a free slot and, to
// make one, first closes the connection idle the longest — an idle
// keep-alive connection is not in the middle of anything, and a cap that
// idle clients could fill would let them lock everyone else out.
//
// Each request turns its connection active and then idle again, so the
// ConnState hook only stores a number in the connection (no lock, no
// clock); the set of connections changes under the lock only when one is
// accepted or closed.
type capListener struct {
	net.Listener
	slots chan struct{}
	done  chan struct{}
	once  sync.Once

	mu       sync.Mutex
	conns    map[*cappedConn]struct{} // open connections
	tick     atomic.Int64             // orders the moments connections go idle
	wentIdle chan struct{}            // a connection went idle
}

func newCapListener(l net.Listener, n int) *capListener {
	return &capListener{Listener: l, slots: make(chan struct{}, n), done: make(chan struct{}), conns: map[*cappedConn]struct{}{},
		wentIdle: make(chan struct{}, 1)}
}

func (l *capListener) Accept() (net.Conn, error) {
	for acquired := false; !acquired; {
		select {
		case l.slots <- struct{}{}:
			acquired = true
			continue
		default:
		}
		if l.closeOldestIdle() {
			continue // its Close freed a slot
		}
		// Nothing idle to close: wait for a slot, or for a connection to
		// go idle (then close it).
		select {
		case l.slots <- struct{}{}:
			acquired = true
		case <-l.wentIdle:
		case <-l.done:
			return nil, net.ErrClosed
		}
	}
	c, err := l.Listener.Accept()
	if err != nil {
		<-l.slots
		return nil, err
	}
	cc := &cappedConn{Conn: c, l: l}
	l.mu.Lock()
	l.conns[cc] = struct{}{}
	l.mu.Unlock()
	return cc, nil
}

func (l *capListener) Close() error {
	l.once.Do(func() { close(l.done) })
	return l.Listener.Close()
}

// connState is the http.Server's ConnState hook: it marks which
// connections are idle, and since when (a tick of l's, not a time: only
// the order matters).
func (l *capListener) connState(c net.Conn, st http.ConnState) {
	cc, ok := c.(*cappedConn)
	if !ok {
		return
	}
	switch st {
	case http.StateIdle:
		cc.idleSince.Store(l.tick.Add(1))
		select {
		case l.wentIdle <- struct{}{}:
		default:
		}
	case http.StateHijacked, http.StateClosed:
		cc.idleSince.Store(0)
		l.forget(cc)
	default:
		cc.idleSince.Store(0)
	}
}

func (l *capListener) forget(cc *cappedConn) {
	l.mu.Lock()
	delete(l.conns, cc)
	l.mu.Unlock()
}

// closeOldestIdle closes the connection idle the longest and reports
// whether there was one.
func (l *capListener) closeOldestIdle() bool {
	l.mu.Lock()
	var oldest *cappedConn
	var at int64
	for c := range l.conns {
		if t := c.idleSince.Load(); t != 0 && (oldest == nil || t < at) {
			oldest, at = c, t
		}
	}
	if oldest != nil {
		delete(l.conns, oldest)
	}
	l.mu.Unlock()
	if oldest == nil {
		return false
	}
	_ = oldest.Close()
	return true
}

type cappedConn struct {
	net.Conn
	l         *capListener
	once      sync.Once
	idleSince atomic.Int64 // the listener's tick when it went idle; 0 while active
	oneWrite
}

// oneWrite gathers what net/http writes of one response into one write
// system call. net/http buffers a connection's output 4 KiB at a time, so
// a decision (6–12 KB with its header) went out in two writes; on
// loopback each write also runs the receiver's TCP path, and a write cost
// about as much as encoding the whole answer. Between gather and send,
// Write keeps what it is given (the connection is written by its request's
// goroutine only, so there is no lock); send writes it all at once.
type oneWrite struct {
	gathering bool
	out       *[]byte
}

// outBufs hold gathered responses.
var outBufs = sync.Pool{New: func() any { b := make([]byte, 0, 16<<10); return &b }}

func (c *cappedConn) Write(p []byte) (int, error) {
	if c.gathering {
		*c.out = append(*c.out, p...)
		return len(p), nil
	}
	return c.Conn.Write(p)
}

// gather starts keeping writes (see oneWrite).
func (c *cappedConn) gather() {
	if !c.gathering {
		c.gathering = true
		c.out = outBufs.Get().(*[]byte)
	}
}

// send writes what was gathered, in one write. If it fails the connection
// is closed: net/http was told the bytes were written, and must not go on
// using a connection that lost part of a response.
func (c *cappedConn) send() error {
	if !c.gathering {
		return nil
	}
	c.gathering = false
	b := c.out
	c.out = nil
	_, err := c.Conn.Write(*b)
	if cap(*b) <= 256<<10 {
		*b = (*b)[:0]
		outBufs.Put(b)
	}
	if err != nil {
		_ = c.Close()
	}
	return err
}

func (c *cappedConn) Close() error {
	err := c.Conn.Close()
	c.once.Do(func() {
		c.l.forget(c)
		<-c.l.slots
	})
	return err
}
