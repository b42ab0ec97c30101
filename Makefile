PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck schema bench clean

# Create or refresh the virtual environment whenever pyproject.toml changes.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/checkout-gateway serve

test: $(STAMP) lint typecheck
	$(BIN)/pytest -q

lint: $(STAMP)
	$(BIN)/ruff check gateway tests benchmarks
	$(BIN)/ruff format --check gateway tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy gateway

schema: $(STAMP)
	$(BIN)/checkout-gateway export-schema > schema.graphql
	$(BIN)/checkout-gateway export-scopes --readme README.md

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
