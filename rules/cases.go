package rules

import (
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/goccy/go-yaml/ast"
)

// CaseFile is a notice's declarative test cases: notices/NAME.cases.yaml
// beside notices/NAME.yaml.
type CaseFile struct {
	File   string
	Notice string     `yaml:"notice"`
	Cases  []CaseSpec `yaml:"cases"`
}

// CaseSpec is one case: a query and what the decision must say.
type CaseSpec struct {
	Pos      Pos            `yaml:"-"`
	Name     string         `yaml:"name"`
	Activity string         `yaml:"activity"`
	At       Str            `yaml:"at"`
	Facts    map[string]any `yaml:"facts"`
	Want     string         `yaml:"want"`
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
	entries, err := fs.ReadDir(fsys, NoticesDir)
	if err != nil {
		return nil, fmt.Errorf("rules: %w", err)
	}
	var (
		out  []*CaseFile
		errs ErrorList
	)
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), casesExt) {
			continue
		}
		name := path.Join(NoticesDir, e.Name())
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("rules: %w", err)
		}
		cf := &CaseFile{File: name}
		if err := decodeFile(data, cf); err != nil {
			l := &loader{}
			l.yamlErr(name, err)
			errs = append(errs, l.errs...)
			continue
		}
		for _, c := range cf.Cases {
			if c.Name == "" || c.Activity == "" || c.Want == "" {
				errs = append(errs, &Error{File: name, Pos: c.Pos, Msg: "a case needs name, activity and want"})
			}
		}
		out = append(out, cf)
	}
	if len(errs) > 0 {
		return nil, errs.sorted()
	}
	return out, nil
}
