// Package patrol is what a village patrol officer's phone app needs from
// the rule base, offline: what is restricted where the officer stands today
// (Here), when each activity's verdict changes at a place (Timeline),
// whether a GPS track entered the fire-ban zone during a ban window
// (TrackChecker, ReadGPX), the year's windows as an iCalendar file (ICS) and
// as a printable Chinese poster (WritePoster; not in a GOOS=js build), and
// one verified bundle of rules, holiday data and place layers that an app
// can replace atomically (OpenBundle, Install).
//
// The package decides nothing itself. Every verdict comes from the engine,
// every window and name from the rule files and every date from the
// calendar; the Go code holds no notice facts. The fire-ban zone of a track
// check, in particular, is whatever the rules say about the activity the
// caller names: the checker asks the engine, per day and per combination of
// place facts, and caches the answer.
package patrol
