# Two commands for a fresh machine: `make run` and `make test` (both create .venv).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: run test lint screenshot bench package clean install-polkit-policy

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(INSTALLED): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test,dev]'
	touch $@

PACKAGING := $(VENV)/.packaging
$(PACKAGING): pyproject.toml $(INSTALLED)
	$(BIN)/python -m pip install --quiet -e '.[package]'
	touch $@

## Install (once) and start ProcPilot.
run: $(INSTALLED)
	$(BIN)/procpilot

## Install (once) and run the whole test suite.
test: $(INSTALLED)
	$(BIN)/python -m pytest

## ruff and mypy, as CI runs them.
lint: $(INSTALLED)
	$(BIN)/ruff check gui tests packaging
	$(BIN)/ruff format --check gui tests packaging
	$(BIN)/mypy

## Re-make the README screenshots in a real X11 window under Xvfb.
screenshot: $(INSTALLED)
	$(BIN)/python tests/e2e/drive_window.py --xvfb --demo-app --theme light --out resources/screenshot.png
	$(BIN)/python tests/e2e/drive_window.py --xvfb --demo-app --theme dark --out resources/screenshot-dark.png
	$(BIN)/python tests/e2e/drive_window.py --xvfb --demo-app --view tree --out resources/screenshot-tree.png
	$(BIN)/python tests/e2e/drive_window.py --xvfb --scene menu --out resources/screenshot-menu.png
	$(BIN)/python tests/e2e/drive_window.py --xvfb --scene confirm --out resources/screenshot-confirm.png

## The performance benchmark (about 7 minutes; htop and tmux installed for the comparison).
bench: $(INSTALLED)
	$(BIN)/python tests/bench/benchmark.py

## Build the one-file binary and the one-folder build into dist/ (PyInstaller).
package: $(PACKAGING)
	$(BIN)/python packaging/build.py --max-one-file-mb 55

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build dist

PREFIX ?= /usr
## As root: the polkit action and a root-owned helper for it (packagers: DESTDIR=... stages them).
install-polkit-policy:
	/usr/bin/python3 packaging/install_polkit_policy.py --prefix $(PREFIX) $(if $(DESTDIR),--destdir $(DESTDIR))
