//go:build !js

package register

import (
	"fmt"

	"github.com/tonggao/tonggao/internal/safeyaml"
)

// Parse reads a register data file in the layout of the embedded one
// (register.yaml: the decision and its documents), as a bundle brings a
// county's register. The YAML is checked within safeyaml's limits first
// (depth, aliases, merge keys), so a hostile file is refused quickly;
// errors name the file and line.
func Parse(name string, data []byte) (*Register, error) {
	if len(data) > maxRegisterBytes {
		return nil, fmt.Errorf("%s: %d bytes; a register file is at most %d", name, len(data), maxRegisterBytes)
	}
	if _, err := safeyaml.Parse(data, safeyaml.Limits{}); err != nil {
		if e, ok := err.(*safeyaml.Error); ok && e.Line > 0 {
			return nil, fmt.Errorf("%s:%w", name, err)
		}
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return parse(name, data)
}
