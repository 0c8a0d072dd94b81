"""Manila's error bodies: ``{"<name>": {"code": N, "message": "..."}}``.

python-manilaclient reads the first key of the body and its ``message``, so
the names and the shape matter.  Codes without a name of their own (406,
422, 500, ...) are ``computeFault``, as in Manila.
"""

from __future__ import annotations

import json

import webob

FAULT_NAMES = {
    400: "badRequest",
    401: "unauthorized",
    403: "forbidden",
    404: "itemNotFound",
    405: "badMethod",
    409: "conflictingRequest",
    413: "overLimit",
    415: "badMediaType",
    501: "notImplemented",
    503: "serviceUnavailable",
}


# No message needs more; one that quotes input beyond it (a 1 MB name...)
# is cut, so a fault is never larger than the request that caused it.
MAX_MESSAGE = 1024


class Fault(Exception):
    code = 500
    default_message = ("The server has either erred or is incapable of "
                       "performing the requested operation.")

    def __init__(self, message: str | None = None,
                 headers: dict[str, str] | None = None) -> None:
        message = message or self.default_message
        if len(message) > MAX_MESSAGE:
            message = message[:MAX_MESSAGE] + "..."
        self.message = message
        self.headers = dict(headers or {})
        super().__init__(self.message)

    def body(self) -> dict[str, dict[str, object]]:
        name = FAULT_NAMES.get(self.code, "computeFault")
        detail: dict[str, object] = {"code": self.code, "message": self.message}
        if "Retry-After" in self.headers:
            detail["retryAfter"] = self.headers["Retry-After"]
        return {name: detail}

    def response(self) -> webob.Response:
        resp = webob.Response(status=self.code, content_type="application/json",
                              charset="utf-8")
        resp.body = json.dumps(self.body()).encode()
        for name, value in self.headers.items():
            resp.headers[name] = value
        return resp


class BadRequest(Fault):
    code = 400
    default_message = ("The server could not comply with the request since it "
                       "is either malformed or otherwise incorrect.")


class Unauthorized(Fault):
    code = 401
    default_message = "This server could not verify that you are authorized."


class Forbidden(Fault):
    code = 403
    default_message = "Access was denied to this resource."


class NotFound(Fault):
    code = 404
    default_message = "The resource could not be found."


class BadMethod(Fault):
    code = 405
    default_message = "The method is not allowed for this resource."


class NotAcceptable(Fault):
    code = 406
    default_message = "The requested version is not supported."


class Conflict(Fault):
    code = 409
    default_message = "There was a conflict when trying to complete your request."


class OverLimit(Fault):
    code = 413

    def __init__(self, message: str, retry_after: int = 0) -> None:
        super().__init__(message, {"Retry-After": str(retry_after)})


class UnprocessableEntity(Fault):
    code = 422
    default_message = "Unable to process the contained instructions"


class BadMediaType(Fault):
    code = 415
    default_message = "Unsupported Content-Type"


class ComputeFault(Fault):
    code = 500
