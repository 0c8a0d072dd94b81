# The dashboard's policy defaults, generated from the backend's rules in code
# (oslo.policy entry point manila_ui_backend). Included by the main Makefile.

GENPOLICY_PYTHON ?= $(if $(wildcard .stack/venv/bin/python),.stack/venv/bin/python,python3)

.PHONY: genpolicy genpolicy-check

genpolicy: ## regenerate manila_ui/conf/default_policies/manila.yaml
	$(GENPOLICY_PYTHON) -m manila_ui.conf.genpolicy

genpolicy-check: ## fail if the committed policy YAML drifted from the rules
	$(GENPOLICY_PYTHON) -m manila_ui.conf.genpolicy --check
