PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck schema lock bench clean

# Create or refresh the virtual environment from the lock file whenever it changes. Every
# package, setuptools included, comes pinned and checked against its hash; the project itself
# is installed on top of them with nothing more.
$(STAMP): requirements-dev.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes -r requirements-dev.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/checkout-gateway serve

test: $(STAMP) lint typecheck
	$(BIN)/pytest -q

lint: $(STAMP)
	$(BIN)/ruff check gateway tests benchmarks
	$(BIN)/ruff format --check gateway tests benchmarks
	$(BIN)/hadolint Dockerfile

typecheck: $(STAMP)
	$(BIN)/mypy gateway

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

# The suite reads BENCH_* from its environment: `make bench BENCH_DURATION=5 BENCH_SOAK=0`.
export BENCH_DURATION BENCH_WARMUP BENCH_CONNECTIONS BENCH_SOAK BENCH_LATENCY_MS \
	BENCH_PROXY_CLIENT BENCH_ONLY

bench: $(STAMP)
	@command -v wrk >/dev/null || apt-get install -y wrk || \
		{ apt-get update && apt-get install -y wrk; } || \
		{ echo "make bench needs wrk: install it with apt-get install -y wrk" >&2; exit 1; }
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
