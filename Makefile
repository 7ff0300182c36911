# Two commands do all the set-up on a fresh clone: `make site` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
RUNTIME := $(VENV)/.runtime-installed
DEV := $(VENV)/.dev-installed

.PHONY: site test serve check clean

$(RUNTIME): requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --disable-pip-version-check -q -r requirements.txt
	touch $@

$(DEV): $(RUNTIME) requirements-dev.txt
	$(PY) -m pip install --disable-pip-version-check -q -r requirements-dev.txt
	touch $@

site: $(RUNTIME)  ## build the default dossier into _site/
	$(PY) build.py

check: $(RUNTIME)  ## report every problem, write nothing
	$(PY) build.py --check --strict

test: $(DEV)  ## every test (browser tests use Debian's /usr/bin/chromium)
	$(PY) -m pytest -q

serve: $(RUNTIME)  ## live preview on http://127.0.0.1:8000/
	$(PY) build.py --serve

clean:
	rm -rf _site
