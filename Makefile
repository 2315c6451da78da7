# Every target creates .venv itself, so each works on a fresh clone with only Python 3.11.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
OUT ?= out

.PHONY: demo test lint bench browser clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

## demo: build the graph, Turtle and HTML view from examples/ into $(OUT)/
demo: $(STAMP)
	$(BIN)/kg build examples/ -o $(OUT)
	$(BIN)/kg central $(OUT) --type method --top 10

## browser: install Debian's chromium for the browser tests when it is missing
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
	  elif command -v sudo >/dev/null 2>&1; then sudo apt-get update -qq && sudo apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium missing and cannot be installed: browser tests will be skipped"; fi; }

## test: the whole suite, triple-store and browser tests included
test: $(STAMP) browser
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check kg cli tests benchmarks
	$(BIN)/ruff format --check kg cli tests benchmarks
	$(BIN)/mypy

## bench: every benchmark in benchmarks/, printing ratios against in-run baselines
bench: $(STAMP)
	for b in benchmarks/bench_*.py; do $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) $(OUT) build *.egg-info
