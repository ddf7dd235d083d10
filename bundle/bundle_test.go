package bundle

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"context"
	"encoding/json"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/register"
	"github.com/tonggao/tonggao/rules"
)

// kites is a one-notice rule directory: 放风筝 is forbidden in May.
func kites(t testing.TB) rules.Root {
	t.Helper()
	return rules.Root{Name: "kites", FS: os.DirFS("testdata/kites")}
}

func build(t testing.TB, src Source) []byte {
	t.Helper()
	var buf bytes.Buffer
	_, err := Build(context.Background(), &buf, src)
	require.NoError(t, err)
	return buf.Bytes()
}

func decide(t testing.TB, e *engine.Engine, activity string, day calendar.Date) engine.Verdict {
	t.Helper()
	d, err := e.Decide(engine.Query{Activity: activity, Day: day})
	require.NoError(t, err)
	return d.Verdict
}

var may1 = calendar.MustDate(2025, 5, 1)

func TestBuildOpen(t *testing.T) {
	data := build(t, Source{Version: "k1", Roots: []rules.Root{kites(t)}})
	require.Equal(t, data, build(t, Source{Version: "k1", Roots: []rules.Root{kites(t)}}), "the same files give the same bytes")
	b, err := OpenZip(data, "k1.zip")
	require.NoError(t, err)
	require.Equal(t, "k1", b.Version)
	require.Len(t, b.Digest, 64)
	require.Equal(t, "k1", b.Engine.Receipt().Bundle)
	require.Equal(t, engine.Forbidden, decide(t, b.Engine, "放风筝", may1))
	_, listed := b.Engine.Register().Entry(register.MustNumber("祁政发〔2024〕4号"))
	require.False(t, listed, "no register in the bundle: an empty one, never the embedded county's")
	// Zip gives the bundle's bytes back.
	again, err := b.Zip()
	require.NoError(t, err)
	require.Equal(t, data, again)
}

func TestBuildSeveralRootsAndRegister(t *testing.T) {
	data := build(t, Source{Version: "two", Roots: []rules.Root{{Name: "embedded", FS: rules.EmbeddedFS()}, kites(t)},
		Register: register.EmbeddedYAML()})
	b, err := OpenZip(data, "two.zip")
	require.NoError(t, err)
	require.Equal(t, []string{"rules/embedded", "rules/kites"}, b.Manifest.Roots)
	require.Equal(t, engine.Forbidden, decide(t, b.Engine, "放风筝", may1))
	require.Equal(t, engine.Conditional, decide(t, b.Engine, "烧田埂", calendar.MustDate(2024, 10, 3)), "the embedded root decides too")
	emb, err := engine.Embedded()
	require.NoError(t, err)
	_, listed := b.Engine.Register().Entry(register.MustNumber("祁政发〔2024〕4号"))
	require.True(t, listed, "the register comes from the bundle")
	require.NotEqual(t, emb.Receipt().RuleSet, b.Engine.Receipt().RuleSet)
	require.Len(t, b.Roots, 2)

	// One root alone has the digest its directory has anywhere.
	one, err := OpenZip(build(t, Source{Version: "emb", Roots: []rules.Root{{Name: "rules", FS: rules.EmbeddedFS()}}}), "emb.zip")
	require.NoError(t, err)
	require.Equal(t, emb.Receipt().RuleSet, one.Engine.Receipt().RuleSet)
}

func TestSignVerify(t *testing.T) {
	privPEM, pubPEM, err := GenerateKey()
	require.NoError(t, err)
	priv, err := ParsePrivateKey(privPEM)
	require.NoError(t, err)
	pub, err := ParsePublicKey(pubPEM)
	require.NoError(t, err)
	_, otherPEM, err := GenerateKey()
	require.NoError(t, err)
	other, err := ParsePublicKey(otherPEM)
	require.NoError(t, err)

	data := build(t, Source{Version: "s1", Roots: []rules.Root{kites(t)}})
	_, err = OpenZip(data, "unsigned.zip", WithKeys(pub))
	require.ErrorContains(t, err, "unsigned")

	signed, err := Sign(data, priv)
	require.NoError(t, err)
	b, err := OpenZip(signed, "signed.zip", WithKeys(other, pub))
	require.NoError(t, err)
	require.Equal(t, KeyID(pub), b.KeyID)
	// Signing changes neither the manifest nor the digest.
	u, err := OpenZip(data, "unsigned.zip")
	require.NoError(t, err)
	require.Equal(t, u.Digest, b.Digest)

	_, err = OpenZip(signed, "signed.zip", WithKeys(other))
	require.ErrorContains(t, err, "does not verify")

	// A manifest changed after signing (a new version, the files as they
	// were) does not verify.
	ct, err := readZip(signed, Limits{})
	require.NoError(t, err)
	forged := bytes.Replace(ct.raw, []byte(`"s1"`), []byte(`"s2"`), 1)
	re, err := writeZip(forged, ct.sig, ct.files, ct.manifest)
	require.NoError(t, err)
	_, err = OpenZip(re, "forged.zip", WithKeys(pub))
	require.ErrorContains(t, err, "does not verify")
}

// rawEntry is one entry of a crafted zip.
type rawEntry struct {
	name string
	data []byte
	mode fs.FileMode // 0: a plain file
	// declared, if set, is the uncompressed size the central directory
	// claims (the data is stored as given).
	declared uint64
}

// craft writes entries as a zip byte for byte as asked: modes, duplicate
// names and lying sizes included.
func craft(t testing.TB, entries []rawEntry) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		h := &zip.FileHeader{Name: e.name, Method: zip.Store}
		if e.mode != 0 {
			h.SetMode(e.mode)
		}
		if e.declared != 0 {
			h.CRC32 = crc32.ChecksumIEEE(e.data)
			h.CompressedSize64 = uint64(len(e.data))
			h.UncompressedSize64 = e.declared
			w, err := zw.CreateRaw(h)
			require.NoError(t, err)
			_, err = w.Write(e.data)
			require.NoError(t, err)
			continue
		}
		w, err := zw.CreateHeader(h)
		require.NoError(t, err)
		_, err = w.Write(e.data)
		require.NoError(t, err)
	}
	require.NoError(t, zw.Close())
	return buf.Bytes()
}

// entriesOf is a good bundle's entries, to tamper with.
func entriesOf(t testing.TB, data []byte) []rawEntry {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	require.NoError(t, err)
	var out []rawEntry
	for _, f := range zr.File {
		rc, err := f.Open()
		require.NoError(t, err)
		var b bytes.Buffer
		_, err = b.ReadFrom(rc)
		require.NoError(t, err)
		rc.Close()
		out = append(out, rawEntry{name: f.Name, data: b.Bytes()})
	}
	return out
}

// forbidKites is a notice file that forbids 放风筝 every day of the year:
// loaded, it turns June's no_rule into forbidden.
var forbidKites = []byte(strings.ReplaceAll(strings.ReplaceAll(mustRead("testdata/kites/notices/xx-kites.yaml"),
	"annual 05-01..05-31", "annual 01-01..12-31"), "某政通〔2025〕1号", "某政通〔2025〕2号"))

func mustRead(p string) string {
	b, err := os.ReadFile(p)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// TestCraftedZips: issue 17 items 3 and 4. Each crafted zip is refused,
// quickly, with the entry named; before, an unlisted symlink, pipe, device
// or socket entry was loaded as a rule file while the checksum check
// skipped it (June's kites went from no_rule to forbidden with the version
// and digest unchanged), and a 1.2 MB bundle listing a 1 GiB file took
// 189 s and 22 GB.
func TestCraftedZips(t *testing.T) {
	good := build(t, Source{Version: "v1", Roots: []rules.Root{kites(t)}})
	b, err := OpenZip(good, "good.zip")
	require.NoError(t, err)
	require.Equal(t, engine.NoRule, decide(t, b.Engine, "放风筝", calendar.MustDate(2025, 6, 1)))
	base := entriesOf(t, good)
	with := func(extra ...rawEntry) []rawEntry { return append(append([]rawEntry{}, base...), extra...) }
	manifest := func(edit func(m map[string]any)) []rawEntry {
		var m map[string]any
		require.NoError(t, json.Unmarshal(base[0].data, &m))
		edit(m)
		raw, err := json.Marshal(m)
		require.NoError(t, err)
		out := append([]rawEntry{}, base...)
		out[0] = rawEntry{name: ManifestFile, data: raw}
		return out
	}
	sum := sha256Hex(forbidKites)
	tests := []struct {
		name    string
		entries []rawEntry
		lim     Limits
		want    string
	}{
		{"unlisted symlink entry", with(rawEntry{name: "rules/notices/zz.yaml", data: forbidKites, mode: fs.ModeSymlink | 0o777}), Limits{}, "rules/notices/zz.yaml: a symlink"},
		{"unlisted pipe entry", with(rawEntry{name: "rules/notices/zz.yaml", data: forbidKites, mode: fs.ModeNamedPipe | 0o644}), Limits{}, "rules/notices/zz.yaml: a named pipe"},
		{"unlisted device entry", with(rawEntry{name: "rules/notices/zz.yaml", data: forbidKites, mode: fs.ModeDevice | 0o644}), Limits{}, "rules/notices/zz.yaml: a device"},
		{"unlisted char device entry", with(rawEntry{name: "rules/notices/zz.yaml", data: forbidKites, mode: fs.ModeDevice | fs.ModeCharDevice | 0o644}), Limits{}, "a character device"},
		{"unlisted socket entry", with(rawEntry{name: "rules/notices/zz.yaml", data: forbidKites, mode: fs.ModeSocket | 0o644}), Limits{}, "rules/notices/zz.yaml: a socket"},
		{"listed symlink entry", manifest(func(m map[string]any) {
			m["files"].(map[string]any)["rules/notices/zz.yaml"] = sum
		}), Limits{}, "listed in bundle.json but not in the bundle"},
		{"listed symlink entry present", append(manifest(func(m map[string]any) {
			m["files"].(map[string]any)["rules/notices/zz.yaml"] = sum
		}), rawEntry{name: "rules/notices/zz.yaml", data: forbidKites, mode: fs.ModeSymlink | 0o777}), Limits{}, "a symlink; a bundle holds regular files only"},
		{"unlisted regular file", with(rawEntry{name: "rules/notices/zz.yaml", data: forbidKites}), Limits{}, "rules/notices/zz.yaml: not in bundle.json"},
		{"unlisted file anywhere", with(rawEntry{name: "README", data: []byte("hi")}), Limits{}, "README: not in bundle.json"},
		{"duplicate entry", with(rawEntry{name: base[1].name, data: forbidKites}), Limits{}, "appears twice"},
		{"path outside", with(rawEntry{name: "../rules/x.yaml", data: forbidKites}), Limits{}, "not a clean relative path"},
		{"absolute path", with(rawEntry{name: "/etc/x", data: forbidKites}), Limits{}, "not a clean relative path"},
		{"backslash path", with(rawEntry{name: `rules\notices\x.yaml`, data: forbidKites}), Limits{}, "not a clean relative path"},
		{"1 GiB declared", with(rawEntry{name: "layers/big.geojson", data: []byte("{}"), declared: 1 << 30}), Limits{}, "declares 1.0 GiB; at most 256.0 MiB a file"},
		{"declared size a lie", manifest(func(m map[string]any) {}), Limits{}, ""},
		{"honest but over the file limit", with(rawEntry{name: "layers/big.geojson", data: make([]byte, 2<<20)}), Limits{MaxFileBytes: 1 << 20}, "at most 1.0 MiB a file"},
		{"over the total", with(rawEntry{name: "layers/a.geojson", data: make([]byte, 600<<10)}, rawEntry{name: "layers/b.geojson", data: make([]byte, 600<<10)}), Limits{MaxTotalBytes: 1 << 20}, "at most 1.0 MiB together"},
		{"too many entries", with(rawEntry{name: "layers/a"}, rawEntry{name: "layers/b"}), Limits{MaxEntries: 3}, "at most 3"},
		{"manifest listing outside", manifest(func(m map[string]any) {
			m["files"].(map[string]any)["../x"] = sum
		}), Limits{}, `listed path "../x"`},
		{"manifest unknown key", manifest(func(m map[string]any) { m["extra"] = 1 }), Limits{}, "bundle.json"},
		{"manifest bad checksum", manifest(func(m map[string]any) {
			m["files"].(map[string]any)[base[1].name] = "xyz"
		}), Limits{}, "not 64 hex digits"},
		{"root outside rules", manifest(func(m map[string]any) { m["roots"] = []string{"layers"} }), Limits{}, "root \"layers\""},
		{"no manifest", base[1:], Limits{}, "no bundle.json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.name == "declared size a lie" {
				// The directory says 10 bytes; the data holds more.
				e := append([]rawEntry{}, base...)
				e[1] = rawEntry{name: e[1].name, data: e[1].data, declared: 10}
				tt.entries, tt.want = e, "not a valid zip"
			}
			start := time.Now()
			_, err := OpenZip(craft(t, tt.entries), "crafted.zip", WithLimits(tt.lim, rules.Limits{}))
			require.Error(t, err)
			require.ErrorContains(t, err, tt.want)
			var be *Error
			require.ErrorAs(t, err, &be)
			require.Less(t, time.Since(start), 5*time.Second, "refused before loading")
		})
	}
}

// TestHonestBomb: a bundle whose manifest honestly lists a file of zeros
// larger than the file limit (16 MiB against 8 MiB here; 1 GiB against
// 256 MiB by default) is refused from its directory entry, before
// anything is decompressed.
func TestHonestBomb(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestSpeed) })
	w, err := zw.CreateHeader(&zip.FileHeader{Name: ManifestFile, Method: zip.Deflate})
	require.NoError(t, err)
	zeros := make([]byte, 16<<20)
	_, err = w.Write([]byte(`{"version":"bomb","files":{"layers/big.geojson":"` + sha256Hex(zeros) + `"}}`))
	require.NoError(t, err)
	w, err = zw.CreateHeader(&zip.FileHeader{Name: "layers/big.geojson", Method: zip.Deflate})
	require.NoError(t, err)
	_, err = w.Write(zeros)
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	require.Less(t, buf.Len(), 1<<20)
	start := time.Now()
	_, err = OpenZip(buf.Bytes(), "bomb.zip", WithLimits(Limits{MaxFileBytes: 8 << 20}, rules.Limits{}))
	require.ErrorContains(t, err, "layers/big.geojson: declares 16.0 MiB; at most 8.0 MiB a file")
	require.Less(t, time.Since(start), time.Second)
}

// writeDir unpacks a bundle into a directory.
func writeDir(t testing.TB, data []byte) string {
	t.Helper()
	dir := t.TempDir()
	for _, e := range entriesOf(t, data) {
		p := filepath.Join(dir, filepath.FromSlash(e.name))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, e.data, 0o644))
	}
	return dir
}

// TestDirectoryBundle: an unpacked bundle is verified as its zip is: a
// real symlink (even to a file inside), a FIFO or an unlisted file in it
// is refused; the FIFO is never opened, so nothing hangs.
func TestDirectoryBundle(t *testing.T) {
	good := build(t, Source{Version: "d1", Roots: []rules.Root{kites(t)}})
	dir := writeDir(t, good)
	b, err := OpenDir(dir)
	require.NoError(t, err)
	require.Equal(t, "d1", b.Version)

	t.Run("symlink inside", func(t *testing.T) {
		dir := writeDir(t, good)
		require.NoError(t, os.WriteFile(filepath.Join(dir, "evil.yaml"), forbidKites, 0o644))
		require.NoError(t, os.Symlink("../../evil.yaml", filepath.Join(dir, "rules/notices/zz.yaml")))
		_, err := OpenDir(dir)
		require.ErrorContains(t, err, "rules/notices/zz.yaml: a symlink")
	})
	t.Run("listed file replaced by a symlink", func(t *testing.T) {
		dir := writeDir(t, good)
		p := filepath.Join(dir, "rules/notices/xx-kites.yaml")
		require.NoError(t, os.Rename(p, filepath.Join(dir, "moved.yaml")))
		require.NoError(t, os.Symlink("../../moved.yaml", p))
		_, err := OpenDir(dir)
		require.ErrorContains(t, err, "rules/notices/xx-kites.yaml: a symlink")
	})
	t.Run("fifo", func(t *testing.T) {
		dir := writeDir(t, good)
		if err := syscall.Mkfifo(filepath.Join(dir, "rules/notices/zz.yaml"), 0o644); err != nil {
			t.Skip("no FIFOs here:", err)
		}
		done := make(chan error, 1)
		go func() { _, err := OpenDir(dir); done <- err }()
		select {
		case err := <-done:
			require.ErrorContains(t, err, "rules/notices/zz.yaml: a named pipe")
		case <-time.After(10 * time.Second):
			t.Fatal("OpenDir hangs on a FIFO")
		}
	})
	t.Run("unlisted", func(t *testing.T) {
		dir := writeDir(t, good)
		require.NoError(t, os.WriteFile(filepath.Join(dir, "rules/notices/zz.yaml"), forbidKites, 0o644))
		_, err := OpenDir(dir)
		require.ErrorContains(t, err, "rules/notices/zz.yaml: not in bundle.json")
	})
	t.Run("a MapFS symlink", func(t *testing.T) {
		m := fstest.MapFS{}
		for _, e := range entriesOf(t, good) {
			m[e.name] = &fstest.MapFile{Data: e.data}
		}
		m["rules/notices/zz.yaml"] = &fstest.MapFile{Data: []byte("xx-kites.yaml"), Mode: fs.ModeSymlink}
		_, err := OpenFS(m, "mapfs")
		require.ErrorContains(t, err, "a symlink")
	})
}

// TestBundleFileNotRegular: a zipped bundle path that is a FIFO or a
// symlink is refused without being opened.
func TestBundleFileNotRegular(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.zip")
	require.NoError(t, os.WriteFile(good, build(t, Source{Version: "f1", Roots: []rules.Root{kites(t)}}), 0o644))
	_, err := OpenFile(good)
	require.NoError(t, err)
	link := filepath.Join(dir, "link.zip")
	require.NoError(t, os.Symlink(good, link))
	_, err = OpenFile(link)
	require.ErrorContains(t, err, "a symlink")
	if syscall.Mkfifo(filepath.Join(dir, "fifo.zip"), 0o644) == nil {
		_, err = OpenFile(filepath.Join(dir, "fifo.zip"))
		require.ErrorContains(t, err, "a named pipe")
	}
}
