# The project's checks; .ci/run calls these after installing the README's test command.
PYTHON ?= python
SOURCES = attio tests examples benchmarks docs

.PHONY: check lint type test docs

check: lint type test

lint:
	$(PYTHON) -m ruff check $(SOURCES)
	$(PYTHON) -m ruff format --check $(SOURCES)

# tests/typing/ holds what users write: its revealed types are asserted, and each
# "# type: ignore[code]" line is an error mypy must report (warn_unused_ignores, from --strict).
# The examples are application code users copy (examples/typed_reads.py above all): checked too.
type:
	$(PYTHON) -m mypy --strict attio tests
	$(PYTHON) -m mypy --strict examples

test:
	$(PYTHON) -m pytest

# The docs site: pip install -e '.[docs]', then `make docs` (or `mkdocs serve` to browse it).
docs:
	NO_MKDOCS_2_WARNING=1 $(PYTHON) -m mkdocs build --strict -d site
