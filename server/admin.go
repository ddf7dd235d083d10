package server

import (
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"fmt"
	"net/http"
	"net/http/pprof"
	"os"
	"strings"
)

// AdminAuth says who may use the admin listener: a bearer token, a client
// certificate (when the listener is TLS with ClientAuth set to require and
// verify — Run checks it), or both. Admin is authenticated, never located:
// no remote address or header admits a request.
type AdminAuth struct {
	// Token is the bearer token ("Authorization: Bearer …"); empty means
	// none is asked for (then ClientCert must be set).
	Token []byte
	// ClientCert is true when the listener verifies client certificates
	// (mTLS); every request must then have come with a verified chain.
	ClientCert bool
}

// minTokenLen is the shortest admin token accepted: 16 bytes of a
// random token's text is ≥ 64 bits even as hex.
const minTokenLen = 16

// ReadTokenFile reads an admin token from a file (the whole file, trimmed
// of surrounding white space, as Kubernetes secrets and `openssl rand -hex
// 32 > file` leave it) and refuses an empty or short one.
func ReadTokenFile(path string) ([]byte, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("admin token: %w", err)
	}
	t := []byte(strings.TrimSpace(string(b)))
	if len(t) < minTokenLen {
		return nil, fmt.Errorf("admin token: %s holds %d characters; want at least %d (e.g. openssl rand -hex 32)", path, len(t), minTokenLen)
	}
	return t, nil
}

// check authenticates one admin request.
func (a AdminAuth) check(r *http.Request) error {
	if len(a.Token) == 0 && !a.ClientCert {
		return errors.New("the admin listener has no authentication configured")
	}
	if a.ClientCert && (r.TLS == nil || len(r.TLS.VerifiedChains) == 0) {
		return errors.New("a verified client certificate is required")
	}
	if len(a.Token) > 0 {
		got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		// Compare digests so that the time taken says nothing about the
		// token's length or its first wrong byte.
		want, have := sha256.Sum256(a.Token), sha256.Sum256([]byte(got))
		if !ok || subtle.ConstantTimeCompare(want[:], have[:]) != 1 {
			return errors.New("a valid bearer token is required")
		}
	}
	return nil
}

// AdminHandler serves the operator's endpoints — POST /admin/reload, GET
// /v1/records/{id} (Options.Records) and the runtime profiles under
// /debug/pprof/ — to authenticated requests
// only (401 otherwise). It is meant for its own listener (Run's
// AdminAddr); the public handler never serves these paths.
func (s *Server) AdminHandler(auth AdminAuth) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST "+AdminReloadPath, s.adminReload)
	mux.HandleFunc("GET /v1/records/{id}", s.adminRecords)
	mux.HandleFunc("GET /debug/pprof/", pprof.Index)
	mux.HandleFunc("GET /debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("GET /debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("GET /debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("GET /debug/pprof/trace", pprof.Trace)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "not_found", "no such admin path: "+bounded(r.URL.Path, 200))
	})
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		setSecurityHeaders(w.Header())
		if err := auth.check(r); err != nil {
			s.log.Warn("admin request refused", "method", r.Method, "path", bounded(r.URL.Path, 200), "remote", r.RemoteAddr, "error", err.Error())
			w.Header().Set("WWW-Authenticate", `Bearer realm="tonggao admin"`)
			writeError(w, http.StatusUnauthorized, "unauthorized", err.Error())
			return
		}
		s.log.Info("admin request", "method", r.Method, "path", bounded(r.URL.Path, 200), "remote", r.RemoteAddr)
		mux.ServeHTTP(w, r)
	})
}

// adminRecords serves GET /v1/records/{id}: the decision records of a
// request id. Only on the admin listener: a record holds a caller's words
// and address.
func (s *Server) adminRecords(w http.ResponseWriter, r *http.Request) {
	if s.records == nil {
		writeError(w, http.StatusNotFound, "no_records", "this server keeps no decision records (serve --records)")
		return
	}
	id := r.PathValue("id")
	body, found, err := s.records(r.Context(), id)
	switch {
	case err != nil:
		s.log.Error("records lookup", "request_id", bounded(id, 64), "error", err.Error())
		writeError(w, http.StatusServiceUnavailable, "records_unavailable", bounded(err.Error(), 300))
	case !found:
		writeError(w, http.StatusNotFound, "not_found", "no decision record of request "+bounded(id, 64))
	default:
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(body)
	}
}
