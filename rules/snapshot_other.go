//go:build !js

package rules

// trustLinkedSnapshot: other builds find every file's snapshot entry by
// its SHA-256 (hashedSnapshot), which costs little where SHA-256 has
// machine instructions.
const trustLinkedSnapshot = false
