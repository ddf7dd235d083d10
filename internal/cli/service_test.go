package cli

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// tonggao's serve and records run tonggao-server, beside the tonggao
// binary, with the same command line; help on them is its help.
func TestServiceCommandsRunServer(t *testing.T) {
	dir := t.TempDir()
	self := filepath.Join(dir, "tonggao")
	server := filepath.Join(dir, serverBinary)
	for _, f := range []string{self, server} {
		require.NoError(t, os.WriteFile(f, []byte("#!/bin/sh\n"), 0o755))
	}
	for _, tc := range []struct{ args, want []string }{
		{[]string{"serve", "--addr", ":8080", "--rules", "x"}, []string{"serve", "--addr", ":8080", "--rules", "x"}},
		{[]string{"serve"}, []string{"serve"}},
		{[]string{"records", "get", "3f2a", "--json"}, []string{"records", "get", "3f2a", "--json"}},
		{[]string{"serve", "--help"}, []string{"serve", "--help"}},
		{[]string{"help", "records"}, []string{"records", "--help"}},
		{[]string{"__complete", "serve", "--ad"}, []string{"__complete", "serve", "--ad"}},
		{[]string{"__completeNoDesc", "records", "get", ""}, []string{"__completeNoDesc", "records", "get", ""}},
	} {
		var out, errb bytes.Buffer
		a := testApp(&out, &errb)
		a.executable = func() (string, error) { return self, nil }
		var ran []string
		a.exec = func(path string, args []string) error {
			require.Equal(t, server, path)
			ran = args
			return nil
		}
		require.Equal(t, 0, a.run(tc.args), "%v: %s", tc.args, errb.String())
		require.Equal(t, append([]string{server}, tc.want...), ran, tc.args)
	}
}

// Without tonggao-server, serve and records fail with a message naming it
// and saying how to build it; a binary that cannot be run is a failure
// too.
func TestServiceCommandsWithoutServer(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	dir := t.TempDir()
	var out, errb bytes.Buffer
	a := testApp(&out, &errb)
	a.executable = func() (string, error) { return filepath.Join(dir, "tonggao"), nil }
	a.exec = func(string, []string) error { t.Fatal("nothing to run"); return nil }
	require.Equal(t, exitFailed, a.run([]string{"serve", "--addr", ":8080"}))
	require.Contains(t, errb.String(), "tonggao serve: tonggao-server not found in "+dir+" or on PATH")
	require.Contains(t, errb.String(), "go build -o DIR ./cmd/tonggao-server")

	require.NoError(t, os.WriteFile(filepath.Join(dir, serverBinary), nil, 0o755))
	errb.Reset()
	a.exec = func(string, []string) error { return errors.New("exec format error") }
	require.Equal(t, exitFailed, a.run([]string{"records", "list"}))
	require.Contains(t, errb.String(), "exec format error")
}

// Completing the name serve is tonggao's; completing within it is
// tonggao-server's.
func TestServiceCompletion(t *testing.T) {
	var out, errb bytes.Buffer
	a := testApp(&out, &errb)
	a.exec = func(string, []string) error { t.Fatal("tonggao completes the command's name itself"); return nil }
	require.Equal(t, 0, a.run([]string{"__complete", "serv"}))
	require.Contains(t, out.String(), "serve\t")
}
