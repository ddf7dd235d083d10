package servecmd

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/feed"
	"github.com/tonggao/tonggao/feed/watch"
	"github.com/tonggao/tonggao/internal/cli"
	"github.com/tonggao/tonggao/server"
)

// liveConditions keeps serve's conditions feed current (--conditions DIR
// or URL): a new feed is bound to the rules serving and swapped in with
// Server.Update, one at a time with rule reloads; a rule reload binds the
// feed current then. After every poll it reconciles: if what serves does
// not carry the current feed (an update refused as busy, a reload that
// raced a new feed), it updates again, so the two agree within a poll.
type liveConditions struct {
	src *watch.Source
	srv *server.Server
	log *slog.Logger
}

// startConditions reads the feed once (a feed that cannot be read, or
// does not fit the rules, stops serve before it listens) and returns eng
// bound to it.
func startConditions(ctx context.Context, spec string, every time.Duration, eng *engine.Engine, log *slog.Logger) (*liveConditions, *engine.Engine, error) {
	lc := &liveConditions{log: log}
	src, err := watch.New(spec, watch.Options{Interval: every, Logger: log, Accept: func(f *feed.Feed) error {
		cur := eng
		if lc.srv != nil {
			cur = lc.srv.Engine()
		}
		_, err := cur.Refeed(f)
		return err
	}})
	if err != nil {
		return nil, nil, cli.BadInput("bad_conditions", err)
	}
	lc.src = src
	if _, err := src.Load(ctx); err != nil {
		return nil, nil, cli.BadInput("bad_conditions", err)
	}
	eng, err = eng.Refeed(src.Current())
	if err != nil {
		return nil, nil, cli.BadInput("bad_conditions", err)
	}
	return lc, eng, nil
}

// bind binds rules loaded by a reload to the feed current now.
func (lc *liveConditions) bind(e *engine.Engine) (*engine.Engine, error) {
	return e.Refeed(lc.src.Current())
}

// lastError is the feed's last failure, for /healthz.
func (lc *liveConditions) lastError() string { return lc.src.Status().LastError }

// run polls until ctx ends.
func (lc *liveConditions) run(ctx context.Context, srv *server.Server) {
	lc.srv = srv
	lc.src.Run(ctx, func(f *feed.Feed, _ bool) { lc.reconcile(f) })
}

// reconcile makes the server serve feed f if it does not.
func (lc *liveConditions) reconcile(f *feed.Feed) {
	if f == nil || lc.srv.Engine().Receipt().Feed == f.Digest() {
		return
	}
	_, err := lc.srv.Update(func(cur *engine.Engine) (*engine.Engine, error) { return cur.Refeed(f) })
	switch {
	case errors.Is(err, server.ErrReloadBusy):
		lc.log.Info("conditions feed update waits for a reload", "feed", f.Digest())
	case err != nil:
		lc.log.Warn("conditions feed refused by the rules serving", "feed", f.Digest(), "error", err.Error())
	}
}
