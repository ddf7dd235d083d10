package division_test

import (
	"fmt"
	"strings"

	"github.com/tonggao/tonggao/division"
)

func ExampleParse() {
	baishui, _ := division.Parse("431181107")
	qiyang, _ := division.Parse("431181")
	yongzhou, _ := division.Parse("431100")
	fmt.Println(baishui.Level(), qiyang.Covers(baishui), yongzhou.Covers(qiyang), yongzhou, baishui.Parent())
	// Output: township true true 431100 431181
}

func ExampleTable_Resolve() {
	tab, _ := division.ReadTable(strings.NewReader("code,name\n431181,祁阳市\n431181107,白水镇\n"), "divisions.csv")
	codes, _ := tab.Resolve("白水镇")
	fmt.Println(codes, tab.Label("431181"))
	// Output: [431181107] 祁阳市（431181）
}
