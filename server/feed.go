package server

import (
	"time"

	"github.com/tonggao/tonggao/engine"
)

// FeedHealth is the conditions feed serving, in /healthz and /readyz: its
// digest (every answer's receipt names it), where it comes from, when its
// newest daily row was issued and how old that is. Stale is true when that
// is more than a day: answers then say the day's values are missing
// rather than guess, and the operator should look at the publisher.
type FeedHealth struct {
	Digest     string `json:"digest"`
	Source     string `json:"source"`
	Rows       int    `json:"rows"`
	Issued     string `json:"issued,omitempty"`
	AgeSeconds int64  `json:"age_seconds,omitempty"`
	Stale      bool   `json:"stale"`
	LastError  string `json:"last_error,omitempty"`
}

func (s *Server) feedHealth(e *engine.Engine) *FeedHealth {
	x := e.Feed()
	if x == nil {
		return nil
	}
	f := x.Feed()
	fh := &FeedHealth{Digest: f.Digest(), Source: f.Source(), Rows: f.Len()}
	now := s.now()
	if t := x.DailyIssued(); !t.IsZero() {
		fh.Issued = t.Format(time.RFC3339)
		fh.AgeSeconds = int64(now.Sub(t) / time.Second)
		fh.Stale = x.Stale(now)
	}
	if s.feedError != nil {
		fh.LastError = bounded(s.feedError(), maxReloadMessage)
	}
	return fh
}
