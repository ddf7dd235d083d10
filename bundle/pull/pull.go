// Package pull keeps a service on the newest signed bundle published at a
// URL, as OPA's bundle service does: conditional GETs, the body's digest,
// the signature and every file checked before a bundle is activated.
//
// It is a package of its own so that only the service links it: its
// net/http client, crypto/tls and their package initialisers cost every
// process that imports them its start-up, and the tonggao command opens
// bundles from files only (docs/speed.md).
package pull

import (
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/tonggao/tonggao/bundle"
)

// ErrNotModified is Poller.Poll's answer when the server has nothing new:
// 304 Not Modified, or the bundle already active under a new ETag.
var ErrNotModified = errors.New("bundle not modified")

// Poller pulls a signed bundle from a URL, as OPA's bundle service does:
// each Poll is a conditional GET (If-None-Match with the ETag of the
// bundle active now); a new bundle is read within Limits.MaxArchiveBytes,
// its digest checked against the Repr-Digest header when the server sends
// one (RFC 9530, sha-256), its signature against Keys, every file against
// the manifest, and the rules loaded — and only then handed to activate.
// Whatever fails, the bundle active before stays active.
type Poller struct {
	// URL is where the bundle zip is published.
	URL string
	// Keys are the trusted public keys; a bundle must be signed by one.
	Keys []ed25519.PublicKey
	// Client makes the requests; nil means a client with a 60 s timeout.
	Client *http.Client
	// Store, if set, keeps every bundle activated (bundle.Store.Put).
	Store *bundle.Store
	// Options are further options for bundle.OpenZip (WithLimits, WithCaseCheck).
	Options []bundle.Option

	mu     sync.Mutex // one Poll at a time
	etag   string
	digest string
}

// Active is the digest of the bundle the poller last activated ("" before
// the first), and its ETag.
func (p *Poller) Active() (digest, etag string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.digest, p.etag
}

// SetActive tells the poller which bundle is active when it did not
// fetch it itself (one opened from the Store at start): a bundle with
// this digest is not activated again.
func (p *Poller) SetActive(digest string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.digest = digest
}

// Poll fetches the bundle once and, if it is new and verifies, calls
// activate with it; it returns the bundle activate accepted,
// ErrNotModified, or a *bundle.Error saying why nothing changed.
func (p *Poller) Poll(ctx context.Context, activate func(*bundle.Bundle) error) (*bundle.Bundle, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.Keys) == 0 {
		return nil, &bundle.Error{Source: p.URL, Err: errors.New("no trusted key: a pulled bundle must be signed")}
	}
	data, etag, err := p.fetch(ctx)
	if err != nil {
		if errors.Is(err, ErrNotModified) {
			return nil, err
		}
		return nil, &bundle.Error{Source: p.URL, Err: err}
	}
	opts := append([]bundle.Option{bundle.WithContext(ctx)}, p.Options...)
	opts = append(opts, bundle.WithKeys(p.Keys...))
	b, err := bundle.OpenZip(data, p.URL, opts...)
	if err != nil {
		return nil, err
	}
	if b.Digest == p.digest {
		p.etag = etag
		return nil, ErrNotModified
	}
	if err := activate(b); err != nil {
		return nil, &bundle.Error{Source: p.URL, Err: fmt.Errorf("activate %s (%s): %w", b.Version, b.Digest, err)}
	}
	p.etag, p.digest = etag, b.Digest
	if p.Store != nil {
		// The bundle serves whether or not it could be kept; the error
		// says it will be missing from replays.
		if err := p.Store.Put(b); err != nil {
			return b, &bundle.Error{Source: p.URL, Err: fmt.Errorf("activated %s, but not kept: %w", b.Digest, err)}
		}
	}
	return b, nil
}

// fetch does the conditional GET and reads the body within the archive
// limit, checking Repr-Digest when present.
func (p *Poller) fetch(ctx context.Context) ([]byte, string, error) {
	limit := bundle.ArchiveLimit(p.Options...)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, p.URL, nil)
	if err != nil {
		return nil, "", err
	}
	if p.etag != "" {
		req.Header.Set("If-None-Match", p.etag)
	}
	req.Header.Set("Accept", "application/zip")
	client := p.Client
	if client == nil {
		client = &http.Client{Timeout: 60 * time.Second}
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, "", err
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusNotModified:
		return nil, "", ErrNotModified
	case resp.StatusCode != http.StatusOK:
		return nil, "", fmt.Errorf("GET answered %s", resp.Status)
	case resp.ContentLength > limit:
		return nil, "", fmt.Errorf("%s; a bundle is at most %s", size(resp.ContentLength), size(limit))
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return nil, "", fmt.Errorf("reading the bundle: %w", err)
	}
	if int64(len(data)) > limit {
		return nil, "", fmt.Errorf("more than %s; a bundle is at most %s", size(limit), size(limit))
	}
	if want, ok := reprDigest(resp.Header.Get("Repr-Digest")); ok {
		if got := sha256.Sum256(data); string(got[:]) != string(want) {
			return nil, "", fmt.Errorf("the body's SHA-256 is not the Repr-Digest the server sent: changed on the way")
		}
	}
	return data, resp.Header.Get("ETag"), nil
}

// reprDigest is the sha-256 of a Repr-Digest header (RFC 9530:
// sha-256=:BASE64:, among others), if it has one.
func reprDigest(h string) ([]byte, bool) {
	for _, part := range strings.Split(h, ",") {
		k, v, ok := strings.Cut(strings.TrimSpace(part), "=")
		if !ok || !strings.EqualFold(strings.TrimSpace(k), "sha-256") {
			continue
		}
		v = strings.Trim(strings.TrimSpace(v), ":")
		b, err := base64.StdEncoding.DecodeString(v)
		if err == nil && len(b) == sha256.Size {
			return b, true
		}
	}
	return nil, false
}

// Run polls every interval until ctx ends, calling activate with each new
// bundle and report with each Poll's outcome (a bundle, or an error;
// ErrNotModified is not reported). One Poll is bounded by timeout (the
// interval when zero).
func (p *Poller) Run(ctx context.Context, interval, timeout time.Duration, activate func(*bundle.Bundle) error, report func(*bundle.Bundle, error)) {
	if timeout <= 0 {
		timeout = interval
	}
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		pctx, cancel := context.WithTimeout(ctx, timeout)
		b, err := p.Poll(pctx, activate)
		cancel()
		if !errors.Is(err, ErrNotModified) && ctx.Err() == nil {
			report(b, err)
		}
	}
}

// size is n bytes for a message, as the bundle package writes it.
func size(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
