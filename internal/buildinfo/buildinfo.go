// Package buildinfo says which build of tonggao is running: the module
// version and the version-control revision the Go toolchain stamps into
// the binary. The CLI's "tonggao version" and the server's version endpoint
// both print it, beside the digest of the rule set they answer with.
package buildinfo

import (
	"runtime/debug"
	"time"
)

// Info describes one build. A field the toolchain did not record (a test
// binary, a build outside a git work tree, -buildvcs=false) is empty.
type Info struct {
	// Module is the main module's path.
	Module string `json:"module"`
	// Version is the module version: a tag such as v1.2.0 for a build by
	// "go install …@v1.2.0", a pseudo-version, or "(devel)" for a build
	// from a work tree.
	Version string `json:"version"`
	// Revision is the commit hash the binary was built from.
	Revision string `json:"revision,omitempty"`
	// Time is the commit's time, in UTC; nil when not recorded.
	Time *time.Time `json:"time,omitempty"`
	// Modified reports a work tree with uncommitted changes at build time.
	Modified bool `json:"modified"`
	// GoVersion is the toolchain that built the binary.
	GoVersion string `json:"go_version"`
}

// Read returns the running binary's build information.
func Read() Info {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return Info{Version: "(unknown)"}
	}
	return From(bi)
}

// From extracts Info from the toolchain's build information.
func From(bi *debug.BuildInfo) Info {
	in := Info{Module: bi.Main.Path, Version: bi.Main.Version, GoVersion: bi.GoVersion}
	if in.Version == "" {
		in.Version = "(devel)"
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			in.Revision = s.Value
		case "vcs.time":
			if t, err := time.Parse(time.RFC3339, s.Value); err == nil {
				t = t.UTC()
				in.Time = &t
			}
		case "vcs.modified":
			in.Modified = s.Value == "true"
		}
	}
	return in
}

// Short is a one-line form: "v1.2.0 (3f2a9c1d0e4b, 2026-05-01T10:00:00Z)",
// with "+modified" after the revision of a build from a changed work tree.
func (in Info) Short() string {
	s := in.Version
	if in.Revision == "" {
		return s
	}
	rev := in.Revision
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if in.Modified {
		rev += "+modified"
	}
	if in.Time != nil {
		rev += ", " + in.Time.Format(time.RFC3339)
	}
	return s + " (" + rev + ")"
}
