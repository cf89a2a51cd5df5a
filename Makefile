# DTPL Studio — the two commands a newcomer needs are `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test fuzz lint bench demo pdf prices clean wheel dist dist-test install-desktop i18n screenshots docs

$(STAMP): pyproject.toml setup.py scripts/system-deps.sh
	bash scripts/system-deps.sh
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	PYTHONWARNINGS="ignore:Editable installation" $(PY) -m pip install --quiet -e '.[test]'
	$(VENV)/bin/pyside6-lrelease -silent dtpl_studio/i18n/*.ts
	@touch $(STAMP)

# the compiled translations follow their .ts files (a pull that changes a .ts recompiles it)
QM := $(patsubst %.ts,%.qm,$(wildcard dtpl_studio/i18n/*.ts))
$(QM): %.qm: %.ts $(STAMP)
	$(VENV)/bin/pyside6-lrelease -silent $<

## run: open the app on the demo project (embedded default: SQLite + unit_prices/)
run: $(STAMP) $(QM)
	$(PY) -m dtpl_studio

## test: ruff, the layer contracts (import-linter), then the whole test suite (GUI tests offscreen)
test: $(STAMP) $(QM)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

## fuzz: the fuzz tests (marker `fuzz`) with the long hypothesis profile (minutes, not seconds)
fuzz: $(STAMP) $(QM)
	HYPOTHESIS_PROFILE=fuzz QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -m fuzz

lint: $(STAMP)
	$(VENV)/bin/ruff check .

## bench: workbook import time, demo PDF export time, peak memory
bench: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/run.py

## prices: regenerate unit_prices/ from the AHSP Cipta Karya 2023 workbook in ../shared
prices: $(STAMP)
	$(PY) -m dtpl_studio import-prices ../shared/data/public/ahsp-cipta-karya-2023/AHSP.xlsx --write-edition unit_prices/ahsp-cipta-karya-2023 --no-library

## demo / pdf: build the demo project and its DTPL PDF under out/
demo: $(STAMP)
	mkdir -p out && $(PY) -m dtpl_studio demo out/demo.dtpl --force
pdf: demo
	$(PY) -m dtpl_studio export out/demo.dtpl --pdf out/demo.pdf

## i18n: extract the window's texts (pyside6-lupdate: dtpl_studio/ui/strings.py -> the .ts files),
## then compile every .ts to .qm (pyside6-lrelease); fill new English texts in dtpl_studio_en.ts
LUPDATE := $(VENV)/bin/pyside6-lupdate -silent -locations none -no-obsolete -source-language id_ID
i18n: $(STAMP)
	$(LUPDATE) -target-language en dtpl_studio/ui/strings.py -ts dtpl_studio/i18n/dtpl_studio_en.ts
	$(LUPDATE) -target-language id_ID dtpl_studio/ui/strings.py -ts dtpl_studio/i18n/dtpl_studio_id.ts
	$(VENV)/bin/pyside6-lrelease -silent dtpl_studio/i18n/*.ts
	@echo "English texts still to translate: $$(grep -c 'type="unfinished"' dtpl_studio/i18n/dtpl_studio_en.ts || true)"

## screenshots: the real window offscreen, Indonesian and English (window, welcome, About, save
## prompt, file dialog) into docs/img/
screenshots: $(STAMP) $(QM)
	$(PY) scripts/screenshots.py docs/img

## docs: the Indonesian user guide (docs/*.md, MkDocs) with fresh screenshots -> site/index.html
docs: screenshots
	$(PY) -m pip install --quiet 'mkdocs>=1.6'
	$(PY) -m mkdocs build --strict --quiet

## wheel: dist/dtpl_studio-*.whl (carries unit_prices/, templates/ and the guide docs/ with fresh
## screenshots inside the package)
wheel: $(STAMP) screenshots
	rm -f dist/dtpl_studio-*.whl
	$(PY) -m pip wheel --no-deps --quiet -w dist .

## dist: standalone one-folder app in dist/dtpl-studio/ (PyInstaller; no Python needed to run it)
dist: $(STAMP) screenshots
	$(VENV)/bin/pyside6-lrelease -silent dtpl_studio/i18n/*.ts
	$(PY) -m pip install --quiet 'pyinstaller>=6.10'
	$(PY) -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller packaging/dtpl-studio.spec
	@du -sh dist/dtpl-studio

## dist-test: build the bundle and the wheel; run the bundle, and the wheel in a fresh venv
## outside the repository: demo -> PDF, window offscreen (slow: minutes; .ci/run calls it)
dist-test: dist
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -m dist tests/dist

## install-desktop: menu entry, icon and .dtpl MIME type for this user (XDG, no root); it starts
## the bundle when `make dist` was run, else .venv/bin/dtpl-studio
install-desktop: $(STAMP)
	bash scripts/install-desktop.sh

clean:
	rm -rf $(VENV) out build dist .pytest_cache .ruff_cache *.egg-info
