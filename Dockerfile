# syntax=docker/dockerfile:1
# tonggao serve as a container: the service's binary, tonggao-server
# (static, CGO_ENABLED=0), with the tonggao command beside it
# (docker run --entrypoint tonggao IMAGE check …), on a distroless base, run as a non-root user, writing nothing to its root file
# system (run it with --read-only). The embedded rule base is in the binary;
# mount a rule directory and set TONGGAO_RULES to serve it beside the
# embedded one (and TONGGAO_EMBEDDED=false to serve it alone).
#
#   docker build -t tonggao .
#   docker run --rm --read-only -p 8080:8080 tonggao
#
# deploy/container_test.go runs this file's ENTRYPOINT, CMD, ENV, USER and
# HEALTHCHECK as a plain process (CI has no Docker engine): keep them in
# the exec (JSON) form it reads.

FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/ ./cmd/tonggao ./cmd/tonggao-server

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/tonggao /out/tonggao-server /usr/local/bin/
# 65532 is distroless's "nonroot".
USER 65532:65532
ENV TONGGAO_ADDR=":8080"
EXPOSE 8080 9090
HEALTHCHECK --interval=10s --timeout=3s --start-period=5s --retries=3 CMD ["/usr/local/bin/tonggao-server", "serve", "--healthcheck"]
ENTRYPOINT ["/usr/local/bin/tonggao-server"]
CMD ["serve"]
