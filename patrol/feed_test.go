package patrol

import (
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/engine"
)

// TestBundleCarriesFeed: a bundle built with conditions/ names its feed
// (digest, issue, rows) in the manifest and answers from it offline;
// Here states the day's level with its issue day and age, or, past the
// feed's last day, that it has none, the last one and how old it is.
// Every answer names the feed's digest.
func TestBundleCarriesFeed(t *testing.T) {
	m := bundleFS(t)
	for _, name := range []string{"levels.csv", "places.csv", "orders.csv"} {
		data, err := os.ReadFile(filepath.Join("../examples/conditions", name))
		require.NoError(t, err)
		m["conditions/"+name] = &fstest.MapFile{Data: data}
	}
	b, err := OpenBundleZip(zipBundle(t, m, "feed-1"), "", "feed-1.zip")
	require.NoError(t, err)
	info := b.Feed
	require.NotNil(t, info)
	require.Equal(t, b.Engine.Feed().Feed().Digest(), info.Digest)
	require.Equal(t, 22, info.Rows)

	for _, tc := range []struct {
		day  calendar.Date
		days int
		text string
	}{
		{calendar.MustDate(2025, 7, 14), 0, "据7月14日发布的森林火险气象等级，白水镇7月14日为4，已过0天。"},
		{calendar.MustDate(2025, 7, 17), 2, "据7月15日发布的森林火险气象等级，白水镇7月17日为4，已过2天。"},
		{calendar.MustDate(2025, 7, 20), 5, "条件数据没有白水镇7月20日的森林火险气象等级（最近一次为7月18日，7月15日发布，已过5天）：请向值班人员核实。"},
	} {
		h, err := b.Here(engine.Query{Day: tc.day, Place: "白水镇"})
		require.NoError(t, err)
		require.NotNil(t, h.Feed)
		require.Equal(t, info.Digest, h.Feed.Digest)
		require.Equal(t, info.Digest, h.Receipt.Feed, "the answer names the feed")
		require.Equal(t, tc.days, h.Feed.Days, "%s", tc.day)
		require.Equal(t, tc.text, h.Feed.Text)
	}
	// Without conditions/ the bundle has no feed and says nothing of one.
	plain, err := OpenBundleZip(zipBundle(t, bundleFS(t), "plain"), "", "plain.zip")
	require.NoError(t, err)
	require.Nil(t, plain.Feed)
	h, err := plain.Here(engine.Query{Day: calendar.MustDate(2025, 7, 14), Place: "白水镇"})
	require.NoError(t, err)
	require.Nil(t, h.Feed)
	require.Empty(t, h.Receipt.Feed)
}
