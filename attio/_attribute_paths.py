"""What ``Attribute``, ``SelectOption`` and ``Status`` share: the ``target`` check, the paths
under ``/v2/{target}/{identifier}/attributes``, and the requests of the items (options,
statuses) beneath one attribute.

``target`` is ``"objects"`` or ``"lists"`` and ``identifier`` the object's or list's slug or id.
The resource modules (:mod:`attio.attributes`, :mod:`attio.select_options`,
:mod:`attio.statuses`) import from here and never from each other.
"""

from __future__ import annotations

from typing import Any, ClassVar, Literal, TypeVar

from ._exceptions import PathParameterError
from ._models import AttioModel
from ._parsing import parse_data, parse_data_list
from ._request import Request, body, seg, update_body

__all__ = [
    "TARGETS",
    "AttributeItem",
    "Target",
    "attribute_path",
    "attributes_path",
    "check_target",
    "create_item",
    "list_items",
    "update_item",
]

Target = Literal["objects", "lists"]
"""Where an attribute lives: on an object or on a list."""

TARGETS: tuple[str, ...] = ("objects", "lists")


def check_target(target: object) -> Target:
    """``target`` itself if it is ``"objects"`` or ``"lists"``; else the errors of any path
    parameter (``TypeError`` for a non-string, :class:`attio.PathParameterError` otherwise)."""
    if target == "objects" or target == "lists":
        return target
    if not isinstance(target, str):
        kind = type(target).__name__
        raise TypeError(f"target must be a str, 'objects' or 'lists', got {kind}")
    raise PathParameterError(f"target must be 'objects' or 'lists', got {target[:80]!r}")


def attributes_path(target: str, identifier: str) -> str:
    """``/v2/{target}/{identifier}/attributes``, the target checked and the identifier encoded."""
    return f"/v2/{check_target(target)}/{seg(identifier)}/attributes"


def attribute_path(target: str, identifier: str, attribute: str) -> str:
    """``/v2/{target}/{identifier}/attributes/{attribute}``."""
    return f"{attributes_path(target, identifier)}/{seg(attribute)}"


# --------------------------------------------------------------------------- options and statuses


class AttributeItem(AttioModel):
    """The base of select options and statuses: their requests differ only in the path's last
    segment (``_collection``), in the model parsed and in the fields sent, so the helpers below
    serve both."""

    _collection: ClassVar[str]


_Item = TypeVar("_Item", bound=AttributeItem)


def _items_path(model: type[_Item], target: str, identifier: str, attribute: str) -> str:
    return f"{attribute_path(target, identifier, attribute)}/{model._collection}"


def list_items(
    model: type[_Item], target: str, identifier: str, attribute: str, show_archived: bool | None
) -> Request[list[_Item]]:
    """``GET .../attributes/{attribute}/{collection}`` (unpaginated)."""
    path = _items_path(model, target, identifier, attribute)
    return Request("GET", path, parse_data_list(model), params={"show_archived": show_archived})


def create_item(
    model: type[_Item], target: str, identifier: str, attribute: str, **fields: Any
) -> Request[_Item]:
    """``POST .../attributes/{attribute}/{collection}`` with the fields given."""
    path = _items_path(model, target, identifier, attribute)
    return Request("POST", path, parse_data(model), json=body(**fields))


def update_item(
    model: type[_Item], target: str, identifier: str, attribute: str, item: str, **fields: Any
) -> Request[_Item]:
    """``PATCH .../attributes/{attribute}/{collection}/{item}`` with the fields given (none is
    a ``ValueError`` naming ``<Model>.update``)."""
    path = f"{_items_path(model, target, identifier, attribute)}/{seg(item)}"
    payload = update_body(f"{model.__name__}.update", **fields)
    return Request("PATCH", path, parse_data(model), json=payload)
