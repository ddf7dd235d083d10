//go:build !decide

package rules

import "embed"

// The encoded gazette ships inside the library so that it works with no
// set-up: facts.yaml and one file per notice, with their test cases, the
// hotline's words and the notices' texts.
//
//go:embed facts.yaml divisions.csv layers.yaml notices/*.yaml vocabulary/*.yaml texts/*.yaml
var embedded embed.FS
