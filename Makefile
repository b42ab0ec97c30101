PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck schema generate lock upgrade bench bench-peers bench-workers \
	clean browser wrk

# Create or refresh the virtual environment from the lock file whenever it changes. Every
# package, setuptools included, comes pinned and checked against its hash; the project itself
# is installed on top of them with nothing more.
$(STAMP): requirements-dev.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes -r requirements-dev.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

# npm installs exactly what each package-lock.json pins, checking every package against the
# integrity hash the registry published; the stamp is npm's own record inside node_modules.
NPM_CI := npm ci --ignore-scripts --no-audit --no-fund --loglevel=error --prefix
GRAPHIQL := gateway/graphiql/node_modules/.package-lock.json
NODE_TOOLS := tests/node/node_modules/.package-lock.json
PEERS := benchmarks/peers/node_modules/.package-lock.json

$(GRAPHIQL): gateway/graphiql/package-lock.json
	$(NPM_CI) gateway/graphiql

$(NODE_TOOLS): tests/node/package-lock.json
	$(NPM_CI) tests/node

$(PEERS): benchmarks/peers/package-lock.json
	$(NPM_CI) benchmarks/peers

# The browser tests drive Debian's Chromium.
browser:
	@command -v chromium >/dev/null || apt-get install -y chromium || \
		{ apt-get update && apt-get install -y chromium; } || \
		{ echo "the browser tests need Chromium: apt-get install -y chromium" >&2; exit 1; }

run: $(STAMP) $(GRAPHIQL)
	$(BIN)/checkout-gateway serve

test: $(STAMP) $(GRAPHIQL) $(NODE_TOOLS) browser lint typecheck
	$(BIN)/pytest -q

lint: $(STAMP)
	$(BIN)/ruff check gateway stripe_emulator tests benchmarks tools
	$(BIN)/ruff format --check gateway stripe_emulator tests benchmarks tools
	$(BIN)/hadolint Dockerfile

typecheck: $(STAMP)
	$(BIN)/mypy gateway stripe_emulator tests benchmarks tools

# The enums, the emulator's tables of Stripe's values and the nested types and inputs that
# follow Stripe's shapes, from tools/stripe_values.toml, tools/stripe_shapes.toml and the
# pinned stripe SDK (a test fails when they drift apart).
generate: $(STAMP)
	$(BIN)/python tools/generate.py

schema: $(STAMP)
	$(BIN)/checkout-gateway export-schema > schema.graphql
	$(BIN)/checkout-gateway export-scopes --readme README.md

# Pin every dependency again after pyproject.toml changes: the image installs
# requirements.lock, `make` requirements-dev.lock (the same, with the tools to test with).
LOCK := $(BIN)/uv pip compile --quiet --generate-hashes --python-version 3.11 pyproject.toml -
BUILD_REQUIREMENTS := setuptools>=70

lock: $(STAMP)
	echo '$(BUILD_REQUIREMENTS)' | $(LOCK) -o requirements.lock
	echo '$(BUILD_REQUIREMENTS)' | $(LOCK) --extra dev -o requirements-dev.lock

# Move every Python pin to the newest release pyproject.toml allows, then run everything
# against them. The npm packages are pinned to exact versions in their package.json files
# and move only when one is edited (`npm install --save-exact name@version --prefix …`).
upgrade: $(STAMP)
	echo '$(BUILD_REQUIREMENTS)' | $(LOCK) --upgrade -o requirements.lock
	echo '$(BUILD_REQUIREMENTS)' | $(LOCK) --upgrade --extra dev -o requirements-dev.lock
	$(MAKE) test

# The suite reads BENCH_* from its environment: `make bench BENCH_DURATION=5 BENCH_SOAK=0`.
export BENCH_DURATION BENCH_WARMUP BENCH_CONNECTIONS BENCH_SOAK BENCH_LATENCY_MS \
	BENCH_PROXY_CLIENT BENCH_ONLY BENCH_WORKERS

wrk:
	@command -v wrk >/dev/null || apt-get install -y wrk || \
		{ apt-get update && apt-get install -y wrk; } || \
		{ echo "the benchmarks need wrk: install it with apt-get install -y wrk" >&2; exit 1; }

bench: $(STAMP) wrk
	$(BIN)/python -m benchmarks

# The gateway beside GraphQL Mesh and Hive Gateway (pinned in benchmarks/peers/package.json)
# and the reference proxy, on the same emulator; it reads the same BENCH_* settings:
# `make bench-peers BENCH_DURATION=8`.
bench-peers: $(STAMP) $(PEERS) wrk
	$(BIN)/python -m benchmarks.side_by_side

# Workload 1 at 1, 2, 4, … workers, up to the machine's cores (or those in BENCH_WORKERS):
# `make bench-workers BENCH_WORKERS=1,2,4,8,16 BENCH_DURATION=8`.
bench-workers: $(STAMP) wrk
	$(BIN)/python -m benchmarks.scaling

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache gateway/graphiql/node_modules \
		tests/node/node_modules benchmarks/peers/node_modules benchmarks/peers/build
