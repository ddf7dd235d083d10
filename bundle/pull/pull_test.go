package pull

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/bundle"
	"github.com/tonggao/tonggao/rules"
)

// kitesDir is the bundle package's test rule directory: one notice on
// flying kites.
const kitesDir = "../testdata/kites"

func kites(t testing.TB) rules.Root {
	t.Helper()
	return rules.Root{Name: "kites", FS: os.DirFS(kitesDir)}
}

// kitesFS is the kites rule directory in memory, to add files to.
func kitesFS(t testing.TB) fstest.MapFS {
	t.Helper()
	out := fstest.MapFS{}
	require.NoError(t, fs.WalkDir(os.DirFS(kitesDir), ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(os.DirFS(kitesDir), name)
		out[name] = &fstest.MapFile{Data: data}
		return err
	}))
	return out
}

// forbidKites is the kites notice under another number, forbidding them
// all year.
func forbidKites(t testing.TB) []byte {
	t.Helper()
	data, err := os.ReadFile(kitesDir + "/notices/xx-kites.yaml")
	require.NoError(t, err)
	s := strings.ReplaceAll(string(data), "annual 05-01..05-31", "annual 01-01..12-31")
	return []byte(strings.ReplaceAll(s, "某政通〔2025〕1号", "某政通〔2025〕2号"))
}

func build(t testing.TB, src bundle.Source) []byte {
	t.Helper()
	var buf bytes.Buffer
	_, err := bundle.Build(context.Background(), &buf, src)
	require.NoError(t, err)
	return buf.Bytes()
}

func testKey(t testing.TB) (ed25519.PrivateKey, ed25519.PublicKey) {
	t.Helper()
	privPEM, pubPEM, err := bundle.GenerateKey()
	require.NoError(t, err)
	priv, err := bundle.ParsePrivateKey(privPEM)
	require.NoError(t, err)
	pub, err := bundle.ParsePublicKey(pubPEM)
	require.NoError(t, err)
	return priv, pub
}

// signedRaw is a signed bundle of one rule root zipped without
// bundle.Build's checks (and without a snapshot).
func signedRaw(t testing.TB, priv ed25519.PrivateKey, root fs.FS) []byte {
	t.Helper()
	files := fstest.MapFS{}
	require.NoError(t, fs.WalkDir(root, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(root, p)
		files["rules/"+p] = &fstest.MapFile{Data: data}
		return err
	}))
	var buf bytes.Buffer
	_, err := bundle.WriteZip(&buf, files, "v2")
	require.NoError(t, err)
	data, err := bundle.Sign(buf.Bytes(), priv)
	require.NoError(t, err)
	return data
}

func signed(t testing.TB, priv ed25519.PrivateKey, src bundle.Source) []byte {
	t.Helper()
	data, err := bundle.Sign(build(t, src), priv)
	require.NoError(t, err)
	return data
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
	store, err := bundle.NewStore(t.TempDir())
	require.NoError(t, err)
	p := &Poller{URL: srv.URL + "/bundle.zip", Keys: []ed25519.PublicKey{pub}, Store: store,
		Options: []bundle.Option{bundle.WithLimits(bundle.Limits{MaxArchiveBytes: 1 << 20}, rules.Limits{})}}
	var active *bundle.Bundle
	activate := func(b *bundle.Bundle) error { active = b; return nil }
	ctx := context.Background()

	v1 := signed(t, priv, bundle.Source{Version: "v1", Roots: []rules.Root{kites(t)}})
	bs.set(v1)
	b, err := p.Poll(ctx, activate)
	require.NoError(t, err)
	require.Equal(t, "v1", b.Version)
	require.Same(t, b, active)
	_, err = p.Poll(ctx, activate)
	require.ErrorIs(t, err, ErrNotModified)

	bomb := forbidKites(t)
	bomb = append(bomb, []byte("\nx: &a {<<: [*a]}\n")...)
	hostile := kitesFS(t)
	hostile["notices/zz.yaml"] = &fstest.MapFile{Data: bomb}
	refusals := []struct {
		name string
		data []byte
		edit func(b *bundleServer)
		want string
	}{
		{"unsigned", build(t, bundle.Source{Version: "v2", Roots: []rules.Root{kites(t)}}), nil, "unsigned"},
		{"another key", signed(t, other, bundle.Source{Version: "v2", Roots: []rules.Root{kites(t)}}), nil, "does not verify"},
		{"not a zip", []byte("<html>maintenance</html>"), nil, "not a zip file"},
		{"oversized", make([]byte, 2<<20), nil, "at most 1.0 MiB"},
		{"changed on the way", signed(t, priv, bundle.Source{Version: "v2", Roots: []rules.Root{kites(t)}}), func(b *bundleServer) {
			b.repr = "sha-256=:" + base64.StdEncoding.EncodeToString(make([]byte, 32)) + ":"
		}, "Repr-Digest"},
		{"server error", v1, func(b *bundleServer) { b.status = http.StatusBadGateway }, "502"},
		// bundle.Build refuses such rules itself; a hostile publisher
		// zips them without it.
		{"merge-key bomb, signed", signedRaw(t, priv, hostile), nil, "merge keys"},
	}
	for _, r := range refusals {
		t.Run(r.name, func(t *testing.T) {
			bs.set(r.data)
			if r.edit != nil {
				r.edit(bs)
			}
			_, err := p.Poll(ctx, activate)
			require.ErrorContains(t, err, r.want)
			var be *bundle.Error
			require.ErrorAs(t, err, &be)
			require.Equal(t, "v1", active.Version)
			d, _ := p.Active()
			require.Equal(t, b.Digest, d)
		})
	}

	// An activation that fails (the hotline refuses the rules, say) is
	// retried at the next poll: the ETag is not taken.
	v2 := signed(t, priv, bundle.Source{Version: "v2", Roots: []rules.Root{{Name: "embedded", FS: rules.EmbeddedFS()}, kites(t)}})
	bs.set(v2)
	_, err = p.Poll(ctx, func(*bundle.Bundle) error { return errors.New("no") })
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
