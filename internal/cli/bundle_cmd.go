package cli

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"
	"github.com/tonggao/tonggao/bundle"
	"github.com/tonggao/tonggao/feed"
	"github.com/tonggao/tonggao/register"
)

// bundleCmd is "tonggao bundle": the artefact a service pulls and a
// patrol phone installs.
func (a *app) bundleCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:     "bundle",
		GroupID: groupData,
		Short:   "Build, sign and verify rule bundles",
		Long: `Build, sign and verify rule bundles: one zip holding the rules, the
register, holidays and place layers, each file listed with its SHA-256 in
bundle.json, and bundle.sig, an Ed25519 signature of bundle.json. tonggao
serve --bundle-url pulls them; the patrol app installs the same file.

Keys are PEM files: the private key PKCS #8 ("PRIVATE KEY"), the public
key PKIX ("PUBLIC KEY"), as tonggao bundle keygen or openssl genpkey
-algorithm ed25519 and openssl pkey -pubout write them.`,
		Args: subcommandArgs,
		RunE: a.runParent,
	}
	cmd.AddCommand(a.bundleBuildCmd(), a.bundleSignCmd(), a.bundleVerifyCmd(), a.bundleKeygenCmd())
	return cmd
}

func (a *app) bundleBuildCmd() *cobra.Command {
	var (
		version, out, layers, holidays, registerFile string
		conditions                                   string
		noRegister                                   bool
		rf                                           *ruleFlags
	)
	cmd := &cobra.Command{
		Use:   "build --version V -o FILE [flags]",
		Short: "Build an unsigned bundle from rule directories",
		Long: `Build an unsigned bundle from the rule directories (the embedded rule base
unless --embedded=false, and each --rules directory), with place layers,
holiday files, the register of documents in force and (--conditions) the
latest conditions feed, which an officer offline answers from and sees the
age of. The bundle is
opened and its rules loaded before it is written, so a bundle that would
be refused is never made. The same files give the same bytes.

The register is --register FILE, else the embedded one when the embedded
rule base is in the bundle; a bundle without one has an empty register.`,
		Example: `  tonggao bundle build --version 2026-12-02.1 --embedded=false --rules rules -o bundle.zip
  tonggao bundle build --version 2026-12-02.1 --rules county/ --layers layers/ -o bundle.zip`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if out == "" {
				return usageErrorf("-o FILE is required")
			}
			roots, err := rf.roots()
			if err != nil {
				return err
			}
			src := bundle.Source{Version: version, Roots: roots}
			if layers != "" {
				if src.Layers, err = dirFS("--layers", layers); err != nil {
					return err
				}
			}
			if holidays != "" {
				if src.Holidays, err = dirFS("--holidays", holidays); err != nil {
					return err
				}
			}
			if conditions != "" {
				if src.Conditions, err = dirFS("--conditions", conditions); err != nil {
					return err
				}
			}
			switch {
			case registerFile != "" && noRegister:
				return usageErrorf("give --register or --no-register, not both")
			case registerFile != "":
				data, err := os.ReadFile(registerFile)
				if err != nil {
					return badInput("bad_bundle", fmt.Errorf("--register: %w", err))
				}
				if _, err := register.Parse(registerFile, data); err != nil {
					return badInput("bad_bundle", err)
				}
				src.Register = data
			case rf.embedded && !noRegister:
				src.Register = register.EmbeddedYAML()
			}
			var buf bytes.Buffer
			if _, err := bundle.Build(context.Background(), &buf, src); err != nil {
				return badInput("bad_bundle", err)
			}
			b, err := bundle.OpenZip(buf.Bytes(), out)
			if err != nil {
				return badInput("bad_bundle", err)
			}
			if err := writeFileAtomic(out, buf.Bytes(), 0o644); err != nil {
				return failed("output", err)
			}
			a.describeBundle(b, len(buf.Bytes()))
			return nil
		},
	}
	fs := cmd.Flags()
	fs.StringVar(&version, "version", "", "the bundle's `revision`, reported in every answer (e.g. 2026-12-02.1)")
	fs.StringVarP(&out, "output", "o", "", "write the bundle to `FILE`")
	rf = addRuleFlags(fs)
	fs.StringVar(&layers, "layers", "", "a directory `DIR` of GeoJSON place layers to include (layers/)")
	fs.StringVar(&holidays, "holidays", "", "a directory `DIR` of holiday-cn YYYY.json files to include (holidays/; the embedded ones otherwise)")
	fs.StringVar(&registerFile, "register", "", "the register of documents in force, a register.yaml `FILE`")
	fs.StringVar(&conditions, "conditions", "", "a directory `DIR` of conditions feed files to include (conditions/): the latest feed, answered from offline")
	fs.BoolVar(&noRegister, "no-register", false, "include no register, even with the embedded rule base")
	aliasFlags(fs, map[string]string{"o": "output"})
	_ = cmd.MarkFlagRequired("version")
	return cmd
}

func (a *app) bundleSignCmd() *cobra.Command {
	var keyFile, out string
	cmd := &cobra.Command{
		Use:   "sign --key PRIVATE BUNDLE.zip",
		Short: "Sign a bundle with an Ed25519 private key",
		Long: `Sign a bundle: verify it, then write it again with bundle.sig holding the
key's Ed25519 signature of bundle.json (replacing any signature it had).
The manifest, the files and so the digest are unchanged. The bundle is
rewritten in place unless -o names another file.`,
		Example: "  tonggao bundle sign --key signing.pem bundle.zip",
		Args:    exactFile,
		RunE: func(cmd *cobra.Command, args []string) error {
			priv, err := bundle.ReadPrivateKeyFile(keyFile)
			if err != nil {
				return badInput("bad_key", err)
			}
			data, err := bundle.ReadFile(args[0], bundle.Limits{})
			if err != nil {
				return badInput("bad_bundle", err)
			}
			signed, err := bundle.Sign(data, priv)
			if err != nil {
				return badInput("bad_bundle", err)
			}
			if out == "" {
				out = args[0]
			}
			if err := writeFileAtomic(out, signed, 0o644); err != nil {
				return failed("output", err)
			}
			pub := priv.Public().(ed25519.PublicKey)
			fmt.Fprintf(a.stdout, "signed %s with key %s\n", out, bundle.KeyID(pub))
			return nil
		},
	}
	cmd.Flags().StringVar(&keyFile, "key", "", "the private key `FILE` (PEM, PKCS #8)")
	cmd.Flags().StringVarP(&out, "output", "o", "", "write the signed bundle to `FILE` (default: in place)")
	aliasFlags(cmd.Flags(), map[string]string{"o": "output"})
	_ = cmd.MarkFlagRequired("key")
	return cmd
}

// verifyJSON is the --json form of "tonggao bundle verify".
type verifyJSON struct {
	Version string   `json:"version"`
	Digest  string   `json:"digest"`
	KeyID   string   `json:"key_id,omitempty"`
	RuleSet string   `json:"rule_set"`
	Roots   []string `json:"roots"`
	Files   int      `json:"files"`
}

func (a *app) bundleVerifyCmd() *cobra.Command {
	var (
		keyFiles []string
		sum      string
		cases    bool
		asJSON   bool
	)
	cmd := &cobra.Command{
		Use:   "verify [--key PUBLIC]... BUNDLE",
		Short: "Verify a bundle as a service or the patrol app would",
		Long: `Verify a bundle (a .zip, or a directory it was unpacked in) as a service
or the patrol app would before switching to it: every entry a regular
file listed in bundle.json with its checksum, sizes within the limits,
the signature by one of the --key public keys (when given), the rules,
layers and register loaded; with --cases, the rule files' test cases pass.
Exit status 0: it would be accepted; 2: it would be refused, and why.`,
		Example: "  tonggao bundle verify --key bundle-key.pub bundle.zip",
		Args:    exactFile,
		RunE: func(cmd *cobra.Command, args []string) error {
			var opts []bundle.Option
			for _, kf := range keyFiles {
				k, err := bundle.ReadPublicKeyFile(kf)
				if err != nil {
					return badInput("bad_key", err)
				}
				opts = append(opts, bundle.WithKeys(k))
			}
			if cases {
				opts = append(opts, bundle.WithCaseCheck())
			}
			var (
				b   *bundle.Bundle
				err error
			)
			if st, serr := os.Stat(args[0]); serr == nil && st.IsDir() {
				if sum != "" {
					return usageErrorf("--sha256 is a zip file's checksum; %s is a directory", args[0])
				}
				b, err = bundle.OpenDir(args[0], opts...)
			} else {
				if sum != "" {
					opts = append(opts, bundle.WithSHA256(sum))
				}
				b, err = bundle.OpenFile(args[0], opts...)
			}
			if err != nil {
				return badInput("bad_bundle", err)
			}
			if asJSON {
				return writeJSON(a.stdout, verifyJSON{Version: b.Version, Digest: b.Digest, KeyID: b.KeyID,
					RuleSet: b.Engine.Receipt().RuleSet, Roots: b.Manifest.RootDirs(), Files: len(b.Manifest.Files)}, true)
			}
			a.describeBundle(b, -1)
			return nil
		},
	}
	fs := cmd.Flags()
	fs.StringArrayVar(&keyFiles, "key", nil, "a trusted public key `FILE` (PEM): the bundle must be signed by one; repeatable")
	fs.StringVar(&sum, "sha256", "", "the zip's published SHA-256 (`hex`)")
	fs.BoolVar(&cases, "cases", false, "also run the rule files' test cases (*.cases.yaml)")
	fs.BoolVar(&asJSON, "json", false, "print as JSON")
	return cmd
}

func (a *app) bundleKeygenCmd() *cobra.Command {
	var privFile, pubFile string
	cmd := &cobra.Command{
		Use:   "keygen --private FILE --public FILE",
		Short: "Make an Ed25519 key pair for signing bundles",
		Long: `Make an Ed25519 key pair: the private key (PEM, PKCS #8, written with mode
0600) signs bundles and stays with whoever publishes them; the public key
(PEM, PKIX) goes to every service (serve --bundle-key) and app that
trusts them. Neither file may exist already.`,
		Example: "  tonggao bundle keygen --private signing.pem --public bundle-key.pub",
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			privPEM, pubPEM, err := bundle.GenerateKey()
			if err != nil {
				return failed("output", err)
			}
			if err := writeNew(privFile, privPEM, 0o600); err != nil {
				return failed("output", err)
			}
			if err := writeNew(pubFile, pubPEM, 0o644); err != nil {
				os.Remove(privFile)
				return failed("output", err)
			}
			pub, err := bundle.ParsePublicKey(pubPEM)
			if err != nil {
				return failed("output", err)
			}
			fmt.Fprintf(a.stdout, "key %s: private %s, public %s\n", bundle.KeyID(pub), privFile, pubFile)
			return nil
		},
	}
	cmd.Flags().StringVar(&privFile, "private", "", "write the private key to `FILE`")
	cmd.Flags().StringVar(&pubFile, "public", "", "write the public key to `FILE`")
	_ = cmd.MarkFlagRequired("private")
	_ = cmd.MarkFlagRequired("public")
	return cmd
}

// describeBundle prints what a bundle is; size < 0 leaves the size out.
func (a *app) describeBundle(b *bundle.Bundle, size int) {
	fmt.Fprintf(a.stdout, "bundle   %s\ndigest   %s\n", b.Version, b.Digest)
	if b.KeyID != "" {
		fmt.Fprintf(a.stdout, "signed   key %s\n", b.KeyID)
	}
	fmt.Fprintf(a.stdout, "rules    %s\nroots    %v\nfiles    %d", b.Engine.Receipt().RuleSet, b.Manifest.RootDirs(), len(b.Manifest.Files))
	if size >= 0 {
		fmt.Fprintf(a.stdout, " (%d bytes zipped)", size)
	}
	fmt.Fprintln(a.stdout)
	if b.Layers != nil {
		fmt.Fprintf(a.stdout, "layers   %d\n", len(b.Layers.Manifest().Layers))
	}
	if f := b.Manifest.Feed; f != nil {
		fmt.Fprintf(a.stdout, "feed     %s (%d rows, issued %s)\n", f.Digest, f.Rows, feed.IssuedText(f.Issued))
	}
}

// exactFile is the Args of a command that takes one file.
func exactFile(_ *cobra.Command, args []string) error {
	if len(args) != 1 {
		return usageErrorf("want one bundle, got %d arguments", len(args))
	}
	return nil
}

// dirFS is a directory given by a flag.
func dirFS(flag, dir string) (fs.FS, error) {
	st, err := os.Stat(dir)
	if err != nil {
		return nil, badInput("bad_bundle", fmt.Errorf("%s: %w", flag, err))
	}
	if !st.IsDir() {
		return nil, badInput("bad_bundle", fmt.Errorf("%s %s: not a directory", flag, dir))
	}
	return os.DirFS(dir), nil
}

// writeFileAtomic writes data to a temporary file beside name and renames
// it, so a reader (a file server publishing the bundle) never sees half.
func writeFileAtomic(name string, data []byte, mode os.FileMode) error {
	f, err := os.CreateTemp(filepath.Dir(name), ".tonggao-*")
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Chmod(mode)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), name)
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}

// writeNew writes a file that must not exist yet.
func writeNew(name string, data []byte, mode os.FileMode) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, mode)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return errors.Join(err, os.Remove(name))
	}
	return nil
}
