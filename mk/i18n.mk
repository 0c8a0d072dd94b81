# The message catalogs (manila_ui/locale/): extraction with Django's makemessages and
# the lint check that they match the code. Included by the main Makefile. Details:
# manila_ui/tests/i18n/catalogs.py and doc/source/contributor/contributing.md
# ("Translations"). makemessages and msgfmt are GNU gettext's.

.PHONY: messages messages-check

/usr/bin/msgfmt:
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq gettext

messages: venv /usr/bin/msgfmt ## extract the messages into manila_ui/locale (.pot, merged .po, compiled .mo)
	$(PY) -m manila_ui.tests.i18n.catalogs extract

# Part of `make lint`: a string added, changed or removed without `make messages` fails.
messages-check: venv /usr/bin/msgfmt
	$(PY) -m manila_ui.tests.i18n.catalogs check

lint: messages-check

# setup.py compiles the catalogs (an editable install: next to the .po files), so a
# changed catalog re-installs.
$(INSTALLED): setup.py $(wildcard manila_ui/locale/*/LC_MESSAGES/*.po)
