"""Policy files Horizon loads for the ``share`` scope (see local_settings.d)."""
