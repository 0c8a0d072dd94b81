"""One python-manilaclient Client per Django request.

The client talks through a keystoneauth session that carries the user's
token, to the catalog's ``sharev2`` endpoint (or ``shared-file-system``, the
service-types-authority name), at the microversion negotiated with that
endpoint. keystoneauth redacts tokens in its debug log; nothing here logs one.
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from keystoneauth1 import session as ks_session
from keystoneauth1 import token_endpoint
from manilaclient import api_versions
from manilaclient.v2 import client as manila_client
from openstack_dashboard.api import base as horizon_api

from manila_ui.api import exceptions
from manila_ui.api import microversions

LOG = logging.getLogger(__name__)

# Catalog types tried in order; "share" is the long-gone v1 and never used.
SERVICE_TYPES: tuple[str, ...] = ("sharev2", "shared-file-system")

_CLIENT_ATTR = "_manila_ui_client"


def endpoint_url(request: Any) -> str:
    """The Manila endpoint of the user's catalog, honouring
    OPENSTACK_ENDPOINT_TYPE / SECONDARY_ENDPOINT_TYPE and the region."""
    for service_type in SERVICE_TYPES:
        try:
            return str(horizon_api.url_for(request, service_type))
        except Exception:  # noqa: S112 - ServiceCatalogException; next type
            continue
    raise exceptions.ManilaUnavailable(
        "The service catalog has no shared file system (Manila) endpoint.")


def _verify() -> bool | str:
    if getattr(settings, "OPENSTACK_SSL_NO_VERIFY", False):
        return False
    cacert = getattr(settings, "OPENSTACK_SSL_CACERT", None)
    return cacert or True


def _version_cap() -> str:
    """manilaclient's maximum, or lower if the operator capped it (e.g. to
    step around a server bug): OPENSTACK_MANILA_FEATURES["max_api_version"]."""
    features = getattr(settings, "OPENSTACK_MANILA_FEATURES", None) or {}
    cap = features.get("max_api_version")
    client_max = microversions.CLIENT_MAX_VERSION
    if not cap:
        return client_max
    return min(str(cap), client_max, key=microversions.version_key)


DEFAULT_TIMEOUT = 30.0


def _timeout() -> float:
    """Seconds to wait for Manila: a hung API must cost the user a message,
    not a Horizon worker. OPENSTACK_MANILA_FEATURES["api_timeout"]."""
    features = getattr(settings, "OPENSTACK_MANILA_FEATURES", None) or {}
    return float(features.get("api_timeout") or DEFAULT_TIMEOUT)


def _session(request: Any, endpoint: str) -> ks_session.Session:
    auth = token_endpoint.Token(endpoint, request.user.token.id)
    return ks_session.Session(auth=auth, verify=_verify(), timeout=_timeout(),
                              user_agent="manila-ui")


class _Handle:
    """What a request keeps: the client and the version it talks at."""

    def __init__(self, client: Any, version: str) -> None:
        self.client = client
        self.version = version


def _handle(request: Any) -> _Handle:
    cached: _Handle | None = getattr(request, _CLIENT_ATTR, None)
    if cached is not None:
        return cached
    endpoint = endpoint_url(request)
    sess = _session(request, endpoint)
    server = microversions.fetch_server_versions(sess, endpoint)
    version = microversions.negotiate(server, client_max=_version_cap())
    client = manila_client.Client(
        api_version=api_versions.APIVersion(version),
        session=sess,
        service_catalog_url=endpoint,
        endpoint_type=getattr(settings, "OPENSTACK_ENDPOINT_TYPE", "publicURL"),
        http_log_debug=getattr(settings, "DEBUG", False),
        user_agent="manila-ui",
    )
    handle = _Handle(client, version)
    setattr(request, _CLIENT_ATTR, handle)
    return handle


def manilaclient(request: Any) -> Any:
    """The request's manilaclient ``Client`` (built on first use)."""
    return _handle(request).client


def api_version(request: Any) -> str:
    """The microversion this request talks at, e.g. ``"2.98"``."""
    return _handle(request).version


def supports(request: Any, feature: str) -> bool:
    """Whether the user's Manila offers a named feature (see FEATURES)."""
    return microversions.is_supported(api_version(request), feature)


def known_to_lack(request: Any, feature: str) -> bool:
    """True only when what is already known of the user's Manila (this
    request's client, or the process's cached version document) says the
    feature is missing. Never calls Manila: for what every page renders,
    such as the navigation."""
    handle: _Handle | None = getattr(request, _CLIENT_ATTR, None)
    if handle is not None:
        return not microversions.is_supported(handle.version, feature)
    try:
        server = microversions.cached_server_versions(endpoint_url(request))
        if server is None:
            return False
        version = microversions.negotiate(server, client_max=_version_cap())
    except Exception:   # no endpoint, or a server too old: the pages say so
        return False
    return not microversions.is_supported(version, feature)
