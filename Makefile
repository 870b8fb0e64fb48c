# Two commands on a fresh machine with nothing but Python 3.11:
#   make run    set up (or refresh) the virtualenv from uv.lock and serve Planroom
#   make test   set up (or refresh) the virtualenv and run the tests
PYTHON ?= python3
UV_VERSION := 0.13.8
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
export UV_PROJECT_ENVIRONMENT := $(CURDIR)/$(VENV)
PYTEST_WORKERS ?= auto

.PHONY: run test venv lint format check bench clean demo

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

venv: $(UV)
	$(UV) sync --frozen --python $(PYTHON)

run: venv
	$(VENV)/bin/planroom serve

demo: venv
	$(VENV)/bin/planroom demo

test: venv
	$(VENV)/bin/pytest -n $(PYTEST_WORKERS) --dist loadfile -q -p no:cacheprovider

lint: venv
	$(VENV)/bin/ruff check src tests bench clients
	$(VENV)/bin/ruff format --check src tests bench clients
	$(VENV)/bin/mypy src

format: venv
	$(VENV)/bin/ruff check --fix src tests bench
	$(VENV)/bin/ruff format src tests bench

check: lint test

bench: venv
	$(VENV)/bin/python bench/render.py
	$(VENV)/bin/python bench/render3d.py
	$(VENV)/bin/python bench/intake.py
	$(VENV)/bin/python bench/webhooks.py
	$(VENV)/bin/python bench/pages.py

clean:
	rm -rf $(VENV) $(TOOLS) .mypy_cache .ruff_cache
