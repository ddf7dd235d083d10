//go:build !js && !nosnapshot

package hotline

import _ "embed"

// triesSnapshot is the snapshot of the embedded rule base's known words,
// segmenter's dictionary and homophone index (tries_snapshot.go).
//
//go:embed tries_gen.txt
var triesSnapshot string
