package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/goccy/go-yaml"
	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/hotline"
	"github.com/tonggao/tonggao/server"
)

// spokenAnswer is what a caller and an operator get of an answer: the
// verdict, the text read aloud and the citations, for each question of
// the call.
type spokenAnswer struct {
	Verdict     string `json:"verdict"`
	VerdictText string `json:"verdict_text"`
	Answer      string `json:"answer"`
	Reasons     []struct {
		Notice  string `json:"notice"`
		Article string `json:"article"`
		Status  string `json:"status"`
	} `json:"reasons"`
	Answers []spokenAnswer `json:"answers"`
	Query   *struct {
		Activity string `json:"activity"`
		Date     string `json:"date"`
	} `json:"query"`
}

// paritySample takes the first perFile questions of every file of the
// hotline's caller corpus and the first of every held-out file: every
// category. Each question runs the whole CLI (rules and hotline loaded
// anew), so the sample stays near 200 as held-out sets are added: under
// -race a run of 400 took the package past go test's ten minutes.
func paritySample(t *testing.T, perFile int) [][3]string {
	t.Helper()
	type glob struct {
		pattern string
		take    int
	}
	var files []string
	take := map[string]int{}
	for _, g := range []glob{{"../../hotline/testdata/callers/*.yaml", perFile}, {"../../hotline/testdata/heldout/*.yaml", perFile},
		{"../../hotline/testdata/heldout/*/*.yaml", 1}} {
		fs, err := filepath.Glob(g.pattern)
		require.NoError(t, err)
		require.NotEmpty(t, fs, g.pattern)
		for _, f := range fs {
			take[f] = g.take
		}
		files = append(files, fs...)
	}
	var out [][3]string // at, question, language
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		var cf struct {
			At    string `yaml:"at"`
			Cases []struct {
				Q  string `yaml:"q"`
				At string `yaml:"at"`
			} `yaml:"cases"`
		}
		require.NoError(t, yaml.Unmarshal(b, &cf), f)
		for i, c := range cf.Cases {
			if i == take[f] {
				break
			}
			at := c.At
			if at == "" {
				at = cf.At
			}
			if strings.TrimSpace(c.Q) == "" || len([]rune(c.Q)) > 500 {
				continue // the API refuses these; the CLI test covers them
			}
			lang := "zh"
			if len(out)%3 == 2 {
				lang = "en" // every third in English
			}
			out = append(out, [3]string{at, c.Q, lang})
		}
	}
	if len(out) > maxParity {
		// as files are added the sample is thinned evenly, not cut at the
		// end: every corpus stays in it, and the run stays as long
		thin := make([][3]string, 0, maxParity)
		for i := range maxParity {
			thin = append(thin, out[i*len(out)/maxParity])
		}
		out = thin
	}
	return out
}

// maxParity bounds the parity sample: each question loads the CLI anew.
const maxParity = 300

// TestAskParity: the CLI (tonggao ask --json), the HTTP API (POST /v1/ask)
// and the operator page (its own request to /v1/ask, and its re-check with
// the fields it filled in) give the same verdict, the same verdict as said
// (the page's large type), spoken text and citations for a sample of every
// corpus — the first questions of every file of the caller corpus and of
// every held-out set, every third in English.
func TestAskParity(t *testing.T) {
	if testing.Short() {
		t.Skip("asks some 150 questions three ways")
	}
	eng, err := engine.Embedded()
	require.NoError(t, err)
	h, err := hotline.New(eng)
	require.NoError(t, err)
	srv := server.New(h, server.Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
		Now: func() time.Time { return time.Date(2024, 10, 2, 3, 0, 0, 0, time.UTC) }})
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	post := func(body map[string]any) spokenAnswer {
		b, err := json.Marshal(body)
		require.NoError(t, err)
		resp, err := http.Post(ts.URL+"/v1/ask", "application/json", bytes.NewReader(b))
		require.NoError(t, err)
		defer resp.Body.Close()
		require.Equal(t, http.StatusOK, resp.StatusCode, "%v", body)
		var a spokenAnswer
		require.NoError(t, json.NewDecoder(resp.Body).Decode(&a))
		return a
	}
	sample := paritySample(t, 2)
	t.Logf("%d questions", len(sample))
	require.GreaterOrEqual(t, len(sample), 120)
	require.LessOrEqual(t, len(sample), 300, "each question loads the CLI anew: keep the sample small")
	verdicts := map[string]bool{}
	for _, s := range sample {
		at, q, lang := s[0], s[1], s[2]
		var out, errb bytes.Buffer
		run([]string{"ask", q, "--at", at, "--lang", lang, "--json"}, &out, &errb)
		var cli spokenAnswer
		require.NoError(t, json.Unmarshal(out.Bytes(), &cli), "%s: %s%s", q, out.String(), errb.String())
		verdicts[cli.Verdict] = true
		if lang == "zh" {
			api := post(map[string]any{"question": q, "at": at})
			require.Equal(t, summary(cli), summary(api), "CLI and POST /v1/ask differ on %q (at %s)", q, at)
		}
		page := post(map[string]any{"question": q, "at": at, "lang": lang})
		require.Equal(t, summary(cli), summary(page), "CLI and the operator page differ on %q (at %s, %s)", q, at, lang)
		if cli.Query != nil && cli.Query.Activity != "" && len(cli.Answers) == 0 {
			// the page's re-check sends back the fields it filled in
			again := post(map[string]any{"question": q, "at": at, "lang": lang, "activity": cli.Query.Activity,
				"date": cli.Query.Date, "facts": map[string]any{}})
			require.Equal(t, summary(cli), summary(again), "the operator page's re-check differs on %q (at %s, %s)", q, at, lang)
		}
	}
	for _, v := range []string{"forbidden", "conditional", "allowed", "no_rule", "not_understood"} {
		require.True(t, verdicts[v], "the sample has no %s answer", v)
	}
}

// summary is an answer's verdict, spoken text and citations, and those of
// each of its answers, as one comparable text.
func summary(a spokenAnswer) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s | %s |", a.Verdict, a.VerdictText, a.Answer)
	for _, r := range a.Reasons {
		fmt.Fprintf(&b, " %s %s %s;", r.Notice, r.Article, r.Status)
	}
	for _, s := range a.Answers {
		b.WriteString("\n  " + summary(s))
	}
	return b.String()
}
