"""The REAL Manila reference stack (issue 7): Keystone + Manila 23.0.1 from PyPI,
DummyDriver back ends, PostgreSQL and RabbitMQ from Debian, all on loopback
ports and under ``.stack/reference/``. Entry point: ``python -m
manila_ui.stack.reference up|down|status`` (``make reference`` and friends).
"""
