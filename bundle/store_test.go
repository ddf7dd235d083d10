package bundle

import (
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/rules"
)

func testKey(t testing.TB) (ed25519.PrivateKey, ed25519.PublicKey) {
	t.Helper()
	privPEM, pubPEM, err := GenerateKey()
	require.NoError(t, err)
	priv, err := ParsePrivateKey(privPEM)
	require.NoError(t, err)
	pub, err := ParsePublicKey(pubPEM)
	require.NoError(t, err)
	return priv, pub
}

func signed(t testing.TB, priv ed25519.PrivateKey, src Source) []byte {
	t.Helper()
	data, err := Sign(build(t, src), priv)
	require.NoError(t, err)
	return data
}

func TestStore(t *testing.T) {
	priv, pub := testKey(t)
	s, err := NewStore(t.TempDir())
	require.NoError(t, err)
	_, err = s.Latest()
	require.ErrorIs(t, err, ErrNotStored)

	b1, err := OpenZip(signed(t, priv, Source{Version: "k1", Roots: []rules.Root{kites(t)}}), "k1.zip", WithKeys(pub))
	require.NoError(t, err)
	b2, err := OpenZip(build(t, Source{Version: "k2", Roots: []rules.Root{{Name: "embedded", FS: rules.EmbeddedFS()}, kites(t)}}), "k2.zip")
	require.NoError(t, err)
	require.NoError(t, s.Put(b1))
	require.NoError(t, s.Put(b2))
	require.NoError(t, s.Put(b1), "a second Put only moves latest")

	got, err := s.Open(b2.Digest)
	require.NoError(t, err)
	require.Equal(t, "k2", got.Version)
	// A decision record names its rule set; the store finds the bundle.
	got, err = s.Open(b1.Engine.Receipt().RuleSet, WithKeys(pub))
	require.NoError(t, err, "kept with its signature")
	require.Equal(t, b1.Digest, got.Digest)
	got, err = s.Latest()
	require.NoError(t, err)
	require.Equal(t, "k1", got.Version)
	ds, err := s.Digests()
	require.NoError(t, err)
	require.ElementsMatch(t, []string{b1.Digest, b2.Digest}, ds)

	_, err = s.Open(sha256Hex([]byte("nothing")))
	require.ErrorIs(t, err, ErrNotStored)
	_, err = s.Open("../../etc/passwd")
	require.ErrorContains(t, err, "not a digest")

	// A kept bundle replaced by another is refused.
	require.NoError(t, os.Rename(filepath.Join(s.Dir(), b2.Digest+".zip"), filepath.Join(s.Dir(), b1.Digest+".zip")))
	_, err = s.Open(b1.Digest)
	require.ErrorContains(t, err, "changed since it was kept")
}

// bundleServer publishes one bundle at a time with an ETag, as a static
// file server would.
type bundleServer struct {
	mu     sync.Mutex
	data   []byte
	etag   string
	repr   string // Repr-Digest to send; "" for none
	gets   int
	status int
}

func (b *bundleServer) set(data []byte) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.data, b.repr, b.status = data, "", 0
	sum := sha256.Sum256(data)
	b.etag = `"` + base64.RawURLEncoding.EncodeToString(sum[:12]) + `"`
}

func (b *bundleServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.gets++
	if b.status != 0 {
		w.WriteHeader(b.status)
		return
	}
	if r.Header.Get("If-None-Match") == b.etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("ETag", b.etag)
	if b.repr != "" {
		w.Header().Set("Repr-Digest", b.repr)
	}
	w.Header().Set("Content-Length", strconv.Itoa(len(b.data)))
	_, _ = w.Write(b.data)
}

// TestPoller: a signed bundle is activated and kept; the same one again
// costs a 304; unsigned, foreign-signed, damaged, oversized and hostile
// bundles and server errors leave the active one active.
func TestPoller(t *testing.T) {
	priv, pub := testKey(t)
	other, _ := testKey(t)
	bs := &bundleServer{}
	srv := httptest.NewServer(bs)
	defer srv.Close()
	store, err := NewStore(t.TempDir())
	require.NoError(t, err)
	p := &Poller{URL: srv.URL + "/bundle.zip", Keys: []ed25519.PublicKey{pub}, Store: store,
		Options: []Option{WithLimits(Limits{MaxArchiveBytes: 1 << 20}, rules.Limits{})}}
	var active *Bundle
	activate := func(b *Bundle) error { active = b; return nil }
	ctx := context.Background()

	v1 := signed(t, priv, Source{Version: "v1", Roots: []rules.Root{kites(t)}})
	bs.set(v1)
	b, err := p.Poll(ctx, activate)
	require.NoError(t, err)
	require.Equal(t, "v1", b.Version)
	require.Same(t, b, active)
	_, err = p.Poll(ctx, activate)
	require.ErrorIs(t, err, ErrNotModified)

	bomb := append([]byte(nil), forbidKites...)
	bomb = append(bomb, []byte("\nx: &a {<<: [*a]}\n")...)
	hostileRoot := writeDir(t, build(t, Source{Version: "tmp", Roots: []rules.Root{kites(t)}}))
	require.NoError(t, os.WriteFile(filepath.Join(hostileRoot, "rules/notices/zz.yaml"), bomb, 0o644))
	refusals := []struct {
		name string
		data []byte
		edit func(b *bundleServer)
		want string
	}{
		{"unsigned", build(t, Source{Version: "v2", Roots: []rules.Root{kites(t)}}), nil, "unsigned"},
		{"another key", signed(t, other, Source{Version: "v2", Roots: []rules.Root{kites(t)}}), nil, "does not verify"},
		{"not a zip", []byte("<html>maintenance</html>"), nil, "not a zip file"},
		{"oversized", make([]byte, 2<<20), nil, "at most 1.0 MiB"},
		{"changed on the way", signed(t, priv, Source{Version: "v2", Roots: []rules.Root{kites(t)}}), func(b *bundleServer) {
			b.repr = "sha-256=:" + base64.StdEncoding.EncodeToString(make([]byte, 32)) + ":"
		}, "Repr-Digest"},
		{"server error", v1, func(b *bundleServer) { b.status = http.StatusBadGateway }, "502"},
		{"merge-key bomb, signed", signed(t, priv, Source{Version: "v2", Roots: []rules.Root{{Name: "h", FS: os.DirFS(filepath.Join(hostileRoot, "rules"))}}}), nil, "merge keys"},
	}
	for _, r := range refusals {
		t.Run(r.name, func(t *testing.T) {
			bs.set(r.data)
			if r.edit != nil {
				r.edit(bs)
			}
			_, err := p.Poll(ctx, activate)
			require.ErrorContains(t, err, r.want)
			var be *Error
			require.ErrorAs(t, err, &be)
			require.Equal(t, "v1", active.Version)
			d, _ := p.Active()
			require.Equal(t, b.Digest, d)
		})
	}

	// An activation that fails (the hotline refuses the rules, say) is
	// retried at the next poll: the ETag is not taken.
	v2 := signed(t, priv, Source{Version: "v2", Roots: []rules.Root{{Name: "embedded", FS: rules.EmbeddedFS()}, kites(t)}})
	bs.set(v2)
	_, err = p.Poll(ctx, func(*Bundle) error { return errors.New("no") })
	require.ErrorContains(t, err, "activate v2")
	b2, err := p.Poll(ctx, activate)
	require.NoError(t, err)
	require.Equal(t, "v2", active.Version)
	ds, err := store.Digests()
	require.NoError(t, err)
	require.ElementsMatch(t, []string{b.Digest, b2.Digest}, ds)
	// v1 published again under a new ETag is a new activation; the same
	// digest under a new ETag is not.
	bs.set(v2)
	bs.etag = `"renamed"`
	_, err = p.Poll(ctx, activate)
	require.ErrorIs(t, err, ErrNotModified)

	_, err = (&Poller{URL: srv.URL}).Poll(ctx, activate)
	require.ErrorContains(t, err, "no trusted key")
}
