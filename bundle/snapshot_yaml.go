//go:build !js

package bundle

import (
	"context"
	"fmt"
	"maps"
	"reflect"
	"slices"

	"github.com/tonggao/tonggao/place"
	"github.com/tonggao/tonggao/register"
	"github.com/tonggao/tonggao/rules"
)

// checkSnapshot re-derives the snapshot from the bundle's YAML — each
// root's rule files, the register, the layer manifests — and refuses the
// bundle unless they agree (SnapshotFile).
func checkSnapshot(ctx context.Context, roots []rules.Root, snap *snapshot, ct *contents, lim rules.Limits) error {
	for _, r := range roots {
		d, err := rules.DecodeRoot(ctx, r, lim)
		if err != nil {
			return err
		}
		if n := snap.Roots[r.Name].Diff(d); n != "" {
			return fmt.Errorf("%s: %s/%s disagrees with its YAML: rebuild the bundle", SnapshotFile, r.Name, n)
		}
	}
	if e := snap.Register; e != nil {
		reg, err := register.Parse(RegisterFile, ct.files[RegisterFile].Data)
		if err != nil {
			return err
		}
		if !reflect.DeepEqual(reg, e.Register) {
			return fmt.Errorf("%s: %s disagrees with its YAML: rebuild the bundle", SnapshotFile, RegisterFile)
		}
	}
	for _, p := range slices.Sorted(maps.Keys(snap.Layers)) {
		e := snap.Layers[p]
		m, err := place.ParseManifest(ct.files[p].Data, p)
		if err != nil {
			return err
		}
		if !reflect.DeepEqual(m, e.Manifest) {
			return fmt.Errorf("%s: %s disagrees with its YAML: rebuild the bundle", SnapshotFile, p)
		}
	}
	return nil
}
