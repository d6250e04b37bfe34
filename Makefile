# Two commands set everything up: `make run` (the bundled example) and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
EXAMPLE := examples/essay.md

.PHONY: run test lint typecheck eval bench train fuzz clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	# Byte-compile now: where PYTHONDONTWRITEBYTECODE is set, every run would recompile.
	$(BIN)/python -m compileall -q bib cli checks
	# Compile the regular expressions now too: the first run would (cli/patterncache.py).
	$(BIN)/python -m cli.patterncache
	touch $(STAMP)

run: $(STAMP)
	@echo "== bib lint $(EXAMPLE)"
	-$(BIN)/bib lint $(EXAMPLE)
	@echo
	@echo "== the same essay as a Word document"
	$(BIN)/python scripts/example_docx.py $(EXAMPLE) examples/essay.docx
	-$(BIN)/bib lint examples/essay.docx
	@echo
	@echo "== bib export $(EXAMPLE)"
	$(BIN)/bib export $(EXAMPLE)

test: $(STAMP) lint typecheck
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

eval: $(STAMP)
	$(BIN)/python scripts/eval_parser.py
	$(BIN)/python scripts/eval_checks.py
	$(BIN)/python scripts/eval_matching.py

bench: $(STAMP)
	$(BIN)/python scripts/bench.py
	$(BIN)/python scripts/bench_resolve.py

train: $(STAMP)
	$(BIN)/pip install --quiet -e '.[dev,train]'
	$(BIN)/python scripts/train_parser.py

# Not in CI: a fuzzer runs until it is told to stop (120 s a target by default).
# `make fuzz FUZZ_ARGS="reader --seconds 600"`; see scripts/fuzz.py.
fuzz: $(STAMP)
	$(BIN)/pip install --quiet -e '.[dev,fuzz]'
	$(BIN)/python scripts/fuzz.py $(FUZZ_ARGS)

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache .fuzz
