"""``NotGiven``: the one "argument not given" marker, distinct from ``None`` (JSON ``null``).

Signatures write it as ``title: str | NotGiven = NOT_GIVEN``: a field left at
:data:`NOT_GIVEN` is not sent at all, while ``None`` is sent as ``null`` where Attio allows it.
The same marker says "no JSON body" on a :class:`~attio._request.Request` and "the default
timeout" on the clients.
"""

from __future__ import annotations

from typing import Any, Final, TypeVar

__all__ = ["NOT_GIVEN", "NotGiven", "drop_not_given", "given"]

T = TypeVar("T")


class NotGiven:
    """The type of :data:`NOT_GIVEN` (a singleton; falsy; pickles to itself)."""

    __slots__ = ()
    _instance: NotGiven | None = None

    def __new__(cls) -> NotGiven:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "NOT_GIVEN"

    def __bool__(self) -> bool:
        return False

    def __reduce__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN: Final = NotGiven()
"""An argument that was not given: its field is not sent (``None`` is sent as ``null``)."""


def given(value: T | NotGiven) -> bool:
    """Whether ``value`` was given (is not :data:`NOT_GIVEN`)."""
    return not isinstance(value, NotGiven)


def drop_not_given(fields: dict[str, Any]) -> dict[str, Any]:
    """``fields`` without the ones left at :data:`NOT_GIVEN`."""
    return {key: value for key, value in fields.items() if not isinstance(value, NotGiven)}
