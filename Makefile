# WarrantyDesk: `make run` and `make test` set everything up themselves.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TS     := $(wildcard resources/i18n/*.ts)
QM     := $(TS:.ts=.qm)
export QT_QPA_PLATFORM ?= $(if $(DISPLAY),,offscreen)

.PHONY: run test lint sysdeps venv translations lupdate bundle bench selftest clean

run: venv translations
	$(PY) -m app --demo

test: sysdeps venv translations lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

lint: venv
	$(BIN)/ruff check app tests benchmarks
	$(BIN)/lint-imports

# Debian packages (fonts are bundled; these are Qt's system libraries, Xvfb, poppler).
sysdeps:
	@missing=$$(grep -v '^#' packaging/debian-packages.txt | while read p; do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; done); \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if ! command -v apt-get >/dev/null; then echo "未找到 apt-get，请手动安装：$$missing"; exit 0; fi; \
	if [ "$$(id -u)" != 0 ]; then echo "请以 root 安装系统依赖：apt-get install $$missing"; exit 1; fi; \
	echo "Installing Debian packages: $$missing"; \
	DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing

venv: $(STAMP)
$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[dev]"
	touch $(STAMP)

translations: $(QM)
resources/i18n/%.qm: resources/i18n/%.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

# Refresh the .ts sources from the code (then translate the new entries).
lupdate: venv
	$(BIN)/pyside6-lupdate -no-obsolete $$(find app -name '*.py') -ts $(TS)

bundle: venv translations
	$(BIN)/pyinstaller --noconfirm --clean --distpath dist --workpath build packaging/warrantydesk.spec

selftest: venv translations
	QT_QPA_PLATFORM=offscreen $(PY) -m app selftest

bench: venv translations
	QT_QPA_PLATFORM=offscreen $(PY) -m benchmarks

clean:
	rm -rf build dist $(QM)
