package hotline

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"sync"
)

// MarshalAppend appends the answer's JSON to dst: byte for byte what
// encoding/json makes of it without HTML escaping (json.Encoder with
// SetEscapeHTML(false), less its newline), faster. encoding/json checks
// and compacts what a json.Marshaler returns, and a decision's JSON
// (engine.Decision.AppendJSON, 5–9 KB) is most of an answer's: that check
// was a quarter of a served /v1/ask. Here the decision's bytes are copied
// as its AppendJSON writes them (compact and valid: engine's
// TestAppendJSONIsEncodingJSON), the answers of a call that asked several
// are written the same way, and every other field goes through
// encoding/json as before (TestAnswerAppendJSON compares the two on every
// corpus question). Its error is encoding/json's, for what it cannot
// encode.
func (a *Answer) MarshalAppend(dst []byte) ([]byte, error) {
	if a == nil {
		return append(dst, "null"...), nil
	}
	plan := answerJSONPlan()
	av := reflect.ValueOf(a).Elem()
	buf := jsonBufs.Get().(*bytes.Buffer)
	defer jsonBufs.Put(buf)
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	dst = append(dst, '{')
	first := true
	sep := func() {
		if !first {
			dst = append(dst, ',')
		}
		first = false
	}
	for _, seg := range plan {
		switch {
		case seg.plain != nil:
			v := reflect.New(seg.plain).Elem()
			for k, i := range seg.fields {
				v.Field(k).Set(av.Field(i))
			}
			buf.Reset()
			if err := enc.Encode(v.Interface()); err != nil {
				return dst, err
			}
			body := bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
			body = body[1 : len(body)-1] // without its braces
			if len(body) > 0 {
				sep()
				dst = append(dst, body...)
			}
		case seg.name == "answers":
			if len(a.Answers) == 0 {
				continue // omitempty
			}
			sep()
			dst = append(dst, `"answers":[`...)
			for k, x := range a.Answers {
				if k > 0 {
					dst = append(dst, ',')
				}
				var err error
				if dst, err = x.MarshalAppend(dst); err != nil {
					return dst, err
				}
			}
			dst = append(dst, ']')
		case seg.name == "decision":
			sep()
			dst = append(dst, `"decision":`...)
			if a.Decision == nil {
				dst = append(dst, "null"...)
			} else {
				dst = a.Decision.AppendJSON(dst)
			}
		}
	}
	return append(dst, '}'), nil
}

var jsonBufs = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// answerSegment is a run of Answer's fields that encoding/json writes (a
// struct type of those fields alone, and their indices in Answer), or one
// that AppendJSON writes itself (name: its JSON key).
type answerSegment struct {
	plain  reflect.Type
	fields []int
	name   string
}

// answerJSONPlan cuts Answer's fields, in order, into segments: a field
// added to Answer is written by encoding/json with no change here.
var answerJSONPlan = sync.OnceValue(func() []answerSegment {
	t := reflect.TypeFor[Answer]()
	var out []answerSegment
	var run []reflect.StructField
	var idx []int
	flush := func() {
		if len(run) > 0 {
			out = append(out, answerSegment{plain: reflect.StructOf(run), fields: idx})
		}
		run, idx = nil, nil
	}
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue // never encoded (and reflect.StructOf takes none)
		}
		key, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if f.Name == "Answers" && key == "answers" || f.Name == "Decision" && key == "decision" {
			flush()
			out = append(out, answerSegment{name: key})
			continue
		}
		run = append(run, reflect.StructField{Name: f.Name, Type: f.Type, Tag: f.Tag})
		idx = append(idx, i)
	}
	flush()
	return out
})
