package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/hotline"
	"github.com/tonggao/tonggao/place"
	"github.com/tonggao/tonggao/server"
)

// runServe implements "tonggao serve": the HTTP API and the operator page
// until SIGTERM or SIGINT; SIGHUP re-reads the --rules directory.
func runServe(args []string, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	return serve(ctx, args, stdout, stderr)
}

// serve runs the server until ctx is done, then shuts down gracefully:
// no new connections, and requests in flight get up to --grace to finish.
func serve(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("tonggao serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	rulesDir := fs.String("rules", "", "rule directory; default the embedded rule base")
	layersDir := fs.String("layers", "", "directory of GeoJSON place layers, for queries with a point")
	maxBody := fs.Int64("max-body", server.DefaultMaxBody, "request body limit in bytes (413 above it)")
	grace := fs.Duration("grace", 10*time.Second, "how long requests in flight may take to finish on shutdown")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: tonggao serve [--addr 127.0.0.1:8080] [--rules DIR] [--layers DIR]\n\nSIGHUP or POST /admin/reload (loopback only) re-reads --rules DIR; a rule set that fails to load is refused and the old one keeps serving.")
		fs.PrintDefaults()
	}
	if code, ok := parseFlags(fs, args, stderr); !ok {
		return code
	}
	var opts []engine.Option
	if *layersDir != "" {
		layers, err := place.LoadDir(*layersDir)
		if err != nil {
			fmt.Fprintf(stderr, "tonggao serve: %v\n", err)
			return 2
		}
		opts = append(opts, engine.WithLayers(layers))
	}
	eng, err := loadEngine(*rulesDir, opts...)
	if err != nil {
		fmt.Fprintf(stderr, "tonggao serve: %v\n", err)
		return 2
	}
	h, err := hotline.New(eng)
	if err != nil {
		fmt.Fprintf(stderr, "tonggao serve: %v\n", err)
		return 1
	}
	logger := slog.New(slog.NewJSONHandler(stderr, nil))
	sopts := server.Options{Logger: logger, MaxBody: *maxBody}
	if *rulesDir != "" {
		// A reload re-reads the rule directory; the layers stay as loaded
		// at start (they are not rules and carry no digest of their own).
		sopts.Reload = func() (*engine.Engine, error) { return loadEngine(*rulesDir, opts...) }
	}
	hs := server.New(h, sopts)
	srv := server.HTTPServer(hs, logger)
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "tonggao serve: %v\n", err)
		return 2
	}
	fmt.Fprintf(stdout, "tonggao serve: listening on http://%s\n", ln.Addr())
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	for running := true; running; {
		select {
		case err := <-errc:
			fmt.Fprintf(stderr, "tonggao serve: %v\n", err)
			return 1
		case <-hup:
			// Reload logs its outcome; a refused reload keeps the old rules.
			_, _ = hs.Reload()
		case <-ctx.Done():
			running = false
		}
	}
	logger.Info("shutting down", "grace", grace.String())
	sctx, cancel := context.WithTimeout(context.Background(), *grace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		fmt.Fprintf(stderr, "tonggao serve: shutdown: %v\n", err)
		return 1
	}
	<-errc // Serve returned http.ErrServerClosed
	return 0
}
