package calendar

import (
	"io/fs"
	"testing/fstest"
)

// mapFS builds a file system from names and contents, for table tests.
type mapFS map[string]string

func (m mapFS) Open(name string) (fs.File, error) {
	f := fstest.MapFS{}
	for k, v := range m {
		f[k] = &fstest.MapFile{Data: []byte(v)}
	}
	return f.Open(name)
}
