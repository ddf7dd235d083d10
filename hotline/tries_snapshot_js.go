//go:build js

package hotline

import "github.com/tonggao/tonggao/hotline/zh"

// triesFromSnapshotFor: the WebAssembly build links no snapshot of the
// known words, the segmenter and the homophone index, nor the code that
// reads one (tries_snapshot.go): it builds them.
func (p *parser) triesFromSnapshotFor([][]string, *zh.Pinyin, chan struct{}) bool { return false }
