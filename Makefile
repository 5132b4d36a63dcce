# The two set-up commands are `make site` and `make test`; both install everything they need.
VENV ?= .venv
export NO_MKDOCS_2_WARNING = 1
PYTHON ?= python3
BIN = $(VENV)/bin
STAMP = $(VENV)/.installed

.PHONY: site test serve install browser lint bench bench-scale bench-latency screenshots clean

site: $(STAMP)
	$(BIN)/briefgen build

# one worker per core; a test file stays on one worker, so its module fixtures are built once
test: $(STAMP) browser lint
	$(BIN)/python -m pytest -q -n auto --dist loadfile

serve: $(STAMP)
	$(BIN)/mkdocs serve --dirty -a 127.0.0.1:8000

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[test,dask]"
	touch $(STAMP)

# Debian's chromium for the browser tests (never a downloaded browser); needs root or sudo.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium >/dev/null; }

lint: $(STAMP)
	$(BIN)/ruff check briefgen tests bench
	$(BIN)/ruff format --check briefgen tests bench
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python bench/run.py
	$(BIN)/python bench/long_seed.py

# one new seed at 1,000 seeds, three times each: in a fresh process, and from the seed to the page under serve
bench-latency: $(STAMP)
	$(BIN)/python bench/latency.py

# 10k, 30k and 100k seeds made from copies of real cache entries: merge, overrides, write, render, MkDocs
bench-scale: $(STAMP)
	$(BIN)/python bench/scale.py

screenshots: $(STAMP) browser
	$(BIN)/python -m pytest -q tests/test_browser.py tests/test_screenshots.py --screenshots docs/images

clean:
	rm -rf site .briefgen-cache brief.yaml
