package calendar

import (
	"fmt"
	"io/fs"
	"sync"
)

// MinLunarYear and MaxLunarYear bound the Gregorian years for which lunar
// dates, solar terms, festivals and holiday projections are available: the
// span checked day by day against the Hong Kong Observatory's tables.
const (
	MinLunarYear = 1901
	MaxLunarYear = 2100
)

// Internally one more year is computed on each side, so that windows for the
// first and last supported years can look at their neighbours.
const (
	firstSlot = MinLunarYear - 1
	lastSlot  = MaxLunarYear + 1
)

// ErrLunarRange reports a year outside MinLunarYear..MaxLunarYear.
var ErrLunarRange = fmt.Errorf("lunar calendar and solar terms are supported for %d..%d", MinLunarYear, MaxLunarYear)

// Calendar holds precomputed lunar, solar-term and holiday tables. It is
// immutable after New (its per-year tables are filled once, on first use,
// behind a sync.Once each) and safe for concurrent use.
type Calendar struct {
	holidays *Holidays
	slots    [lastSlot - firstSlot + 1]yearSlot
}

// yearSlot holds the tables of one Gregorian year, computed on first use.
type yearSlot struct {
	once sync.Once
	tab  *yearTable
	err  error
}

// yearTable is everything the calendar needs about Gregorian year Y.
type yearTable struct {
	year  int
	terms [24]Date // 小寒 … 冬至 of Y
	// months are the lunar months of lunar years Y−1 and Y, from 正月 of
	// Y−1 through the last month of Y, so that every day of Y falls in one
	// of them and lunar year Y is whole. Sorted by start.
	months []lunarMonth
	// holidays are the statutory holiday blocks of notice year Y,
	// published or projected; nil before the first published year.
	holidays []HolidayBlock
}

type lunarMonth struct {
	start Date
	year  int // lunar year
	month int // 1..12
	leap  bool
	days  int // 29 or 30
}

// Option configures New.
type Option func(*Calendar) error

// WithHolidays uses the given holiday table instead of the embedded one.
func WithHolidays(h *Holidays) Option {
	return func(c *Calendar) error {
		if h == nil {
			return fmt.Errorf("calendar: nil holiday table")
		}
		c.holidays = h
		return nil
	}
}

// WithHolidayFS loads the holiday table from the holiday-cn files
// (YYYY.json) at the top of fsys, e.g. os.DirFS("../shared/data/holiday-cn").
func WithHolidayFS(fsys fs.FS) Option {
	return func(c *Calendar) error {
		h, err := LoadHolidays(fsys)
		if err != nil {
			return err
		}
		c.holidays = h
		return nil
	}
}

// New builds a calendar, by default with the embedded holiday arrangements.
// Each year's lunar and solar-term table is decoded from the generated
// tables on first use (a microsecond or so), so New itself is cheap.
func New(opts ...Option) (*Calendar, error) {
	c := &Calendar{}
	for _, opt := range opts {
		if err := opt(c); err != nil {
			return nil, fmt.Errorf("calendar: %w", err)
		}
	}
	if c.holidays == nil {
		h, err := EmbeddedHolidays()
		if err != nil {
			return nil, fmt.Errorf("calendar: %w", err)
		}
		c.holidays = h
	}
	return c, nil
}

// Holidays returns the holiday table in use.
func (c *Calendar) Holidays() *Holidays { return c.holidays }

// HolidayVersion names the holiday data in use, for decision receipts, e.g.
// "holiday-cn 2007–2026; 2027+ projected".
func (c *Calendar) HolidayVersion() string { return c.holidays.Version() }

// Precompute fills the tables of the Gregorian years from..to now rather
// than on first use, e.g. at start-up to keep the first queries fast.
func (c *Calendar) Precompute(from, to int) error {
	for y := max(from, MinLunarYear); y <= min(to, MaxLunarYear); y++ {
		if _, err := c.year(y); err != nil {
			return err
		}
	}
	return nil
}

// checkYear reports whether year y is within the supported lunar range.
func checkYear(y int) error {
	if y < MinLunarYear || y > MaxLunarYear {
		return fmt.Errorf("year %d: %w", y, ErrLunarRange)
	}
	return nil
}

// year returns the tables of Gregorian year y, which must be within
// firstSlot..lastSlot, computing them on first use.
func (c *Calendar) year(y int) (*yearTable, error) {
	if y < firstSlot || y > lastSlot {
		return nil, fmt.Errorf("year %d: %w", y, ErrLunarRange)
	}
	s := &c.slots[y-firstSlot]
	s.once.Do(func() {
		s.tab, s.err = decodeYear(y)
		if s.err == nil {
			s.tab.holidays, s.err = c.holidayBlocks(y, s.tab)
		}
	})
	return s.tab, s.err
}
