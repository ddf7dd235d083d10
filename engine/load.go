package engine

import (
	"io/fs"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/register"
	"github.com/tonggao/tonggao/rules"
)

// Load builds an engine from a rule directory (facts.yaml, notices/) with
// the embedded holiday data and the register of documents in force.
func Load(fsys fs.FS, opts ...Option) (*Engine, error) {
	set, err := rules.Load(fsys)
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
