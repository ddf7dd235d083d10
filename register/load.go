package register

import _ "embed"

// embeddedName is the name errors give the embedded data file.
const embeddedName = "register/register.yaml"

//go:embed register.yaml
var embeddedYAML []byte

// Embedded returns the register of 祁政发〔2024〕4号: the decision itself, its
// 1 abolished, 46 invalidated and 43 continued documents, its general
// clause for unlisted documents, and the other documents printed in the same
// gazette. The register is shared and immutable; use
// With to add documents.
func Embedded() (*Register, error) { return loadEmbedded() }

// EmbeddedYAML is the embedded register's data file, for a bundle built
// from the embedded rule base.
func EmbeddedYAML() []byte { return append([]byte(nil), embeddedYAML...) }

// maxRegisterBytes bounds a register file read from elsewhere than the
// binary: the embedded one, 90 documents, is 40 KB.
const maxRegisterBytes = 4 << 20
