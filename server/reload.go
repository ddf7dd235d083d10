package server

import (
	"errors"
	"log"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"time"

	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/hotline"
)

// AdminReloadPath is the operator endpoint that re-reads the rule set. It
// answers only connections from a loopback address: a reload is an
// operator's act on the machine, not something a caller on the network
// may trigger.
const AdminReloadPath = "/admin/reload"

// ErrReloadUnsupported is returned by Server.Reload when the server was
// built without Options.Reload, i.e. serves the rule set embedded in
// the binary, which cannot change while it runs.
var ErrReloadUnsupported = errors.New("the rule set is embedded in the binary and cannot be reloaded; start the server with --rules DIR to reload it")

// ReloadResult is what a reload did (the body of POST /admin/reload).
type ReloadResult struct {
	// RuleSet is the digest now serving: the new one after a successful
	// reload, the old one after a failed one.
	RuleSet string `json:"rule_set"`
	// Previous is the digest that served before the reload.
	Previous string `json:"previous"`
	// Changed is false when the re-read rules have the same digest.
	Changed bool `json:"changed"`
}

// ReloadError is the body of a refused POST /admin/reload: the usual
// error object (code reload_unsupported or reload_refused) and the digest
// still serving.
type ReloadError struct {
	ErrorBody
	RuleSet string `json:"rule_set"`
}

type hotlineKey struct{}

// snapshot is the request's snapshot, taken once in ServeHTTP; handlers
// called without ServeHTTP (never in this package) get the current one.
func (s *Server) snapshot(r *http.Request) *hotline.Hotline {
	if h, ok := r.Context().Value(hotlineKey{}).(*hotline.Hotline); ok {
		return h
	}
	return s.h.Load()
}

// RuleSet is the digest of the rule set serving now.
func (s *Server) RuleSet() string { return s.h.Load().Engine().Receipt().RuleSet }

// Reload rebuilds the engine with Options.Reload and, if it and the
// hotline on top of it build, swaps them in for the requests that start
// from now on; requests in flight finish on the rules they started with.
// On any error the old rule set keeps serving and the result says so.
func (s *Server) Reload() (ReloadResult, error) {
	s.reloadMu.Lock()
	defer s.reloadMu.Unlock()
	old := s.h.Load()
	res := ReloadResult{Previous: old.Engine().Receipt().RuleSet, RuleSet: old.Engine().Receipt().RuleSet}
	if s.build == nil {
		s.log.Warn("reload refused", "rule_set", res.RuleSet, "error", ErrReloadUnsupported.Error())
		return res, ErrReloadUnsupported
	}
	var next *hotline.Hotline
	// engine.Current keeps the old engine when build fails; the hotline
	// (whose parser vocabulary comes from the rules) is built inside the
	// same step so that a set the parser rejects is refused as a whole.
	_, err := s.cur.Reload(func() (*engine.Engine, error) {
		e, err := s.build()
		if err != nil {
			return nil, err
		}
		if next, err = hotline.New(e); err != nil {
			return nil, err
		}
		return e, nil
	})
	if err != nil {
		s.log.Warn("reload refused; the old rule set keeps serving", "rule_set", res.RuleSet, "error", err.Error())
		return res, err
	}
	s.h.Store(next)
	res.RuleSet = next.Engine().Receipt().RuleSet
	res.Changed = res.RuleSet != res.Previous
	s.log.Info("reloaded", "rule_set", res.RuleSet, "previous", res.Previous, "changed", res.Changed)
	return res, nil
}

// isLoopback reports whether a request came over a loopback connection.
func isLoopback(r *http.Request) bool {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return false
	}
	a, err := netip.ParseAddr(host)
	return err == nil && a.Unmap().IsLoopback()
}

func (s *Server) adminReload(w http.ResponseWriter, r *http.Request) {
	if !isLoopback(r) {
		writeError(w, http.StatusForbidden, "forbidden", AdminReloadPath+" answers loopback connections only")
		return
	}
	res, err := s.Reload()
	if err == nil {
		writeJSON(w, http.StatusOK, res)
		return
	}
	var b ReloadError
	b.RuleSet = res.RuleSet
	status := http.StatusUnprocessableEntity
	b.Error.Code, b.Error.Message = "reload_refused", err.Error()
	if errors.Is(err, ErrReloadUnsupported) {
		status, b.Error.Code = http.StatusConflict, "reload_unsupported"
	}
	writeJSON(w, status, b)
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
