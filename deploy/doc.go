// Package deploy holds no code: it is the home of the tests of the
// deployment files — the Dockerfile at the repository's root, whose
// entrypoint container_test.go runs as a plain process (these machines
// have no Docker engine), and the Kubernetes manifests in k8s/, which
// k8s_test.go decodes strictly into the Kubernetes API's own Go types
// (k8s.io/api: an unknown or misspelt field, or a value of the wrong
// type, fails) and checks against the server's flags and endpoints.
//
// It is a module of its own so that the Kubernetes API types stay out of
// tonggao's dependencies; .ci/run runs it as it runs bench/.
package deploy
