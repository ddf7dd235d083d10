//go:build !js

package bundle

import (
	"context"
	"fmt"

	"github.com/tonggao/tonggao/rules"
)

// checkSnapshot re-derives each root's snapshot from its YAML and refuses
// the bundle unless they agree (SnapshotFile).
func checkSnapshot(ctx context.Context, roots []rules.Root, snap map[string]*rules.Decoded, lim rules.Limits) error {
	for _, r := range roots {
		d, err := rules.DecodeRoot(ctx, r, lim)
		if err != nil {
			return err
		}
		if n := snap[r.Name].Diff(d); n != "" {
			return fmt.Errorf("%s: %s/%s disagrees with its YAML: rebuild the bundle", SnapshotFile, r.Name, n)
		}
	}
	return nil
}
