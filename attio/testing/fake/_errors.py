"""Attio's error bodies, raised inside FakeAttio's handlers and turned into responses."""

from __future__ import annotations

from typing import Any

_TYPES = {
    400: "invalid_request_error",
    401: "auth_error",
    403: "auth_error",
    404: "invalid_request_error",
    409: "invalid_request_error",
    429: "rate_limit_error",
}


class AttioFakeError(Exception):
    """An Attio error answer: ``status``, ``code``, ``message`` and extra body fields."""

    def __init__(self, status: int, code: str, message: str, **extra: Any) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.extra = extra

    def body(self) -> dict[str, Any]:
        """The JSON body Attio sends for this error."""
        return {
            "status_code": self.status,
            "type": _TYPES.get(self.status, "api_error"),
            "code": self.code,
            "message": self.message,
            **self.extra,
        }


def not_found(message: str) -> AttioFakeError:
    """404 ``not_found``."""
    return AttioFakeError(404, "not_found", message)


def bad_request(code: str, message: str, **extra: Any) -> AttioFakeError:
    """400 with the given code (``value_not_found``, ``missing_value``, ``filter_error``...)."""
    return AttioFakeError(400, code, message, **extra)


def conflict(code: str, message: str) -> AttioFakeError:
    """409 (``slug_conflict``, ``uniqueness_conflict``)."""
    return AttioFakeError(409, code, message)


def validation(message: str, errors: list[dict[str, Any]] | None = None) -> AttioFakeError:
    """400 ``validation_type``, with zod-style ``validation_errors`` when given."""
    if errors is None:
        return AttioFakeError(400, "validation_type", message)
    return AttioFakeError(400, "validation_type", message, validation_errors=errors)


def payload_error(
    path: list[str | int], expected: str, received: str = "undefined", message: str = "Required"
) -> AttioFakeError:
    """Attio's "Body payload validation error." for one bad field."""
    error = {
        "code": "invalid_type",
        "path": path,
        "message": message,
        "expected": expected,
        "received": received,
    }
    return validation("Body payload validation error.", [error])


def enum_issue(path: list[str | int], options: list[str], received: str) -> dict[str, Any]:
    """One zod-style ``validation_errors`` item for a string outside an enum, as Attio sends it
    (``invalid_option``, the allowed ``options`` and the value received in the message)."""
    expected = " | ".join(f"'{option}'" for option in options)
    return {
        "code": "invalid_option",
        "path": path,
        "message": f"Invalid enum value. Expected {expected}, received '{received}'",
        "options": list(options),
    }


def type_issue(path: list[str | int], expected: str, received: str) -> dict[str, Any]:
    """One zod-style ``invalid_type`` item (``"Required"`` when nothing was received)."""
    message = "Required" if received == "undefined" else f"Expected {expected}, received {received}"
    return {
        "code": "invalid_type",
        "path": path,
        "message": message,
        "expected": expected,
        "received": received,
    }
