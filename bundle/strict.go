package bundle

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"unicode/utf8"
)

// decodeStrict unmarshals one JSON object into the struct *v as strictly
// as bundle.json and bundle.sig must be read: valid UTF-8, exactly one
// value, no key twice in any object, and at the top level only the
// struct's json names spelt exactly (encoding/json alone would accept
// "VERSION" for "version", the last of two "files" and invalid UTF-8
// turned into U+FFFD — any of which would let two readers of one manifest
// disagree). It uses encoding/json, which every build links anyway, so the
// WebAssembly build does not carry a second JSON package (docs/speed.md).
func decodeStrict(raw []byte, v any) error {
	if !utf8.Valid(raw) {
		return errors.New("not valid UTF-8")
	}
	names := jsonNames(reflect.TypeOf(v).Elem())
	dec := json.NewDecoder(bytes.NewReader(raw))
	if err := checkValue(dec, 0, names); err != nil {
		return err
	}
	if _, err := dec.Token(); err != io.EOF {
		return errors.New("data after the top-level value")
	}
	dec = json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}

// maxStrictDepth bounds the nesting decodeStrict accepts: bundle.json
// and bundle.sig are two levels deep.
const maxStrictDepth = 16

// checkValue reads one value from dec, refusing a key that repeats in its
// object and, at depth 0, a key not in names.
func checkValue(dec *json.Decoder, depth int, names map[string]bool) error {
	if depth > maxStrictDepth {
		return fmt.Errorf("nested more than %d deep", maxStrictDepth)
	}
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	if depth == 0 && tok != json.Delim('{') {
		return errors.New("not a JSON object")
	}
	switch tok {
	case json.Delim('{'):
		seen := map[string]bool{}
		for dec.More() {
			k, err := dec.Token()
			if err != nil {
				return err
			}
			key := k.(string) // the decoder only yields strings as keys
			if seen[key] {
				return fmt.Errorf("duplicate key %.40q", key)
			}
			seen[key] = true
			if depth == 0 && !names[key] {
				return fmt.Errorf("unknown key %.40q", key)
			}
			if err := checkValue(dec, depth+1, nil); err != nil {
				return err
			}
		}
		_, err = dec.Token() // '}'
		return err
	case json.Delim('['):
		for dec.More() {
			if err := checkValue(dec, depth+1, nil); err != nil {
				return err
			}
		}
		_, err = dec.Token() // ']'
		return err
	}
	return nil
}

// jsonNames are the json names of struct type t's fields.
func jsonNames(t reflect.Type) map[string]bool {
	names := map[string]bool{}
	for f := range t.Fields() {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" || !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		names[name] = true
	}
	return names
}
