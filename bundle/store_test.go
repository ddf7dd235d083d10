package bundle

import (
	"crypto/ed25519"
	"os"
	"path/filepath"
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
