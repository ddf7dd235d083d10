package rules

import (
	"context"
	"io/fs"
	"path"
	"strings"

	"github.com/tonggao/tonggao/internal/fsread"
)

// LoadCases reads every notices/*.cases.yaml of fsys.
func LoadCases(fsys fs.FS) ([]*CaseFile, error) {
	return LoadCasesRoots(context.Background(), []Root{{FS: fsys}}, Limits{})
}

// LoadCasesRoots reads every notices/*.cases.yaml of every root, within
// the same limits as LoadRoots. A case file's File is its path as errors
// give it.
func LoadCasesRoots(ctx context.Context, roots []Root, lim Limits) ([]*CaseFile, error) {
	lim = lim.withDefaults()
	if _, ok := ctx.Deadline(); !ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, lim.Timeout)
		defer cancel()
	}
	var (
		out  []*CaseFile
		errs ErrorList
	)
	remaining := lim.MaxTotalBytes
	for _, root := range roots {
		r := fsread.New(ctx, root.FS, root.Name, fsread.Limits{MaxFileBytes: lim.MaxFileBytes, MaxTotalBytes: remaining, MaxDirEntries: lim.MaxDirEntries})
		ok, err := r.Exists(NoticesDir)
		if err != nil {
			return nil, readErr(err)
		}
		if !ok {
			continue
		}
		entries, err := r.ReadDir(NoticesDir)
		if err != nil {
			return nil, readErr(err)
		}
		for _, e := range entries {
			if e.IsDir() || !strings.HasSuffix(e.Name(), casesExt) {
				continue
			}
			name := path.Join(NoticesDir, e.Name())
			data, err := r.ReadFile(name)
			if err != nil {
				return nil, readErr(err)
			}
			cf := &CaseFile{File: r.Path(name)}
			if err := decodeYAML(data, cf, lim); err != nil {
				errs = append(errs, yamlError(cf.File, err))
				continue
			}
			for _, c := range cf.Cases {
				if c.Name == "" || c.Activity == "" || c.Want == "" {
					errs = append(errs, &Error{File: cf.File, Pos: c.Pos, Msg: "a case needs name, activity and want"})
				}
			}
			out = append(out, cf)
		}
		remaining -= r.Total()
	}
	if len(errs) > 0 {
		return nil, errs.sorted()
	}
	return out, nil
}
