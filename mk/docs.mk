# The documentation (doc/source → doc/build/html) and the release notes
# (releasenotes/source → releasenotes/build/html), both with warnings as errors.
# Included by the main Makefile. The pages that describe code import manila_ui, so they
# build in the project's venv (the `docs` extra is part of `make venv`).

# -E: a fresh environment each time, since pages read the code (an incremental build would
# skip a page whose code changed); the whole build takes seconds.
SPHINX_BUILD = $(VENV)/bin/sphinx-build -W --keep-going -E -q -j 1
DOCS_OUT ?= doc/build
SCREENSHOTS_DIR := doc/source/_static/screenshots

.PHONY: docs docs-check releasenotes docs-screenshots docs-clean

docs: venv ## build the documentation to doc/build/html (warnings are errors)
	$(SPHINX_BUILD) -b html doc/source $(DOCS_OUT)/html
	@echo "docs: $(DOCS_OUT)/html/index.html"

# Part of `make lint`: a broken page, reference or directive fails the lint step.
docs-check: venv
	@started=$$(date +%s); \
	$(SPHINX_BUILD) -b html doc/source $(DOCS_OUT)/html \
		&& echo "docs-check: the docs build with -W ($$(( $$(date +%s) - started )) s)"

lint: docs-check

releasenotes: venv ## build the release notes to releasenotes/build/html (warnings are errors)
	$(VENV)/bin/reno -q lint
	$(SPHINX_BUILD) -b html releasenotes/source releasenotes/build/html
	@echo "releasenotes: releasenotes/build/html/index.html"

# The user guide's screenshots: the browser tests save them where they call screenshot()
# (manila_ui/tests/browser/screenshots.py). PNGs are committed; each stays < 150 KB.
docs-screenshots: venv /usr/bin/chromedriver ## regenerate the user guide's screenshots (browser tests)
	MANILA_UI_DOC_SCREENSHOTS=$(abspath $(SCREENSHOTS_DIR)) \
		$(PY) -m pytest manila_ui/tests/browser -q $(PYTEST_ARGS)
	@ls -l $(SCREENSHOTS_DIR)/*.png

# `make clean` removes what the docs build wrote too.
docs-clean:
	rm -rf $(DOCS_OUT) doc/source/_static/*.conf.sample

clean: docs-clean
