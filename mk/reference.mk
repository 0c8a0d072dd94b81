# The REAL Manila reference stack (issue 7): Keystone + Manila 23.0.1 from PyPI with
# DummyDriver back ends, PostgreSQL + RabbitMQ from Debian, loopback ports only,
# state in .stack/reference/. Included by the main Makefile (-include mk/*.mk).
# Needs only the system python3 (the stack builds its own venv).

REFERENCE_PYTHON ?= python3
REFERENCE := $(REFERENCE_PYTHON) -m manila_ui.stack.reference

# `make clean` removes .stack/ (our state lives in .stack/reference/): stop us first.
CLEAN_STOP_TARGETS += reference-stop

.PHONY: reference reference-stop reference-status reference-test reference-dashboard \
	reference-bench reference-up-check fidelity-table

reference: ## start the real Manila reference stack (installs what is missing; idempotent)
	$(REFERENCE) up

reference-stop: ## stop exactly what `make reference` started
	$(REFERENCE) down

reference-status: ## one line per reference-stack process
	$(REFERENCE) status

# The targets below need the stack up: they fail (never skip) when it is not.
reference-up-check:
	@$(REFERENCE) status >/dev/null || { $(REFERENCE) status; \
		echo "the reference stack is not up: run 'make reference' first"; exit 1; }

reference-test: venv reference-up-check ## differential tests: bundled backend vs the running reference stack
	$(PY) -m pytest -m reference manila_ui/tests/reference $(PYTEST_ARGS)

# The same dashboard tests, with Horizon on the reference Keystone: real Manila behind it.
REFERENCE_DASHBOARD_TESTS ?= manila_ui/tests/dashboards manila_ui/tests/browser \
	manila_ui/tests/reference/test_dashboard_reference.py

reference-dashboard: venv /usr/bin/chromedriver reference-up-check ## the dashboard's functional + browser tests against real Manila
	MANILA_UI_TARGET=reference MANILA_UI_TEST_KEYSTONE_URL=$$($(REFERENCE) keystone-url) \
		$(PY) -m pytest $(REFERENCE_DASHBOARD_TESTS) $(PYTEST_ARGS)

# Not a test: median GET /v2/shares/detail?limit=20 with 1,000 shares on each backend.
reference-bench: venv reference-up-check ## benchmark the bundled backend against real Manila (1,000 shares)
	$(PY) -m manila_ui.tests.reference.bench $(BENCH_ARGS)

# The documentation's fidelity table, from the scenario definitions and the allow-list
# (no stack needed); test_fidelity_table.py fails while the committed page is stale.
fidelity-table: venv ## regenerate doc/source/reference/fidelity.rst from the differential scenarios
	$(PY) -m manila_ui.tests.reference.fidelity_table
