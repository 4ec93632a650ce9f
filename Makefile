# Two commands on a fresh machine (only python3 and make needed):
#   make demo   build .venv, install, clean seeds/ into out/, print the summary
#   make test   build .venv with test extras, run the whole suite and ruff
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint clean-venv constraints

# constraints.txt: the exact dependency versions the suite passed with (see its header).
$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
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

# Re-pin: resolve pyproject.toml's ranges afresh (no constraints) in a throwaway venv and
# write what it installed to constraints.txt, keeping the file's header.
constraints:
	rm -rf .venv-pin
	$(PYTHON) -m venv .venv-pin
	.venv-pin/bin/python -m pip install --quiet --upgrade pip
	.venv-pin/bin/python -m pip install --quiet -e '.[test]'
	{ grep '^#' constraints.txt; .venv-pin/bin/python -m pip freeze --exclude-editable; } > constraints.txt.new
	mv constraints.txt.new constraints.txt
	rm -rf .venv-pin
