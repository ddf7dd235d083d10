// Package bundle is how a rule base travels: one zip (or a directory laid
// out the same way) holding everything an engine needs, verified before
// any of it is used, so that a service or a patrol officer's phone can
// switch to it or refuse it whole.
//
//	bundle.json        the manifest: version (the revision), the rule roots, the SHA-256 of every file
//	bundle.sig         optional: an Ed25519 signature of bundle.json's bytes
//	rules/             one rule directory (facts.yaml, notices/, vocabulary/, layers.yaml, divisions.csv),
//	                   or several, rules/<name>/, loaded in the manifest's order
//	register.yaml      optional: the register of documents in force (none otherwise)
//	holidays/YYYY.json optional: holiday-cn files (the embedded ones otherwise)
//	layers/*.geojson   optional: place layers the roots' layers.yaml name
//	snapshot.json      optional (Build writes it): the rule files decoded, for readers without YAML (SnapshotFile)
//
// Reading is hostile-input safe: every entry must be a regular file listed
// in the manifest with its checksum (a symlink, pipe, device or socket is
// refused, listed or not), names are clean relative paths, each file and
// all of them together are bounded before anything is decompressed
// ([Limits]), and the engine is built from the verified bytes in memory
// only. A directory bundle is checked the same way. Any failure is an
// [*Error]; whoever had a bundle keeps it.
//
// [Build] writes a bundle reproducibly (the same files give the same
// bytes); [Sign] adds the signature; [OpenZip] with [WithKeys] refuses a
// bundle whose manifest the key did not sign. [Store] keeps every bundle
// activated, by digest, for replaying old decisions; package
// [github.com/tonggao/tonggao/bundle/pull] pulls bundles over HTTP for the
// service, in a package of its own so that net/http is linked by the
// service alone. A GOOS=js build (the WebAssembly module) has no PEM key
// functions and no Sign: its host downloads bundles, and leaving out
// crypto/x509 keeps the module small.
package bundle
