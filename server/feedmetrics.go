package server

import (
	"github.com/prometheus/client_golang/prometheus"
)

// servingCollector reports, at scrape time, what the serving rule set
// was built from beyond its digest: the conditions feed (when its newest
// daily row was issued, and whether that is stale) and the bundle
// revision. Read from the current snapshot, so nothing on the request
// path updates them; an absent feed or bundle exports no series.
type servingCollector struct {
	s                     *Server
	feedIssued, feedStale *prometheus.Desc
	bundle                *prometheus.Desc
}

func newServingCollector(s *Server) *servingCollector {
	return &servingCollector{
		s: s,
		feedIssued: prometheus.NewDesc("tonggao_conditions_feed_issued_timestamp_seconds",
			"When the serving conditions feed's newest daily row was issued (Unix time); its age is time() minus this. Absent without a feed.", nil, nil),
		feedStale: prometheus.NewDesc("tonggao_conditions_feed_stale",
			"1 when the serving conditions feed is older than its declared period (answers then treat the day's values as unknown), else 0. Absent without a feed.", nil, nil),
		bundle: prometheus.NewDesc("tonggao_bundle_info",
			"1 for the bundle revision serving (absent when the rules are not from a bundle); its activation time is tonggao_rule_set_loaded_timestamp_seconds.", []string{"revision"}, nil),
	}
}

func (c *servingCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- c.feedIssued
	ch <- c.feedStale
	ch <- c.bundle
}

func (c *servingCollector) Collect(ch chan<- prometheus.Metric) {
	cur := c.s.cur.Load()
	if cur == nil {
		return
	}
	e := cur.h.Engine()
	if v := e.Receipt().Bundle; v != "" {
		ch <- prometheus.MustNewConstMetric(c.bundle, prometheus.GaugeValue, 1, v)
	}
	x := e.Feed()
	if x == nil {
		return
	}
	if t := x.DailyIssued(); !t.IsZero() {
		ch <- prometheus.MustNewConstMetric(c.feedIssued, prometheus.GaugeValue, float64(t.UnixNano())/1e9)
	}
	stale := 0.0
	if x.Stale(c.s.now()) {
		stale = 1
	}
	ch <- prometheus.MustNewConstMetric(c.feedStale, prometheus.GaugeValue, stale)
}
