package server_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/hotline"
	"github.com/tonggao/tonggao/server"
)

func exampleHotline() *hotline.Hotline {
	eng, err := engine.Embedded()
	if err != nil {
		panic(err)
	}
	h, err := hotline.New(eng)
	if err != nil {
		panic(err)
	}
	return h
}

// Reloading: a server built with Options.Reload swaps in the rule set the
// function builds; one whose build fails is refused and the old rules keep
// serving. (tonggao serve --rules DIR re-reads DIR; here the rules are the
// embedded ones, so the digest does not change.)
func ExampleServer_Reload() {
	h := exampleHotline()
	attempt := 0
	s := server.New(h, server.Options{Reload: func(context.Context) (*engine.Engine, error) {
		attempt++
		if attempt == 2 {
			return nil, errors.New("notices/x.yaml:3:1: bad rule file")
		}
		return exampleHotline().Engine(), nil
	}})
	before := s.RuleSet()
	res, err := s.Reload(context.Background())
	fmt.Println(err, res.Changed, res.RuleSet == before)
	_, err = s.Reload(context.Background())
	fmt.Println(err, s.RuleSet() == before)
	// Output:
	// <nil> false true
	// notices/x.yaml:3:1: bad rule file true
}
