package zh

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestNumber(t *testing.T) {
	for s, want := range map[string]float64{"50": 50, "1.5": 1.5, "一百": 100, "两百五": 250, "一百零五": 105, "十五": 15,
		"二〇二四": 2024, "壹佰": 100, "三十": 30, "二十三": 23, "一万": 10000, "一千零五十": 1050, "十": 10,
		// Arabic digits typed before a spoken unit
		"3百": 300, "1.5万": 15000, "2千五": 2500, "3百五十": 350, "12万": 120000} {
		got, ok := Number(s)
		require.True(t, ok, s)
		require.Equal(t, want, got, s)
	}
	for _, s := range []string{"", "十百", "二三", "1e9", "0x10", "abc", "一百个", "3百个", "3个", "3百千", "1..5万"} {
		_, ok := Number(s)
		require.False(t, ok, s)
	}
}

func TestReadAmount(t *testing.T) {
	for s, want := range map[string]Amount{
		"两百多米": {201, 299}, "三百来米": {250, 350}, "几十米": {10, 99}, "好几百米": {200, 999}, "百把米": {80, 150},
		"十几米": {11, 19}, "七八十米": {70, 80}, "一两百米": {100, 200}, "一百零一米": {101, 101}, "二百零一米": {201, 201}, "一千零三十米": {1030, 1030}, "半米": {0.5, 0.5}, "两三百米": {200, 300}, "50米": {50, 50},
		"一百五十米": {150, 150}, "一百多米": {101, 199}, "二十来米": {15, 25}, "几米": {2, 9}, "三四里": {3, 4}, "五六十米": {50, 60},
		"一百五六十米": {150, 160}, "两千三四百米": {2300, 2400}, "一百五六米": {150, 160}, "十五六米": {15, 16}, "三万四五千": {34000, 35000},
		"3百米": {300, 300}, "2百多米": {201, 299},
	} {
		got, n, ok := ReadAmount(s)
		require.True(t, ok, s)
		require.Equal(t, want, got, s)
		require.Contains(t, []string{"米", "里", ""}, s[n:], s) // the whole numeral is read
	}
	require.Equal(t, Amount{45, 55}, About(Amount{50, 50}))
	require.Equal(t, Amount{150, 250}, About(Amount{200, 200}))
}

func TestScriptAndPinyin(t *testing.T) {
	s, err := NewScript()
	require.NoError(t, err)
	require.Equal(t, "明天在山上烧纸可以吗?后天周六", s.Fold("明天在山上燒紙可以嗎？後天週六"))
	require.Equal(t, "2024年10月3日", s.Fold("２０２４年１０月３日"))
	py, err := NewPinyin()
	require.NoError(t, err)
	full, ini := py.Of("烧田埂")
	require.Equal(t, "shaotiangeng", full)
	require.Equal(t, "stg", ini)
	require.Contains(t, py.Readings('桔'), "jie")
	require.Empty(t, py.Readings('a'))
}
