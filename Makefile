# On a fresh machine with nothing but Python 3.11:
#   make run    set up (or refresh) the virtualenv from uv.lock, runtime dependencies only, and
#               serve Planroom (`make run ARGS="--port 8080"` passes options to `planroom serve`)
#   make demo   the same virtualenv; run a sample scan to Ready and print every link
#   make test   set up (or refresh) the virtualenv with the dev tools too and run the tests
PYTHON ?= python3
UV_VERSION := 0.13.8
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
export UV_PROJECT_ENVIRONMENT := $(CURDIR)/$(VENV)
# Byte-compile dependencies as they install: where Python may not write bytecode itself
# (PYTHONDONTWRITEBYTECODE, a read-only venv), each process would otherwise compile every module
# it imports, and `planroom` takes seconds to start instead of a fraction of one.
export UV_COMPILE_BYTECODE := 1
PYTEST_WORKERS ?= auto

ARGS ?=

.PHONY: run test venv runtime-venv lint format check bench clean demo

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

# everything in uv.lock: the runtime, the optional extras (OpenTelemetry) and the dev tools
venv: $(UV)
	$(UV) sync --frozen --all-extras --python $(PYTHON)

# the runtime only; `--inexact` keeps dev tools a `make test` installed before
runtime-venv: $(UV)
	$(UV) sync --frozen --no-dev --inexact --python $(PYTHON)

run: runtime-venv
	$(VENV)/bin/planroom serve $(ARGS)

demo: runtime-venv
	$(VENV)/bin/planroom demo $(ARGS)

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
