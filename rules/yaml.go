package rules

import (
	"errors"
	"unicode"

	"github.com/tonggao/tonggao/rules/cond"
)

// decode parses a rule file within the loader's limits (see
// internal/safeyaml: nesting, aliases, merge keys, tags, documents) and
// decodes it into v, refusing unknown keys.
func (l *loader) decode(data []byte, v any) error {
	return decodeYAML(data, v, l.lim)
}

// yamlErr turns a parser or decoder error into a positioned error.
func (l *loader) yamlErr(file string, err error) {
	l.errs = append(l.errs, yamlError(file, err))
}

func (l *loader) parseNotice(src source) *FileSpec {
	f, ok := l.decoded(src)
	if !ok {
		return nil
	}
	if f != nil && f.notice != nil {
		return f.notice
	}
	var spec FileSpec
	if err := l.decode(src.data, &spec); err != nil {
		l.yamlErr(src.path, err)
		return nil
	}
	return &spec
}

// decoded is a file's decoded form when it need not be parsed: the
// snapshot entry it was taken as (linkedSources), its root's Decoded
// entry (required when the root has Decoded: ok is false, with the error
// reported, when there is none for these bytes), or the embedded
// snapshot's, or nil to parse the YAML.
func (l *loader) decoded(src source) (f *snapshotFile, ok bool) {
	if src.snap != nil {
		return src.snap, true
	}
	if d := l.set.Roots[src.root].Decoded; d != nil {
		if f := d.file(src.name, src.data); f != nil {
			return f, true
		}
		l.errorf(src.path, Pos{}, "not in the rule directory's snapshot, or the snapshot was made from other bytes: rebuild it (tonggao bundle build)")
		return nil, false
	}
	return l.fromSnapshot(src.data), true
}

// condErr reports a condition that does not compile, at its column.
func (l *loader) condErr(file string, s Str, err error) {
	var ce *cond.Error
	if errors.As(err, &ce) {
		l.errorf(file, s.At(ce.Column-1), "%s", ce.Msg)
		return
	}
	l.errorf(file, s.Pos, "%v", err)
}

// At is the position of the character offset runes into the value: on
// the value's line for a plain or quoted scalar, and where it is written
// for a block scalar (| or >, whose lines are joined or indented).
func (s Str) At(offset int) Pos {
	if s.Block == 0 {
		p := s.Pos
		p.Col += max(offset, 0)
		if s.Quoted {
			p.Col++ // past the opening quote
		}
		return p
	}
	// A block scalar's value has the same characters as its text as
	// written, but for white space: find the written place of the value's
	// next character that is not white space.
	skip := 0
	for i, r := range []rune(s.Value) {
		if i >= offset {
			break
		}
		if !unicode.IsSpace(r) {
			skip++
		}
	}
	p := Pos{Line: s.rawLine + 1, Col: 1}
	for _, r := range s.raw {
		switch {
		case r == '\n':
			p.Line++
			p.Col = 1
			continue
		case unicode.IsSpace(r):
		case skip == 0:
			return p
		default:
			skip--
		}
		p.Col++
	}
	return Pos{Line: s.rawLine + 1}
}
