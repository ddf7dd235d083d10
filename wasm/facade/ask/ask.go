// Package ask gives a facade the hotline: facade.Embedded(ask.Hotline())
// answers questions in words as well as deciding. It is its own package so
// that a module built without it (./wasm/decide) links no hotline.
package ask

import (
	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/hotline"
	"github.com/tonggao/tonggao/wasm/facade"
)

// Hotline is the option that makes a facade's Ask answer with package
// hotline, built for each bundle's engine on its first question.
func Hotline() facade.Option {
	return facade.WithAsk(func(e *engine.Engine) (facade.Asker, error) {
		h, err := hotline.New(e)
		if err != nil {
			return nil, err
		}
		return asker{h}, nil
	})
}

type asker struct{ h *hotline.Hotline }

// Ask answers one question: the hotline's answer, in the language asked.
func (a asker) Ask(r facade.AskRequest, today calendar.Date, facts engine.Facts) (any, error) {
	lang, err := hotline.ParseLang(r.Lang)
	if err != nil {
		return nil, err
	}
	ans, _, err := a.h.Ask(hotline.Request{Question: r.Question, Today: today, Facts: facts, Lang: lang})
	return ans, err
}
