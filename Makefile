# Two commands for a fresh machine: `make run` and `make test` (both create .venv).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: run test lint screenshot bench package clean translations install-polkit-policy

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

# The compiled translations, rebuilt when their source changed (pyside6-lrelease).
TS := $(wildcard resources/translations/procpilot_*.ts)
QM := $(patsubst resources/translations/%.ts,gui/_translations/%.qm,$(TS))
gui/_translations/%.qm: resources/translations/%.ts $(INSTALLED)
	$(BIN)/python packaging/translations.py compile

## Install (once) and start ProcPilot.
run: $(INSTALLED) $(QM)
	$(BIN)/procpilot

## Install (once) and run the whole test suite.
test: $(INSTALLED) $(QM)
	$(BIN)/python -m pytest

## After changing user-visible strings: merge them into resources/translations/*.ts, then translate.
translations: $(INSTALLED)
	$(BIN)/python packaging/translations.py update

## ruff and mypy, as CI runs them.
lint: $(INSTALLED)
	$(BIN)/ruff check gui tests packaging
	$(BIN)/ruff format --check gui tests packaging
	$(BIN)/mypy

## Re-make the README screenshots in a real X11 window under Xvfb.
screenshot: $(INSTALLED) $(QM)
	$(BIN)/python tests/e2e/drive_window.py --xvfb --window-manager openbox --language en --demo-app --open-app "Blinking Owl" --theme light --out resources/screenshot.png
	$(BIN)/python tests/e2e/drive_window.py --xvfb --window-manager openbox --language en --demo-app --open-app "Blinking Owl" --theme dark --out resources/screenshot-dark.png
	$(BIN)/python tests/e2e/drive_window.py --xvfb --window-manager openbox --language en --demo-app --view tree --out resources/screenshot-tree.png
	$(BIN)/python tests/e2e/drive_window.py --xvfb --language en --scene menu --out resources/screenshot-menu.png
	$(BIN)/python tests/e2e/drive_window.py --xvfb --window-manager openbox --language en --demo-app --view applications --theme light --scene switch-to --size 900x400 --out resources/screenshot-switch-to.png
	$(BIN)/python tests/e2e/drive_window.py --xvfb --language en --theme light --scene details --out resources/screenshot-details.png
	$(BIN)/python tests/e2e/drive_window.py --xvfb --language en --scene confirm --out resources/screenshot-confirm.png
	$(BIN)/python tests/e2e/drive_window.py --xvfb --window-manager openbox --demo-app --language zh_CN --out resources/screenshot-zh_CN.png

## The performance benchmark (about 7 minutes; htop and tmux installed for the comparison).
bench: $(INSTALLED)
	$(BIN)/python tests/bench/benchmark.py

## Build the one-file binary and the one-folder build into dist/ (PyInstaller).
package: $(PACKAGING) $(QM)
	$(BIN)/python packaging/build.py --max-one-file-mb 60

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build dist gui/_translations

PREFIX ?= /usr
## As root: the polkit action and a root-owned helper for it (packagers: DESTDIR=... stages them).
install-polkit-policy:
	/usr/bin/python3 packaging/install_polkit_policy.py --prefix $(PREFIX) $(if $(DESTDIR),--destdir $(DESTDIR))
