//go:build !js

package bundle

import (
	"context"
	"fmt"

	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/rules"
	"github.com/tonggao/tonggao/ruletest"
)

// runCases runs the rule files' test cases against e (WithCaseCheck).
func runCases(ctx context.Context, roots []rules.Root, e *engine.Engine, lim rules.Limits) error {
	cases, err := rules.LoadCasesRoots(ctx, roots, lim)
	if err != nil {
		return err
	}
	if rep := ruletest.Run(e, cases); !rep.OK() {
		return fmt.Errorf("rule cases: %d passed, %d failed or coverage incomplete", rep.Passed, rep.Failed)
	}
	return nil
}
