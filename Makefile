# Two entry points for a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test bench check clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(PY) -m bot run

test: $(STAMP)
	$(PY) -m pytest

bench: $(STAMP)
	$(PY) bench/matcher_bench.py
	$(PY) bench/brief_size_bench.py
	$(PY) bench/fanout_bench.py
	$(PY) bench/scale_bench.py
	$(PY) bench/brief_bench.py
	$(PY) bench/telegram_bench.py
	$(PY) bench/curation_bench.py
	$(PY) bench/startup_bench.py

check: $(STAMP)
	$(PY) -m bot brief check

clean:
	rm -rf $(VENV) .pytest_cache
