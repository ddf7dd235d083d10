package zh_test

import (
	"fmt"

	"github.com/tonggao/tonggao/hotline/zh"
)

// Vague amounts are ranges, never one guessed number.
func ExampleReadAmount() {
	for _, s := range []string{"两百多米", "三百来米", "几十米", "百把米", "七八十米", "一百五十米"} {
		a, _, _ := zh.ReadAmount(s)
		fmt.Println(s, a.Lo, a.Hi)
	}
	// Output:
	// 两百多米 201 299
	// 三百来米 250 350
	// 几十米 10 99
	// 百把米 80 150
	// 七八十米 70 80
	// 一百五十米 150 150
}

// One script: traditional characters and full-width forms fold to the
// simplified and ASCII ones, rune for rune.
func ExampleScript_Fold() {
	s, _ := zh.NewScript()
	fmt.Println(s.Fold("後天在山上燒紙可以嗎？２０２４年"))
	// Output: 后天在山上烧纸可以吗?2024年
}

// Pinyin with every reading: a misspelling that sounds the same (桔杆 for
// 秸秆) is still heard.
func ExamplePinyin_Readings() {
	p, _ := zh.NewPinyin()
	fmt.Println(p.Readings('桔'), p.Readings('秸'))
	full, initials := p.Of("烧田埂")
	fmt.Println(full, initials)
	// Output:
	// [ju jie xie] [jie ji]
	// shaotiangeng stg
}
