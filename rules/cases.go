package rules

import (
	"context"
	"io/fs"
	"path"
	"strings"

	"github.com/goccy/go-yaml/ast"

	"github.com/tonggao/tonggao/internal/fsread"
)

// CaseFile is a notice's declarative test cases: notices/NAME.cases.yaml
// beside notices/NAME.yaml.
type CaseFile struct {
	File string `yaml:"-"`
	// Notice is the notice's key: its number, or its id if it has none.
	Notice string     `yaml:"notice"`
	Cases  []CaseSpec `yaml:"cases"`
}

// CaseSpec is one case: a query and what the decision must say.
type CaseSpec struct {
	Pos      Pos    `yaml:"-"`
	Name     string `yaml:"name"`
	Activity string `yaml:"activity"`
	At       Str    `yaml:"at"`
	// Place is the division asked about (a code or a name). Without it, a
	// case is asked where its notice applies (its one applies_in).
	Place string         `yaml:"place"`
	Facts map[string]any `yaml:"facts"`
	Want  string         `yaml:"want"`
	// Rules must each appear among the reasons (by rule id; another
	// notice's rule as NUMBER#id).
	Rules []string `yaml:"rules"`
	// Articles must each be cited by some reason.
	Articles []string `yaml:"articles"`
	// Windows must each be among the reasons' windows.
	Windows []string `yaml:"windows"`
	// Unknown, when present, is the exact list of deciding unknown facts.
	Unknown *[]string `yaml:"unknown"`
	// NextChange, when present, is the exact next change ("none" for none).
	NextChange string `yaml:"next_change"`
	// Notes are note codes that must be present.
	Notes []string `yaml:"notes"`
	// Terms are rule term names that must be present.
	Terms []string `yaml:"terms"`
	// Penalties, when present, is the exact list of the decision's
	// penalties by id (another notice's as NUMBER#id), in any order.
	Penalties *[]string `yaml:"penalties"`
	// Quote is the words of the source that decide the case, as printed
	// ("……" marks an omission); a test checks them against the gazette.
	Quote string `yaml:"quote"`
}

func (c *CaseSpec) UnmarshalYAML(n ast.Node) error {
	type plain CaseSpec
	c.Pos = posOf(n)
	return decodeStrict(n, (*plain)(c))
}

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
