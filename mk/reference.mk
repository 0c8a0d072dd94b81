# The REAL Manila reference stack (issue 7): Keystone + Manila 23.0.1 from PyPI with
# DummyDriver back ends, PostgreSQL + RabbitMQ from Debian, loopback ports only,
# state in .stack/reference/. Included by the main Makefile (-include mk/*.mk).
# Needs only the system python3 (the stack builds its own venv).

REFERENCE_PYTHON ?= python3

# `make clean` removes .stack/ (our state lives in .stack/reference/): stop us first.
CLEAN_STOP_TARGETS += reference-stop

.PHONY: reference reference-stop reference-status

reference: ## start the real Manila reference stack (installs what is missing; idempotent)
	$(REFERENCE_PYTHON) -m manila_ui.stack.reference up

reference-stop: ## stop exactly what `make reference` started
	$(REFERENCE_PYTHON) -m manila_ui.stack.reference down

reference-status: ## one line per reference-stack process
	$(REFERENCE_PYTHON) -m manila_ui.stack.reference status

.PHONY: reference-test
reference-test: venv ## differential tests: bundled backend vs the running reference stack
	$(PY) -m pytest -m reference manila_ui/tests/reference $(PYTEST_ARGS)
