package records

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strconv"
	"strings"
	"testing/fstest"
	"time"

	"github.com/tonggao/tonggao/rules"
)

// Bounds of a rule set snapshot: far above a county's rules (the embedded
// base is under 2 MiB), well below what would hurt a database row.
const (
	maxArchiveBytes = 64 << 20
	maxArchiveFiles = 20000
)

// Snapshot reads every regular file of the roots into memory and returns
// roots over those bytes, to load the engine from, and their archive, to
// keep under the loaded rule set's digest: the rules kept are exactly the
// rules that answered, even if a directory changes meanwhile.
func Snapshot(roots []rules.Root) ([]rules.Root, []byte, error) {
	out := make([]rules.Root, len(roots))
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	var names []string
	total, files := 0, 0
	for i, root := range roots {
		m := fstest.MapFS{}
		err := fs.WalkDir(root.FS, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.Type().IsRegular() {
				return nil
			}
			b, err := fs.ReadFile(root.FS, p)
			if err != nil {
				return err
			}
			if total += len(b); total > maxArchiveBytes {
				return fmt.Errorf("more than %d MiB of files", maxArchiveBytes>>20)
			}
			if files++; files > maxArchiveFiles {
				return fmt.Errorf("more than %d files", maxArchiveFiles)
			}
			m[p] = &fstest.MapFile{Data: b, Mode: 0o444}
			w, err := zw.CreateHeader(&zip.FileHeader{Name: "roots/" + strconv.Itoa(i) + "/" + p, Method: zip.Deflate, Modified: time.Unix(0, 0).UTC()})
			if err != nil {
				return err
			}
			_, err = w.Write(b)
			return err
		})
		if err != nil {
			return nil, nil, fmt.Errorf("records: snapshot of rule directory %s: %w", root.Name, err)
		}
		out[i] = rules.Root{Name: root.Name, FS: m}
		names = append(names, root.Name)
	}
	idx, _ := json.Marshal(names)
	w, err := zw.CreateHeader(&zip.FileHeader{Name: "roots.json", Method: zip.Store, Modified: time.Unix(0, 0).UTC()})
	if err == nil {
		_, err = w.Write(idx)
	}
	if err == nil {
		err = zw.Close()
	}
	if err != nil {
		return nil, nil, fmt.Errorf("records: snapshot: %w", err)
	}
	return out, buf.Bytes(), nil
}

// Unarchive returns the roots an archive (Snapshot) holds.
func Unarchive(archive []byte) ([]rules.Root, error) {
	zr, err := zip.NewReader(bytes.NewReader(archive), int64(len(archive)))
	if err != nil {
		return nil, fmt.Errorf("records: rule set archive: %w", err)
	}
	var names []string
	total := 0
	maps := map[int]fstest.MapFS{}
	for _, f := range zr.File {
		if f.UncompressedSize64 > maxArchiveBytes || total+int(f.UncompressedSize64) > maxArchiveBytes {
			return nil, errors.New("records: rule set archive too large")
		}
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("records: rule set archive %s: %w", f.Name, err)
		}
		b, err := io.ReadAll(io.LimitReader(rc, maxArchiveBytes+1))
		rc.Close()
		if err != nil {
			return nil, fmt.Errorf("records: rule set archive %s: %w", f.Name, err)
		}
		total += len(b)
		if f.Name == "roots.json" {
			if err := json.Unmarshal(b, &names); err != nil {
				return nil, fmt.Errorf("records: rule set archive roots.json: %w", err)
			}
			continue
		}
		rest, ok := strings.CutPrefix(f.Name, "roots/")
		num, p, ok2 := strings.Cut(rest, "/")
		i, err := strconv.Atoi(num)
		if !ok || !ok2 || err != nil || i < 0 || i > 1000 || !fs.ValidPath(p) || path.Clean(p) != p {
			return nil, fmt.Errorf("records: rule set archive: unexpected entry %q", f.Name)
		}
		if maps[i] == nil {
			maps[i] = fstest.MapFS{}
		}
		maps[i][p] = &fstest.MapFile{Data: b, Mode: 0o444}
	}
	out := make([]rules.Root, len(names))
	for i, n := range names {
		m := maps[i]
		if m == nil {
			m = fstest.MapFS{}
		}
		out[i] = rules.Root{Name: n, FS: m}
	}
	if len(out) == 0 {
		return nil, errors.New("records: rule set archive names no root")
	}
	return out, nil
}
