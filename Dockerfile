# syntax=docker/dockerfile:1
# One image for every role: `tocsin serve`, `tocsin worker`, `tocsin all`
# (the default), `tocsin migrate`. Build: docker build -t tocsin .

# ---- the SPA -----------------------------------------------------------------
FROM node:20-bookworm-slim AS frontend
# Vite 8 wants npm 11 (node:20 ships npm 10); same npm as the lockfile's authors.
RUN npm install -g npm@11.19.1 --no-audit --no-fund
WORKDIR /src/frontend
COPY frontend/package.json frontend/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY frontend/ ./
RUN npm run build

# ---- the binary --------------------------------------------------------------
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
# The SPA is embedded at compile time, so it must be in place before go build.
COPY --from=frontend /src/frontend/dist ./frontend/dist
RUN CGO_ENABLED=0 go build -trimpath -buildvcs=false -ldflags="-s -w" -o /tocsin .

# ---- the runtime -------------------------------------------------------------
FROM debian:bookworm-slim
# bash stays: the compose healthchecks use its /dev/tcp (no curl in the image).
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates tzdata \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 tocsin \
 && useradd --system --uid 10001 --gid tocsin --no-create-home --home-dir /nonexistent \
      --shell /usr/sbin/nologin tocsin
COPY --from=build /tocsin /tocsin
USER 10001:10001
ENV TOCSIN_HTTP_ADDR=:8080
EXPOSE 8080
ENTRYPOINT ["/tocsin"]
CMD ["all"]
