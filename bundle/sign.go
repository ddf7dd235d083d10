package bundle

import (
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
)

// Signature is bundle.sig: an Ed25519 signature of bundle.json's exact
// bytes. The manifest pins every file by SHA-256, so the signature covers
// the whole bundle.
type Signature struct {
	// Alg is "ed25519".
	Alg string `json:"alg"`
	// KeyID is KeyID of the signing key's public half.
	KeyID string `json:"key_id"`
	// Signature is the 64-byte signature, standard base64.
	Signature string `json:"signature"`
}

// KeyID names a public key: the first 16 hex digits of the SHA-256 of its
// 32 bytes.
func KeyID(pub ed25519.PublicKey) string {
	sum := sha256.Sum256(pub)
	return hex.EncodeToString(sum[:8])
}

// verifySignature checks sig (bundle.sig) against the manifest with any of
// keys and returns the key's id.
func verifySignature(raw, sig []byte, keys []ed25519.PublicKey) (string, error) {
	if sig == nil {
		return "", fmt.Errorf("unsigned: no %s, and a signature is required", SignatureFile)
	}
	var s Signature
	if err := decodeStrict(sig, &s); err != nil {
		return "", fmt.Errorf("%s: %w", SignatureFile, err)
	}
	if s.Alg != "ed25519" {
		return "", fmt.Errorf("%s: algorithm %.20q; want ed25519", SignatureFile, s.Alg)
	}
	b, err := base64.StdEncoding.DecodeString(s.Signature)
	if err != nil || len(b) != ed25519.SignatureSize {
		return "", fmt.Errorf("%s: the signature is not %d bytes of base64", SignatureFile, ed25519.SignatureSize)
	}
	for _, k := range keys {
		if ed25519.Verify(k, raw, b) {
			return KeyID(k), nil
		}
	}
	return "", fmt.Errorf("%s: the signature (key %.20s) does not verify with the %d trusted key(s): the manifest was changed or signed by another key", SignatureFile, s.KeyID, len(keys))
}
