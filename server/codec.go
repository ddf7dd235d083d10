package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"

	"net"
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"sync"

	jsonv2 "github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
	"github.com/tonggao/tonggao/hotline"
)

// ErrorBody is the JSON of every error response.
type ErrorBody struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
	// Query is the parsed question, for /v1/ask errors after parsing.
	Query *hotline.Query `json:"query,omitempty"`
}

// jsonAppender is a value that writes its own JSON (engine.Decision: by
// hand, from bytes its decisions share), much faster than reflection.
type jsonAppender interface {
	AppendJSON(dst []byte) []byte
}

// jsonMarshalAppender is a value that writes its JSON as encoding/json
// would, faster (hotline.Answer: its decision's JSON is not checked again).
type jsonMarshalAppender interface {
	MarshalAppend(dst []byte) ([]byte, error)
}

// outPool holds response buffers.
var outPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// writeJSON answers v as JSON with a Content-Length, in one Write: the
// body is encoded into a pooled buffer first, so that net/http sends it
// whole instead of in chunks (fewer write system calls, which on loopback
// cost as much as the encoding), and on a public listener's connection the
// header and body go out in one write system call (oneWrite).
func writeJSON(w http.ResponseWriter, status int, v any) {
	buf := outPool.Get().(*bytes.Buffer)
	buf.Reset()
	defer func() {
		if buf.Cap() <= 256<<10 {
			outPool.Put(buf)
		}
	}()
	if a, ok := v.(jsonAppender); ok {
		b := a.AppendJSON(buf.AvailableBuffer())
		buf.Write(b)
		buf.WriteByte('\n')
	} else if a, ok := v.(jsonMarshalAppender); ok {
		b, err := a.MarshalAppend(buf.AvailableBuffer())
		if err != nil {
			status = http.StatusInternalServerError
			b = append(b[:0], `{"error":{"code":"internal","message":"the answer could not be encoded"}}`...)
		}
		buf.Write(b)
		buf.WriteByte('\n')
	} else {
		enc := json.NewEncoder(buf)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(v); err != nil {
			buf.Reset()
			status = http.StatusInternalServerError
			buf.WriteString(`{"error":{"code":"internal","message":"the answer could not be encoded"}}` + "\n")
		}
	}
	h := w.Header()
	h["Content-Type"] = jsonContentType
	h["Content-Length"] = []string{strconv.Itoa(buf.Len())}
	if sw, ok := w.(*statusWriter); ok {
		sw.writeWhole(status, buf.Bytes())
		return
	}
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

var jsonContentType = []string{"application/json; charset=utf-8"}

func writeError(w http.ResponseWriter, status int, code, msg string) {
	writeErrorQuery(w, status, code, msg, nil)
}

// maxMessage bounds an error message in runes: messages quote the input
// (an unknown activity, a bad date), and a 60 KB name must not come back
// as a 60 KB answer.
const maxMessage = 300

func writeErrorQuery(w http.ResponseWriter, status int, code, msg string, q *hotline.Query) {
	if r := []rune(msg); len(r) > maxMessage {
		msg = string(r[:maxMessage]) + "…"
	}
	var b ErrorBody
	b.Error.Code, b.Error.Message, b.Query = code, msg, q
	writeJSON(w, status, b)
}

// bodyPool holds request-body buffers: a body is read whole (it is
// bounded by MaxBody) and then decoded, which is cheaper than streaming.
var bodyPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// decodeOptions make request decoding strict: unknown fields, duplicate
// keys (two "facts" objects) and invalid UTF-8 are refused, and names
// match case-sensitively ("Activity" is not "activity").
var decodeOptions = jsonv2.JoinOptions(jsonv2.RejectUnknownMembers(true), jsontext.AllowDuplicateNames(false),
	jsontext.AllowInvalidUTF8(false), jsonv2.MatchCaseInsensitiveNames(false))

// decode reads one JSON object into v: 413 above the body limit, 408 when
// the body does not arrive in time, 400 for anything that is not exactly
// one object of the documented fields.
func decode(w http.ResponseWriter, r *http.Request, v any) bool {
	buf := bodyPool.Get().(*bytes.Buffer)
	buf.Reset()
	defer func() {
		if buf.Cap() <= 64<<10 {
			bodyPool.Put(buf)
		}
	}()
	if _, err := buf.ReadFrom(r.Body); err != nil {
		var tooBig *http.MaxBytesError
		var ne net.Error
		switch {
		case errors.As(err, &tooBig):
			writeError(w, http.StatusRequestEntityTooLarge, "body_too_large", fmt.Sprintf("request body over %d bytes", tooBig.Limit))
		case errors.As(err, &ne) && ne.Timeout():
			// Say what happened, not where: the error's text names the
			// server's and the client's socket addresses.
			writeError(w, http.StatusRequestTimeout, "request_timeout", "the request body did not arrive in time")
		default:
			writeError(w, http.StatusBadRequest, "bad_body", "the request body could not be read")
		}
		return false
	}
	if len(bytes.TrimSpace(buf.Bytes())) == 0 {
		writeError(w, http.StatusBadRequest, "bad_json", "empty body: send a JSON object")
		return false
	}
	if fd, ok := v.(fastDecoder); ok && fd.decodeFast(buf.Bytes()) {
		return true
	}
	if err := jsonv2.Unmarshal(buf.Bytes(), v, decodeOptions); err != nil {
		writeError(w, http.StatusBadRequest, "bad_json", "request body: "+describeJSONError(err))
		return false
	}
	return true
}

// describeJSONError says what is wrong with a request body in the API's
// terms — where (a JSON pointer) and what was wanted — without Go's type
// names.
func describeJSONError(err error) string {
	var se *jsonv2.SemanticError
	var sy *jsontext.SyntacticError
	switch {
	case errors.As(err, &se):
		at := ""
		if se.JSONPointer != "" {
			at = " at " + string(se.JSONPointer)
		}
		if errors.Is(se.Err, jsonv2.ErrUnknownName) {
			return "unknown field " + string(se.JSONPointer)
		}
		if se.Err != nil {
			return fmt.Sprintf("%s%s: %v", kindName(se.JSONKind), at, se.Err)
		}
		return fmt.Sprintf("want %s%s, got %s", want(se.GoType), at, kindName(se.JSONKind))
	case errors.As(err, &sy):
		msg := strings.TrimPrefix(sy.Error(), "jsontext: ")
		if strings.Contains(msg, "after top-level value") {
			return "one JSON object only (" + msg + ")"
		}
		return msg
	}
	return err.Error()
}

func want(t reflect.Type) string {
	if t == nil {
		return "a value"
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Struct, reflect.Map:
		return "an object"
	case reflect.Slice, reflect.Array:
		return "an array"
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Float32, reflect.Float64, reflect.Int, reflect.Int64, reflect.Int32:
		return "a number"
	}
	return "a value"
}

func kindName(k jsontext.Kind) string {
	switch k {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case '"':
		return "a string"
	case '0':
		return "a number"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "something else"
}
