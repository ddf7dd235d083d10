package rules_test

import (
	"context"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/rules"
)

// county is a second rule directory: its own facts and a notice on an
// activity 祁阳 also has (shared vocabulary) and one of its own.
func county(facts, notice string) fstest.MapFS {
	fsys := fstest.MapFS{
		"notices/fishing.yaml": {Data: []byte(notice)},
		rules.DivisionsFile:    {Data: []byte("code,name\n430426,祁东县\n")},
	}
	if facts != "" {
		fsys["facts.yaml"] = &fstest.MapFile{Data: []byte(facts)}
	}
	return fsys
}

const countyFacts = `facts:
  - name: test_ban_waters
    type: bool
    zh: 禁渔水域
    en: in the ban waters
    doc: the place is in waters the fishing ban names
`

const countyNotice = `notice:
  id: xx-fishing-ban
  title: 关于实行禁渔期制度的通告
  issuer: 某县农业农村局
  issued: 2025-02-20
  effective: 2025-03-01
  applies_in: [430426]
activities:
  - id: fishing
    name: 捕捞
    en: fishing
  - id: leisure_angling
    name: 休闲垂钓
    en: leisure angling
    parent: fishing
  - id: outdoor_fire
    name: 野外用火
    en: outdoor fire use
    synonyms: [野外烧火]
    implies: {indoors: false, in_yard: false}
windows:
  - id: ban_season
    name: 禁渔期
    when: annual 03-01..06-30
    article: 一
rules:
  - id: fishing_ban
    article: 二
    text: 禁渔期内，禁渔水域禁止一切捕捞行为，休闲垂钓除外。
    effect: forbid
    activities: [fishing]
    if: ban_season && test_ban_waters
    except:
      - id: angling
        text: 休闲垂钓除外
        activities: [leisure_angling]
`

func roots(more ...rules.Root) []rules.Root {
	return append([]rules.Root{{Name: "rules", FS: rules.EmbeddedFS()}}, more...)
}

func loadRoots(more ...rules.Root) (*rules.Set, error) {
	return rules.LoadRoots(context.Background(), roots(more...), rules.Limits{})
}

func TestSeveralRoots(t *testing.T) {
	one, err := rules.Embedded()
	require.NoError(t, err)
	set, err := loadRoots(rules.Root{Name: "xx", FS: county(countyFacts, countyNotice)})
	require.NoError(t, err)
	require.Len(t, set.Notices, len(one.Notices)+1)
	require.Len(t, set.Facts, len(one.Facts)+1)
	n, ok := set.Notice("xx-fishing-ban")
	require.True(t, ok)
	require.Equal(t, "xx", n.Root)
	require.Equal(t, "xx/notices/fishing.yaml", n.File)
	require.Len(t, set.Roots, 2)

	// 野外用火 is declared the same in both: one activity, with the
	// county's word added.
	fire, ok := set.Activity("野外烧火")
	require.True(t, ok)
	same, _ := set.Activity("outdoor_fire")
	require.Same(t, same, fire)
	require.Equal(t, "rules/notices/qzt-2024-07-forest-fire-ban.yaml", fire.File)

	// The digest covers every root; one root's is what it always was.
	require.NotEqual(t, one.Digest, set.Digest)
	alone, err := rules.LoadRoots(context.Background(), roots(), rules.Limits{})
	require.NoError(t, err)
	require.Equal(t, one.Digest, alone.Digest, "a root's name is not part of the digest")
	changed, err := loadRoots(rules.Root{Name: "xx", FS: county(countyFacts, strings.Replace(countyNotice, "二", "三", 1))})
	require.NoError(t, err)
	require.NotEqual(t, set.Digest, changed.Digest)
}

// TestRootsIgnoreOtherFiles: a directory may hold what other packages read
// (vocabulary, layers); the loader leaves it alone. One without facts.yaml
// or notices/ is a mistake.
func TestRootsIgnoreOtherFiles(t *testing.T) {
	fsys := county(countyFacts, countyNotice)
	fsys["layers.yaml"] = &fstest.MapFile{Data: []byte("layers: []\n")}
	fsys["vocabulary/words.yaml"] = &fstest.MapFile{Data: []byte("not: [rules")}
	fsys["notices/README.md"] = &fstest.MapFile{Data: []byte("# notes")}
	_, err := loadRoots(rules.Root{Name: "xx", FS: fsys})
	require.NoError(t, err)

	_, err = loadRoots(rules.Root{Name: "empty", FS: fstest.MapFS{"layers.yaml": {Data: []byte("x")}}})
	require.EqualError(t, err, "rules: empty holds neither facts.yaml nor notices/")
}

func TestRootConflicts(t *testing.T) {
	for _, tc := range []struct {
		name, facts, notice, want string
	}{
		{"a fact declared differently",
			"facts:\n  - name: fire_zone\n    type: enum\n    values: [key, general, none]\n    doc: zone\n", countyNotice,
			`xx/facts.yaml:2:11: fact "fire_zone" is declared differently in rules/facts.yaml:`},
		{"a fact declared twice in one directory", countyFacts + strings.TrimPrefix(countyFacts, "facts:\n"), countyNotice,
			`xx/facts.yaml:7:11: fact "test_ban_waters" is declared twice`},
		{"an activity declared differently", countyFacts, strings.Replace(countyNotice, "name: 野外用火", "name: 野外用火行为", 1),
			`xx/notices/fishing.yaml:16:9: activity "outdoor_fire" is declared differently in rules/notices/qzt-2024-07-forest-fire-ban.yaml:`},
		{"an activity's parent differs", countyFacts, strings.Replace(countyNotice, "    synonyms: [野外烧火]\n", "    parent: fishing\n", 1),
			`activity "outdoor_fire" is declared differently in rules/notices/qzt-2024-07-forest-fire-ban.yaml:`},
		{"a word names two activities", countyFacts, strings.Replace(countyNotice, "synonyms: [野外烧火]", "synonyms: [烧田埂]", 1),
			`xx/notices/fishing.yaml:19:16: "烧田埂" already names activity "burn_field_ridge" (rules/notices/`},
		{"a notice encoded twice", "", readEmbedded(t, "notices/qzt-2024-07-forest-fire-ban.yaml"),
			"xx/notices/fishing.yaml:5:11: notice 祁政通〔2024〕7号 is also encoded in rules/notices/qzt-2024-07-forest-fire-ban.yaml"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := loadRoots(rules.Root{Name: "xx", FS: county(tc.facts, tc.notice)})
			require.Error(t, err)
			require.Contains(t, err.Error(), tc.want)
		})
	}
}

func readEmbedded(t *testing.T, name string) string {
	t.Helper()
	data, err := fs.ReadFile(rules.EmbeddedFS(), name)
	require.NoError(t, err)
	return string(data)
}

func TestLoadLimits(t *testing.T) {
	lim := rules.Limits{MaxTotalBytes: 20 << 10}
	_, err := rules.LoadRoots(context.Background(), roots(), lim)
	require.ErrorContains(t, err, "files too large together: with this file, ")
	require.ErrorContains(t, err, "; at most 20 KiB together")

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = rules.LoadRoots(ctx, roots(), rules.Limits{})
	require.EqualError(t, err, "rules/facts.yaml: load stopped: context canceled")

	_, err = rules.LoadRoots(context.Background(), roots(), rules.Limits{MaxDepth: 3})
	require.ErrorContains(t, err, "collections nested more than 3 deep")
}
