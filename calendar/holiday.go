package calendar

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"
)

// The State Council's arrangements (国务院办公厅关于…部分节假日安排的通知)
// as published by the community project NateScarlet/holiday-cn (MIT, see
// holidays/LICENSE) are the files holidays/YYYY.json; `go generate
// ./calendar` compiles them into holidays_gen.go, the table New uses by
// default. WithHolidayFS reads a directory of such files at run time
// instead, so a new year's arrangement needs no code change.

// HolidayDay describes a day of a statutory holiday arrangement.
type HolidayDay struct {
	// Name is the holiday's canonical name: 国庆节, 春节, or a combined
	// block such as 国庆节、中秋节.
	Name string `json:"name"`
	// Off is true on a day off and false on a make-up working day (调休上班).
	Off bool `json:"off"`
	// Projected is true when the year's arrangement has not been
	// published and the day comes from the projection rule.
	Projected bool `json:"projected"`
}

// HolidayBlock is one festival's arrangement in one notice year.
type HolidayBlock struct {
	Name string
	// Year is the year of the notice; a 元旦 block can start in late
	// December of the year before.
	Year int
	// From and To bound the consecutive days off, including the weekend
	// days that the notice joins to them (与周末连休).
	From, To Date
	// Work lists the make-up working days, sorted.
	Work []Date
	// Projected is true for a year whose arrangement is not published.
	Projected bool
	kinds     holidayKinds
}

// holidayKinds is a set of the festivals a block is named after.
type holidayKinds uint8

const (
	kindNewYear holidayKinds = 1 << iota
	kindSpring
	kindQingming
	kindLabour
	kindDragonBoat
	kindMidAutumn
	kindNational
)

// holidayNames gives each kind its canonical name and the spellings that
// select it; a spelling is looked for inside the published name, so
// “五一”国际劳动节 is 劳动节 and 国庆节、中秋节 is both.
var holidayNames = []struct {
	kind      holidayKinds
	name      string
	spellings []string
}{
	{kindNewYear, "元旦", []string{"元旦"}},
	{kindSpring, "春节", []string{"春节", "春節"}},
	{kindQingming, "清明节", []string{"清明"}},
	{kindLabour, "劳动节", []string{"劳动", "勞動", "五一"}},
	{kindDragonBoat, "端午节", []string{"端午"}},
	{kindMidAutumn, "中秋节", []string{"中秋"}},
	{kindNational, "国庆节", []string{"国庆", "國慶", "十一"}},
}

// classifyHoliday returns the kinds named in s and its canonical name.
func classifyHoliday(s string) (holidayKinds, string) {
	type hit struct {
		at   int
		kind holidayKinds
		name string
	}
	var hits []hit
	for _, h := range holidayNames {
		for _, sp := range h.spellings {
			if i := strings.Index(s, sp); i >= 0 {
				hits = append(hits, hit{i, h.kind, h.name})
				break
			}
		}
	}
	if len(hits) == 0 {
		return 0, strings.Trim(s, "“”\"' ")
	}
	slices.SortFunc(hits, func(a, b hit) int { return a.at - b.at })
	var k holidayKinds
	names := make([]string, len(hits))
	for i, h := range hits {
		k |= h.kind
		names[i] = h.name
	}
	return k, strings.Join(names, "、")
}

// holidayKindOf matches a name given by a user (国庆, 国庆节, 国庆假期, 五一,
// 春節 …) to exactly one festival.
func holidayKindOf(name string) (holidayKinds, string, bool) {
	s := strings.TrimSpace(name)
	for _, suffix := range []string{"假期", "长假", "放假", "假"} {
		s = strings.TrimSuffix(s, suffix)
	}
	if s == "" {
		return 0, "", false
	}
	k, canon := classifyHoliday(s)
	if k == 0 || k&(k-1) != 0 {
		return 0, "", false
	}
	// Reject names with extra words around the spelling, such as 国庆后.
	for _, h := range holidayNames {
		if h.kind != k {
			continue
		}
		for _, sp := range h.spellings {
			if s == sp || s == sp+"节" || s == sp+"節" || s == h.name || (sp == "五一" && s == "五一劳动节") {
				return k, canon, true
			}
		}
	}
	return 0, "", false
}

// unknownHoliday explains why name matches no festival.
func unknownHoliday(name string) string {
	if k, canon := classifyHoliday(name); k != 0 && k&(k-1) != 0 {
		return fmt.Sprintf("holiday %q names more than one festival (%s): name one; a joint block such as 国庆节、中秋节 matches either", name, canon)
	}
	return fmt.Sprintf("unknown holiday %q%s", name, didYouMean(name, holidayCandidates()))
}

func holidayCandidates() []string {
	var c []string
	for _, h := range holidayNames {
		c = append(c, h.name)
		c = append(c, h.spellings...)
	}
	return c
}

// Holidays is a table of published holiday arrangements by notice year. It
// is immutable once loaded and safe for concurrent use.
type Holidays struct {
	// years[y-first] are the blocks of notice year y, nil if it is not
	// published.
	years       [][]HolidayBlock
	first, last int // published notice years
}

// holidayFile is the holiday-cn format (see its schema.json).
type holidayFile struct {
	Year int `json:"year"`
	Days []struct {
		Name     string `json:"name"`
		Date     string `json:"date"`
		IsOffDay *bool  `json:"isOffDay"`
	} `json:"days"`
}

// EmbeddedHolidays returns the table shipped with the package (holiday-cn
// 2007–2026; 2027.json is empty, the arrangement not yet published),
// compiled in at build time: no parsing, no allocation. The table is
// immutable and shared.
func EmbeddedHolidays() (*Holidays, error) { return &builtinHolidays, nil }

// LoadHolidays reads every YYYY.json file at the top of fsys in the
// holiday-cn format. A file with no days (an unpublished year) is allowed;
// such years, like the years after the last published one, are projected.
func LoadHolidays(fsys fs.FS) (*Holidays, error) {
	names, err := fs.Glob(fsys, "*.json")
	if err != nil {
		return nil, fmt.Errorf("holidays: %w", err)
	}
	byYear := map[int][]HolidayBlock{}
	h := &Holidays{}
	for _, name := range names {
		y, err := strconv.Atoi(strings.TrimSuffix(path.Base(name), ".json"))
		if err != nil || y < MinLunarYear || y > MaxLunarYear {
			continue // schema.json and the like
		}
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("holidays: %w", err)
		}
		blocks, err := parseHolidayFile(b, y)
		if err != nil {
			return nil, fmt.Errorf("holidays: %s: %w", name, err)
		}
		if len(blocks) == 0 {
			continue
		}
		byYear[y] = blocks
		if h.first == 0 || y < h.first {
			h.first = y
		}
		h.last = max(h.last, y)
	}
	if len(byYear) == 0 {
		return nil, fmt.Errorf("holidays: no published arrangement among %d files", len(names))
	}
	h.years = make([][]HolidayBlock, h.last-h.first+1)
	for y, b := range byYear {
		h.years[y-h.first] = b
	}
	return h, nil
}

func parseHolidayFile(b []byte, y int) ([]HolidayBlock, error) {
	var f holidayFile
	if err := json.Unmarshal(b, &f); err != nil {
		return nil, err
	}
	if f.Year != y {
		return nil, fmt.Errorf("file says year %d", f.Year)
	}
	type group struct {
		name     string
		firstOff Date
		lastOff  Date
		hasOff   bool
		work     []Date
	}
	var groups []*group
	byName := map[string]*group{}
	listed := map[Date]bool{} // off (true) or make-up (false), any name
	for i, d := range f.Days {
		if d.IsOffDay == nil {
			return nil, fmt.Errorf("day %d (%s): missing isOffDay", i, d.Date)
		}
		dt, err := parseISODateStrict(d.Date)
		if err != nil {
			return nil, fmt.Errorf("day %d: %w", i, err)
		}
		if dt.Year() < y-1 || dt.Year() > y+1 {
			return nil, fmt.Errorf("day %d: %s is too far from %d", i, dt, y)
		}
		if _, dup := listed[dt]; dup {
			return nil, fmt.Errorf("day %d: %s is listed twice", i, dt)
		}
		listed[dt] = *d.IsOffDay
		g := byName[d.Name]
		if g == nil {
			g = &group{name: d.Name}
			byName[d.Name] = g
			groups = append(groups, g)
		}
		if *d.IsOffDay {
			if !g.hasOff || dt.Before(g.firstOff) {
				g.firstOff = dt
			}
			if !g.hasOff || dt.After(g.lastOff) {
				g.lastOff = dt
			}
			g.hasOff = true
		} else {
			g.work = append(g.work, dt)
		}
	}
	// weekendOff reports whether d is a weekend day nobody lists, which is
	// off anyway and joins the block it touches (与周末连休): holiday-cn
	// lists 2024's 端午 as 06-10 only, a Monday after a free weekend.
	weekendOff := func(d Date) bool {
		wd := d.Weekday()
		_, isListed := listed[d]
		return (wd == time.Saturday || wd == time.Sunday) && !isListed
	}
	var blocks []HolidayBlock
	for _, g := range groups {
		if !g.hasOff {
			return nil, fmt.Errorf("%s: make-up days but no day off", g.name)
		}
		from, to := g.firstOff, g.lastOff
		for weekendOff(from.AddDays(-1)) {
			from = from.AddDays(-1)
		}
		for weekendOff(to.AddDays(1)) {
			to = to.AddDays(1)
		}
		for d := from; !d.After(to); d = d.AddDays(1) {
			if off, ok := listed[d]; ok && !off {
				return nil, fmt.Errorf("%s: make-up day %s inside the days off %s..%s", g.name, d, from, to)
			}
		}
		kinds, name := classifyHoliday(g.name)
		slices.SortFunc(g.work, Date.Compare)
		blocks = append(blocks, HolidayBlock{Name: name, Year: y, From: from, To: to, Work: g.work, kinds: kinds})
	}
	slices.SortFunc(blocks, func(a, b HolidayBlock) int { return a.From.Compare(b.From) })
	return blocks, nil
}

func parseISODateStrict(s string) (Date, error) {
	if len(s) != 10 {
		return Date{}, fmt.Errorf("date %q: want YYYY-MM-DD", s)
	}
	return parseISODate(s)
}

// Published reports the first and last notice years with a published
// arrangement in the table.
func (h *Holidays) Published() (first, last int) { return h.first, h.last }

// Version names the data, e.g. "holiday-cn 2007–2026; 2027+ projected".
func (h *Holidays) Version() string {
	return fmt.Sprintf("holiday-cn %d–%d; %d+ projected", h.first, h.last, h.last+1)
}

// published returns the blocks of notice year y and whether y is published.
func (h *Holidays) published(y int) ([]HolidayBlock, bool) {
	if y < h.first || y > h.last || h.years[y-h.first] == nil {
		return nil, false
	}
	return h.years[y-h.first], true
}

// holidayBlocks returns the blocks of notice year y: the published ones,
// a projection for an unpublished year after the first published one, or
// none before it. tab is year y's table, still being built.
func (c *Calendar) holidayBlocks(y int, tab *yearTable) ([]HolidayBlock, error) {
	if b, ok := c.holidays.published(y); ok {
		return b, nil
	}
	if y < c.holidays.first {
		return nil, nil
	}
	return projectHolidays(y, tab)
}

// Holiday reports what the statutory arrangement says about day d: a day
// off or a make-up working day of some holiday, possibly projected. Days
// with nothing special (ordinary weekdays and weekends) report false.
func (c *Calendar) Holiday(d Date) (HolidayDay, bool) {
	if !d.Valid() {
		return HolidayDay{}, false
	}
	// A notice for year Y can reach back into December of Y−1 (元旦).
	for _, y := range []int{d.Year(), d.Year() + 1} {
		if y < MinLunarYear || y > MaxLunarYear {
			continue
		}
		tab, err := c.year(y)
		if err != nil {
			continue
		}
		for _, b := range tab.holidays {
			if !d.Before(b.From) && !d.After(b.To) {
				return HolidayDay{Name: b.Name, Off: true, Projected: b.Projected}, true
			}
			if _, found := slices.BinarySearchFunc(b.Work, d, Date.Compare); found {
				return HolidayDay{Name: b.Name, Off: false, Projected: b.Projected}, true
			}
		}
	}
	return HolidayDay{}, false
}

// HolidayBlocks returns the arrangement of notice year y, published or
// projected (see the package documentation for the projection rule). Years
// before the first published one have none.
func (c *Calendar) HolidayBlocks(y int) ([]HolidayBlock, error) {
	if err := checkYear(y); err != nil {
		return nil, fmt.Errorf("holidays %d: %w", y, err)
	}
	tab, err := c.year(y)
	if err != nil {
		return nil, fmt.Errorf("holidays %d: %w", y, err)
	}
	out := make([]HolidayBlock, len(tab.holidays))
	for i, b := range tab.holidays {
		out[i] = b.clone()
	}
	return out, nil
}

// clone copies b so that a caller cannot change the table through Work.
func (b HolidayBlock) clone() HolidayBlock {
	b.Work = slices.Clone(b.Work)
	return b
}

// HolidayPeriod returns the block of festival name (国庆, 国庆节, 国庆假期,
// 五一, 劳动节, 春节, 清明, 端午, 中秋, 元旦 …) in notice year y. A combined
// block such as 国庆节、中秋节 matches either name.
func (c *Calendar) HolidayPeriod(name string, y int) (HolidayBlock, error) {
	k, canon, ok := holidayKindOf(name)
	if !ok {
		return HolidayBlock{}, errors.New(unknownHoliday(name))
	}
	b, ok, err := c.holidayPeriod(k, y)
	if err != nil {
		return HolidayBlock{}, fmt.Errorf("holiday %s %d: %w", canon, y, err)
	}
	if !ok {
		return HolidayBlock{}, fmt.Errorf("holiday %s %d: no arrangement (the table starts in %d)", canon, y, c.holidays.first)
	}
	return b.clone(), nil
}

func (c *Calendar) holidayPeriod(k holidayKinds, y int) (HolidayBlock, bool, error) {
	tab, err := c.year(y)
	if err != nil {
		return HolidayBlock{}, false, err
	}
	for _, b := range tab.holidays {
		if b.kinds&k != 0 {
			return b, true, nil
		}
	}
	return HolidayBlock{}, false, nil
}
