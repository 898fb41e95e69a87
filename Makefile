# Two commands for a fresh machine: `make run` (set up + analyse the seeds) and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
SEEDS ?= ../shared/corpus/seeds

.PHONY: run setup test lint bench

run: setup
	$(BIN)/rasd analyze $(SEEDS) --out kb.json
	@if [ -f ../shared/eval/score.py ]; then $(BIN)/python ../shared/eval/score.py --gold ../shared/eval/seeds.gold.json --pred kb.json --inputs $(SEEDS); fi

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

test: setup
	$(BIN)/python -m pytest -q -p no:cacheprovider

lint: setup
	$(BIN)/ruff check src tests bench

bench: setup
	$(BIN)/python bench/bench_pipeline.py
