package engine

import (
	"errors"
	"sync/atomic"
)

// Current holds the engine in use and lets a server or an app replace it
// while decisions are being made: each decision runs on exactly one engine
// (one rule-set digest), and a replacement that fails to build never
// displaces the one serving.
type Current struct {
	p atomic.Pointer[Engine]
}

// NewCurrent starts with e.
func NewCurrent(e *Engine) *Current {
	c := &Current{}
	c.p.Store(e)
	return c
}

// Engine returns the engine to use for one decision.
func (c *Current) Engine() *Engine { return c.p.Load() }

// Reload builds a new engine with build and swaps it in. On error the old
// engine keeps serving and the error is returned.
func (c *Current) Reload(build func() (*Engine, error)) (*Engine, error) {
	e, err := build()
	if err != nil {
		return c.p.Load(), err
	}
	if e == nil {
		return c.p.Load(), errors.New("engine: reload built no engine")
	}
	c.p.Store(e)
	return e, nil
}
