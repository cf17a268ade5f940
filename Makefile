# Tocsin's developer and CI entry points. `make help` lists them.
# CI runs `.ci/run`, which is `make test`.

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-print-directory

GO  ?= go
NPM ?= npm
BIN := bin/tocsin
FE  := frontend

# What the SPA build reads; a change in any of these rebuilds frontend/dist.
FE_SOURCES := $(shell find $(FE) \( -path $(FE)/node_modules -o -path $(FE)/dist \
	-o -path $(FE)/test-results -o -path $(FE)/e2e \) -prune -o -type f \
	! -name '*.go' -print 2>/dev/null)
# npm ci writes node_modules/.package-lock.json; we touch it as the install stamp.
FE_STAMP := $(FE)/node_modules/.package-lock.json

STAGE := scripts/stage.sh

# PostgreSQL and Redis on other ports than 5432/6379 (say 5432 is taken):
#   make dev TOCSIN_PG_PORT=5499 TOCSIN_REDIS_PORT=6399
# points the scripts, the binary and the Go tests (internal/testenv) there.
ifdef TOCSIN_PG_PORT
export TOCSIN_PG_PORT
export TOCSIN_DATABASE_URL ?= postgres://postgres@127.0.0.1:$(TOCSIN_PG_PORT)/tocsin?sslmode=disable
export TOCSIN_TEST_PG ?= postgres://postgres@127.0.0.1:$(TOCSIN_PG_PORT)
endif
ifdef TOCSIN_REDIS_PORT
export TOCSIN_REDIS_PORT
export TOCSIN_REDIS_URL ?= redis://127.0.0.1:$(TOCSIN_REDIS_PORT)/0
export TOCSIN_TEST_REDIS ?= redis://127.0.0.1:$(TOCSIN_REDIS_PORT)
endif

.PHONY: help dev build build-go frontend generate lint fmt-check vet test test-go test-faults test-paging bench-paging bench-fanout \
	test-frontend e2e screenshots migration services mailpit chromium alertmanager fuzz bench clean

help: ## list the targets
	@echo "Tocsin make targets:"
	@grep -hE '^[a-z][a-zA-Z0-9_-]+:.*## ' $(MAKEFILE_LIST) | \
		awk 'BEGIN {FS = ":.*## "} {printf "  make %-15s %s\n", $$1, $$2}'

# ---- local development ------------------------------------------------------

dev: services mailpit build ## run Tocsin locally: services, mailpit, SPA, binary, migrate, demo seed, then `tocsin all`
	$(BIN) migrate
	$(BIN) seed --demo
	@echo
	@echo "Tocsin is starting:"
	@echo "  app      http://localhost:8080"
	@echo "  GraphQL  http://localhost:8080/graphql"
	@echo "  mail UI  http://127.0.0.1:8025"
	@echo "Demo logins (password tocsin-demo):"
	@echo "  admin@tocsin.local  responder@tocsin.local  stakeholder@tocsin.local"
	@echo "Demo integrations (service \"Demo intake\"): keys and URLs printed above by seed --demo, on its first run only."
	@echo "Stop with Ctrl-C (PostgreSQL, Redis and mailpit keep running for next time)."
	@echo
	exec $(BIN) all

services: ## ensure PostgreSQL and Redis on 127.0.0.1 (reuse, or start throwaway ones)
	scripts/services.sh

mailpit: ## ensure mailpit (SMTP 127.0.0.1:1025, UI 127.0.0.1:8025)
	scripts/mailpit.sh

chromium: ## ensure Debian's Chromium at /usr/bin/chromium
	scripts/chromium.sh

alertmanager: ## ensure Prometheus Alertmanager v0.31.1 at .tools/bin (for test/alertmanager)
	scripts/alertmanager.sh

# ---- build ------------------------------------------------------------------

build: frontend build-go ## build the SPA when its sources changed, then bin/tocsin

build-go:
	$(GO) build -o $(BIN) .

frontend: $(FE)/dist/index.html

$(FE_STAMP): $(FE)/package-lock.json
	$(NPM) --prefix $(FE) ci --no-audit --no-fund
	touch $@

$(FE)/dist/index.html: $(FE_SOURCES) $(FE_STAMP)
	$(NPM) --prefix $(FE) run build

generate: ## regenerate ent and gqlgen code (go generate ./...)
	$(GO) generate ./...

migration: ## write a versioned migration: make migration NAME=add_something
	@test -n "$(NAME)" || { echo "usage: make migration NAME=<name>" >&2; exit 2; }
	$(GO) run ./ent/migrate/cmd/diff $(NAME)

# ---- checks -----------------------------------------------------------------

lint: fmt-check vet ## gofmt check and go vet

fmt-check:
	scripts/gofmt-check.sh

vet:
	$(GO) vet ./...

test-go: services alertmanager ## Go tests against the local PostgreSQL and Redis
	GO=$(GO) scripts/go-test.sh

fuzz: ## run each Fuzz* target for a while (TOCSIN_FUZZTIME, default 10s)
	scripts/fuzz.sh

test-frontend: ## front end: npm ci, codegen check, typecheck, unit tests, build
	$(NPM) --prefix $(FE) ci --no-audit --no-fund
	$(NPM) --prefix $(FE) run codegen:check
	$(NPM) --prefix $(FE) run typecheck
	$(NPM) --prefix $(FE) run test
	$(NPM) --prefix $(FE) run build

e2e: services build chromium ## browser end-to-end run against bin/tocsin on a fresh database
	scripts/e2e.sh

screenshots: services build chromium ## refresh docs/screenshots from a browser e2e run
	TOCSIN_E2E_SCREENSHOTS=docs/screenshots scripts/e2e.sh

test-faults: services ## paging under faults: 1000 alerts through a schedule, round robin and team (a storm of Alertmanager batches among them) while the worker is SIGKILLed, Redis flushed, PostgreSQL (a throwaway one) restarted and crashed (make test runs 150)
	TOCSIN_FAULT_ALERTS=1000 $(GO) test -count=1 -v -run TestNoPageLostDoubledOrLateUnderFaults ./test/faults

test-paging: services ## the paging chain through `tocsin all`: push, SMS, email at local fakes; SMS reply, push action, email link acknowledge; nothing after (make test runs it)
	$(GO) test -count=1 -v ./test/paging

bench-paging: services build-go ## paging benchmark through a schedule: alert accepted → first page and where the time goes, an Alertmanager storm with a sign-in probe, timer lateness (docs/benchmarks.md; about 6 min)
	$(GO) run ./bench/paging -bin $(BIN)

bench-fanout: services build-go ## live fan-out: 10,000 graphql-ws subscribers (10,000 different users) on one serve, one event → all, p50/p99/max and RSS per subscriber (docs/benchmarks.md)
	$(GO) run ./bench/fanout -bin $(BIN) -n 10000

bench: services build-go ## ingest benchmark: bin/tocsin on a fresh database vs raw PostgreSQL inserts (docs/benchmarks.md)
	$(GO) run ./bench/ingest -spawn -bin $(BIN)

# Everything CI checks, stopping at the first failure, with the time of each stage.
# mailpit (a go install of ~3 min on a fresh machine) installs in the
# background from the start and the e2e stage waits for it, so the browser
# run checks real mail without adding those minutes; a failed install fails
# mailpit-wait with its log. The e2e must then use mailpit (the mail checks run).
test: ## everything CI checks (what .ci/run runs)
	@export TOCSIN_STAGE_LOG=$$(mktemp); start=$$SECONDS; \
	trap 'scripts/mailpit.sh install-stop; echo; echo "make test stages (total $$((SECONDS - start))s):"; cat "$$TOCSIN_STAGE_LOG"; rm -f "$$TOCSIN_STAGE_LOG"' EXIT; \
	$(STAGE) services      scripts/services.sh && \
	$(STAGE) mailpit-start scripts/mailpit.sh install-start && \
	$(STAGE) gofmt         scripts/gofmt-check.sh && \
	$(STAGE) vet           $(GO) vet ./... && \
	$(STAGE) generate      scripts/generate-check.sh && \
	$(STAGE) alertmanager  scripts/alertmanager.sh && \
	$(STAGE) go-test       env GO=$(GO) scripts/go-test.sh && \
	$(STAGE) fuzz          scripts/fuzz.sh && \
	$(STAGE) npm-ci        $(NPM) --prefix $(FE) ci --no-audit --no-fund && \
	$(STAGE) codegen-check $(NPM) --prefix $(FE) run codegen:check && \
	$(STAGE) typecheck     $(NPM) --prefix $(FE) run typecheck && \
	$(STAGE) vitest        $(NPM) --prefix $(FE) run test && \
	$(STAGE) spa-build     $(NPM) --prefix $(FE) run build && \
	$(STAGE) go-build      $(GO) build -o $(BIN) . && \
	$(STAGE) chromium      scripts/chromium.sh && \
	$(STAGE) mailpit-wait  scripts/mailpit.sh install-wait && \
	$(STAGE) e2e           env TOCSIN_E2E_REQUIRE_MAILPIT=1 scripts/e2e.sh

clean: ## remove build output (bin/, frontend/dist)
	rm -rf bin
	find $(FE)/dist -mindepth 1 ! -name .gitkeep -delete 2>/dev/null || true
