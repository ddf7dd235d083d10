package servecmd

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/spf13/cobra"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/hotline"
	"github.com/tonggao/tonggao/internal/cli"
	"github.com/tonggao/tonggao/records"
	"github.com/tonggao/tonggao/server"
)

// serveFlags are the flags of tonggao serve.
type serveFlags struct {
	addr, layersDir                    string
	maxBody                            int64
	grace, reloadTimeout, drainDelay   time.Duration
	maxConns                           int
	adminAddr, tokenFile               string
	adminCert, adminKey, adminClientCA string
	healthcheck                        bool
	rf                                 cli.RuleFlags
	bf                                 *bundleFlags
	records                            string
	keepPhones                         bool
	retention                          time.Duration
	recordsQueue                       int
	conditions                         string
	conditionsEvery                    time.Duration
}

// serveCmd is "tonggao serve": the HTTP API and the operator page until
// SIGTERM or SIGINT; SIGHUP re-reads the --rules directory.
func (a *app) serveCmd() *cobra.Command {
	f := &serveFlags{}
	cmd := &cobra.Command{
		Use:     "serve [flags]",
		GroupID: cli.GroupService,
		Short:   "Serve the HTTP API and the hotline operator page",
		Long: `Serve the HTTP API and the hotline operator page until SIGTERM or SIGINT,
then shut down gracefully (/readyz turns 503, requests in flight get --grace
to finish, a reload in progress is abandoned).

The public listener (--addr) serves the API, the page, /healthz (alive),
/readyz (rules and layers loaded) and /metrics (Prometheus). Admin — POST
/admin/reload and /debug/pprof/ — is only on a separate listener
(--admin-addr), behind a bearer token (--admin-token-file) or client
certificates (--admin-client-ca); never on the public one.

SIGHUP or POST /admin/reload re-reads the --rules directory, off the loop
that waits for signals and one at a time; a rule set that fails to load,
or takes longer than --reload-timeout, is refused and the old one keeps
serving.

With --bundle-url, the rules, register, vocabulary and layers come from a
signed bundle (tonggao bundle) polled every --bundle-poll with ETag: a new
one is verified (a --bundle-key's signature, every file's checksum, the
limits) and loaded before it is activated; any failure keeps the active
one. Every answer names its revision (receipt.bundle, X-Bundle-Revision).
There, SIGHUP or POST /admin/reload polls the URL at once.

Every flag may also be set by an environment variable: TONGGAO_ and the
flag's name in capitals, - as _ (TONGGAO_ADDR, TONGGAO_ADMIN_TOKEN_FILE);
a repeatable flag takes a list separated by ':'. The command line wins.`,
		Example: `  tonggao serve --addr 127.0.0.1:8080 --rules rules
  tonggao serve --addr :8080 --admin-addr 127.0.0.1:9090 --admin-token-file /run/secrets/admin-token
  tonggao serve --bundle-url https://rules.example.org/county.zip --bundle-key bundle-key.pub --bundle-store /var/lib/tonggao/bundles
  TONGGAO_ADDR=:8080 tonggao serve`,
		Annotations: map[string]string{cli.EnvAnnotation: "true"},
		Args:        cli.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := a.ApplyEnv(cmd); err != nil {
				return err
			}
			if f.healthcheck {
				return a.healthcheck(f.addr)
			}
			ctx := a.Ctx
			if ctx == nil {
				var stop context.CancelFunc
				ctx, stop = signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
				defer stop()
			}
			return a.serve(ctx, f)
		},
	}
	fs := cmd.Flags()
	fs.StringVar(&f.addr, "addr", "127.0.0.1:8080", "`address` of the public listener (API, operator page, /healthz, /readyz, /metrics)")
	f.rf = cli.AddRuleFlags(fs, true)
	f.bf = addBundleFlags(fs)
	fs.StringVar(&f.layersDir, "layers", "", "a directory `DIR` of GeoJSON place layers, for queries with a point")
	fs.StringVar(&f.conditions, "conditions", "", "a conditions feed (docs/feed.md): a `DIR` of CSV / JSON Lines files, re-read when they change, or an http(s) URL polled with ETag")
	fs.DurationVar(&f.conditionsEvery, "conditions-interval", 0, "how often to poll --conditions (a `duration`; default 10s for a directory, 1m for a URL)")
	fs.Int64Var(&f.maxBody, "max-body", server.DefaultMaxBody, "request body limit in `bytes` (413 above it)")
	fs.DurationVar(&f.grace, "grace", server.DefaultGrace, "how long requests in flight may take to finish on shutdown (a `duration` such as 10s)")
	fs.DurationVar(&f.drainDelay, "drain-delay", 0, "on SIGTERM, keep serving this long with /readyz answering 503 before closing the listeners, so a load balancer stops sending first (a `duration`; 5s behind a Kubernetes Service)")
	fs.DurationVar(&f.reloadTimeout, "reload-timeout", server.DefaultReloadTimeout, "how long one reload may take before it is abandoned and the old rules keep serving (a `duration`)")
	fs.IntVar(&f.maxConns, "max-conns", server.DefaultMaxConns, "most open `connections` on the public listener (the idlest is closed to make room)")
	fs.StringVar(&f.adminAddr, "admin-addr", "", "`address` of the admin listener (POST /admin/reload, /debug/pprof/); empty: none")
	fs.StringVar(&f.tokenFile, "admin-token-file", "", "`file` holding the admin bearer token (at least 16 characters)")
	fs.StringVar(&f.adminCert, "admin-tls-cert", "", "TLS certificate `file` (PEM) for the admin listener")
	fs.StringVar(&f.adminKey, "admin-tls-key", "", "TLS key `file` (PEM) for the admin listener")
	fs.BoolVar(&f.healthcheck, "healthcheck", false, "do not serve: ask the server at --addr for /healthz and exit 0 if it answers 200 (a container's HEALTHCHECK, which has no curl)")
	fs.StringVar(&f.adminClientCA, "admin-client-ca", "", "CA bundle `file` (PEM): admin clients must present a certificate it signed (mTLS)")
	fs.StringVar(&f.records, "records", "", "keep a decision record of every answer in this SQLite `PATH`, or the PostgreSQL database of a postgres:// URL")
	fs.BoolVar(&f.keepPhones, "records-keep-phones", false, "keep phone numbers that callers say in their questions (masked by default)")
	fs.DurationVar(&f.retention, "records-retention", 0, "delete decision records older than this `duration` (e.g. 8760h); 0 keeps them")
	fs.IntVar(&f.recordsQueue, "records-queue", 8192, "most decision `records` waiting to be written; past it they are dropped and counted")
	return cmd
}

// serve runs the server until ctx is done, then shuts down gracefully.
func (a *app) serve(ctx context.Context, f *serveFlags) error {
	var opts []engine.Option
	var checks []server.Check
	if f.layersDir != "" {
		layers, err := f.rf.Layers(f.layersDir)
		if err != nil {
			return err
		}
		opts = append(opts, engine.WithLayers(layers))
		// The layers are read once, before the server listens: loaded is
		// ready. The check names them in /readyz.
		checks = append(checks, server.Check{Name: "layers", Ready: func() error { return nil }})
	}
	// The access log is batched: one write per request would cost a
	// system call each (server.LogWriter); Close flushes it at exit. It
	// is formatted without slog (Options.AccessLog), the same lines.
	logw := server.NewLogWriter(a.Stderr, 100*time.Millisecond)
	defer logw.Close()
	logger := slog.New(slog.NewJSONHandler(logw, nil))
	sopts := server.Options{Logger: logger, AccessLog: logw, MaxBody: f.maxBody, ReloadTimeout: f.reloadTimeout, Checks: checks}
	// load reads the rules the flags choose: the engine, and the roots
	// whose vocabulary/ the hotline reads — the same directories, so that
	// /v1/ask hears the words `tonggao ask --rules DIR` hears.
	load := func() (*engine.Engine, []hotline.Root, error) {
		roots, err := f.rf.Roots()
		if err != nil {
			return nil, nil, err
		}
		eng, err := f.rf.LoadFrom(roots, opts...)
		return eng, cli.WordsOf(roots), err
	}
	if f.records != "" {
		store, err := records.Open(ctx, f.records)
		if err != nil {
			return cli.BadInput("bad_records", err)
		}
		defer store.Close()
		// Every rule set that answers is kept by digest, for replay. At
		// start a database that cannot keep it stops the server; at a
		// reload it is logged and the new rules serve all the same (a
		// rule update is not held up by the records).
		started := false
		load = func() (*engine.Engine, []hotline.Root, error) {
			eng, words, keepErr, err := f.loadKept(store, opts)
			if err == nil && keepErr != nil {
				if !started {
					return nil, nil, cli.BadInput("bad_records", keepErr)
				}
				logger.Error("rule set not kept for replay", "rule_set", eng.Receipt().RuleSet, "error", keepErr.Error())
			}
			started = true
			return eng, words, err
		}
		w := records.NewWriter(store, records.WriterOptions{Queue: f.recordsQueue, KeepPhones: f.keepPhones, Retention: f.retention, Logger: logger})
		defer func() {
			// Write what is queued; the grace period bounds the wait.
			cctx, cancel := context.WithTimeout(context.Background(), f.grace)
			defer cancel()
			if err := w.Close(cctx); err != nil {
				logger.Error("decision records left unwritten at exit", "error", err.Error())
			}
		}()
		sopts.Recorder, sopts.Collectors = w, w.Collectors()
		sopts.Records = func(ctx context.Context, id string) ([]byte, bool, error) {
			es, err := store.Get(ctx, id)
			if errors.Is(err, records.ErrNotFound) {
				return nil, false, nil
			}
			if err != nil {
				return nil, false, err
			}
			b, err := json.Marshal(map[string]any{"records": es})
			return b, true, err
		}
		logger.Info("decision records", "store", store.Kind(), "keep_phones", f.keepPhones, "retention", f.retention.String())
	}
	h, bp, err := a.serveHotline(ctx, f, load)
	if err != nil {
		return err
	}
	var cond *liveConditions
	if f.conditions != "" {
		var eng *engine.Engine
		if cond, eng, err = startConditions(ctx, f.conditions, f.conditionsEvery, h.Engine(), logger); err != nil {
			return err
		}
		if h, err = h.WithEngine(eng); err != nil {
			return cli.Failed("bad_rules", err)
		}
		if bp != nil {
			bp.bind = cond.bind // bundles activated later follow the live feed too
		}
	}
	switch {
	case bp != nil:
		// A reload polls the bundle URL at once: the poll is the reload.
		sopts.ReloadHotline = bp.reload(logger)
	case len(f.rf.Dirs()) > 0:
		// A reload re-reads the rule directories, words and all; the
		// layers stay as loaded at start (they are not rules and carry no
		// digest of their own). The rules are bound to the feed current
		// then.
		sopts.ReloadHotline = func(_ context.Context, _ *hotline.Hotline) (*hotline.Hotline, error) {
			eng, words, err := load()
			if err == nil && cond != nil {
				eng, err = cond.bind(eng)
			}
			if err != nil {
				return nil, err
			}
			return hotline.New(eng, words...)
		}
	}
	if cond != nil {
		sopts.FeedError = cond.lastError
	}
	cfg := server.RunConfig{Addr: f.addr, AdminAddr: f.adminAddr, Grace: f.grace, DrainDelay: f.drainDelay, MaxConns: f.maxConns}
	if f.adminAddr != "" {
		if cfg.AdminAuth, cfg.AdminTLS, err = adminSecurity(f.tokenFile, f.adminCert, f.adminKey, f.adminClientCA); err != nil {
			return cli.BadInput("bad_admin", err)
		}
	} else if f.tokenFile != "" || f.adminCert != "" || f.adminClientCA != "" {
		return cli.UsageErrorf("--admin-token-file, --admin-tls-cert and --admin-client-ca need --admin-addr")
	}
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	reloads := make(chan struct{})
	go func() {
		for {
			select {
			case <-hup:
				select {
				case reloads <- struct{}{}:
				case <-ctx.Done():
					return
				}
			case <-ctx.Done():
				return
			}
		}
	}()
	cfg.Reloads = reloads
	cfg.Ready = func(pub, adm net.Addr) {
		fmt.Fprintf(a.Stdout, "tonggao serve: listening on http://%s\n", pub)
		if adm != nil {
			scheme := "http"
			if cfg.AdminTLS != nil {
				scheme = "https"
			}
			fmt.Fprintf(a.Stdout, "tonggao serve: admin on %s://%s\n", scheme, adm)
		}
	}
	srv := server.New(h, sopts)
	bp.start(ctx, srv, logger)
	if cond != nil {
		go cond.run(ctx, srv)
	}
	if err := srv.Run(ctx, cfg); err != nil {
		var oe *net.OpError
		if errors.As(err, &oe) && oe.Op == "listen" {
			return cli.BadInput("bad_addr", err)
		}
		return cli.Failed("serve", err)
	}
	return nil
}

// healthcheck asks the server listening on addr (as serve was given it:
// ":8080" means this host) whether it is alive.
func (a *app) healthcheck(addr string) error {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return cli.BadInput("bad_addr", err)
	}
	if host == "" || host == "0.0.0.0" || host == "::" {
		host = "127.0.0.1"
	}
	client := &http.Client{Timeout: 3 * time.Second}
	resp, err := client.Get("http://" + net.JoinHostPort(host, port) + "/healthz")
	if err != nil {
		return cli.Failed("unhealthy", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return cli.Failed("unhealthy", fmt.Errorf("/healthz answered %s", resp.Status))
	}
	fmt.Fprintln(a.Stdout, "healthy")
	return nil
}

// adminSecurity reads the admin listener's token and TLS files.
func adminSecurity(tokenFile, cert, key, clientCA string) (server.AdminAuth, *tls.Config, error) {
	var auth server.AdminAuth
	var tc *tls.Config
	if tokenFile != "" {
		t, err := server.ReadTokenFile(tokenFile)
		if err != nil {
			return auth, nil, err
		}
		auth.Token = t
	}
	if (cert == "") != (key == "") {
		return auth, nil, errors.New("--admin-tls-cert and --admin-tls-key go together")
	}
	if cert != "" {
		kp, err := tls.LoadX509KeyPair(cert, key)
		if err != nil {
			return auth, nil, fmt.Errorf("admin TLS: %w", err)
		}
		tc = &tls.Config{Certificates: []tls.Certificate{kp}, MinVersion: tls.VersionTLS12}
	}
	if clientCA != "" {
		if tc == nil {
			return auth, nil, errors.New("--admin-client-ca needs --admin-tls-cert and --admin-tls-key")
		}
		pem, err := os.ReadFile(clientCA)
		if err != nil {
			return auth, nil, fmt.Errorf("admin client CA: %w", err)
		}
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM(pem) {
			return auth, nil, fmt.Errorf("admin client CA: %s holds no PEM certificate", clientCA)
		}
		tc.ClientCAs, tc.ClientAuth = pool, tls.RequireAndVerifyClientCert
		auth.ClientCert = true
	}
	if len(auth.Token) == 0 && !auth.ClientCert {
		return auth, nil, errors.New("--admin-addr needs --admin-token-file or --admin-client-ca: admin is authenticated, never open")
	}
	return auth, tc, nil
}

// loadKept loads the rules from a snapshot of their files and keeps the
// snapshot in the records database under the rule set's digest, so that
// a record can be replayed under exactly the rules that answered it.
// keepErr is the failure to keep them.
func (f *serveFlags) loadKept(store *records.Store, opts []engine.Option) (eng *engine.Engine, words []hotline.Root, keepErr, err error) {
	roots, err := f.rf.Roots()
	if err != nil {
		return nil, nil, nil, err
	}
	snap, archive, err := records.Snapshot(roots)
	if err != nil {
		return nil, nil, nil, cli.BadInput("bad_rules", err)
	}
	if eng, err = f.rf.LoadFrom(snap, opts...); err != nil {
		return nil, nil, nil, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	return eng, cli.WordsOf(snap), store.PutRuleSet(ctx, eng.Receipt().RuleSet, archive), nil
}
