//go:build !js

package bundle

import (
	"crypto/ed25519"
	"crypto/rand"
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"errors"
	"fmt"
	"os"

	jsonv2 "github.com/go-json-experiment/json"
)

// Keys in PEM and signing are the publisher's side (tonggao bundle keygen,
// sign) and need crypto/x509; the WebAssembly build, which only opens
// bundles, leaves this file out (docs/speed.md).

// GenerateKey makes a key pair and returns them as PEM files: the private
// key as PKCS #8 ("PRIVATE KEY"), the public key as PKIX ("PUBLIC KEY") —
// the forms `openssl genpkey -algorithm ed25519` and `openssl pkey
// -pubout` write, so either tool may make the keys.
func GenerateKey() (privPEM, pubPEM []byte, err error) {
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, nil, err
	}
	der, err := x509.MarshalPKCS8PrivateKey(priv)
	if err != nil {
		return nil, nil, err
	}
	pder, err := x509.MarshalPKIXPublicKey(pub)
	if err != nil {
		return nil, nil, err
	}
	return pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}), pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: pder}), nil
}

// ParsePrivateKey reads an Ed25519 private key in PEM (PKCS #8).
func ParsePrivateKey(data []byte) (ed25519.PrivateKey, error) {
	b, _ := pem.Decode(data)
	if b == nil || b.Type != "PRIVATE KEY" {
		return nil, errors.New("not a PEM \"PRIVATE KEY\" (PKCS #8): make one with tonggao bundle keygen or openssl genpkey -algorithm ed25519")
	}
	k, err := x509.ParsePKCS8PrivateKey(b.Bytes)
	if err != nil {
		return nil, err
	}
	priv, ok := k.(ed25519.PrivateKey)
	if !ok {
		return nil, fmt.Errorf("a %T, not an Ed25519 key", k)
	}
	return priv, nil
}

// ParsePublicKey reads an Ed25519 public key in PEM (PKIX "PUBLIC KEY").
func ParsePublicKey(data []byte) (ed25519.PublicKey, error) {
	b, _ := pem.Decode(data)
	if b == nil || b.Type != "PUBLIC KEY" {
		return nil, errors.New("not a PEM \"PUBLIC KEY\": make one with tonggao bundle keygen or openssl pkey -pubout")
	}
	k, err := x509.ParsePKIXPublicKey(b.Bytes)
	if err != nil {
		return nil, err
	}
	pub, ok := k.(ed25519.PublicKey)
	if !ok {
		return nil, fmt.Errorf("a %T, not an Ed25519 key", k)
	}
	return pub, nil
}

// ReadPublicKeyFile reads a public key file (at most 64 KiB).
func ReadPublicKeyFile(path string) (ed25519.PublicKey, error) {
	data, err := readSmall(path)
	if err != nil {
		return nil, fmt.Errorf("bundle key %s: %w", path, err)
	}
	k, err := ParsePublicKey(data)
	if err != nil {
		return nil, fmt.Errorf("bundle key %s: %w", path, err)
	}
	return k, nil
}

// ReadPrivateKeyFile reads a private key file (at most 64 KiB).
func ReadPrivateKeyFile(path string) (ed25519.PrivateKey, error) {
	data, err := readSmall(path)
	if err != nil {
		return nil, fmt.Errorf("signing key %s: %w", path, err)
	}
	k, err := ParsePrivateKey(data)
	if err != nil {
		return nil, fmt.Errorf("signing key %s: %w", path, err)
	}
	return k, nil
}

func readSmall(path string) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() || st.Size() > 64<<10 {
		return nil, errors.New("not a regular file of at most 64 KiB")
	}
	return os.ReadFile(path)
}

// Sign returns the zipped bundle data with bundle.sig holding priv's
// signature of its manifest (replacing any signature it had). The bundle
// is verified first, so only a well-formed bundle is ever signed; the
// files and the manifest are kept byte for byte.
func Sign(data []byte, priv ed25519.PrivateKey) ([]byte, error) {
	ct, err := readZip(data, Limits{})
	if err != nil {
		return nil, &Error{Source: "to sign", Err: err}
	}
	pub := priv.Public().(ed25519.PublicKey)
	sig, err := jsonv2.Marshal(Signature{Alg: "ed25519", KeyID: KeyID(pub),
		Signature: base64.StdEncoding.EncodeToString(ed25519.Sign(priv, ct.raw))}, jsonv2.Deterministic(true))
	if err != nil {
		return nil, err
	}
	return writeZip(ct.raw, append(sig, '\n'), ct.files, ct.manifest)
}
