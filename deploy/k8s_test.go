package deploy

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/util/intstr"
	"sigs.k8s.io/yaml"
)

// decodeStrict reads one manifest into its API type: an unknown field, a
// duplicate key or a value of the wrong type is an error, as with
// `kubectl apply --validate=strict`.
func decodeStrict(t *testing.T, name string, v any) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("k8s", name))
	require.NoError(t, err)
	require.NoError(t, yaml.UnmarshalStrict(data, v), "k8s/%s", name)
}

type manifests struct {
	cm  corev1.ConfigMap
	dep appsv1.Deployment
	svc corev1.Service
}

func readManifests(t *testing.T) manifests {
	var m manifests
	decodeStrict(t, "configmap.yaml", &m.cm)
	decodeStrict(t, "deployment.yaml", &m.dep)
	decodeStrict(t, "service.yaml", &m.svc)
	require.Equal(t, "ConfigMap", m.cm.Kind)
	require.Equal(t, "v1", m.cm.APIVersion)
	require.Equal(t, "Deployment", m.dep.Kind)
	require.Equal(t, "apps/v1", m.dep.APIVersion)
	require.Equal(t, "Service", m.svc.Kind)
	require.Equal(t, "v1", m.svc.APIVersion)
	return m
}

// TestManifestsDecodeStrictly: the files are valid Kubernetes objects of
// the kinds they claim, and kustomization.yaml lists every one.
func TestManifestsDecodeStrictly(t *testing.T) {
	readManifests(t)
	// A field Kubernetes does not know is refused (the check can fail).
	var d appsv1.Deployment
	require.Error(t, yaml.UnmarshalStrict([]byte("apiVersion: apps/v1\nkind: Deployment\nspec:\n  replica: 2\n"), &d))
	require.Error(t, yaml.UnmarshalStrict([]byte("apiVersion: apps/v1\nkind: Deployment\nspec:\n  replicas: two\n"), &d))

	var k struct {
		APIVersion string   `json:"apiVersion"`
		Kind       string   `json:"kind"`
		Resources  []string `json:"resources"`
	}
	data, err := os.ReadFile("k8s/kustomization.yaml")
	require.NoError(t, err)
	require.NoError(t, yaml.UnmarshalStrict(data, &k))
	files, err := filepath.Glob("k8s/*.yaml")
	require.NoError(t, err)
	var want []string
	for _, f := range files {
		if b := filepath.Base(f); b != "kustomization.yaml" {
			want = append(want, b)
		}
	}
	slices.Sort(k.Resources)
	require.Equal(t, want, k.Resources)
}

// TestDeploymentIsWiredToTheServer: the probes are the server's liveness
// and readiness endpoints on the public port, the Service selects the
// pods and reaches that port and not the admin one, the container runs as
// the Dockerfile's non-root user with a read-only root file system, and
// the admin token file the ConfigMap names is mounted.
func TestDeploymentIsWiredToTheServer(t *testing.T) {
	m := readManifests(t)
	spec := m.dep.Spec.Template.Spec
	require.Len(t, spec.Containers, 1)
	c := spec.Containers[0]
	require.Equal(t, m.dep.Spec.Selector.MatchLabels, m.dep.Spec.Template.Labels)
	require.Equal(t, m.svc.Spec.Selector, m.dep.Spec.Template.Labels)

	ports := map[string]int32{}
	for _, p := range c.Ports {
		ports[p.Name] = p.ContainerPort
	}
	require.Equal(t, map[string]int32{"http": 8080, "admin": 9090}, ports)
	require.Equal(t, ":8080", m.cm.Data["TONGGAO_ADDR"])
	require.Equal(t, ":9090", m.cm.Data["TONGGAO_ADMIN_ADDR"])
	require.Len(t, m.svc.Spec.Ports, 1)
	require.Equal(t, intstr.FromString("http"), m.svc.Spec.Ports[0].TargetPort, "the Service never exposes admin")

	for probe, path := range map[*corev1.Probe]string{c.LivenessProbe: "/healthz", c.ReadinessProbe: "/readyz", c.StartupProbe: "/healthz"} {
		require.NotNil(t, probe)
		require.NotNil(t, probe.HTTPGet)
		require.Equal(t, path, probe.HTTPGet.Path)
		require.Equal(t, intstr.FromString("http"), probe.HTTPGet.Port)
	}

	require.NotNil(t, spec.SecurityContext)
	require.True(t, *spec.SecurityContext.RunAsNonRoot)
	require.Equal(t, int64(65532), *spec.SecurityContext.RunAsUser)
	user, _, _ := strings.Cut(dockerfile(t).user, ":")
	require.Equal(t, user, "65532", "the Dockerfile's USER")
	require.True(t, *c.SecurityContext.ReadOnlyRootFilesystem)
	require.False(t, *c.SecurityContext.AllowPrivilegeEscalation)
	require.Equal(t, []corev1.Capability{"ALL"}, c.SecurityContext.Capabilities.Drop)

	// The container's args are the Dockerfile's CMD (its ENTRYPOINT is the
	// image's), and its flags come from the ConfigMap.
	require.Equal(t, dockerfile(t).cmd, c.Args)
	require.Empty(t, c.Command, "the image's ENTRYPOINT is used")
	require.Len(t, c.EnvFrom, 1)
	require.Equal(t, m.cm.Name, c.EnvFrom[0].ConfigMapRef.Name)

	tokenFile := m.cm.Data["TONGGAO_ADMIN_TOKEN_FILE"]
	mounted := false
	for _, vm := range c.VolumeMounts {
		if strings.HasPrefix(tokenFile, vm.MountPath+"/") {
			mounted = true
			require.True(t, vm.ReadOnly)
		}
	}
	require.True(t, mounted, "%s is on a mounted volume", tokenFile)

	// SIGTERM: the drain delay and the grace period fit in Kubernetes'
	// termination grace period, or the kubelet kills requests in flight.
	require.Greater(t, *spec.TerminationGracePeriodSeconds, int64(seconds(t, m.cm.Data["TONGGAO_DRAIN_DELAY"])+seconds(t, m.cm.Data["TONGGAO_GRACE"])))
}

// TestConfigMapNamesRealFlags: every TONGGAO_ variable is a flag of
// tonggao serve (a misspelt one would be ignored silently).
func TestConfigMapNamesRealFlags(t *testing.T) {
	m := readManifests(t)
	help := serveHelp(t)
	for k := range m.cm.Data {
		require.True(t, strings.HasPrefix(k, "TONGGAO_"), k)
		flag := "--" + strings.ReplaceAll(strings.ToLower(strings.TrimPrefix(k, "TONGGAO_")), "_", "-")
		require.Regexp(t, regexp.MustCompile(`(?m)^\s+`+regexp.QuoteMeta(flag)+`\b`), help, "%s is not a flag of tonggao serve", k)
	}
}

func seconds(t *testing.T, s string) int {
	t.Helper()
	require.True(t, strings.HasSuffix(s, "s"), s)
	n := 0
	for _, r := range strings.TrimSuffix(s, "s") {
		require.True(t, r >= '0' && r <= '9', s)
		n = n*10 + int(r-'0')
	}
	return n
}

// serveHelp is the help text of tonggao serve (tonggao-server serve).
func serveHelp(t *testing.T) string {
	t.Helper()
	cmd := exec.Command("go", "run", "./cmd/tonggao-server", "serve", "--help")
	cmd.Dir = ".."
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	require.NoError(t, cmd.Run(), out.String())
	return out.String()
}
