package engine

import (
	"context"
	"io/fs"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/register"
	"github.com/tonggao/tonggao/rules"
)

// Load builds an engine from a rule directory (facts.yaml, notices/) with
// the embedded holiday data and the register of documents in force.
func Load(fsys fs.FS, opts ...Option) (*Engine, error) {
	return LoadRoots(context.Background(), []rules.Root{{FS: fsys}}, rules.Limits{}, opts...)
}

// LoadRoots builds one engine from several rule directories (see
// rules.LoadRoots: what they both declare must agree; errors name each
// file by its directory's name), with the embedded holiday data and the
// register of documents in force. ctx and lim bound the reading and
// parsing of the files.
func LoadRoots(ctx context.Context, roots []rules.Root, lim rules.Limits, opts ...Option) (*Engine, error) {
	set, err := rules.LoadRoots(ctx, roots, lim)
	if err != nil {
		return nil, err
	}
	cal, err := calendar.New()
	if err != nil {
		return nil, err
	}
	reg, err := register.Embedded()
	if err != nil {
		return nil, err
	}
	return New(set, cal, append([]Option{WithRegister(reg)}, opts...)...)
}

// Embedded builds an engine on the embedded rule base: what the library
// answers with no set-up.
func Embedded(opts ...Option) (*Engine, error) { return Load(rules.EmbeddedFS(), opts...) }
