package servecmd

import (
	"context"
	"crypto/ed25519"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/spf13/pflag"
	"github.com/tonggao/tonggao/bundle"
	"github.com/tonggao/tonggao/bundle/pull"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/hotline"
	"github.com/tonggao/tonggao/internal/cli"
	"github.com/tonggao/tonggao/server"
)

// bundleFlags are serve's flags for pulling signed bundles.
type bundleFlags struct {
	url      string
	keyFiles []string
	poll     time.Duration
	storeDir string
}

func addBundleFlags(fs *pflag.FlagSet) *bundleFlags {
	b := &bundleFlags{}
	fs.StringVar(&b.url, "bundle-url", "", "pull the rules, register and layers from a signed bundle at `URL` (instead of --rules), polled with ETag")
	fs.StringArrayVar(&b.keyFiles, "bundle-key", nil, "a trusted public key `FILE` (PEM, Ed25519): a pulled bundle must be signed by one; repeatable")
	fs.DurationVar(&b.poll, "bundle-poll", 30*time.Second, "how often to poll --bundle-url (a `duration`)")
	fs.StringVar(&b.storeDir, "bundle-store", "", "keep every activated bundle by digest in `DIR` (for replaying decisions; a restart starts on the latest kept if the URL is down)")
	return b
}

// bundlePuller keeps a server on the newest good bundle.
type bundlePuller struct {
	p       *pull.Poller
	f       *bundleFlags
	timeout time.Duration
	// fellBack says why serve started on a kept bundle, if it did.
	fellBack error
	// bind, when serve follows a live conditions feed (--conditions),
	// binds each activated bundle's engine to the feed current then, as a
	// reload of rule directories does; nil: the bundle's own feed, if any.
	bind func(*engine.Engine) (*engine.Engine, error)
}

// hotline builds the hotline on a newly pulled bundle, bound to the live
// feed when there is one.
func (bp *bundlePuller) hotline(b *bundle.Bundle) (*hotline.Hotline, error) {
	h, err := hotlineOf(b)
	if err != nil || bp.bind == nil {
		return h, err
	}
	eng, err := bp.bind(h.Engine())
	if err != nil {
		return nil, err
	}
	return h.WithEngine(eng)
}

// serveHotline is the hotline serve starts on: on the engine load builds
// (the rules and layers the flags choose), or, with --bundle-url, on the first bundle
// pulled, with the puller that keeps it current (nil otherwise).
func (a *app) serveHotline(ctx context.Context, f *serveFlags, load func() (*engine.Engine, []hotline.Root, error)) (*hotline.Hotline, *bundlePuller, error) {
	if f.bf.url == "" {
		eng, words, err := load()
		if err != nil {
			return nil, nil, err
		}
		h, err := hotline.New(eng, words...)
		if err != nil {
			return nil, nil, cli.Failed("bad_rules", err)
		}
		return h, nil, nil
	}
	if f.rf.Chosen() || f.layersDir != "" {
		return nil, nil, cli.UsageErrorf("--bundle-url brings the rules and layers: give it without --rules, --embedded=false or --layers")
	}
	return f.bf.pullFirst(ctx, f.reloadTimeout)
}

// pullFirst checks the flags, pulls the first bundle (or, if the URL
// fails, opens the latest kept in --bundle-store) and builds the hotline
// on it: serve does not start without a verified bundle.
func (f *bundleFlags) pullFirst(ctx context.Context, timeout time.Duration) (*hotline.Hotline, *bundlePuller, error) {
	if len(f.keyFiles) == 0 {
		return nil, nil, cli.UsageErrorf("--bundle-url needs --bundle-key: a pulled bundle must be signed")
	}
	if f.poll < time.Second {
		return nil, nil, cli.UsageErrorf("--bundle-poll %s: at least 1s", f.poll)
	}
	var keys []ed25519.PublicKey
	for _, kf := range f.keyFiles {
		k, err := bundle.ReadPublicKeyFile(kf)
		if err != nil {
			return nil, nil, cli.BadInput("bad_key", err)
		}
		keys = append(keys, k)
	}
	bp := &bundlePuller{p: &pull.Poller{URL: f.url, Keys: keys}, f: f, timeout: timeout}
	if f.storeDir != "" {
		s, err := bundle.NewStore(f.storeDir)
		if err != nil {
			return nil, nil, cli.BadInput("bad_bundle", err)
		}
		bp.p.Store = s
	}
	var h *hotline.Hotline
	pctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	_, err := bp.p.Poll(pctx, func(b *bundle.Bundle) error {
		var err error
		h, err = hotlineOf(b)
		return err
	})
	if err == nil {
		return h, bp, nil
	}
	if bp.p.Store == nil {
		return nil, nil, cli.BadInput("bad_bundle", err)
	}
	b, serr := bp.p.Store.Latest(bundle.WithKeys(keys...))
	if serr != nil {
		return nil, nil, cli.BadInput("bad_bundle", fmt.Errorf("%w; and no kept bundle to start on: %w", err, serr))
	}
	if h, serr = hotlineOf(b); serr != nil {
		return nil, nil, cli.BadInput("bad_bundle", serr)
	}
	bp.p.SetActive(b.Digest)
	bp.fellBack = fmt.Errorf("the bundle URL failed (%w); started on the latest kept bundle, %s (%s)", err, b.Version, b.Digest)
	return h, bp, nil
}

// hotlineOf builds the hotline on a bundle, with the bundle's own
// vocabulary.
func hotlineOf(b *bundle.Bundle) (*hotline.Hotline, error) {
	roots := make([]hotline.Root, len(b.Roots))
	for i, r := range b.Roots {
		roots[i] = hotline.Root{FS: r.FS, Name: r.Name}
	}
	return hotline.New(b.Engine, roots...)
}

// start polls until ctx ends, activating each new good bundle on srv; a
// nil puller does nothing.
func (bp *bundlePuller) start(ctx context.Context, srv *server.Server, log *slog.Logger) {
	if bp == nil {
		return
	}
	if bp.fellBack != nil {
		log.Warn("bundle", "error", bp.fellBack.Error())
	}
	go bp.run(ctx, srv, log)
}

func (bp *bundlePuller) run(ctx context.Context, srv *server.Server, log *slog.Logger) {
	bp.p.Run(ctx, bp.f.poll, bp.timeout, func(b *bundle.Bundle) error {
		h, err := bp.hotline(b)
		if err != nil {
			return err
		}
		srv.ActivateHotline(h)
		return nil
	}, bp.report(log))
}

// reload is the server's reload in bundle mode (POST /admin/reload,
// SIGHUP): poll the bundle URL now rather than at the next tick. A new
// good bundle is activated as a poll activates it; 304, or the same
// bundle again, leaves the one serving; any failure refuses the reload
// and the active bundle keeps serving.
func (bp *bundlePuller) reload(log *slog.Logger) func(context.Context, *hotline.Hotline) (*hotline.Hotline, error) {
	report := bp.report(log)
	return func(ctx context.Context, cur *hotline.Hotline) (*hotline.Hotline, error) {
		var next *hotline.Hotline
		b, err := bp.p.Poll(ctx, func(b *bundle.Bundle) error {
			h, err := bp.hotline(b)
			next = h
			return err
		})
		switch {
		case errors.Is(err, pull.ErrNotModified):
			return cur, nil
		case next == nil:
			report(b, err)
			return nil, fmt.Errorf("bundle %s refused; the active one keeps serving: %w", bp.f.url, err)
		}
		report(b, err) // activated; err says if it was not kept
		return next, nil
	}
}

// report logs what a poll did.
func (bp *bundlePuller) report(log *slog.Logger) func(*bundle.Bundle, error) {
	return func(b *bundle.Bundle, err error) {
		switch {
		case err == nil:
			log.Info("bundle activated", "bundle", b.Version, "digest", b.Digest, "key", b.KeyID, "rule_set", b.Engine.Receipt().RuleSet)
		case b != nil:
			log.Warn("bundle activated but not kept", "bundle", b.Version, "error", err.Error())
		default:
			msg := err.Error()
			if len(msg) > 4096 {
				msg = strings.ToValidUTF8(msg[:4096], "") + "…"
			}
			log.Warn("bundle refused; the active one keeps serving", "url", bp.f.url, "error", msg)
		}
	}
}
