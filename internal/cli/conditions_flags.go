package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/pflag"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/feed"
	"github.com/tonggao/tonggao/internal/fsread"
)

// conditionsFlag is --conditions: a conditions feed (a file, or a
// directory of them) whose published facts — the day's fire-danger level,
// the class of a place, declared orders — the engine answers from.
type conditionsFlag struct{ path string }

func addConditionsFlag(fs *pflag.FlagSet) *conditionsFlag {
	c := &conditionsFlag{}
	fs.StringVar(&c.path, "conditions", "", "a conditions feed `FILE` (CSV or JSON Lines, docs/feed.md) or a directory of them: the published facts to answer from")
	return c
}

// apply binds the feed to eng; without --conditions it returns eng.
func (c *conditionsFlag) apply(eng *engine.Engine) (*engine.Engine, error) {
	if c == nil || c.path == "" {
		return eng, nil
	}
	f, err := readFeed(context.Background(), c.path)
	if err != nil {
		return nil, badInput("bad_conditions", fmt.Errorf("--conditions: %w", err))
	}
	eng, err = eng.Refeed(f)
	if err != nil {
		return nil, badInput("bad_conditions", fmt.Errorf("--conditions: %w", err))
	}
	return eng, nil
}

// readFeed reads a feed file or directory through the reading discipline
// (a regular file, bounded).
func readFeed(ctx context.Context, path string) (*feed.Feed, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if st.IsDir() {
		return feed.ReadDir(ctx, path, feed.Limits{})
	}
	dir, name := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	r := fsread.New(ctx, fsread.Dir(dir), filepath.ToSlash(filepath.Clean(dir)), feed.DirLimits)
	data, err := r.ReadFile(name)
	if err != nil {
		return nil, err
	}
	return feed.New(path, feed.Limits{}, feed.File{Name: filepath.ToSlash(path), Data: data})
}
