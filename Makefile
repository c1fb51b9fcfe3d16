# CCHC — two commands for a newcomer:
#   make run    install, migrate, load demo data, serve on http://127.0.0.1:8000 (PORT=8123 make run)
#   make test   install what the tests need and run the whole suite
SHELL := /bin/bash
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# The demo world is laid out as of late 2025; pages read as of this day. `CCHC_TODAY= make run`
# uses the real date.
CCHC_TODAY ?= 2025-11-25
export PORT

.PHONY: run test install install-dev browser ocr lint bench clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Stamps make the second run fast: pip runs only when a requirements file changed.
$(VENV)/.installed: requirements.txt pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

$(VENV)/.installed-dev: requirements-dev.txt $(VENV)/.installed
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

run: install
	@mkdir -p var
	@$(BIN)/cchc migrate --noinput -v 0
	@$(BIN)/cchc collectstatic --noinput -v 0
	@$(BIN)/cchc demo
	@CCHC_TODAY=$(CCHC_TODAY) $(BIN)/cchc serve --port $(PORT)

# Browser tests need Debian's chromium; installed here when missing and we may (root + apt).
browser:
	@scripts/ensure-chromium

# Scans (Tesseract + Vietnamese) and .doc/.odt (LibreOffice) need Debian packages; installed here
# when missing and we may (root + apt). `make run` does not wait for them: the upload page says
# which command installs them.
ocr:
	@scripts/ensure-office-ocr

test: install-dev browser ocr
	@scripts/run-tests

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

bench: install-dev
	@for b in bench/[!_]*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) var .pytest_cache
