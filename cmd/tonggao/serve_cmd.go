package main

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/spf13/cobra"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/hotline"
	"github.com/tonggao/tonggao/place"
	"github.com/tonggao/tonggao/server"
)

// serveCmd is "tonggao serve": the HTTP API and the operator page until
// SIGTERM or SIGINT; SIGHUP re-reads the --rules directory.
func (a *app) serveCmd() *cobra.Command {
	var (
		addr, layersDir string
		maxBody         int64
		grace           time.Duration
		rf              *ruleFlags
	)
	cmd := &cobra.Command{
		Use:     "serve [flags]",
		GroupID: groupService,
		Short:   "Serve the HTTP API and the hotline operator page",
		Long: `Serve the HTTP API and the hotline operator page until SIGTERM or SIGINT,
then shut down gracefully (requests in flight get --grace to finish).

SIGHUP or POST /admin/reload (loopback only) re-reads the --rules
directories; a rule set that fails to load is refused and the old one keeps
serving.

Every flag may also be set by an environment variable: TONGGAO_ and the
flag's name in capitals, - as _ (TONGGAO_ADDR, TONGGAO_MAX_BODY); a
repeatable flag takes a list separated by ':'. The command line wins.`,
		Example: `  tonggao serve --addr 127.0.0.1:8080 --rules rules
  TONGGAO_ADDR=:8080 tonggao serve`,
		Annotations: map[string]string{envAnnotation: "true"},
		Args:        noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := a.applyEnv(cmd); err != nil {
				return err
			}
			ctx := a.ctx
			if ctx == nil {
				var stop context.CancelFunc
				ctx, stop = signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
				defer stop()
			}
			return a.serve(ctx, addr, layersDir, maxBody, grace, rf)
		},
	}
	fs := cmd.Flags()
	fs.StringVar(&addr, "addr", "127.0.0.1:8080", "`address` to listen on")
	rf = addRuleFlags(fs)
	fs.StringVar(&layersDir, "layers", "", "a directory `DIR` of GeoJSON place layers, for queries with a point")
	fs.Int64Var(&maxBody, "max-body", server.DefaultMaxBody, "request body limit in `bytes` (413 above it)")
	fs.DurationVar(&grace, "grace", 10*time.Second, "how long requests in flight may take to finish on shutdown (a `duration` such as 10s)")
	return cmd
}

// serve runs the server until ctx is done, then shuts down gracefully:
// no new connections, and requests in flight get up to grace to finish.
func (a *app) serve(ctx context.Context, addr, layersDir string, maxBody int64, grace time.Duration, rf *ruleFlags) error {
	var opts []engine.Option
	if layersDir != "" {
		layers, err := place.LoadDir(layersDir)
		if err != nil {
			return badInput("bad_layers", err)
		}
		opts = append(opts, engine.WithLayers(layers))
	}
	eng, err := rf.load(opts...)
	if err != nil {
		return err
	}
	h, err := hotline.New(eng)
	if err != nil {
		return failed("bad_rules", err)
	}
	logger := slog.New(slog.NewJSONHandler(a.stderr, nil))
	sopts := server.Options{Logger: logger, MaxBody: maxBody}
	if len(rf.dirs) > 0 {
		// A reload re-reads the rule directories; the layers stay as
		// loaded at start (they are not rules and carry no digest of their
		// own).
		sopts.Reload = func() (*engine.Engine, error) { return rf.load(opts...) }
	}
	hs := server.New(h, sopts)
	srv := server.HTTPServer(hs, logger)
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return badInput("bad_addr", err)
	}
	fmt.Fprintf(a.stdout, "tonggao serve: listening on http://%s\n", ln.Addr())
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	for running := true; running; {
		select {
		case err := <-errc:
			return failed("serve", err)
		case <-hup:
			// Reload logs its outcome; a refused reload keeps the old rules.
			_, _ = hs.Reload()
		case <-ctx.Done():
			running = false
		}
	}
	logger.Info("shutting down", "grace", grace.String())
	sctx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return failed("serve", fmt.Errorf("shutdown: %w", err))
	}
	<-errc // Serve returned http.ErrServerClosed
	return nil
}
