package cli

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// kitesDir is a one-notice rule directory: 放风筝 is forbidden in May.
const kitesDir = "../../bundle/testdata/kites"

// TestBundleCommands: keygen, build, sign and verify, as a publisher
// would run them, and the refusals a service would make.
func TestBundleCommands(t *testing.T) {
	dir := t.TempDir()
	priv, pub := filepath.Join(dir, "signing.pem"), filepath.Join(dir, "bundle-key.pub")
	code, out, errs := runCmd("bundle", "keygen", "--private", priv, "--public", pub)
	require.Equal(t, 0, code, errs)
	require.Contains(t, out, "key ")
	st, err := os.Stat(priv)
	require.NoError(t, err)
	require.Equal(t, os.FileMode(0o600), st.Mode().Perm())
	code, _, errs = runCmd("bundle", "keygen", "--private", priv, "--public", filepath.Join(dir, "other.pub"))
	require.Equal(t, 1, code, "an existing key is never overwritten")
	require.Contains(t, errs, "exists")

	zip := filepath.Join(dir, "k1.zip")
	code, out, errs = runCmd("bundle", "build", "--version", "k1", "--embedded=false", "--rules", kitesDir, "-o", zip)
	require.Equal(t, 0, code, errs)
	require.Contains(t, out, "bundle   k1\ndigest   ")
	first, err := os.ReadFile(zip)
	require.NoError(t, err)

	code, out, _ = runCmd("bundle", "verify", zip)
	require.Equal(t, 0, code)
	require.NotContains(t, out, "signed")
	code, _, errs = runCmd("bundle", "verify", "--key", pub, zip)
	require.Equal(t, 2, code)
	require.Contains(t, errs, "unsigned")

	code, out, errs = runCmd("bundle", "sign", "--key", priv, zip)
	require.Equal(t, 0, code, errs)
	require.Contains(t, out, "signed "+zip)
	code, out, errs = runCmd("bundle", "verify", "--key", pub, "--json", zip)
	require.Equal(t, 0, code, errs)
	var v verifyJSON
	require.NoError(t, json.Unmarshal([]byte(out), &v))
	require.Equal(t, "k1", v.Version)
	require.NotEmpty(t, v.KeyID)
	require.Equal(t, []string{"rules"}, v.Roots)

	sum := sha256.Sum256(first)
	code, _, errs = runCmd("bundle", "verify", "--sha256", hex.EncodeToString(sum[:]), zip)
	require.Equal(t, 2, code, "signing rewrote the zip: the old checksum no longer matches")
	require.Contains(t, errs, "checksum")

	// A bundle whose rules do not load is never built.
	bad := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(bad, "notices"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(bad, "notices", "x.yaml"), []byte("notice: [broken"), 0o644))
	code, _, errs = runCmd("bundle", "build", "--version", "bad", "--embedded=false", "--rules", bad, "-o", filepath.Join(dir, "bad.zip"))
	require.Equal(t, 2, code)
	require.Contains(t, errs, "x.yaml")
	_, err = os.Stat(filepath.Join(dir, "bad.zip"))
	require.ErrorIs(t, err, os.ErrNotExist)
}
