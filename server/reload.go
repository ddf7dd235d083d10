package server

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/hotline"
)

// AdminReloadPath is the operator endpoint that re-reads the rule set. It
// is served only by the admin handler (AdminHandler), on its own listener
// and behind authentication, never by the public handler.
const AdminReloadPath = "/admin/reload"

// DefaultReloadTimeout bounds one reload: a rule source that is slow or
// stuck (a FIFO, a network file system) must not hold the operator's
// request or the next reload forever.
const DefaultReloadTimeout = 30 * time.Second

// ErrReloadUnsupported is returned by Server.Reload when the server was
// built without Options.Reload, i.e. serves the rule set embedded in the
// binary, which cannot change while it runs.
var ErrReloadUnsupported = errors.New("the rule set is embedded in the binary and cannot be reloaded; start the server with --rules DIR to reload it")

// ErrReloadBusy is returned by Server.Reload while another reload is
// running — including one that timed out but whose build has not yet
// returned: reloads run one at a time, so a stuck rule source holds one
// goroutine, not one per attempt.
var ErrReloadBusy = errors.New("a reload is already running; try again when it has finished")

// ErrReloadTimeout is returned by Server.Reload when the build did not
// finish within the reload timeout (or the caller's context ended); the
// old rule set keeps serving and the build's late result is discarded.
var ErrReloadTimeout = errors.New("the rule set did not load in time; the old rule set keeps serving")

// ReloadResult is what a reload did (the body of POST /admin/reload).
type ReloadResult struct {
	// RuleSet is the digest now serving: the new one after a successful
	// reload, the old one after a failed one.
	RuleSet string `json:"rule_set"`
	// Previous is the digest that served before the reload.
	Previous string `json:"previous"`
	// Changed is false when the re-read rules have the same digest.
	Changed bool `json:"changed"`
	// Bundle is the revision of the bundle serving, for a server that
	// pulls signed bundles (whose reload polls the bundle URL at once).
	Bundle string `json:"bundle,omitempty"`
}

// ReloadError is the body of a refused POST /admin/reload: the usual
// error object (code reload_unsupported, reload_busy, reload_timeout or
// reload_refused) and the digest still serving.
type ReloadError struct {
	ErrorBody
	RuleSet string `json:"rule_set"`
}

// snapshot is the request's hotline, taken once in ServeHTTP.
func (s *Server) snapshot(w http.ResponseWriter) *hotline.Hotline { return s.state(w).h }

// RuleSet is the digest of the rule set serving now.
func (s *Server) RuleSet() string { return s.cur.Load().h.Engine().Receipt().RuleSet }

// Engine is the engine serving now.
func (s *Server) Engine() *engine.Engine { return s.cur.Load().h.Engine() }

// reloadAttempt is one build in flight; the waiter and the build agree
// under mu whether the result is still wanted.
type reloadAttempt struct {
	mu        sync.Mutex
	abandoned bool // the waiter gave up: discard the result
	done      bool // the build finished and (if it succeeded) swapped
}

// Reload rebuilds the engine with Options.Reload and, if it and the
// hotline on top of it build, swaps them in for the requests that start
// from now on; requests in flight finish on the rules they started with.
// On any error the old rule set keeps serving and the result says so.
//
// The build runs on its own goroutine and Reload waits for it at most the
// reload timeout (Options.ReloadTimeout) or until ctx ends; a build still
// running then is abandoned — its result, when it comes, is thrown away —
// and every further Reload is refused with ErrReloadBusy until it returns.
// So Reload never blocks its caller (a signal loop, an admin request, a
// shutdown) for longer than the timeout, whatever the rule source does.
func (s *Server) Reload(ctx context.Context) (ReloadResult, error) {
	old := s.cur.Load().h
	res := ReloadResult{Previous: old.Engine().Receipt().RuleSet, RuleSet: old.Engine().Receipt().RuleSet}
	if s.build == nil {
		s.log.Warn("reload refused", "rule_set", res.RuleSet, "error", ErrReloadUnsupported.Error())
		s.metrics.reloaded("unsupported")
		return res, ErrReloadUnsupported
	}
	if !s.reloading.CompareAndSwap(false, true) {
		s.log.Warn("reload refused", "rule_set", res.RuleSet, "error", ErrReloadBusy.Error())
		s.metrics.reloaded("busy")
		return res, ErrReloadBusy
	}
	ctx, cancel := context.WithTimeout(ctx, s.reloadTimeout)
	defer cancel()
	a := &reloadAttempt{}
	errc := make(chan error, 1)
	go func() {
		err := s.buildAndSwap(ctx, a)
		// Free the slot before reporting, so that whoever hears of this
		// reload's end may start the next one.
		s.reloading.Store(false)
		errc <- err
	}()
	var err error
	select {
	case err = <-errc:
	case <-ctx.Done():
		a.mu.Lock()
		if a.done {
			a.mu.Unlock()
			err = <-errc // finished as we gave up: its outcome stands
			break
		}
		a.abandoned = true
		a.mu.Unlock()
		err = fmt.Errorf("%w (waited %s: %v)", ErrReloadTimeout, s.reloadTimeout, context.Cause(ctx))
		s.log.Warn("reload abandoned; the old rule set keeps serving", "rule_set", res.RuleSet, "error", err.Error())
		s.metrics.reloaded("timeout")
		return res, err
	}
	if err != nil {
		s.log.Warn("reload refused; the old rule set keeps serving", "rule_set", res.RuleSet, "error", bounded(err.Error(), maxLoggedError))
		s.metrics.reloaded("refused")
		return res, err
	}
	res.RuleSet = s.RuleSet()
	res.Changed = res.RuleSet != res.Previous
	res.Bundle = s.Engine().Receipt().Bundle
	s.log.Info("reloaded", "rule_set", res.RuleSet, "previous", res.Previous, "changed", res.Changed)
	return res, nil
}

// buildOf is how a server with opts reloads: ReloadHotline, or Reload
// with the embedded vocabulary; nil when it cannot.
func buildOf(opts Options) func(context.Context, *hotline.Hotline) (*hotline.Hotline, error) {
	if opts.ReloadHotline != nil {
		return opts.ReloadHotline
	}
	if opts.Reload == nil {
		return nil
	}
	return func(ctx context.Context, _ *hotline.Hotline) (*hotline.Hotline, error) {
		e, err := opts.Reload(ctx)
		if err != nil {
			return nil, err
		}
		if e == nil {
			return nil, errors.New("the reload built no engine")
		}
		return hotline.New(e)
	}
}

// buildAndSwap builds the next hotline and swaps it in unless the waiter
// has abandoned the attempt or it is the one serving. The hotline (whose
// parser vocabulary comes from the rules) is built inside the same step so
// that a set the parser rejects is refused as a whole.
func (s *Server) buildAndSwap(ctx context.Context, a *reloadAttempt) error {
	cur := s.cur.Load().h
	next, err := s.build(ctx, cur)
	if err == nil && next == nil {
		err = errors.New("the reload built no hotline")
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	a.done = true
	if err != nil || a.abandoned {
		return err
	}
	if next != s.cur.Load().h {
		s.swap(next)
	} else {
		s.metrics.reloaded("ok")
	}
	return nil
}

// Activate swaps in an engine built elsewhere — a verified bundle — as a
// reload would, without calling Options.Reload; it fails, and the old rule
// set keeps serving, if the hotline cannot be built on it.
func (s *Server) Activate(e *engine.Engine) (ReloadResult, error) {
	old := s.RuleSet()
	res := ReloadResult{Previous: old, RuleSet: old}
	if e == nil {
		return res, errors.New("activate: no engine")
	}
	next, err := hotline.New(e)
	if err != nil {
		s.metrics.reloaded("refused")
		return res, fmt.Errorf("activate: %w", err)
	}
	return s.ActivateHotline(next), nil
}

// ActivateHotline swaps in a hotline built elsewhere — on a verified
// bundle, with the bundle's own vocabulary — for the requests that start
// from now on.
func (s *Server) ActivateHotline(h *hotline.Hotline) ReloadResult {
	res := ReloadResult{Previous: s.RuleSet()}
	s.swap(h)
	res.RuleSet = s.RuleSet()
	res.Changed = res.RuleSet != res.Previous
	s.log.Info("activated", "rule_set", res.RuleSet, "previous", res.Previous, "changed", res.Changed, "bundle", h.Engine().Receipt().Bundle)
	return res
}

// Update swaps in an engine derived from the one serving — the same rules
// with a new conditions feed (engine.Refeed) — without re-reading the
// rules. It takes the one reload slot, so that it never runs alongside a
// reload (ErrReloadBusy while one does: try again later): an update never
// undoes a reload, nor a reload an update. The hotline keeps its words
// when the rule set is the same. On error the engine serving stays.
func (s *Server) Update(derive func(cur *engine.Engine) (*engine.Engine, error)) (ReloadResult, error) {
	old := s.cur.Load().h
	res := ReloadResult{Previous: old.Engine().Receipt().RuleSet, RuleSet: old.Engine().Receipt().RuleSet}
	if !s.reloading.CompareAndSwap(false, true) {
		return res, ErrReloadBusy
	}
	defer s.reloading.Store(false)
	old = s.cur.Load().h
	e, err := derive(old.Engine())
	if err == nil && e == nil {
		err = errors.New("update: no engine")
	}
	var next *hotline.Hotline
	if err == nil {
		next, err = old.WithEngine(e)
	}
	if err != nil {
		s.log.Warn("update refused; the engine serving stays", "rule_set", res.RuleSet, "error", bounded(err.Error(), maxLoggedError))
		return res, err
	}
	s.swap(next)
	rc := e.Receipt()
	res.RuleSet, res.Changed = rc.RuleSet, rc != old.Engine().Receipt()
	s.log.Info("updated", "rule_set", rc.RuleSet, "feed", rc.Feed)
	return res, nil
}

func (s *Server) swap(next *hotline.Hotline) {
	s.cur.Store(newCurrent(next))
	s.metrics.ruleSet(next.Engine().Receipt().RuleSet, s.now())
	s.metrics.reloaded("ok")
}

// maxReloadMessage bounds the error message of a refused reload in the
// admin answer (20,000 bad files once made a 3.9 MB body); the log keeps
// more (maxLoggedError).
const (
	maxReloadMessage = 4 << 10
	maxLoggedError   = 64 << 10
)

// bounded cuts s to at most n bytes (at a rune boundary), saying how much
// was left out.
func bounded(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && s[cut]&0xC0 == 0x80 {
		cut--
	}
	return fmt.Sprintf("%s… (%d more bytes)", s[:cut], len(s)-cut)
}

func (s *Server) adminReload(w http.ResponseWriter, r *http.Request) {
	res, err := s.Reload(r.Context())
	if err == nil {
		writeJSON(w, http.StatusOK, res)
		return
	}
	var b ReloadError
	b.RuleSet = res.RuleSet
	status := http.StatusUnprocessableEntity
	b.Error.Code, b.Error.Message = "reload_refused", bounded(err.Error(), maxReloadMessage)
	switch {
	case errors.Is(err, ErrReloadUnsupported):
		status, b.Error.Code = http.StatusConflict, "reload_unsupported"
	case errors.Is(err, ErrReloadBusy):
		status, b.Error.Code = http.StatusConflict, "reload_busy"
	case errors.Is(err, ErrReloadTimeout):
		status, b.Error.Code = http.StatusServiceUnavailable, "reload_timeout"
	}
	writeJSON(w, status, b)
}
