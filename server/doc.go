// Package server is tonggao's HTTP API and the hotline operator page:
// POST /v1/decisions (the engine's decision as JSON), POST /v1/ask (a
// caller's question answered by package hotline), GET /v1/documents/{number},
// GET /v1/calendar/{date}, GET /v1/activities, GET /v1/facts, GET /healthz,
// GET /openapi.json, and the operator page at / (embedded HTML, JS and CSS,
// so it works without internet). openapi.json describes every route and is
// tested against the handlers and every answer the tests receive.
//
// A Server holds one hotline (and its engine) at a time; Reload swaps in a
// freshly built one atomically, and each request answers from the one
// snapshot it took when it started. HTTPServer gives the http.Server
// settings tonggao serve uses (timeouts, header limit).
//
// Everything about language — understanding a question, the spoken answer,
// the catalogue of sentences — is package hotline's; this package is the
// HTTP edge: decoding and limits, status codes and error bodies, access
// logs, reload.
package server
