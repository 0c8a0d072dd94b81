"""What an operator runs after ``pip install manila-ui``: the ``manila-ui`` command that
enables the plugin in an existing Horizon (and disables it again).

Standard library only; it reads the plugin's files by path and imports neither the
dashboards nor the bundled backend, so it works before Horizon is configured.
"""
