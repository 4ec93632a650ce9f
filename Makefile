# Two commands on a fresh machine (only python3 and make needed):
#   make demo   build .venv, install, clean seeds/ into out/, print the summary
#   make test   build .venv with test extras, run the whole suite and ruff
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint clean-venv

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/cleaner clean seeds -o out --sidecar

test: $(STAMP)
	$(BIN)/ruff check cleaner tests bench setup.py
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check cleaner tests bench setup.py
	$(BIN)/ruff format --check cleaner tests bench setup.py

clean-venv:
	rm -rf $(VENV)
