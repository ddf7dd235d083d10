//go:build js && decide

package rules

import "embed"

// The WebAssembly decide module (./wasm/decide, tags "decide") reads no
// embedded file at all: the rule base loads from the linked snapshot
// without the files' bytes (linkedSources, trustLinkedSnapshot), the
// register and the layers' facts from theirs, and it has no hotline to
// read words (embed_js.go says the same of the full module). So nothing
// is embedded; embedded stays the (empty) file system that marks the
// embedded rule base for linkedSources.
var embedded embed.FS
