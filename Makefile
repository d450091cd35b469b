# Two commands do everything on a fresh clone: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PORT   ?= 8501
DATA_DIR ?=
ALLOW_EDIT ?=
OVERLAY ?=

.PHONY: run test test-random install install-test geocode bench clean

$(VENV)/bin/activate:
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11+ is needed"'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# Reinstall only when a requirements file changed (the stamp is older than it).
$(VENV)/.installed-app: requirements.txt requirements-nodeps.txt constraints.txt | $(VENV)/bin/activate
	$(PY) -m pip install --quiet -r requirements.txt -c constraints.txt
	$(PY) -m pip install --quiet --no-deps -r requirements-nodeps.txt
	touch $@

$(VENV)/.installed-test: requirements-test.txt constraints.txt $(VENV)/.installed-app
	$(PY) -m pip install --quiet -r requirements-test.txt -c constraints.txt
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

## Fill or refresh data/geocache.csv (add ONLINE=1 to allow Nominatim): the only command that writes it.
geocode: install
	$(PY) -m geocode $(if $(DATA_DIR),--data-dir "$(DATA_DIR)") $(if $(ONLINE),--online)

## Print speed and memory figures on the bundled data and the 25,917-link reference set.
bench: install
	$(PY) -m bench.run

clean:
	rm -rf $(VENV) static/vendor .pytest_cache $(MO)
