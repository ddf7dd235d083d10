package hotline

import (
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/rules"
)

// FactError is engine.FactError, the one error for facts.
//
// Deprecated: use engine.FactError.
type FactError = engine.FactError

// ParseFacts types facts decoded from JSON by the rule set's schema.
//
// Deprecated: use engine.FactsFromJSON, the one way in for facts.
func ParseFacts(set *rules.Set, raw map[string]any) (engine.Facts, error) {
	return engine.FactsFromJSON(set, raw, "request")
}
