"""The vocabulary every backend layer shares: the plain records of the
resources (``records``) and the filters of list requests (``queries``).

It imports nothing of the backend, so ``rest``, ``services``, ``db`` and
``driver`` may all import it (import-linter's backend-layers contract).
"""
