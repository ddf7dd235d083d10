//go:build js

package rules

// trustLinkedSnapshot: the WebAssembly build matches embedded files to the
// snapshot by their bytes, without SHA-256 (linkedSnapshot).
const trustLinkedSnapshot = true
