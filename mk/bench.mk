# The page bench (issue 17), not a test: our pages beside upstream manila-ui 16's,
# both served alike against one Keystone and bundled backend. Included by the Makefile.
# Details and options: manila_ui/tests/bench/bench_pages.py (--help).

.PHONY: bench

bench: venv ## our pages beside upstream manila-ui 16 at 10/100/1,000 shares (BENCH_ARGS="--help")
	$(PY) -m manila_ui.tests.bench.bench_pages $(BENCH_ARGS)
