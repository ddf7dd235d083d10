package cli

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	ics "github.com/arran4/golang-ical"
	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/patrol"
	"github.com/tonggao/tonggao/rules"
)

func TestICSCommand(t *testing.T) {
	for _, tc := range []struct {
		name     string
		args     []string
		code     int
		contains []string
	}{
		{"one notice", []string{"ics", "--year", "2025", "--notice", "祁政通〔2024〕7号", "--stamp", "2025-01-01T00:00:00Z"}, 0,
			[]string{"BEGIN:VCALENDAR", "DTSTART;VALUE=DATE:20251001", "DTSTAMP:20250101T000000Z", "祁政通〔2024〕7号"}},
		{"every dated notice", []string{"ics", "--year", "2024", "--stamp", "2025-01-01T00:00:00Z"}, 0,
			[]string{"DTSTART;VALUE=DATE:20241008", "DTSTART;VALUE=DATE:20241016", "DTSTART;VALUE=DATE:20240901"}},
		{"number in another bracket style", []string{"ics", "--year", "2025", "--notice", "祁政通(2024)7号"}, 0, []string{"END:VCALENDAR"}},
		{"unknown notice", []string{"ics", "--year", "2025", "--notice", "祁政通〔2024〕99号"}, 2, []string{"not in the rule base"}},
		{"bad stamp", []string{"ics", "--stamp", "today"}, 2, []string{"--stamp"}},
		{"year out of range", []string{"ics", "--year", "0"}, 2, []string{"year 0"}},
		{"stray argument", []string{"ics", "2025"}, 2, []string{"unexpected argument"}},
		{"bundle and rules", []string{"ics", "--bundle", "x", "--rules", "y"}, 2, []string{"not both"}},
		{"missing bundle", []string{"ics", "--bundle", "nowhere.zip"}, 2, []string{"nowhere.zip"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := runCmd(tc.args...)
			require.Equal(t, tc.code, code, "stderr: %s", errs)
			for _, s := range tc.contains {
				require.Contains(t, out+errs, s)
			}
			if code == 0 {
				_, err := ics.ParseCalendar(strings.NewReader(out))
				require.NoError(t, err)
			}
		})
	}
}

func TestICSCommandWritesFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "2025.ics")
	code, out, errs := runCmd("ics", "--year", "2025", "-o", path)
	require.Equal(t, 0, code, errs)
	require.Empty(t, out)
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	cal, err := ics.ParseCalendar(strings.NewReader(string(data)))
	require.NoError(t, err)
	require.NotEmpty(t, cal.Events())
}

func TestPosterCommand(t *testing.T) {
	for _, tc := range []struct {
		name     string
		args     []string
		code     int
		contains []string
	}{
		{"html, several notices: brief", []string{"poster", "--year", "2025"}, 0, []string{"<!DOCTYPE html>", "size: A4", "2025-10-01<br>八月初十", "0746—3213950", "简表", "烧纸钱"}},
		{"markdown, one notice: full", []string{"poster", "--year", "2025", "--format", "md", "--notice", "祁政通〔2024〕7号"}, 0, []string{"# 2025年", "2025-10-01（八月初十）", "119 / 0746—3213950", "严禁祭祀活动时点烛"}},
		{"full on request", []string{"poster", "--year", "2025", "--detail", "full"}, 0, []string{"严禁祭祀活动时点烛", "居民不得重复参加居民医保"}},
		{"bad detail", []string{"poster", "--detail", "some"}, 2, []string{"--detail"}},
		{"bad format", []string{"poster", "--format", "pdf"}, 2, []string{"--format"}},
		{"unknown notice", []string{"poster", "--notice", "祁政通〔1999〕1号"}, 2, []string{"not in the rule base"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := runCmd(tc.args...)
			require.Equal(t, tc.code, code, "stderr: %s", errs)
			for _, s := range tc.contains {
				require.Contains(t, out+errs, s)
			}
		})
	}
}

func TestICSCommandFromBundle(t *testing.T) {
	src := fstest.MapFS{}
	require.NoError(t, fs.WalkDir(rules.EmbeddedFS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(rules.EmbeddedFS(), p)
		src["rules/"+p] = &fstest.MapFile{Data: data}
		return err
	}))
	var buf bytes.Buffer
	require.NoError(t, patrol.WriteBundleZip(&buf, src, "test-7"))
	zipPath := filepath.Join(t.TempDir(), "b.zip")
	require.NoError(t, os.WriteFile(zipPath, buf.Bytes(), 0o644))
	code, out, errs := runCmd("ics", "--year", "2025", "--bundle", zipPath)
	require.Equal(t, 0, code, errs)
	require.Contains(t, strings.ReplaceAll(out, "\r\n ", ""), "数据：test-7")

	require.NoError(t, os.WriteFile(zipPath, buf.Bytes()[:buf.Len()/2], 0o644))
	code, _, errs = runCmd("ics", "--year", "2025", "--bundle", zipPath)
	require.Equal(t, 2, code)
	require.Contains(t, errs, "b.zip")
}
