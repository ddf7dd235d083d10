package rules

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/tonggao/tonggao/internal/fsread"
)

// Decoded is a rule directory's facts.yaml and notice files as the YAML
// decoder gives them, each with the SHA-256 of the bytes it was decoded
// from: the snapshot a bundle carries (package bundle, snapshot.json), so
// that a reader without a YAML decoder — the WebAssembly build — loads the
// same rules. A Root with Decoded is loaded from it alone: every facts.yaml
// and notice file must have its entry, decoded from exactly its bytes, or
// the load fails; conditions, windows and every check after decoding run
// as for YAML. Its JSON form is an object by file name
// ({"facts.yaml":{"sha256":…,"facts":…},"notices/x.yaml":{…,"notice":…}}).
type Decoded struct {
	files map[string]*snapshotFile
}

// decodedEntry is one file's JSON form.
type decodedEntry struct {
	SHA256 string         `json:"sha256"`
	Facts  *FactsFileSpec `json:"facts,omitempty"`
	Notice *FileSpec      `json:"notice,omitempty"`
}

// DecodeRoot decodes the facts.yaml and notice files of a rule directory
// from YAML, within lim, as a load would: the Decoded a bundle's builder
// writes and its reader compares with (Equal).
func DecodeRoot(ctx context.Context, root Root, lim Limits) (*Decoded, error) {
	lim = lim.withDefaults()
	r := fsread.New(ctx, root.FS, root.Name, fsread.Limits{MaxFileBytes: lim.MaxFileBytes, MaxTotalBytes: lim.MaxTotalBytes, MaxDirEntries: lim.MaxDirEntries})
	srcs, err := readRoot(r, 0, sha256.New())
	if err != nil {
		return nil, err
	}
	d := &Decoded{files: map[string]*snapshotFile{}}
	var errs ErrorList
	for _, s := range srcs {
		f := &snapshotFile{sum: sha256Hex(s.data)}
		switch s.name {
		case DivisionsFile:
			continue // CSV: read as it is
		case FactsFile:
			f.facts = &FactsFileSpec{}
			err = decodeYAML(s.data, f.facts, lim)
		default:
			f.notice = &FileSpec{}
			err = decodeYAML(s.data, f.notice, lim)
		}
		if err != nil {
			errs = append(errs, yamlError(s.path, err))
			continue
		}
		d.files[s.name] = f
	}
	if len(errs) > 0 {
		return nil, errs.sorted()
	}
	return d, nil
}

func sha256Hex(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// Names lists the files Decoded holds, sorted: facts.yaml and
// notices/NAME.yaml, as in the directory.
func (d *Decoded) Names() []string {
	out := make([]string, 0, len(d.files))
	for n := range d.files {
		out = append(out, n)
	}
	slices.Sort(out)
	return out
}

// SHA256 is the hex SHA-256 of the bytes a file was decoded from.
func (d *Decoded) SHA256(name string) (string, bool) {
	f, ok := d.files[name]
	if !ok {
		return "", false
	}
	return f.sum, true
}

// Equal reports whether d and o hold the same files decoded the same
// (positions included), from the same bytes; Diff names the first file
// that differs.
func (d *Decoded) Equal(o *Decoded) bool { return d.Diff(o) == "" }

// Diff is the first file, in name order, that d and o do not hold alike,
// or "".
func (d *Decoded) Diff(o *Decoded) string {
	names := d.Names()
	for _, n := range o.Names() {
		if _, ok := d.files[n]; !ok {
			names = append(names, n)
		}
	}
	slices.Sort(names)
	for _, n := range names {
		a, b := d.files[n], o.files[n]
		if a == nil || b == nil || a.sum != b.sum || !reflect.DeepEqual(a.facts, b.facts) || !reflect.DeepEqual(a.notice, b.notice) {
			return n
		}
	}
	return ""
}

// MarshalJSON writes the files by name, keys sorted.
func (d *Decoded) MarshalJSON() ([]byte, error) {
	m := make(map[string]decodedEntry, len(d.files))
	for n, f := range d.files {
		m[n] = decodedEntry{SHA256: f.sum, Facts: f.facts, Notice: f.notice}
	}
	return json.Marshal(m)
}

// UnmarshalJSON reads what MarshalJSON writes, refusing unknown keys, an
// entry that is not one facts.yaml or one notice file, and a checksum that
// is not 64 lower-case hex digits.
func (d *Decoded) UnmarshalJSON(b []byte) error {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		return err
	}
	d.files = make(map[string]*snapshotFile, len(m))
	for n, raw := range m {
		var e decodedEntry
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&e); err != nil {
			return fmt.Errorf("%s: %w", n, err)
		}
		if !isLowerHex64(e.SHA256) {
			return fmt.Errorf("%s: sha256 %.80q is not 64 lower-case hex digits", n, e.SHA256)
		}
		switch {
		case n == FactsFile && e.Facts != nil && e.Notice == nil:
		case isNoticeName(n) && e.Notice != nil && e.Facts == nil:
		default:
			return fmt.Errorf("%s: want %s with facts, or %s/NAME.yaml with notice", n, FactsFile, NoticesDir)
		}
		d.files[n] = &snapshotFile{sum: e.SHA256, facts: e.Facts, notice: e.Notice}
	}
	return nil
}

func isLowerHex64(s string) bool {
	if len(s) != 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// isNoticeName reports whether n names a notice file: notices/NAME.yaml,
// not a cases file.
func isNoticeName(n string) bool {
	file, ok := strings.CutPrefix(n, NoticesDir+"/")
	return ok && !strings.Contains(file, "/") && strings.HasSuffix(file, ".yaml") && file != ".yaml" && !strings.HasSuffix(file, casesExt)
}

// file is the entry of a root's Decoded for a file read from it, if
// it was decoded from exactly these bytes.
func (d *Decoded) file(name string, data []byte) *snapshotFile {
	f := d.files[name]
	if f == nil || f.sum != sha256Hex(data) {
		return nil
	}
	return f
}

// strJSON is Str's JSON form in a snapshot: every field, the block
// scalar's text as written included (error positions inside it need it).
type strJSON struct {
	Value   string `json:"v"`
	Line    int    `json:"l,omitempty"`
	Col     int    `json:"c,omitempty"`
	Quoted  bool   `json:"q,omitempty"`
	Block   byte   `json:"b,omitempty"`
	Raw     string `json:"r,omitempty"`
	RawLine int    `json:"rl,omitempty"`
}

// MarshalJSON writes a Str with its position (a snapshot's form).
func (s Str) MarshalJSON() ([]byte, error) {
	return json.Marshal(strJSON{Value: s.Value, Line: s.Pos.Line, Col: s.Pos.Col, Quoted: s.Quoted, Block: s.Block, Raw: s.raw, RawLine: s.rawLine})
}

// UnmarshalJSON reads what MarshalJSON writes.
func (s *Str) UnmarshalJSON(b []byte) error {
	var j strJSON
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&j); err != nil {
		return err
	}
	*s = Str{Value: j.Value, Pos: Pos{Line: j.Line, Col: j.Col}, Quoted: j.Quoted, Block: j.Block, raw: j.Raw, rawLine: j.RawLine}
	return nil
}
