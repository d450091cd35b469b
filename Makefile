# Two commands do everything on a fresh clone: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PORT   ?= 8501
DATA_DIR ?=
ALLOW_EDIT ?=
OVERLAY ?=
SHARE ?=

.PHONY: run test install install-test geocode bench clean

# run.py (standard library only, the same on Windows, macOS and Linux) creates .venv, installs the
# pinned requirements when a requirements file changed, and compiles the catalogues: `make install`
# is `python run.py --prepare-only`, `make run` is `python run.py`.
install:
	$(PYTHON) run.py --prepare-only

install-test: $(VENV)/.installed-test
$(VENV)/.installed-test: requirements-test.txt constraints.txt requirements.txt | install
	$(PY) -m pip install --quiet -r requirements-test.txt -c constraints.txt
	touch $@

## Start the app on the bundled data (or DATA_DIR=folder), with no internet needed; ALLOW_EDIT=1 adds
## the password-protected page that records a meeting (password in .streamlit/secrets.toml);
## OVERLAY=file.csv draws that list of other partnerships beneath the programme's (every session);
## SHARE=1 lets other devices on the venue's network open it, read-only (address and QR code shown).
run:
	$(PYTHON) run.py --port $(PORT) $(if $(DATA_DIR),--data-dir "$(DATA_DIR)") $(if $(ALLOW_EDIT),--allow-edit) $(if $(OVERLAY),--overlay "$(OVERLAY)") $(if $(SHARE),--share)

## Run the whole test suite (pure, AppTest and browser tests).
test: install-test
	$(PY) -m ruff check .
	$(PY) -m pytest -n 2 --dist loadfile  # two workers, one test file each at a time

## Fill or refresh data/geocache.csv (add ONLINE=1 to allow Nominatim): the only command that writes it.
geocode: install
	$(PY) -m geocode $(if $(DATA_DIR),--data-dir "$(DATA_DIR)") $(if $(ONLINE),--online)

## Print speed and memory figures on the bundled data and the 25,917-link reference set.
bench: install
	$(PY) -m bench.run

clean:
	rm -rf $(VENV) static/vendor .pytest_cache locale/*/LC_MESSAGES/*.mo
