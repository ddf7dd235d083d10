package bundle

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"

	"github.com/tonggao/tonggao/feed"
	"github.com/tonggao/tonggao/internal/fsread"
	"github.com/tonggao/tonggao/rules"
)

// Source is what Build puts in a bundle.
type Source struct {
	Version string
	// Roots are rule directories in loading order. One root becomes rules/;
	// several become rules/<name>/ each (named after the root's last path
	// element) with the manifest's roots in the same order. Every regular
	// file of a root is taken (notices, facts, cases, vocabulary,
	// layers.yaml, divisions.csv, layer files it holds) except dot files.
	Roots []rules.Root
	// Layers, if set, is a directory of GeoJSON place layers (and perhaps
	// its own layers.yaml), copied to layers/.
	Layers fs.FS
	// Holidays, if set, is a directory of holiday-cn YYYY.json files,
	// copied to holidays/; the embedded ones are used otherwise.
	Holidays fs.FS
	// Register, if set, is the register of documents in force
	// (register.yaml), e.g. register.EmbeddedYAML().
	Register []byte
	// Conditions, if set, is a directory of conditions feed files (CSV or
	// JSON Lines, docs/feed.md), copied to conditions/: the latest feed,
	// for answers offline. The manifest names its digest and issue.
	Conditions fs.FS
}

// buildLimits bound what Build reads from the sources: the bundle's own
// default limits.
var buildLimits = fsread.Limits{MaxFileBytes: DefaultLimits().MaxFileBytes, MaxTotalBytes: DefaultLimits().MaxTotalBytes, MaxDirEntries: DefaultLimits().MaxEntries}

// Build writes a zipped bundle of src to w and returns its manifest. The
// bytes depend only on the files and the version (no timestamps), so the
// same sources give the same bundle and the same digest. The bundle
// carries its rules' snapshot (SnapshotFile), listed in the manifest.
func Build(ctx context.Context, w io.Writer, src Source) (Manifest, error) {
	if len(src.Roots) == 0 {
		return Manifest{}, errors.New("bundle: no rule directory to build from")
	}
	files := memFS{}
	var roots []string
	used := map[string]bool{}
	for i, r := range src.Roots {
		dir := RulesDir
		if len(src.Roots) > 1 {
			dir = RulesDir + "/" + rootName(r.Name, i, used)
			roots = append(roots, dir)
		}
		if err := copyTree(ctx, files, dir, r.FS, r.Name); err != nil {
			return Manifest{}, err
		}
	}
	if src.Layers != nil {
		if err := copyTree(ctx, files, LayersDir, src.Layers, LayersDir); err != nil {
			return Manifest{}, err
		}
	}
	if src.Holidays != nil {
		if err := copyTree(ctx, files, HolidaysDir, src.Holidays, HolidaysDir); err != nil {
			return Manifest{}, err
		}
	}
	if src.Register != nil {
		files[RegisterFile] = &memFile{Data: src.Register}
	}
	if src.Conditions != nil {
		if err := copyTree(ctx, files, ConditionsDir, src.Conditions, ConditionsDir); err != nil {
			return Manifest{}, err
		}
	}
	snapRoots := roots
	if len(snapRoots) == 0 {
		snapRoots = []string{RulesDir}
	}
	snap, err := makeSnapshot(ctx, files, snapRoots)
	if err != nil {
		return Manifest{}, err
	}
	files[SnapshotFile] = &memFile{Data: snap}
	return WriteZip(w, files, src.Version, roots...)
}

// rootName is a root's directory name in the bundle: its last path
// element made safe, unique among the bundle's roots.
func rootName(name string, i int, used map[string]bool) string {
	n := path.Base(strings.ReplaceAll(name, `\`, "/"))
	n = strings.Map(func(r rune) rune {
		if r == '/' || r == '\\' || r == ':' || r < ' ' {
			return '_'
		}
		return r
	}, n)
	if n == "" || n == "." || n == ".." || strings.HasPrefix(n, ".") {
		n = fmt.Sprintf("root%d", i+1)
	}
	for base, k := n, 2; used[n]; k++ {
		n = fmt.Sprintf("%s-%d", base, k)
	}
	used[n] = true
	return n
}

// copyTree copies the regular files of fsys (read as fsread reads: no
// pipes, devices or links out of it, bounded) under dir in files. Dot
// files and directories are left out.
func copyTree(ctx context.Context, files memFS, dir string, fsys fs.FS, name string) error {
	r := fsread.New(ctx, fsys, name, buildLimits)
	return fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != "." && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		data, err := r.ReadFile(p)
		if err != nil {
			return err
		}
		files[dir+"/"+p] = &memFile{Data: data}
		return nil
	})
}

// MakeManifest computes the manifest of the data files at the root of src
// (rules/, holidays/, layers/, conditions/, register.yaml); with
// conditions/, it reads the feed to name its digest and issue.
func MakeManifest(src fs.FS, version string, roots ...string) (Manifest, error) {
	if strings.TrimSpace(version) == "" {
		return Manifest{}, errors.New("bundle: a bundle needs a version")
	}
	m := Manifest{Version: version, Roots: roots, Files: map[string]string{}}
	r := fsread.New(context.Background(), src, "", buildLimits)
	for _, d := range []string{RulesDir, HolidaysDir, LayersDir, ConditionsDir} {
		if !hasDir(src, d) {
			continue
		}
		err := fs.WalkDir(src, d, func(p string, de fs.DirEntry, err error) error {
			if err != nil || de.IsDir() {
				return err
			}
			data, err := r.ReadFile(p)
			if err != nil {
				return err
			}
			m.Files[p] = sha256Hex(data)
			return nil
		})
		if err != nil {
			return Manifest{}, err
		}
	}
	for _, name := range []string{RegisterFile, SnapshotFile} {
		if ok, err := r.Exists(name); err != nil {
			return Manifest{}, err
		} else if ok {
			data, err := r.ReadFile(name)
			if err != nil {
				return Manifest{}, err
			}
			m.Files[name] = sha256Hex(data)
		}
	}
	if err := checkRoots(m); err != nil {
		return Manifest{}, err
	}
	if hasDir(src, ConditionsDir) {
		f, err := readFeed(context.Background(), src)
		if err != nil {
			return Manifest{}, err
		}
		m.Feed = &FeedInfo{Digest: f.Digest(), Issued: f.Issued().UTC(), Rows: f.Len()}
	}
	return m, nil
}

// readFeed reads the conditions feed in fsys's conditions/.
func readFeed(ctx context.Context, fsys fs.FS) (*feed.Feed, error) {
	sub, err := fs.Sub(fsys, ConditionsDir)
	if err != nil {
		return nil, err
	}
	return feed.ReadFS(ctx, sub, ".", ConditionsDir, feed.Limits{})
}

// WriteZip writes the data files at the root of src, with a fresh
// manifest, as a zipped bundle (unsigned). roots name the rule
// directories under rules/ when there are several.
func WriteZip(w io.Writer, src fs.FS, version string, roots ...string) (Manifest, error) {
	m, err := MakeManifest(src, version, roots...)
	if err != nil {
		return Manifest{}, err
	}
	raw, err := encodeManifest(m)
	if err != nil {
		return Manifest{}, err
	}
	data, err := writeZip(raw, nil, src, m)
	if err != nil {
		return Manifest{}, err
	}
	_, err = w.Write(data)
	return m, err
}

// writeZip writes the manifest, the signature if any, and the listed
// files of fsys, in that order, deflated, without timestamps.
func writeZip(raw, sig []byte, fsys fs.FS, m Manifest) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	add := func(name string, data []byte) error {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate})
		if err != nil {
			return err
		}
		_, err = f.Write(data)
		return err
	}
	if err := add(ManifestFile, raw); err != nil {
		return nil, err
	}
	if sig != nil {
		if err := add(SignatureFile, sig); err != nil {
			return nil, err
		}
	}
	for _, p := range slices.Sorted(maps.Keys(m.Files)) {
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return nil, err
		}
		if err := add(p, data); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
