"""Horizon's WSGI application for gunicorn, serving ``STATIC_ROOT`` itself.

Horizon with DEBUG off serves no static files, and the local stack has no web
server in front of it; so requests under ``STATIC_URL`` are answered here from
the collected (and offline-compressed) ``STATIC_ROOT``, everything else goes to
Django.
"""

from __future__ import annotations

import mimetypes
import os
import posixpath
import re
from collections.abc import Callable
from collections.abc import Iterable
from email.utils import formatdate
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import unquote

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "openstack_dashboard.settings")

from django.conf import settings  # noqa: E402
from django.core.wsgi import get_wsgi_application  # noqa: E402

StartResponse = Callable[..., Any]
WSGIApp = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]

# django-compressor output and xstatic files carry a content hash in the name.
_HASHED = re.compile(r"\.[0-9a-f]{12}\.(css|js)$")


class StaticFiles:
    """Serve files below ``root`` for paths below ``prefix``; the rest goes to ``app``."""

    def __init__(self, app: WSGIApp, prefix: str, root: str) -> None:
        self.app = app
        self.prefix = prefix
        self.root = root

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        if not path.startswith(self.prefix):
            return self.app(environ, start_response)
        if environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
            return self._plain(start_response, "405 Method Not Allowed")
        rel = posixpath.normpath(unquote(path[len(self.prefix):]))
        # No escape from root: collectstatic --link leaves symlinks, so realpath
        # containment cannot be the test; refuse any ".." instead.
        if rel.startswith(("/", "..")) or "/../" in f"/{rel}/":
            return self._plain(start_response, "404 Not Found")
        file = os.path.join(self.root, rel)
        try:
            stat = os.stat(file)
        except OSError:
            return self._plain(start_response, "404 Not Found")
        if not os.path.isfile(file):
            return self._plain(start_response, "404 Not Found")
        modified = formatdate(stat.st_mtime, usegmt=True)
        since = environ.get("HTTP_IF_MODIFIED_SINCE")
        if since and _not_newer(stat.st_mtime, since):
            start_response("304 Not Modified", [("Last-Modified", modified)])
            return [b""]
        ctype, encoding = mimetypes.guess_type(file)
        headers = [
            ("Content-Type", ctype or "application/octet-stream"),
            ("Content-Length", str(stat.st_size)),
            ("Last-Modified", modified),
            ("Cache-Control", f"public, max-age={31536000 if _HASHED.search(file) else 300}"),
        ]
        if encoding:
            headers.append(("Content-Encoding", encoding))
        start_response("200 OK", headers)
        if environ["REQUEST_METHOD"] == "HEAD":
            return [b""]
        fh = open(file, "rb")  # noqa: SIM115 - closed by the server via the file wrapper
        wrapper = environ.get("wsgi.file_wrapper")
        if wrapper:
            return wrapper(fh, 65536)
        return _chunks(fh)

    @staticmethod
    def _plain(start_response: StartResponse, status: str) -> list[bytes]:
        body = status.encode()
        start_response(status, [("Content-Type", "text/plain"), ("Content-Length", str(len(body)))])
        return [body]


def _not_newer(mtime: float, since: str) -> bool:
    try:
        return int(mtime) <= parsedate_to_datetime(since).timestamp()
    except (TypeError, ValueError):
        return False


def _chunks(fh: Any) -> Iterable[bytes]:
    with fh:
        while chunk := fh.read(65536):
            yield chunk


application = StaticFiles(get_wsgi_application(), settings.STATIC_URL, settings.STATIC_ROOT)
