package records

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/tonggao/tonggao/server"
)

// WriterOptions configure a Writer.
type WriterOptions struct {
	// Queue is how many records may wait to be written (default 8192);
	// past it a record is dropped and counted.
	Queue int
	// Batch is the most records one write takes (default 256).
	Batch int
	// Linger is how long the writer waits for more records before writing
	// a batch that is not full (default 50 ms): one write of many rows
	// costs the database far less than many writes of few.
	Linger time.Duration
	// KeepPhones keeps phone numbers in questions; by default they are
	// masked (MaskPhones) before anything is stored.
	KeepPhones bool
	// Retention, if positive, deletes records older than it, hourly.
	Retention time.Duration
	// Logger receives write failures; nil discards them.
	Logger *slog.Logger
}

// Writer queues records and writes them to a store in batches, on one
// goroutine of its own. Record never blocks: a full queue, or a failed
// write, drops records and counts them (tonggao_records_dropped_total).
type Writer struct {
	store appender
	opts  WriterOptions
	q     chan *server.Record
	done  chan struct{}
	stop  chan struct{}
	once  sync.Once
	arena []byte // the current batch's queries and outlines (run's)

	written prometheus.Counter
	dropped *prometheus.CounterVec
	full    prometheus.Counter // dropped{reason="queue_full"}, resolved once
	latency prometheus.Histogram
	depth   prometheus.GaugeFunc
}

// appender is what a writer needs of a store.
type appender interface {
	Append(ctx context.Context, es []Entry) error
	DeleteBefore(ctx context.Context, t time.Time) (int64, error)
}

// NewWriter starts a writer to store.
func NewWriter(store *Store, opts WriterOptions) *Writer { return newWriter(store, opts) }

func newWriter(store appender, opts WriterOptions) *Writer {
	if opts.Queue <= 0 {
		opts.Queue = 8192
	}
	if opts.Batch <= 0 {
		opts.Batch = 256
	}
	if opts.Linger <= 0 {
		opts.Linger = 50 * time.Millisecond
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	w := &Writer{store: store, opts: opts, q: make(chan *server.Record, opts.Queue), done: make(chan struct{}), stop: make(chan struct{})}
	w.written = prometheus.NewCounter(prometheus.CounterOpts{
		Name: "tonggao_records_written_total", Help: "Decision records written to the records database.",
	})
	w.dropped = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "tonggao_records_dropped_total", Help: "Decision records not written, by reason: queue_full (the database fell behind), write_error, encode_error.",
	}, []string{"reason"})
	w.full = w.dropped.WithLabelValues("queue_full")
	w.dropped.WithLabelValues("write_error")
	w.latency = prometheus.NewHistogram(prometheus.HistogramOpts{
		Name: "tonggao_records_write_seconds", Help: "Time to write one batch of decision records.",
		Buckets: []float64{.0001, .00025, .0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5},
	})
	w.depth = prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "tonggao_records_queue_depth", Help: "Decision records waiting to be written.",
	}, func() float64 { return float64(len(w.q)) })
	go w.run()
	return w
}

// Collectors are the writer's metrics, for the server's registry.
func (w *Writer) Collectors() []prometheus.Collector {
	return []prometheus.Collector{w.written, w.dropped, w.latency, w.depth}
}

// Record queues r, or drops it if the queue is full. The server does not
// change r or its decision after the call, so it is kept as it is and
// encoded on the writer's goroutine.
func (w *Writer) Record(r *server.Record) {
	select {
	case w.q <- r:
	default:
		w.full.Inc()
	}
}

// Close writes what is queued, waiting at most until ctx ends, and stops
// the writer. Records arriving after Close are dropped.
func (w *Writer) Close(ctx context.Context) error {
	w.once.Do(func() { close(w.stop) })
	select {
	case <-w.done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (w *Writer) run() {
	defer close(w.done)
	batch := make([]Entry, 0, w.opts.Batch)
	var tick <-chan time.Time
	if w.opts.Retention > 0 {
		t := time.NewTicker(time.Hour)
		defer t.Stop()
		tick = t.C
		w.expire()
	}
	for {
		select {
		case r := <-w.q:
			batch = w.add(batch, r)
			// Let the linger time pass, then take what came, up to a
			// batch. Sleeping rather than receiving each record as it
			// comes spares the scheduler a wake-up of this goroutine per
			// record: a send into the queue then wakes no one.
			if len(w.q) < w.opts.Batch-1 {
				linger := time.NewTimer(w.opts.Linger)
				select {
				case <-linger.C:
				case <-w.stop:
				}
				linger.Stop()
			}
		fill:
			for len(batch) < w.opts.Batch {
				select {
				case r := <-w.q:
					batch = w.add(batch, r)
				default:
					break fill
				}
			}
			batch = w.flush(batch)
		case <-tick:
			w.expire()
		case <-w.stop:
			for {
				select {
				case r := <-w.q:
					if batch = w.add(batch, r); len(batch) == w.opts.Batch {
						batch = w.flush(batch)
					}
				default:
					w.flush(batch)
					return
				}
			}
		}
	}
}

func (w *Writer) add(batch []Entry, r *server.Record) []Entry {
	if w.arena == nil {
		// A new one for each batch: the store may keep the entries' bytes.
		w.arena = make([]byte, 0, 512*w.opts.Batch)
	}
	e, err := entryIn(r, w.opts.KeepPhones, &w.arena)
	if err != nil {
		w.dropped.WithLabelValues("encode_error").Inc()
		w.opts.Logger.Error("decision record not encoded", "request_id", r.RequestID, "error", err.Error())
		return batch
	}
	return append(batch, e)
}

func (w *Writer) flush(batch []Entry) []Entry {
	if len(batch) == 0 {
		return batch
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	start := time.Now()
	err := w.store.Append(ctx, batch)
	w.latency.Observe(time.Since(start).Seconds())
	if err != nil {
		w.dropped.WithLabelValues("write_error").Add(float64(len(batch)))
		w.opts.Logger.Error("decision records not written", "records", len(batch), "first_request_id", batch[0].RequestID, "error", err.Error())
	} else {
		w.written.Add(float64(len(batch)))
	}
	clear(batch)
	w.arena = nil
	return batch[:0]
}

func (w *Writer) expire() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	n, err := w.store.DeleteBefore(ctx, time.Now().Add(-w.opts.Retention))
	if err != nil {
		w.opts.Logger.Error("decision records retention", "error", err.Error())
	} else if n > 0 {
		w.opts.Logger.Info("decision records expired", "records", n, "retention", w.opts.Retention.String())
	}
}
