# Two commands on a fresh clone: `make demo` and `make test`. Both set everything up first
# (scripts/setup.sh is idempotent and quick the second time).
.PHONY: setup demo test test-fast clean

setup:
	@bash scripts/setup.sh

demo: setup
	@bash scripts/demo.sh

test: setup
	.venv/bin/python -m pytest

test-fast: setup
	.venv/bin/python -m pytest -m "not model"

clean:
	rm -rf .venv build *.egg-info .pytest_cache
