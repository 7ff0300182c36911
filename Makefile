# Two commands do all the set-up on a fresh clone: `make site` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
RUNTIME := $(VENV)/.runtime-installed
DEV := $(VENV)/.dev-installed
NODE := node_modules/.installed

.PHONY: site test serve check clean

# The package byte-compiled before it runs: where PYTHONDONTWRITEBYTECODE is set (as on CI machines), Python would
# otherwise compile every module again in each process it starts, 0.2 s more for each build (the tests start
# hundreds). compileall writes only what is missing or out of date.
COMPILE = $(PY) -m compileall -q -j 0 dossier

$(RUNTIME): requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --disable-pip-version-check -q -r requirements.txt
	touch $@

$(DEV): $(RUNTIME) requirements-dev.txt
	$(PY) -m pip install --disable-pip-version-check -q -r requirements-dev.txt
	touch $@

site: $(RUNTIME)  ## build the default dossier into _site/
	@$(COMPILE)
	$(PY) build.py

check: $(RUNTIME)  ## report every problem, write nothing
	@$(COMPILE)
	$(PY) build.py --check --strict

# Test-only node packages for the quality gates (vnu-jar: W3C Nu HTML checker; axe-core), pinned in
# package-lock.json. --ignore-scripts: vnu-jar's postinstall would fetch a Java runtime from GitHub; the
# machine's Java is used instead. Without npm the gates skip locally (and fail under CI=true).
$(NODE): package.json package-lock.json
	@if ! command -v npm >/dev/null 2>&1; then \
	  echo "npm is missing: the HTML and accessibility gates will be skipped (and fail under CI)" >&2; \
	  [ -z "$$CI" ] || exit 1; \
	elif npm ci --ignore-scripts --no-audit --no-fund; then \
	  touch $@; \
	else \
	  echo "npm ci failed: the HTML and accessibility gates will be skipped (and fail under CI)" >&2; \
	  [ -z "$$CI" ] || exit 1; \
	fi

# Tests run in TEST_JOBS workers (pytest-xdist; `auto`: one per core, at most four), each test file whole in one
# worker: a file's fixtures (a built site, the build server) are made once, as in one process. Files are handed out
# in the order tests/conftest.py gives them (SLOW_FIRST), not xdist's default of the most tests first, which
# left the slowest files, those of few tests, to run last and alone.
TEST_JOBS ?= auto

test: $(DEV) $(NODE)  ## every test, quality gates included (browser tests use Debian's /usr/bin/chromium)
	@$(COMPILE)
	$(PY) -m pytest -q -n $(TEST_JOBS) --maxprocesses 4 --dist loadfile --no-loadscope-reorder

serve: $(RUNTIME)  ## live preview on http://127.0.0.1:8000/
	@$(COMPILE)
	$(PY) build.py --serve

clean:
	rm -rf _site
