// Package golit writes a Go value as Go source: a composite literal that
// evaluates to a value reflect.DeepEqual to it. The generated snapshots of
// decoded YAML (the hotline's vocabulary and grammar) are written with it,
// so that a process reads them without parsing YAML.
//
// It writes what decoded YAML holds: structs (named or not), pointers,
// slices, arrays, maps, strings, booleans, integers and floats. A nil slice or map
// stays nil and an empty one empty; a zero field is left out. Anything
// else (interfaces, channels, functions, an unexported field that is not
// zero, NaN) is an error.
package golit

import (
	"bytes"
	"cmp"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
)

// Writer writes literals for code in package pkg (its import path): types
// of that package are written unqualified, others by their package name,
// which the generated file must import.
type Writer struct {
	pkg string
	err error
}

// New returns a Writer for code in the package with import path pkg.
func New(pkg string) *Writer { return &Writer{pkg: pkg} }

// Literal returns v as a Go expression of v's type.
func (w *Writer) Literal(v any) (string, error) {
	var b bytes.Buffer
	w.err = nil
	w.value(&b, reflect.ValueOf(v), false)
	return b.String(), w.err
}

// Type returns t as written in Go source of the Writer's package.
func (w *Writer) Type(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Pointer:
		return "*" + w.Type(t.Elem())
	case reflect.Slice:
		return "[]" + w.Type(t.Elem())
	case reflect.Array:
		return "[" + strconv.Itoa(t.Len()) + "]" + w.Type(t.Elem())
	case reflect.Map:
		return "map[" + w.Type(t.Key()) + "]" + w.Type(t.Elem())
	}
	if t.Name() != "" {
		if t.PkgPath() == "" || t.PkgPath() == w.pkg {
			return t.Name()
		}
		return t.String() // pkgname.Name
	}
	if t.Kind() != reflect.Struct {
		w.fail("golit: unnamed type %s", t)
		return t.String()
	}
	var b strings.Builder
	b.WriteString("struct {")
	for i := range t.NumField() {
		f := t.Field(i)
		if i > 0 {
			b.WriteString(";")
		}
		b.WriteString(" ")
		if !f.Anonymous {
			b.WriteString(f.Name + " ")
		}
		b.WriteString(w.Type(f.Type))
		if f.Tag != "" {
			b.WriteString(" " + strconv.Quote(string(f.Tag)))
		}
	}
	b.WriteString(" }")
	return b.String()
}

func (w *Writer) fail(format string, args ...any) {
	if w.err == nil {
		w.err = fmt.Errorf(format, args...)
	}
}

// value writes v; elide leaves out a composite's type (an element of a
// slice or map literal, where Go allows it — a pointer's & as well).
func (w *Writer) value(b *bytes.Buffer, v reflect.Value, elide bool) {
	t := v.Type()
	switch t.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			b.WriteString("nil")
			return
		}
		if t.Elem().Kind() != reflect.Struct {
			w.fail("golit: pointer to %s", t.Elem())
			return
		}
		if !elide {
			b.WriteString("&")
		}
		w.value(b, v.Elem(), elide)
	case reflect.Struct:
		if !elide {
			b.WriteString(w.Type(t))
		}
		b.WriteString("{")
		n := 0
		for i := range t.NumField() {
			f := t.Field(i)
			if v.Field(i).IsZero() {
				continue
			}
			if !f.IsExported() {
				w.fail("golit: unexported field %s.%s is set", t, f.Name)
				return
			}
			if n > 0 {
				b.WriteString(", ")
			}
			n++
			b.WriteString(f.Name + ": ")
			w.value(b, v.Field(i), false)
		}
		b.WriteString("}")
	case reflect.Slice, reflect.Array:
		if t.Kind() == reflect.Slice && v.IsNil() {
			b.WriteString("nil")
			return
		}
		if !elide {
			b.WriteString(w.Type(t))
		}
		b.WriteString("{")
		for i := range v.Len() {
			if i > 0 {
				b.WriteString(", ")
			}
			w.value(b, v.Index(i), true)
		}
		b.WriteString("}")
	case reflect.Map:
		if v.IsNil() {
			b.WriteString("nil")
			return
		}
		if !elide {
			b.WriteString(w.Type(t))
		}
		b.WriteString("{")
		keys := v.MapKeys()
		slices.SortFunc(keys, func(a, c reflect.Value) int { return compareKeys(a, c) })
		for i, k := range keys {
			if i > 0 {
				b.WriteString(", ")
			}
			w.value(b, k, true)
			b.WriteString(": ")
			w.value(b, v.MapIndex(k), true)
		}
		b.WriteString("}")
	case reflect.String:
		w.typed(b, t, strconv.Quote(v.String()))
	case reflect.Bool:
		w.typed(b, t, strconv.FormatBool(v.Bool()))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		w.typed(b, t, strconv.FormatInt(v.Int(), 10))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		w.typed(b, t, strconv.FormatUint(v.Uint(), 10))
	case reflect.Float32, reflect.Float64:
		f := v.Float()
		if math.IsNaN(f) || math.IsInf(f, 0) {
			w.fail("golit: %v is no constant", f)
			return
		}
		s := strconv.FormatFloat(f, 'g', -1, t.Bits())
		if f == 0 && math.Signbit(f) {
			w.fail("golit: -0 is no constant")
		}
		w.typed(b, t, s)
	default:
		w.fail("golit: a %s", t)
	}
}

// typed writes a constant; one of a named type other than the builtin
// ones is converted, so that it has the type wherever it stands.
func (w *Writer) typed(b *bytes.Buffer, t reflect.Type, s string) {
	if t.PkgPath() != "" {
		b.WriteString(w.Type(t) + "(" + s + ")")
		return
	}
	b.WriteString(s)
}

func compareKeys(a, b reflect.Value) int {
	switch a.Kind() {
	case reflect.String:
		return strings.Compare(a.String(), b.String())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return cmp.Compare(a.Int(), b.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return cmp.Compare(a.Uint(), b.Uint())
	}
	return strings.Compare(fmt.Sprint(a), fmt.Sprint(b))
}
