# Two commands on a fresh clone: `make demo` and `make test`. Both set everything up first
# (scripts/setup.sh is idempotent and quick the second time). `make install` then puts `dcx` on
# the PATH (a link in ~/.local/bin).
.PHONY: setup demo test test-fast install clean

setup:
	@bash scripts/setup.sh

demo: setup
	@bash scripts/demo.sh

LINTED = dcx tests scripts benchmarks/repo_tasks/check_tasks.py benchmarks/repo_tasks/localization.py benchmarks/exercism_style/check_tasks.py benchmarks/exercism_style/plain_prompt.py benchmarks/token_confidence.py benchmarks/reason_first.py benchmarks/agreement.py benchmarks/import_order_vs_python.py

test: setup
	.venv/bin/ruff check $(LINTED)
	.venv/bin/python -m pytest

test-fast: setup
	.venv/bin/ruff check $(LINTED)
	.venv/bin/python -m pytest -m "not model"

install: setup
	@bash scripts/install.sh

clean:
	rm -rf .venv build *.egg-info .pytest_cache
