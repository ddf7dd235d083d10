package engine

import (
	"errors"
	"fmt"

	"github.com/tonggao/tonggao/calendar"
)

// Errors a QueryError wraps: what a query lacks that the engine will not
// make up.
var (
	// ErrNoDate: the query sets neither At nor Day. The engine does not
	// default to today (a server's clock is the caller's business) nor to
	// the zero date.
	ErrNoDate = errors.New("no date: set At or Day (the zero Day, 0001-01-01, means none)")
	// ErrNoLayers: the query gives a point but the engine has no place
	// layers to derive its place facts from (see WithLayers). Ignoring
	// the point would decide as if the place did not matter.
	ErrNoLayers = errors.New("a point needs place layers, and the engine has none (WithLayers)")
)

// QueryError reports a query the engine refuses to decide: the field at
// fault and why (ErrNoDate, ErrNoLayers).
type QueryError struct {
	Field string // "At", "Point"
	Err   error
}

func (e *QueryError) Error() string { return fmt.Sprintf("engine: query %s: %v", e.Field, e.Err) }

func (e *QueryError) Unwrap() error { return e.Err }

// check refuses a query that lacks what the engine will not make up.
func (e *Engine) check(q *Query) error {
	if q.At.IsZero() && q.Day == (calendar.Date{}) {
		return &QueryError{Field: "At", Err: ErrNoDate}
	}
	if q.Point != nil && e.layers == nil {
		return &QueryError{Field: "Point", Err: ErrNoLayers}
	}
	return nil
}
