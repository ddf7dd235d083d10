// Package feed reads a conditions feed: the official data that decide
// questions no caller can answer — the day's forest fire-danger level the
// weather service publishes per county or township, the forestry bureau's
// classes of places (重点 / 一般森林防火区), and orders the authorities
// declare (a 封山令 opening a special period from one date-time to another).
//
// A feed is rows of (valid date, division code, fact, value, issued-at,
// source), as CSV with the header
//
//	date,division,fact,value,issued_at,source
//
// or as JSON Lines with the same keys; an order row adds until, order and
// text (and optionally article). A county's code covers its townships, and
// a township's row overrides its county's. Parse reads one file and
// reports every malformed row as file:line: message; New gathers files
// into an immutable Feed with a digest, which names the feed in every
// decision made with it.
//
// Which facts a feed may give, and how, is data: rules/facts.yaml marks
// them published (daily, standing or orders), and a fact counted over a
// daily series (high_danger_days: consecutive days with fire_danger_level
// >= 4) declares the condition it counts. Bind checks a feed against a
// rule set and indexes it per division and day, so that a decision looks
// its values up instead of searching the rows (see Index).
//
// The rows are read, never extrapolated: a fact published daily has a
// value only on a day some row gives one, and a day the feed does not
// reach has none. The engine says so in its answer rather than guess.
package feed
