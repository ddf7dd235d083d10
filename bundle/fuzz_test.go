package bundle

import (
	"io/fs"
	"os"
	"testing"

	"github.com/tonggao/tonggao/rules"
)

// FuzzReadZip: whatever the bytes, the bundle reader returns verified
// contents or an error, never panics, and what it accepts is exactly what
// its manifest lists: every file listed, with the listed checksum, nothing
// else; written out again it reads back the same.
func FuzzReadZip(f *testing.F) {
	good := build(f, Source{Version: "z1", Roots: []rules.Root{{Name: "kites", FS: os.DirFS("testdata/kites")}}})
	f.Add(good)
	base := entriesOf(f, good)
	f.Add(craft(f, append(append([]rawEntry{}, base...), rawEntry{name: "rules/notices/zz.yaml", data: forbidKites, mode: fs.ModeSymlink | 0o777})))
	f.Add(craft(f, append(append([]rawEntry{}, base...), rawEntry{name: "layers/big.geojson", data: []byte("{}"), declared: 1 << 30})))
	f.Add(craft(f, append(append([]rawEntry{}, base...), rawEntry{name: base[1].name, data: []byte("x")})))
	f.Add(craft(f, []rawEntry{{name: ManifestFile, data: []byte(`{"version":"x","files":{}}`)}, {name: "rules/", mode: fs.ModeDir | 0o755}}))
	f.Add([]byte("PK\x05\x06" + string(make([]byte, 18))))
	lim := Limits{MaxArchiveBytes: 1 << 20, MaxFileBytes: 256 << 10, MaxTotalBytes: 1 << 20, MaxEntries: 100}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := readZip(data, lim)
		if err != nil {
			return
		}
		m := c.manifest
		if len(c.files) != len(m.Files) {
			t.Fatalf("%d files read, %d listed", len(c.files), len(m.Files))
		}
		for p, want := range m.Files {
			f, ok := c.files[p]
			if !ok {
				t.Fatalf("%s listed but not read", p)
			}
			if info, err := fs.Stat(c.files, p); err != nil || info.Mode().Type() != 0 {
				t.Fatalf("%s: %v %v", p, info, err)
			}
			if got := sha256Hex(f.Data); got != want && got != lower(want) {
				t.Fatalf("%s: checksum %s, listed %s", p, got, want)
			}
		}
		again, err := writeZip(c.raw, c.sig, c.files, m)
		if err != nil {
			t.Fatal(err)
		}
		c2, err := readZip(again, lim)
		if err != nil {
			t.Fatalf("accepted, rewritten, refused: %v", err)
		}
		if string(c2.raw) != string(c.raw) || len(c2.files) != len(c.files) {
			t.Fatal("rewritten bundle differs")
		}
	})
}

func lower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'F' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
