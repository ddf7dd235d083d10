package hotline

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestUnspace: a space a hurried operator types inside an act's phrase is
// dropped; spaces between clauses, and between a word and a number, stay.
func TestUnspace(t *testing.T) {
	h := newTestHotline(t)
	for _, c := range []struct{ in, want string }{
		{"重复 交医保", "重复交医保"},
		{"医保 两个地方 交", "医保 两个地方交"},
		{"两处  缴 合作医疗", "两处缴合作医疗"}, // 缴合作医疗 is a phrase too
		{"自己 拉 装修垃圾 城区", "自己拉装修垃圾 城区"},
		{"退伍 回来 交医保", "退伍回来 交医保"},
		{"冬至在坟山上烧纸 屋离山几百米", "冬至在坟山上烧纸 屋离山几百米"},
		{"山上抽烟行不行 山上野炊呢", "山上抽烟行不行 山上野炊呢"},
		{"烧田埂 离山 50米", "烧田埂 离山 50米"},
		{"交医保", "交医保"},
		// a run that takes up an instrument serves the act after it
		{"用我的职工医保个人账户 给我娘交居民医保", "用我的职工医保个人账户给我娘交居民医保"},
		// typed word by word: every space between two characters goes
		{"高污染燃料 禁燃区 的 那个 通告 还 有效 吗", "高污染燃料禁燃区的那个通告还有效吗"},
		{"离山 三 三百米 不是 三十米", "离山 三百米 不是 三十米"}, // a number begun again
	} {
		require.Equal(t, c.want, h.p.unspace(c.in), c.in)
	}
}
