package bundle

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Store keeps every bundle a service activated, as its zip under its
// digest (DIR/<digest>.zip), so that a decision recorded months ago can be
// decided again under the rules that made it (records' replay), and so
// that a restarted service whose bundle server is down can start on the
// bundle it last served (Latest). A bundle is looked up by its digest or
// by its engine's rule-set digest (engine.Receipt.RuleSet, which decision
// records carry): DIR/rule-sets/<rule-set> names the bundle's digest.
//
// Files are written to a temporary name and renamed, so a reader sees a
// whole bundle or none; Open verifies a stored bundle as a downloaded one
// is verified, and refuses one whose digest is not its name.
type Store struct {
	dir string
}

// ErrNotStored is Store.Open's error for a digest it does not hold.
var ErrNotStored = errors.New("no bundle stored under this digest")

const (
	storeRuleSets = "rule-sets"
	storeLatest   = "latest"
)

// NewStore opens (creating it if need be) a store directory.
func NewStore(dir string) (*Store, error) {
	if err := os.MkdirAll(filepath.Join(dir, storeRuleSets), 0o755); err != nil {
		return nil, fmt.Errorf("bundle store: %w", err)
	}
	return &Store{dir: dir}, nil
}

// Dir is the store's directory.
func (s *Store) Dir() string { return s.dir }

// Put keeps b (its zip, signature included) under its digest, indexes it
// by its rule set, and records it as the latest. Putting a bundle already
// kept only updates latest.
func (s *Store) Put(b *Bundle) error {
	if !isSHA256(b.Digest) {
		return fmt.Errorf("bundle store: digest %.80q is not 64 hex digits", b.Digest)
	}
	zp := filepath.Join(s.dir, b.Digest+".zip")
	if _, err := os.Lstat(zp); errors.Is(err, fs.ErrNotExist) {
		data, err := b.Zip()
		if err != nil {
			return fmt.Errorf("bundle store: %s: %w", b.Digest, err)
		}
		if err := writeAtomic(zp, data); err != nil {
			return err
		}
	} else if err != nil {
		return fmt.Errorf("bundle store: %w", err)
	}
	if rs := strings.TrimPrefix(b.Engine.Receipt().RuleSet, "sha256:"); isSHA256(rs) {
		if err := writeAtomic(filepath.Join(s.dir, storeRuleSets, rs), []byte(b.Digest+"\n")); err != nil {
			return err
		}
	}
	return writeAtomic(filepath.Join(s.dir, storeLatest), []byte(b.Digest+"\n"))
}

// Open verifies and loads the bundle kept under digest: a bundle digest,
// or a rule-set digest that a kept bundle's engine has. It returns an
// error wrapping ErrNotStored when there is none. A "sha256:" prefix (as
// rule-set digests have) is allowed. opts are as for OpenZip
// (WithKeys to check the signature again).
func (s *Store) Open(digest string, opts ...Option) (*Bundle, error) {
	digest = strings.TrimPrefix(strings.ToLower(strings.TrimSpace(digest)), "sha256:")
	if !isSHA256(digest) {
		return nil, fmt.Errorf("bundle store: %.80q is not a digest (64 hex digits)", digest)
	}
	zp := filepath.Join(s.dir, digest+".zip")
	if _, err := os.Lstat(zp); errors.Is(err, fs.ErrNotExist) {
		// Perhaps a rule set's digest.
		ref, err := readSmallFile(filepath.Join(s.dir, storeRuleSets, digest))
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil, fmt.Errorf("bundle store %s: %s: %w", s.dir, digest, ErrNotStored)
			}
			return nil, fmt.Errorf("bundle store: %w", err)
		}
		bd := strings.TrimSpace(string(ref))
		if !isSHA256(bd) {
			return nil, fmt.Errorf("bundle store: %s/%s: not a digest", storeRuleSets, digest)
		}
		return s.openBundle(bd, opts)
	}
	return s.openBundle(digest, opts)
}

func (s *Store) openBundle(digest string, opts []Option) (*Bundle, error) {
	b, err := OpenFile(filepath.Join(s.dir, digest+".zip"), opts...)
	if err != nil {
		return nil, err
	}
	if b.Digest != digest {
		return nil, fmt.Errorf("bundle store: %s.zip holds bundle %s: changed since it was kept", digest, b.Digest)
	}
	return b, nil
}

// Latest opens the bundle last Put, or returns an error wrapping
// ErrNotStored when the store is empty.
func (s *Store) Latest(opts ...Option) (*Bundle, error) {
	ref, err := readSmallFile(filepath.Join(s.dir, storeLatest))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("bundle store %s: %w", s.dir, ErrNotStored)
	}
	if err != nil {
		return nil, fmt.Errorf("bundle store: %w", err)
	}
	return s.Open(string(ref), opts...)
}

// Digests lists the digests of the bundles kept, sorted.
func (s *Store) Digests() ([]string, error) {
	ents, err := os.ReadDir(s.dir)
	if err != nil {
		return nil, fmt.Errorf("bundle store: %w", err)
	}
	var out []string
	for _, e := range ents {
		if d, ok := strings.CutSuffix(e.Name(), ".zip"); ok && isSHA256(d) && e.Type().IsRegular() {
			out = append(out, d)
		}
	}
	slices.Sort(out)
	return out, nil
}

// writeAtomic writes data to a temporary file beside p and renames it.
func writeAtomic(p string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(p), ".tmp-*")
	if err != nil {
		return fmt.Errorf("bundle store: %w", err)
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), p)
	}
	if err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("bundle store: %w", err)
	}
	return nil
}

// readSmallFile reads a store's index file: a regular file of at most
// 1 KiB.
func readSmallFile(p string) ([]byte, error) {
	st, err := os.Lstat(p)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() || st.Size() > 1<<10 {
		return nil, fmt.Errorf("%s: not a regular file of at most 1 KiB", p)
	}
	return os.ReadFile(p)
}
