//go:build !js

package hotline

import (
	"crypto/sha256"
	"encoding/hex"
)

//go:generate env UPDATE_SNAPSHOT=1 go test -run ^TestCatalogSnapshot$ .

// The embedded catalogue as parsed, built into the binary
// (catalog_snapshot_gen.go, written by go generate) so that a process
// does not parse its YAML: on a cold `tonggao check`, which renders its
// answer through the catalogue, that was about a tenth of the process
// (docs/speed.md). It is used only when catalog.yaml's bytes are those it
// was made from; TestCatalogSnapshot fails until it is regenerated after a
// change.

// catalogFromSnapshot returns the catalogue the snapshot holds for data,
// if it was made from data.
func catalogFromSnapshot(data []byte) (*Catalog, bool) {
	sum := sha256.Sum256(data)
	if hex.EncodeToString(sum[:]) != catalogSnapshotSum {
		return nil, false
	}
	return snapshotCatalog(), true
}
