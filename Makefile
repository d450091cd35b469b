# Two commands do everything on a fresh clone: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PORT   ?= 8501
DATA_DIR ?=
ALLOW_EDIT ?=
OVERLAY ?=
REFRESH ?=
SHARE ?=

.PHONY: run test test-random test-room check install install-test lock geocode bench clean

# run.py (standard library only, the same on Windows, macOS and Linux) creates .venv, installs the
# locked requirements (requirements.lock, every package checked against its hash) when the lock changed, and compiles the catalogues: `make install`
# is `python run.py --prepare-only`, `make run` is `python run.py`.
install:
	$(PYTHON) run.py --prepare-only

install-test: $(VENV)/.installed-test
# The test tools on top, exactly as locked (each package checked against its hash), when a lock changed.
$(VENV)/.installed-test: requirements-test.lock requirements.lock | install
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements-test.lock
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
	$(PY) -m pytest -n 2 --dist loadfile --durations=12  # two workers, one test file each at a time; the slowest tests named

## Long random runs of the address test (tests/browser/test_address_browser.py): SEQUENCES random
## sequences of STEPS interactions per projector size and launcher, from SEED; a failure prints its sequence.
SEQUENCES ?= 5
STEPS ?= 25
SEED ?= 17
test-random: install-test
	JCM_RANDOM_SEQUENCES=$(SEQUENCES) JCM_RANDOM_STEPS=$(STEPS) JCM_RANDOM_SEED=$(SEED) \
	  JCM_RANDOM_SIZES=1280x720,1366x768,1920x1080 \
	  $(PY) -m pytest tests/browser/test_address_browser.py -k random -x

## The room's walk (tests/browser/test_room_browser.py) at every projector size and language, over the programme and over the reference overlay.
test-room: install-test
	JCM_ROOM_WALKS=plain,overlay JCM_ROOM_SIZES=1280x720,1366x768,1920x1080 JCM_ROOM_LANGS=ja,en,zh \
	  JCM_ROOM_ASSERT="line ends,subject not named,small text,unnamed,covered,words" \
	  $(PY) -m pytest tests/browser/test_room_browser.py

## After changing requirements.txt or requirements-test.txt (the declared pins): compile them again into the
## hash-pinned requirements.lock and requirements-test.lock (uv, from pip's package sources), then install.
lock: $(VENV)/.installed-test
	$(PY) -m tools.lock

## The quick loop after a change: ruff and the pure tests (no AppTest, no browser; not the process-kill,
## export command and benchmark tests, which make test runs), in well under a minute on two idle cores.
CHECK_TESTS := tests/common tests/core tests/geo tests/geocode tests/tools tests/ui tests/test_architecture.py tests/test_readme.py
check: install-test
	$(PY) -m ruff check .
	$(PY) -m pytest -q -n 2 $(CHECK_TESTS) --ignore=tests/core/edit/test_save_crash.py

## Fill or refresh data/geocache.csv (add ONLINE=1 to allow Nominatim, REFRESH=1 to write it again from
## scratch, even when it is damaged): the only command that writes it.
geocode: install
	$(PY) -m geocode $(if $(DATA_DIR),--data-dir "$(DATA_DIR)") $(if $(ONLINE),--online) $(if $(REFRESH),--refresh)

## Print speed and memory figures on the bundled data and the 25,917-link reference set.
bench: install
	$(PY) -m bench.run

clean:
	rm -rf $(VENV) static/vendor static/map .cache .pytest_cache locale/*/LC_MESSAGES/*.mo
