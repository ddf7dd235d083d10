// Package golit writes a Go value as Go source that builds a value
// reflect.DeepEqual to it. The generated snapshots of decoded YAML (the
// hotline's vocabulary, texts and grammar) are written with it, so that a
// process reads them without parsing YAML.
//
// It writes what decoded YAML holds: structs (named or not), pointers,
// slices, arrays, maps, strings, booleans, integers and floats. A nil
// slice or map stays nil and an empty one empty; a zero field is left
// out. Anything else (interfaces, channels, functions, an unexported field
// that is not zero, NaN) is an error.
//
// A struct type without a name is never written: a value holding one is
// built by statements that assign its fields one by one (Statements), so
// that the generated source still compiles when the type gains a field —
// the snapshot is then only stale, which its test says.
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

// Writer writes source for code in package pkg (its import path): types
// of that package are written unqualified, others by their package name,
// which the generated file must import.
type Writer struct {
	pkg   string
	err   error
	depth int
}

// New returns a Writer for code in the package with import path pkg.
func New(pkg string) *Writer { return &Writer{pkg: pkg} }

// Helpers is the source of the generic functions Statements' output
// calls, prefixed by prefix (once per package).
func Helpers(prefix string) string {
	return strings.NewReplacer("PFX", prefix).Replace(`
// PFXMake sets *s to a slice of n zero elements.
func PFXMake[S ~[]E, E any](s *S, n int) { *s = make(S, n) }

// PFXMakeMap sets *m to an empty map with room for n entries.
func PFXMakeMap[M ~map[K]V, K comparable, V any](m *M, n int) { *m = make(M, n) }

// PFXNew sets *p to a new zero value and returns it.
func PFXNew[T any](p **T) *T { *p = new(T); return *p }

// PFXZero is the zero value of m's values.
func PFXZero[M ~map[K]V, K comparable, V any](M) (v V) { return v }
`)
}

// Statements returns statements that set the variable named dst (of v's
// type, a struct, zero before them) to v; the helpers they call are
// Helpers(prefix)'s.
func (w *Writer) Statements(dst string, v any, prefix string) (string, error) {
	var b bytes.Buffer
	w.err, w.depth = nil, 0
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Struct {
		return "", fmt.Errorf("golit: %s is no struct", rv.Type())
	}
	w.assignStruct(&b, dst, rv, prefix)
	return b.String(), w.err
}

// literal reports whether values of t can be written as one literal: t
// holds no struct type without a name.
func literal(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Array:
		return literal(t.Elem())
	case reflect.Map:
		return literal(t.Key()) && literal(t.Elem())
	case reflect.Struct:
		if t.Name() == "" {
			return false
		}
		for i := range t.NumField() {
			if !literal(t.Field(i).Type) {
				return false
			}
		}
	}
	return true
}

// assignStruct writes statements setting the fields of dst (zero) to v's.
func (w *Writer) assignStruct(b *bytes.Buffer, dst string, v reflect.Value, prefix string) {
	t := v.Type()
	for i := range t.NumField() {
		f, fv := t.Field(i), v.Field(i)
		if fv.IsZero() {
			continue
		}
		if !f.IsExported() {
			w.fail("golit: unexported field %s.%s is set", t, f.Name)
			return
		}
		w.assign(b, dst+"."+f.Name, fv, prefix)
	}
}

// assign writes statements setting dst (zero) to v.
func (w *Writer) assign(b *bytes.Buffer, dst string, v reflect.Value, prefix string) {
	t := v.Type()
	if literal(t) {
		fmt.Fprintf(b, "%s = ", dst)
		w.value(b, v, false)
		b.WriteString("\n")
		return
	}
	w.depth++
	defer func() { w.depth-- }()
	x := "x" + strconv.Itoa(w.depth)
	switch t.Kind() {
	case reflect.Struct:
		w.assignStruct(b, dst, v, prefix)
	case reflect.Pointer:
		if v.IsNil() {
			return
		}
		fmt.Fprintf(b, "{\n%s := %sNew(&%s)\n", x, prefix, dst)
		w.assign(b, "(*"+x+")", v.Elem(), prefix)
		b.WriteString("}\n")
	case reflect.Slice:
		if v.IsNil() {
			return
		}
		fmt.Fprintf(b, "%sMake(&%s, %d)\n", prefix, dst, v.Len())
		fallthrough
	case reflect.Array:
		for i := range v.Len() {
			if v.Index(i).IsZero() {
				continue
			}
			fmt.Fprintf(b, "{\n%s := &%s[%d]\n", x, dst, i)
			w.assign(b, "(*"+x+")", v.Index(i), prefix)
			b.WriteString("}\n")
		}
	case reflect.Map:
		if v.IsNil() {
			return
		}
		fmt.Fprintf(b, "%sMakeMap(&%s, %d)\n", prefix, dst, v.Len())
		keys := v.MapKeys()
		slices.SortFunc(keys, compareKeys)
		for _, k := range keys {
			var key bytes.Buffer
			w.value(&key, k, false)
			fmt.Fprintf(b, "{\n%s := %sZero(%s)\n", x, prefix, dst)
			w.assign(b, x, v.MapIndex(k), prefix)
			fmt.Fprintf(b, "%s[%s] = %s\n}\n", dst, key.String(), x)
		}
	default:
		w.fail("golit: a %s", t)
	}
}

// Literal returns v as a Go expression of v's type; v's type must hold no
// struct type without a name.
func (w *Writer) Literal(v any) (string, error) {
	var b bytes.Buffer
	w.err = nil
	rv := reflect.ValueOf(v)
	if !literal(rv.Type()) {
		return "", fmt.Errorf("golit: %s holds a struct type without a name: use Statements", rv.Type())
	}
	w.value(&b, rv, false)
	return b.String(), w.err
}

// Type returns t, a type with a name or made of such, as written in Go
// source of the Writer's package.
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
	if t.Name() == "" {
		w.fail("golit: a type without a name: %s", t)
		return t.String()
	}
	if t.PkgPath() == "" || t.PkgPath() == w.pkg {
		return t.Name()
	}
	return t.String() // pkgname.Name
}

func (w *Writer) fail(format string, args ...any) {
	if w.err == nil {
		w.err = fmt.Errorf(format, args...)
	}
}

// value writes v as a literal; elide leaves out a composite's type (an
// element of a slice, array or map literal, where Go allows it — a
// pointer's & as well).
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
		slices.SortFunc(keys, compareKeys)
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
		if math.IsNaN(f) || math.IsInf(f, 0) || f == 0 && math.Signbit(f) {
			w.fail("golit: %v is no constant", f)
			return
		}
		w.typed(b, t, strconv.FormatFloat(f, 'g', -1, t.Bits()))
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
