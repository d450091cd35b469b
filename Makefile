# Two commands do everything on a fresh clone: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PORT   ?= 8501
DATA_DIR ?=
ALLOW_EDIT ?=
OVERLAY ?=
REFRESH ?=

.PHONY: run test test-random check install install-test lock geocode bench clean

$(VENV)/bin/activate:
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11+ is needed"'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# Install exactly the locked packages, each checked against its hash; again only when a lock file changed.
$(VENV)/.installed-app: requirements.lock | $(VENV)/bin/activate
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	touch $@

$(VENV)/.installed-test: requirements-test.lock $(VENV)/.installed-app
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements-test.lock
	touch $@

# Translations: each locale/<lang>/LC_MESSAGES/messages.po compiled to its (git-ignored) .mo.
PO := $(wildcard locale/*/LC_MESSAGES/messages.po)
MO := $(PO:.po=.mo)

locale/%/LC_MESSAGES/messages.mo: locale/%/LC_MESSAGES/messages.po | $(VENV)/.installed-app
	$(VENV)/bin/pybabel --quiet compile --domain messages --locale $* --input-file $< --output-file $@

install: $(VENV)/.installed-app $(MO)
install-test: $(VENV)/.installed-test $(MO)

## Start the app on the bundled data (or DATA_DIR=folder), with no internet needed; ALLOW_EDIT=1 adds
## the password-protected page that records a meeting (password in .streamlit/secrets.toml);
## OVERLAY=file.csv draws that list of other partnerships beneath the programme's (every session).
run: install
	$(PY) -m ui.launch --server.port $(PORT) -- $(if $(DATA_DIR),--data-dir "$(DATA_DIR)") $(if $(ALLOW_EDIT),--allow-edit) $(if $(OVERLAY),--overlay "$(OVERLAY)")

## Run the whole test suite (pure, AppTest and browser tests).
test: install-test
	$(PY) -m ruff check .
	$(PY) -m pytest -n 2 --dist loadfile  # two workers, one test file each at a time

## Long random runs of the address test (tests/browser/test_address_browser.py): SEQUENCES random
## sequences of STEPS interactions per size and launcher, from SEED; a failure prints its sequence.
SEQUENCES ?= 5
STEPS ?= 25
SEED ?= 17
test-random: install-test
	JCM_RANDOM_SEQUENCES=$(SEQUENCES) JCM_RANDOM_STEPS=$(STEPS) JCM_RANDOM_SEED=$(SEED) \
	  $(PY) -m pytest tests/browser/test_address_browser.py -k random -x

## After changing requirements.txt or requirements-test.txt (the declared pins): compile them again into the
## hash-pinned requirements.lock and requirements-test.lock (uv, from pip's package sources), then install.
lock: $(VENV)/.installed-test
	$(PY) -m tools.lock

## The quick loop after a change: ruff and the pure tests (no AppTest, no browser; not the process-kill,
## export command and benchmark tests, which make test runs), in well under a minute on two idle cores.
CHECK_TESTS := tests/common tests/core tests/geo tests/geocode tests/tools tests/ui tests/test_architecture.py tests/test_readme.py
check: install-test
	$(PY) -m ruff check .
	$(PY) -m pytest -q -n 2 $(CHECK_TESTS) --ignore=tests/core/test_save_crash.py

## Fill or refresh data/geocache.csv (add ONLINE=1 to allow Nominatim, REFRESH=1 to write it again from
## scratch, even when it is damaged): the only command that writes it.
geocode: install
	$(PY) -m geocode $(if $(DATA_DIR),--data-dir "$(DATA_DIR)") $(if $(ONLINE),--online) $(if $(REFRESH),--refresh)

## Print speed and memory figures on the bundled data and the 25,917-link reference set.
bench: install
	$(PY) -m bench.run

clean:
	rm -rf $(VENV) static/vendor .pytest_cache $(MO)
