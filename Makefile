# Two entry points for a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test lint bench clean i18n

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/streamlit run dashboard/app.py --server.address 127.0.0.1 --server.port 8501 \
		--browser.gatherUsageStats false $(ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: lint
	$(BIN)/python -m pytest

# Translations: extract the marked messages from the code, merge them into each language's catalog
# (new ones arrive untranslated, changed ones fuzzy), then compile to check the catalogs and report what is
# left to translate. The app reads the .po files directly; the .mo files are only this check's output.
LOCALES := analysis/locale
i18n: $(STAMP)
	$(BIN)/pybabel extract -F babel.cfg -k NP_:1,2 --no-location --no-wrap --sort-output \
		--project by-ru-trade -o $(LOCALES)/messages.pot .
	$(BIN)/pybabel update -i $(LOCALES)/messages.pot -d $(LOCALES) --no-wrap --ignore-obsolete
	$(BIN)/pybabel compile -d $(LOCALES) --statistics

bench: $(STAMP)
	$(BIN)/python -m bench.run_all

clean:
	rm -rf $(VENV) artifacts .pytest_cache .ruff_cache
