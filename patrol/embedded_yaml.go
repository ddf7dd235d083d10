//go:build !js

package patrol

import (
	"sync"

	"github.com/tonggao/tonggao/place"
	"github.com/tonggao/tonggao/rules"
)

// embeddedPlaceFacts reads the facts of the embedded rules' layers.yaml on
// first use, so that opening the embedded bundle parses no YAML.
func embeddedPlaceFacts() func() ([]string, error) {
	return sync.OnceValues(func() ([]string, error) {
		m, _, err := place.ReadManifest(rules.EmbeddedFS(), place.ManifestFile)
		return manifestFacts(m), err
	})
}
