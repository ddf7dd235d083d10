package hotline

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/calendar/feast"
	"github.com/tonggao/tonggao/hotline/dates"
	"github.com/tonggao/tonggao/rules"
)

// feastsFile is feasts.yaml as written: the names of other calendars'
// holidays and their rules.
type feastsFile struct {
	Orthodox []string `yaml:"orthodox"`
	Feasts   []struct {
		Names []rules.Str          `yaml:"names"`
		Day   rules.Str            `yaml:"day"`
		Lunar rules.Str            `yaml:"lunar"`
		Eve   bool                 `yaml:"eve"`
		Lead  int                  `yaml:"lead"`
		Moves map[string]rules.Str `yaml:"moves"`
		Note  string               `yaml:"note"`
		After []string             `yaml:"after"`
		// Published: year → "MM-DD..MM-DD", the days its organisers
		// published, for a holiday chosen each year by no rule
		Published map[int]rules.Str `yaml:"published"`
	} `yaml:"feasts"`
}

// parseFeasts reads a feasts file (feasts.yaml): every name with its rule,
// and the words that move a feast onto Orthodox Easter. Every problem is
// reported at its file:line:col.
func parseFeasts(file string, data []byte) (map[string]dates.Feast, []string, error) {
	var spec feastsFile
	if err := yaml.UnmarshalWithOptions(data, &spec, yaml.Strict(), yaml.DisallowUnknownField()); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", file, err)
	}
	var errs rules.ErrorList
	errorf := func(p rules.Pos, format string, args ...any) {
		errs = append(errs, &rules.Error{File: file, Pos: p, Msg: fmt.Sprintf(format, args...)})
	}
	out := map[string]dates.Feast{}
	for _, f := range spec.Feasts {
		var lunar *calendar.LunarDate
		var rule feast.Rule
		var published map[int][2]calendar.Date
		if len(f.Published) > 0 {
			if f.Day.Value != "" || f.Lunar.Value != "" || f.Eve || f.Lead != 0 || len(f.Moves) > 0 {
				errorf(f.Day.Pos, "published: a holiday by its published days takes no day, lunar, eve, lead or moves")
				continue
			}
			published = map[int][2]calendar.Date{}
			for y, span := range f.Published {
				from, to, ok := strings.Cut(span.Value, "..")
				a, err1 := calendar.ParseDate(fmt.Sprintf("%04d-%s", y, from))
				b, err2 := calendar.ParseDate(fmt.Sprintf("%04d-%s", y, to))
				if !ok || err1 != nil || err2 != nil || b.Before(a) {
					errorf(span.Pos, "published: %d: want MM-DD..MM-DD, not %q", y, span.Value)
					continue
				}
				published[y] = [2]calendar.Date{a, b}
			}
		} else if f.Lunar.Value != "" {
			l, err := calendar.ParseLunarDate(f.Lunar.Value)
			switch {
			case err != nil:
				errorf(f.Lunar.Pos, "lunar: %v", err)
				continue
			case f.Day.Value != "" || f.Eve || f.Lead != 0 || len(f.Moves) > 0:
				errorf(f.Lunar.Pos, "lunar: a day of the Chinese calendar takes no day, eve, lead or moves")
				continue
			}
			lunar = &l
		} else {
			var err error
			if rule, err = feast.Parse(f.Day.Value); err != nil {
				errorf(f.Day.Pos, "day: %v", err)
				continue
			}
		}
		rule.Eve = f.Eve
		if f.Lead < 0 {
			errorf(f.Day.Pos, "lead: %d is not a number of days before the day", f.Lead)
		}
		rule.Lead = f.Lead
		for day, n := range f.Moves {
			wd, ok := feast.Weekday(day)
			k, err := strconv.Atoi(n.Value)
			switch {
			case !ok:
				errorf(n.Pos, "moves: %q is not a weekday (sun … sat)", day)
			case err != nil || k == 0:
				errorf(n.Pos, "moves: %s: want a number of days, not %q", day, n.Value)
			default:
				rule.Moves[wd] = k
			}
		}
		if len(f.Names) == 0 {
			errorf(f.Day.Pos, "%s: no names", f.Day.Value)
		}
		for _, name := range f.Names {
			if _, dup := out[name.Value]; dup || name.Value == "" {
				errorf(name.Pos, "name %q is empty or given twice", name.Value)
				continue
			}
			out[name.Value] = dates.Feast{Rule: rule, Lunar: lunar, Published: published, Note: f.Note, After: f.After}
		}
	}
	if len(errs) > 0 {
		return nil, nil, errs
	}
	return out, spec.Orthodox, nil
}
