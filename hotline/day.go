package hotline

import (
	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/engine"
)

// DayInfo is what the operator page shows about a day: its lunar date,
// solar term, festivals and holiday, and the notice windows in force.
type DayInfo struct {
	Date      calendar.Date        `json:"date"`
	Weekday   int                  `json:"weekday"` // 1 Monday … 7 Sunday
	Lunar     LunarJSON            `json:"lunar"`
	SolarTerm string               `json:"solar_term,omitempty"`
	Festivals []string             `json:"festivals"`
	Holiday   *calendar.HolidayDay `json:"holiday"`
	// Windows are the windows of the notices in force that day that
	// contain it (禁火期, 特别防护期, 专项整治期 …).
	Windows []DayWindow `json:"windows"`
}

// LunarJSON is a lunar date with its Chinese text.
type LunarJSON struct {
	calendar.LunarDate
	Text string `json:"text"`
}

// DayWindow is a window in force, with its notice.
type DayWindow struct {
	Notice string `json:"notice"`
	engine.WindowUse
}

// Day describes day d.
func (h *Hotline) Day(d calendar.Date) (*DayInfo, error) {
	cal := h.eng.Calendar()
	l, err := cal.Lunar(d)
	if err != nil {
		return nil, err
	}
	wd := int(d.Weekday())
	if wd == 0 {
		wd = 7
	}
	out := &DayInfo{Date: d, Weekday: wd, Lunar: LunarJSON{l, l.String()}, Festivals: cal.FestivalsOn(d), Windows: []DayWindow{}}
	if out.Festivals == nil {
		out.Festivals = []string{}
	}
	if t, ok := cal.SolarTermOn(d); ok {
		out.SolarTerm = t.Name
	}
	if hd, ok := cal.Holiday(d); ok {
		out.Holiday = &hd
	}
	for _, n := range h.eng.Rules().Notices {
		if !n.InForce(d) {
			continue
		}
		for _, w := range n.Windows {
			cw := h.eng.Window(w)
			if cw == nil {
				continue
			}
			if iv, ok := cw.Find(d); ok {
				out.Windows = append(out.Windows, DayWindow{Notice: n.Number, WindowUse: engine.WindowUse{ID: w.ID, Name: w.Name,
					Article: w.Article, From: iv.From, To: iv.To, Label: iv.Label, Projected: iv.Projected}})
			}
		}
	}
	return out, nil
}

// callMinute makes the call's own minute t the moment asked about, when
// the question said no time and no day but today (or a narrative 现在).
func (q *Query) callMinute(t calendar.DateTime, today calendar.Date) {
	if q.timed || !q.dayWeak || q.Date != today || t.Date() != today {
		return
	}
	q.timed, q.minute, q.Time, q.TimeFromCall = true, t.Minute(), calendar.ClockText(t.Minute()), true
}
