package calendar

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestDateRoundTripAgainstTime(t *testing.T) {
	require.Equal(t, 0, daysFromCivil(1, 1, 1))
	start := time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, probe := range []time.Time{start, time.Date(1900, 2, 28, 0, 0, 0, 0, time.UTC), time.Date(2000, 2, 29, 0, 0, 0, 0, time.UTC), time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)} {
		n := int((probe.Unix() - start.Unix()) / 86400)
		d := FromOrdinal(n)
		y, m, dd := d.Date()
		require.Equal(t, [3]int{probe.Year(), int(probe.Month()), probe.Day()}, [3]int{y, m, dd})
		require.Equal(t, probe.Weekday(), d.Weekday())
		require.Equal(t, n, daysFromCivil(y, m, dd))
	}
	// every day of 1900..2101 round-trips
	for n := daysFromCivil(1900, 1, 1); n <= daysFromCivil(2101, 1, 1); n++ {
		y, m, d := civilFromDays(int64(n))
		require.Equal(t, n, daysFromCivil(y, m, d))
	}
}

func TestLocalDay(t *testing.T) {
	require.Equal(t, "2024-09-01", LocalDay(time.Date(2024, 8, 31, 17, 0, 0, 0, time.UTC)).String())
	require.Equal(t, "2024-08-31", LocalDay(time.Date(2024, 8, 31, 15, 59, 59, 0, time.UTC)).String())
	require.Equal(t, "2024-09-01", MustDate(2024, 9, 1).Midnight().Format("2006-01-02"))
	d, err := ParseDate("2024-08-31T17:00:00Z")
	require.NoError(t, err)
	require.Equal(t, "2024-09-01", d.String())
	_, err = ParseDate("2024-02-30")
	require.Error(t, err)
}
