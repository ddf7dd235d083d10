package deploy

import (
	"bufio"
	"debug/elf"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// image is what the Dockerfile's final stage says about running it.
type image struct {
	build       []string // the build stage's go build command, as words
	user        string
	env         map[string]string
	entrypoint  []string
	cmd         []string
	healthcheck []string
}

// dockerfile reads ../Dockerfile: the build stage's `go build` line and
// the final stage's USER, ENV, ENTRYPOINT, CMD and HEALTHCHECK (exec form).
func dockerfile(t *testing.T) image {
	t.Helper()
	f, err := os.Open("../Dockerfile")
	require.NoError(t, err)
	defer f.Close()
	var img image
	stages := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		instr, rest, _ := strings.Cut(line, " ")
		switch strings.ToUpper(instr) {
		case "FROM":
			stages++
			img.user, img.env, img.entrypoint, img.cmd, img.healthcheck = "", map[string]string{}, nil, nil, nil
		case "RUN":
			if strings.Contains(rest, "go build") {
				img.build = shellWords(t, rest)
			}
		case "USER":
			img.user = rest
		case "ENV":
			k, v, ok := strings.Cut(rest, "=")
			require.True(t, ok, "ENV KEY=VALUE: %s", line)
			if u, err := strconv.Unquote(v); err == nil {
				v = u
			}
			img.env[k] = v
		case "ENTRYPOINT":
			require.NoError(t, json.Unmarshal([]byte(rest), &img.entrypoint), "ENTRYPOINT in exec form: %s", line)
		case "CMD":
			require.NoError(t, json.Unmarshal([]byte(rest), &img.cmd), "CMD in exec form: %s", line)
		case "HEALTHCHECK":
			_, exec, ok := strings.Cut(rest, " CMD ")
			require.True(t, ok, "HEALTHCHECK … CMD [...]: %s", line)
			require.NoError(t, json.Unmarshal([]byte(exec), &img.healthcheck), "HEALTHCHECK CMD in exec form: %s", line)
		}
	}
	require.NoError(t, sc.Err())
	require.Equal(t, 2, stages, "a build stage and a run stage")
	require.NotEmpty(t, img.build, "the build stage runs go build")
	require.NotEmpty(t, img.entrypoint)
	require.NotEmpty(t, img.healthcheck)
	return img
}

// buildImageBinaries builds tonggao and tonggao-server as the Dockerfile's
// build stage does (same environment and flags), into dir.
func buildImageBinaries(t *testing.T, img image, dir string) {
	t.Helper()
	var env, args []string
	out := dir + string(filepath.Separator)
	words := img.build
	for len(words) > 0 && strings.Contains(words[0], "=") {
		env = append(env, words[0])
		words = words[1:]
	}
	require.Equal(t, []string{"go", "build"}, words[:2])
	for i := 2; i < len(words); i++ {
		w := words[i]
		if w == "-o" {
			args = append(args, "-o", out)
			i++
			continue
		}
		args = append(args, w)
	}
	require.Contains(t, env, "CGO_ENABLED=0")
	cmd := exec.Command("go", append([]string{"build"}, args...)...)
	cmd.Dir = ".."
	cmd.Env = append(os.Environ(), env...)
	b, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", b)
	for _, bin := range []string{"tonggao", "tonggao-server"} {
		_, err := os.Stat(filepath.Join(dir, bin))
		require.NoError(t, err, "the image holds %s", bin)
	}
}

// shellWords splits a RUN line as sh would for the simple words it uses:
// spaces separate, double quotes group.
func shellWords(t *testing.T, s string) []string {
	t.Helper()
	var out []string
	var w strings.Builder
	in, quoted := false, false
	for _, r := range s {
		switch {
		case r == '"':
			quoted, in = !quoted, true
		case r == ' ' && !quoted:
			if in {
				out = append(out, w.String())
				w.Reset()
				in = false
			}
		default:
			w.WriteRune(r)
			in = true
		}
	}
	require.False(t, quoted, "unbalanced quotes: %s", s)
	if in {
		out = append(out, w.String())
	}
	return out
}

func freePort(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer ln.Close()
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	return port
}

// runAs starts argv with env (and nothing else from this process's
// environment) from /, as the image's user when this test runs as root.
func runAs(t *testing.T, img image, argv []string, env map[string]string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Dir = "/"
	cmd.Env = []string{}
	for k, v := range env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	if os.Geteuid() == 0 {
		uid, gid, _ := strings.Cut(img.user, ":")
		u, err := strconv.ParseUint(uid, 10, 32)
		require.NoError(t, err)
		g, err := strconv.ParseUint(gid, 10, 32)
		require.NoError(t, err)
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: uint32(u), Gid: uint32(g)}}
	}
	return cmd
}

// TestImageEntrypoint runs the image as a plain process: the binary built
// as the Dockerfile builds it (static: no ELF interpreter), started with
// the image's ENTRYPOINT, CMD and ENV as its non-root USER, from /, with
// no other environment (no HOME, no writable place). It must listen where
// ENV says, pass its own HEALTHCHECK, be ready, serve an answer and
// metrics, and stop on SIGTERM within the drain delay plus grace period.
// Then the same with the Kubernetes ConfigMap's variables (admin listener,
// token file).
func TestImageEntrypoint(t *testing.T) {
	img := dockerfile(t)
	require.Equal(t, "65532:65532", img.user, "the image runs as distroless's nonroot")
	require.Equal(t, ":8080", img.env["TONGGAO_ADDR"])
	dir := t.TempDir()
	// The non-root user must reach the binary (t.TempDir's parent is 0700).
	require.NoError(t, os.Chmod(filepath.Dir(dir), 0o755))
	require.NoError(t, os.Chmod(dir, 0o755))
	buildImageBinaries(t, img, dir)

	for _, bin := range []string{"tonggao", "tonggao-server"} {
		ef, err := elf.Open(filepath.Join(dir, bin))
		require.NoError(t, err)
		for _, p := range ef.Progs {
			require.NotEqual(t, elf.PT_INTERP, p.Type, "a static binary has no ELF interpreter: %s", bin)
		}
		ef.Close()
	}

	// The image's paths name /usr/local/bin/tonggao-server; here it is in
	// dir, beside tonggao.
	local := func(argv []string) []string {
		out := append([]string{}, argv...)
		require.Equal(t, "/usr/local/bin/tonggao-server", out[0], "the image runs the service's binary")
		out[0] = filepath.Join(dir, filepath.Base(out[0]))
		return out
	}

	t.Run("image ENV", func(t *testing.T) {
		port := freePort(t)
		env := map[string]string{}
		for k, v := range img.env {
			env[k] = v
		}
		env["TONGGAO_ADDR"] = "127.0.0.1:" + port // 8080 may be taken on a shared machine
		runAndStop(t, img, local, append(local(img.entrypoint), img.cmd...), env, port, "")
	})

	t.Run("Kubernetes ConfigMap", func(t *testing.T) {
		m := readManifests(t)
		port, adminPort := freePort(t), freePort(t)
		env := map[string]string{}
		for k, v := range img.env {
			env[k] = v
		}
		for k, v := range m.cm.Data {
			env[k] = v
		}
		env["TONGGAO_ADDR"] = "127.0.0.1:" + port
		env["TONGGAO_ADMIN_ADDR"] = "127.0.0.1:" + adminPort
		token := "k8s-secret-token-0123456789abcdef"
		tokenFile := filepath.Join(dir, "admin-token")
		require.NoError(t, os.WriteFile(tokenFile, []byte(token), 0o644))
		env["TONGGAO_ADMIN_TOKEN_FILE"] = tokenFile
		env["TONGGAO_DRAIN_DELAY"] = "1s"
		runAndStop(t, img, local, append(local(img.entrypoint), img.cmd...), env, port, adminPort+" "+token)
	})
}

func runAndStop(t *testing.T, img image, local func([]string) []string, argv []string, env map[string]string, port, admin string) {
	cmd := runAs(t, img, argv, env)
	var logs strings.Builder
	cmd.Stdout, cmd.Stderr = io.Discard, &logs
	require.NoError(t, cmd.Start())
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	defer func() {
		_ = cmd.Process.Kill()
	}()
	base := "http://127.0.0.1:" + port
	require.Eventually(t, func() bool {
		resp, err := http.Get(base + "/healthz")
		if err != nil {
			return false
		}
		resp.Body.Close()
		return resp.StatusCode == 200
	}, 20*time.Second, 50*time.Millisecond, "the server answers /healthz; log:\n%s", &logs)

	hc := runAs(t, img, local(img.healthcheck), env)
	out, err := hc.CombinedOutput()
	require.NoError(t, err, "HEALTHCHECK: %s", out)

	for path, want := range map[string]int{"/readyz": 200, "/metrics": 200, "/admin/reload": 404, "/debug/pprof/": 404} {
		resp, err := http.Get(base + path)
		require.NoError(t, err)
		resp.Body.Close()
		require.Equal(t, want, resp.StatusCode, path)
	}
	resp, err := http.Post(base+"/v1/decisions", "application/json", strings.NewReader(`{"activity":"烧田埂","at":"2024-10-03","facts":{"distance_to_forest_m":50}}`))
	require.NoError(t, err)
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	require.Equal(t, 200, resp.StatusCode, "%s", body)
	require.Contains(t, string(body), `"verdict":"forbidden"`)

	if admin != "" {
		adminPort, token, _ := strings.Cut(admin, " ")
		for tok, want := range map[string]int{"": 401, "wrong-token-0123456789": 401, token: 409} {
			req, _ := http.NewRequest("POST", "http://127.0.0.1:"+adminPort+"/admin/reload", nil)
			if tok != "" {
				req.Header.Set("Authorization", "Bearer "+tok)
			}
			resp, err := http.DefaultClient.Do(req)
			require.NoError(t, err)
			resp.Body.Close()
			require.Equal(t, want, resp.StatusCode, "admin with token %q (409: the embedded rules cannot be reloaded)", tok)
		}
	}

	budget := 12 * time.Second // drain delay + grace (10 s) + slack
	start := time.Now()
	require.NoError(t, cmd.Process.Signal(syscall.SIGTERM))
	select {
	case err := <-exited:
		require.NoError(t, err, "exit status 0 after SIGTERM; log:\n%s", &logs)
		require.Less(t, time.Since(start), budget)
	case <-time.After(budget + 5*time.Second):
		t.Fatalf("no exit within %s of SIGTERM", budget)
	}
	require.NotContains(t, logs.String(), `"level":"ERROR"`, fmt.Sprint(&logs))
}
