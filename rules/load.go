package rules

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/tonggao/tonggao/division"
	"github.com/tonggao/tonggao/internal/fsread"
	"github.com/tonggao/tonggao/rules/cond"
)

// MaxFacts bounds the fact schema, so that a query's given facts fit one
// 64-bit set.
const MaxFacts = 64

// FactsFile and NoticesDir name the parts of a rule directory the loader
// reads, with DivisionsFile. Anything else in a directory (vocabulary/,
// layers.yaml, …) is left to the packages that read it, through Set.Roots.
const (
	FactsFile  = "facts.yaml"
	NoticesDir = "notices"
	casesExt   = ".cases.yaml"
)

// Root is one rule directory.
type Root struct {
	// Name is how errors and receipts name the directory: the path as the
	// user gave it ("rules", "/srv/rules/changsha"), "embedded", or ""
	// to name files alone.
	Name string
	FS   fs.FS
	// Decoded, if set, is the directory's files already decoded (a
	// bundle's snapshot): its facts.yaml and notice files are taken from
	// it, each entry only for the bytes it was decoded from, and a file
	// without its entry fails the load. YAML is not parsed.
	Decoded *Decoded
}

// Limits bound what a load reads and parses, so that a hostile or broken
// directory is refused with the file that goes over, quickly, instead of
// hanging or exhausting memory. A zero field means its default (see
// DefaultLimits and docs/rules.md).
type Limits struct {
	// MaxFileBytes bounds one file.
	MaxFileBytes int64
	// MaxTotalBytes bounds every file of every root, together.
	MaxTotalBytes int64
	// MaxDirEntries bounds one directory listing (notices/).
	MaxDirEntries int
	// MaxDepth bounds how deep YAML collections nest (block and flow).
	MaxDepth int
	// MaxNodes bounds one file's YAML values with aliases expanded.
	MaxNodes int
	// MaxKeys bounds the keys of one YAML block mapping.
	MaxKeys int
	// Timeout bounds the whole load when its context has no deadline.
	Timeout time.Duration
}

// DefaultLimits are the limits a zero Limits stands for. The shipped rule
// files are at most 40 KB each and 260 KB together; parsing the worst
// 512 KiB YAML file (a million brackets or anchors) takes about 2 s on one
// core.
func DefaultLimits() Limits {
	return Limits{
		MaxFileBytes:  512 << 10,
		MaxTotalBytes: 32 << 20,
		MaxDirEntries: 10_000,
		MaxDepth:      64,
		MaxNodes:      200_000,
		MaxKeys:       1_000,
		Timeout:       30 * time.Second,
	}
}

func (l Limits) withDefaults() Limits {
	d := DefaultLimits()
	if l.MaxFileBytes <= 0 {
		l.MaxFileBytes = d.MaxFileBytes
	}
	if l.MaxTotalBytes <= 0 {
		l.MaxTotalBytes = d.MaxTotalBytes
	}
	if l.MaxDirEntries <= 0 {
		l.MaxDirEntries = d.MaxDirEntries
	}
	if l.MaxDepth <= 0 {
		l.MaxDepth = d.MaxDepth
	}
	if l.MaxNodes <= 0 {
		l.MaxNodes = d.MaxNodes
	}
	if l.MaxKeys <= 0 {
		l.MaxKeys = d.MaxKeys
	}
	if l.Timeout <= 0 {
		l.Timeout = d.Timeout
	}
	return l
}

// Error is one problem in a rule file. File is the file's path as the
// user knows it: its root's name joined with its name in the root.
type Error struct {
	File string
	Pos  Pos
	Msg  string
}

func (e *Error) Error() string {
	switch {
	case e.Pos.Line == 0:
		return fmt.Sprintf("%s: %s", e.File, e.Msg)
	case e.Pos.Col == 0:
		return fmt.Sprintf("%s:%d: %s", e.File, e.Pos.Line, e.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Pos.Line, e.Pos.Col, e.Msg)
}

// YAMLError is a YAML decoding error of file as an Error at the position
// the decoder gives, for the other packages that read YAML beside the rules
// (vocabulary, notice texts).
func YAMLError(file string, err error) *Error { return yamlError(file, err) }

// ErrorList is every problem found in a load, sorted by file and position.
type ErrorList []*Error

func (l ErrorList) Error() string {
	msgs := make([]string, len(l))
	for i, e := range l {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "\n")
}

func (l ErrorList) sorted() ErrorList {
	sort.SliceStable(l, func(i, j int) bool {
		if l[i].File != l[j].File {
			return l[i].File < l[j].File
		}
		if l[i].Pos.Line != l[j].Pos.Line {
			return l[i].Pos.Line < l[j].Pos.Line
		}
		return l[i].Pos.Col < l[j].Pos.Col
	})
	return l
}

// Load reads one rule directory — facts.yaml and notices/*.yaml (not
// *.cases.yaml) — with the default limits, validates everything and
// compiles every condition. All problems are reported at once as an
// ErrorList.
func Load(fsys fs.FS) (*Set, error) {
	return LoadRoots(context.Background(), []Root{{FS: fsys}}, Limits{})
}

// LoadRoots loads several rule directories into one set: a county's rules
// beside another's, or a local addition beside the embedded set. Each
// root may hold facts.yaml, notices/ or both. What two roots both declare
// must agree (see docs/rules.md, "Several rule directories"): a fact or an
// activity declared in two roots is one fact or activity when the two
// declarations say the same, and a load error naming both files when they
// differ; a notice may be encoded only once. ctx bounds the load (without
// a deadline, Limits.Timeout does).
func LoadRoots(ctx context.Context, roots []Root, lim Limits) (*Set, error) {
	if len(roots) == 0 {
		return nil, errors.New("rules: no rule directory to load")
	}
	return newLoader(lim.withDefaults()).loadRoots(ctx, roots)
}

// loadRoots is LoadRoots with a loader made for it.
func (l *loader) loadRoots(ctx context.Context, roots []Root) (*Set, error) {
	lim := l.lim
	if l.trustLinked {
		if srcs, digest, ok := linkedSources(ctx, roots, lim); ok {
			l.set.Roots = append([]Root(nil), roots...)
			l.set.Digest = digest
			l.linked = true
			if err := l.load(srcs); err != nil {
				return nil, err
			}
			return l.set, nil
		}
	}
	if _, ok := ctx.Deadline(); !ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, lim.Timeout)
		defer cancel()
	}
	l.set.Roots = append([]Root(nil), roots...)
	h := sha256.New()
	var srcs []source
	remaining := lim.MaxTotalBytes
	for i, root := range roots {
		r := fsread.New(ctx, root.FS, root.Name, fsread.Limits{MaxFileBytes: lim.MaxFileBytes, MaxTotalBytes: remaining, MaxDirEntries: lim.MaxDirEntries})
		if i > 0 {
			// One root hashes as it always did; each further root is
			// marked, so that moving a file between roots changes the
			// digest.
			fmt.Fprintf(h, "\x00root %d\x00", i)
		}
		got, err := readRoot(r, i, h)
		if err != nil {
			return nil, err
		}
		srcs = append(srcs, got...)
		remaining -= r.Total()
	}
	l.set.Digest = "sha256:" + hex.EncodeToString(h.Sum(nil))
	if err := l.load(srcs); err != nil {
		return nil, err
	}
	return l.set, nil
}

// source is one file read: its root, its name in the root, its path as
// errors give it.
type source struct {
	root       int
	name, path string
	data       []byte
	// snap, if set, is the file decoded, and divisions divisions.csv's
	// rows, without their bytes (data is nil): the embedded files taken as
	// linked (linkedSources).
	snap      *snapshotFile
	divisions []division.Division
}

// readRoot reads facts.yaml (if any) and the notice files of one root,
// adding each to the digest.
func readRoot(r *fsread.Reader, root int, h hash.Hash) ([]source, error) {
	hasFacts, err := r.Exists(FactsFile)
	if err != nil {
		return nil, readErr(err)
	}
	hasNotices, err := r.Exists(NoticesDir)
	if err != nil {
		return nil, readErr(err)
	}
	if !hasFacts && !hasNotices {
		name := r.Name()
		if name == "" {
			name = "the rule directory"
		}
		return nil, fmt.Errorf("rules: %s holds neither %s nor %s/", name, FactsFile, NoticesDir)
	}
	var names []string
	if hasFacts {
		names = append(names, FactsFile)
	}
	hasDivisions, err := r.Exists(DivisionsFile)
	if err != nil {
		return nil, readErr(err)
	}
	if hasDivisions {
		names = append(names, DivisionsFile)
	}
	if hasNotices {
		more, err := noticeFiles(r)
		if err != nil {
			return nil, err
		}
		names = append(names, more...)
	}
	var out []source
	var errs ErrorList
	for _, name := range names {
		data, err := r.ReadFile(name)
		if err != nil {
			var fe *fsread.Error
			if errors.As(err, &fe) && !errors.Is(err, context.Canceled) && !errors.Is(err, context.DeadlineExceeded) && !errors.Is(err, fsread.ErrTotalTooLarge) {
				// One bad file: say so and read the others, to report
				// every problem at once.
				errs = append(errs, &Error{File: fe.Path, Msg: fe.Err.Error()})
				continue
			}
			return nil, readErr(err)
		}
		fmt.Fprintf(h, "%s\x00%d\x00", name, len(data))
		h.Write(data)
		out = append(out, source{root: root, name: name, path: r.Path(name), data: data})
	}
	if len(errs) > 0 {
		return nil, errs.sorted()
	}
	return out, nil
}

// readErr reports a file the load could not read, naming it.
func readErr(err error) error {
	var fe *fsread.Error
	if errors.As(err, &fe) {
		return ErrorList{{File: fe.Path, Msg: fe.Err.Error()}}
	}
	return fmt.Errorf("rules: %w", err)
}

// NoticeFiles lists the notice files of a rule directory, sorted.
func NoticeFiles(fsys fs.FS) ([]string, error) {
	return noticeFiles(fsread.New(context.Background(), fsys, "", fsread.Limits{}))
}

func noticeFiles(r *fsread.Reader) ([]string, error) {
	entries, err := r.ReadDir(NoticesDir)
	if err != nil {
		return nil, readErr(err)
	}
	var out []string
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() || !strings.HasSuffix(n, ".yaml") || strings.HasSuffix(n, casesExt) {
			continue
		}
		out = append(out, path.Join(NoticesDir, n))
	}
	return out, nil
}

type loader struct {
	set  *Set
	lim  Limits
	errs ErrorList
	// activityRoot and activityParent remember, per activity, the root
	// that declared it and its parent as written, to tell an identical
	// declaration in another root from a different one.
	activityRoot   map[*Activity]int
	activityParent map[*Activity]Str
	// declared lists, per notice file, the activities it declares (new or
	// the same as another root's).
	declared map[string][]*Activity
	factRoot map[*Fact]int
	// placed counts the notices that give applies_in (see checkAppliesIn).
	placed int
	// parsed gives a condition's tree if the snapshot holds it
	// (snapshotTree); conditions, when not nil, records every condition
	// compiled (go generate uses both, as do the tests).
	parsed     func(src string) *cond.Tree
	conditions map[string]bool
	// trustLinked takes the embedded rule directory as linked
	// (linkedSources) when it is the only root: trustLinkedSnapshot, or a
	// test of that path.
	trustLinked bool
	// linked is set when every file is the embedded one the snapshot was
	// made from, taken as linked (linkedSources): the checks that only
	// find errors across notices (conflicts, implications) were run on
	// exactly these files by TestSnapshot and are not run again.
	linked bool
}

func newLoader(lim Limits) *loader {
	return &loader{
		set: &Set{factByName: map[string]*Fact{}, activityBy: map[string]*Activity{}, noticeBy: map[string]*Notice{}},
		lim: lim, activityRoot: map[*Activity]int{}, activityParent: map[*Activity]Str{},
		declared: map[string][]*Activity{}, factRoot: map[*Fact]int{}, parsed: snapshotTree, trustLinked: trustLinkedSnapshot,
	}
}

func (l *loader) errorf(file string, p Pos, format string, args ...any) {
	l.errs = append(l.errs, &Error{File: file, Pos: p, Msg: fmt.Sprintf(format, args...)})
}

// load parses and checks the files read.
func (l *loader) load(srcs []source) error {
	var facts, notices []source
	for _, s := range srcs {
		switch s.name {
		case FactsFile:
			facts = append(facts, s)
		case DivisionsFile:
			// Every root's divisions, merged, before the facts: a fact
			// may take its values from them.
			var t *division.Table
			var err error
			if s.divisions != nil {
				rows := slices.Clone(s.divisions)
				for i := range rows {
					rows[i].File = s.path
				}
				t, err = division.NewTable(rows)
			} else {
				t, err = division.ParseTable(s.data, s.path)
			}
			if err == nil {
				t, err = division.Merge(l.set.Divisions, t)
			}
			if err != nil {
				return fmt.Errorf("rules: %w", err)
			}
			l.set.Divisions = t
		default:
			notices = append(notices, s)
		}
	}
	var imps []implicationSource
	for _, s := range facts {
		imps = append(imps, l.loadFacts(s)...)
	}
	if len(l.set.Facts) > MaxFacts {
		l.errorf(facts[len(facts)-1].path, Pos{}, "%d facts declared; at most %d are supported", len(l.set.Facts), MaxFacts)
	}
	l.loadImplications(imps)
	l.loadConsecutive()
	specs := make([]*FileSpec, len(notices))
	for i, s := range notices {
		specs[i] = l.parseNotice(s)
	}
	if len(l.errs) > 0 {
		// Structural errors make later checks noisy; report them first.
		return l.errs.sorted()
	}
	files := make([]string, len(notices))
	for i, s := range notices {
		files[i] = s.path
		l.declareActivities(s.path, s.root, specs[i])
	}
	l.linkActivities(files, specs)
	for i, spec := range specs {
		l.buildNotice(files[i], l.set.Roots[notices[i].root].Name, spec)
	}
	l.linkOverrides(files, specs)
	l.checkAppliesIn()
	if len(l.errs) == 0 && !l.linked {
		l.checkConflicts()
		l.checkImplies()
	}
	if len(l.errs) > 0 {
		return l.errs.sorted()
	}
	return nil
}
