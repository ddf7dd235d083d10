// Package notices holds real notices from six jurisdictions other than
// 祁阳, each encoded as its own rule directory — facts, notices with their
// cases, divisions and a layer manifest with synthetic layers — to show
// that the format says what notices elsewhere say, and that several
// jurisdictions loaded into one engine answer each place by its own
// notices only:
//
//   - zhengzhou: 郑政通〔2024〕3号, fireworks allowed only in lunar spans
//     with clock times (除夕早7时至正月初一凌晨1时 …), outside listed
//     places and 500 m key areas, and never during a pollution warning;
//   - yancheng: 盐城市人民政府办公室's 2022 examination noise notice,
//     nightly 20:00–06:00 bans with all-day examination days and works
//     near examination sites;
//   - qiantang: 杭州市钱塘区农业农村局's fishing ban on 钱塘江 (no
//     document number), 3月1日0时至6月30日24时 every year, 娱乐性游钓
//     excepted;
//   - wendeng: 威文政发〔2021〕4号, a fire ban 500 m from the forest edge
//     with an approved-fire exception, and a high-danger period without it;
//   - shanxi: 山西省人民政府办公厅's 2013 emergency notice on 野外农事用火,
//     read from a news report of it: no outdoor fire within 300 m of the
//     forest edge, and beyond it agricultural fire only when approved and
//     the 六不烧 are met — wind under force 3, the published fire-danger
//     weather level under 4;
//   - xiangtan: 潭县政通〔2025〕2号, 湘潭县's straw-burning ban: no open
//     burning of straw anywhere in the county on any day, save burning of
//     pest-infested straw organised by a township outside the key areas
//     (5 km round the county town, 2 km from an expressway or railway,
//     1 km from a national or provincial road), never at night (18:00 to
//     8:00) nor in polluted air.
//
// Each directory's notice file names its source. Go holds none of their
// words: the directories are data, embedded here so that tests and
// benchmarks load them as the CLI does (tonggao test examples/notices/DIR).
package notices

import (
	"embed"
	"io/fs"

	"github.com/tonggao/tonggao/rules"
)

//go:embed zhengzhou qiantang yancheng wendeng shanxi xiangtan
var dirs embed.FS

// Dirs are the rule directories, in the order Roots gives them.
var Dirs = []string{"zhengzhou", "qiantang", "yancheng", "wendeng", "shanxi", "xiangtan"}

// Roots returns one rules.Root per directory, named by its path in the
// repository (examples/notices/DIR) so that errors point at the file.
func Roots() []rules.Root {
	out := make([]rules.Root, 0, len(Dirs))
	for _, d := range Dirs {
		sub, err := fs.Sub(dirs, d)
		if err != nil {
			panic(err) // unreachable: d is embedded above
		}
		out = append(out, rules.Root{Name: "examples/notices/" + d, FS: sub})
	}
	return out
}
