// Command hotline serves the HTTP API and operator page (package
// server) with the sample place layers, so that questions may carry a
// point: the same server as "tonggao serve", in a few lines of your own
// program.
//
//	go run ./examples/hotline                 # then open http://127.0.0.1:8080/
//	curl -s localhost:8080/v1/decisions -d '{"activity":"野炊","at":"2025-07-10","point":{"lat":26.3534128,"lon":111.7616375,"crs":"wgs84"}}'
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/tonggao/tonggao/hotline"
	"github.com/tonggao/tonggao/patrol"
	"github.com/tonggao/tonggao/place"
	"github.com/tonggao/tonggao/server"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stderr, nil))
}

// newHandler builds the server on the embedded rules and the layers in dir.
func newHandler(dir string, logger *slog.Logger) (http.Handler, string, error) {
	// LoadDir treats absent layer files as unknown facts, so a mistyped
	// directory would serve with no layers at all; refuse it instead.
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return nil, "", fmt.Errorf("layers: %s is not a directory", dir)
	}
	layers, err := place.LoadDir(dir)
	if err != nil {
		return nil, "", err
	}
	b, err := patrol.EmbeddedBundle(layers)
	if err != nil {
		return nil, "", err
	}
	h, err := hotline.New(b.Engine)
	if err != nil {
		return nil, "", err
	}
	return server.New(h, server.Options{Logger: logger}), b.Version, nil
}

// run serves until ctx is done. If ready is not nil it receives the
// listening address (tests listen on port 0).
func run(ctx context.Context, args []string, stderr io.Writer, ready chan<- string) int {
	fs := flag.NewFlagSet("hotline", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	layersDir := fs.String("layers", "place/testdata/synthetic", "directory of GeoJSON place layers (the sample layers are synthetic)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	logger := slog.New(slog.NewTextHandler(stderr, nil))
	handler, version, err := newHandler(*layersDir, logger)
	if err != nil {
		fmt.Fprintln(stderr, "hotline:", err)
		return 2
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintln(stderr, "hotline:", err)
		return 1
	}
	srv := &http.Server{Handler: handler, ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 15 * time.Second, WriteTimeout: 30 * time.Second}
	logger.Info("listening", "addr", ln.Addr().String(), "bundle", version, "layers", *layersDir)
	if ready != nil {
		ready <- ln.Addr().String()
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		fmt.Fprintln(stderr, "hotline:", err)
		return 1
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		fmt.Fprintln(stderr, "hotline:", err)
		return 1
	}
	return 0
}
