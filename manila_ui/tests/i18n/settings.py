"""The minimal Django settings that `make messages` and the catalog check run with:
makemessages reads only the i18n settings, and needs no app, database or Horizon."""

SECRET_KEY = "catalog-extraction-only"  # noqa: S105 - never serves a request
USE_I18N = True
INSTALLED_APPS: list[str] = []
LOCALE_PATHS: list[str] = []
