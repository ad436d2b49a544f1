"""Query filters (shorthand and verbose) and sorts of the records and entries query endpoints."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ._errors import AttioFakeError, bad_request, validation
from ._store import active
from ._util import JSON, iso, parse_timestamp
from ._values import LOCATION_KEYS

if TYPE_CHECKING:
    from ._store import Store

# attribute type -> (default field, other fields)
FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "text": ("value", ()),
    "number": ("value", ()),
    "checkbox": ("value", ()),
    "date": ("value", ()),
    "timestamp": ("value", ()),
    "rating": ("value", ()),
    "currency": ("currency_value", ("currency_code",)),
    "personal-name": ("full_name", ("first_name", "last_name")),
    "email-address": (
        "email_address",
        ("original_email_address", "email_domain", "email_root_domain", "email_local_specifier"),
    ),
    "domain": ("domain", ("root_domain",)),
    "phone-number": ("phone_number", ("original_phone_number", "country_code")),
    "select": ("option", ("title", "id")),
    "status": ("status", ("title", "id")),
    "record-reference": ("target_record_id", ("target_object",)),
    "actor-reference": ("referenced_actor_id", ("referenced_actor_type",)),
    "location": (LOCATION_KEYS[0], LOCATION_KEYS[1:]),
    "interaction": ("interacted_at", ("interaction_type",)),
}

Row = tuple[str, JSON]  # (parent object/list id, record or entry state)


def filter_error(message: str) -> AttioFakeError:
    """400 ``filter_error``."""
    return bad_request("filter_error", message)


def candidates(attr: JSON, value: JSON, field: str) -> list[Any]:
    """The scalars of one value that a condition on ``field`` compares against."""
    kind = attr["type"]
    if kind in ("select", "status"):
        key = "option" if kind == "select" else "status"
        obj = value[key]
        ident = obj["id"]["option_id" if kind == "select" else "status_id"]
        if field in (key, "title"):
            return [obj["title"], ident]
        return [ident]
    return [value.get(field)]


def _norm(attr: JSON, field: str, literal: Any) -> Any:
    kind = attr["type"]
    if isinstance(literal, str):
        if kind == "timestamp" or field == "interacted_at":
            moment = parse_timestamp(literal)
            return iso(moment) if moment else literal
        if kind == "date":
            moment = parse_timestamp(literal)
            return moment.date().isoformat() if moment else literal
        if kind in ("email-address", "domain"):
            return literal.strip().lower()
    return literal


def _text(value: Any) -> str:
    return str(value).casefold()


def _ordered(op: str) -> Callable[[Any, Any], bool]:
    def compare(have: Any, want: Any) -> bool:
        if have is None:
            return False
        if isinstance(have, (int, float)) != isinstance(want, (int, float)):
            raise filter_error(f'Operator "{op}" cannot compare {have!r} with {want!r}.')
        if op == "$lt":
            return bool(have < want)
        if op == "$lte":
            return bool(have <= want)
        if op == "$gt":
            return bool(have > want)
        return bool(have >= want)

    return compare


OPERATORS: dict[str, Callable[[Any, Any], bool]] = {
    "$eq": lambda have, want: have == want,
    "$contains": lambda have, want: have is not None and _text(want) in _text(have),
    "$starts_with": lambda have, want: have is not None and _text(have).startswith(_text(want)),
    "$ends_with": lambda have, want: have is not None and _text(have).endswith(_text(want)),
    "$in": lambda have, want: have in want,
    "$lt": _ordered("$lt"),
    "$lte": _ordered("$lte"),
    "$gt": _ordered("$gt"),
    "$gte": _ordered("$gte"),
}


class Query:
    """Evaluates Attio filters and sorts over the records of an object or entries of a list."""

    def __init__(self, store: Store, parent_id: str) -> None:
        self.store = store
        self.parent_id = parent_id

    # ------------------------------------------------------------------ filters

    def matches(self, row: Row, flt: Any) -> bool:
        """Does ``row`` satisfy the filter ``flt``?"""
        if flt is None:
            return True
        if not isinstance(flt, dict):
            raise filter_error("The filter must be an object.")
        results = []
        for key, cond in flt.items():
            if key == "$and":
                results.append(all(self.matches(row, f) for f in self._many(key, cond)))
            elif key == "$or":
                results.append(any(self.matches(row, f) for f in self._many(key, cond)))
            elif key == "$not":
                results.append(not self.matches(row, cond))
            elif key == "path":
                results.append(self._path(row, cond, flt.get("constraints")))
            elif key == "constraints":
                if "path" not in flt:
                    raise filter_error('"constraints" must be used together with "path".')
            elif key.startswith("$"):
                raise filter_error(f'Unknown operator "{key}" at the top level of the filter.')
            else:
                attr = self._attribute(row[0], key)
                results.append(self._attribute_matches(attr, self._values(row, attr), cond))
        return all(results)

    @staticmethod
    def _many(key: str, cond: Any) -> list[Any]:
        if not isinstance(cond, list):
            raise filter_error(f'"{key}" takes an array of filters.')
        return cond

    def _attribute(self, parent_id: str, ident: str) -> JSON:
        attr = self.store.find_attribute(parent_id, ident, archived=False)
        if attr is None:
            raise filter_error(f'Unknown attribute slug/ID "{ident}" in filter.')
        return attr

    @staticmethod
    def _values(row: Row, attr: JSON) -> list[JSON]:
        return active(row[1]["values"].get(attr["id"]["attribute_id"], []))

    def _attribute_matches(self, attr: JSON, values: list[JSON], cond: Any) -> bool:
        default, others = FIELDS.get(attr["type"], ("value", ()))
        if not isinstance(cond, dict):
            return self._field_matches(attr, values, default, {"$eq": cond})
        results = []
        for key, sub in cond.items():
            if key == "$not_empty":
                results.append(bool(values) == bool(sub))
            elif key in OPERATORS:
                results.append(self._field_matches(attr, values, default, {key: sub}))
            elif key.startswith("$"):
                raise filter_error(f'Unknown operator "{key}" for attribute "{attr["api_slug"]}".')
            elif key in (default, *others):
                ops = sub if isinstance(sub, dict) else {"$eq": sub}
                results.append(self._field_matches(attr, values, key, ops))
            else:
                raise filter_error(
                    f'Invalid field "{key}" for attribute "{attr["api_slug"]}" '
                    f'of type "{attr["type"]}".'
                )
        return all(results)

    def _field_matches(self, attr: JSON, values: list[JSON], field: str, ops: JSON) -> bool:
        for op, literal in ops.items():
            if op == "$not_empty":
                if bool(values) != bool(literal):
                    return False
                continue
            if op not in OPERATORS:
                raise filter_error(f'Unknown operator "{op}" for attribute "{attr["api_slug"]}".')
            if op == "$in":
                if not isinstance(literal, list):
                    raise filter_error('"$in" takes an array of values.')
                want: Any = [_norm(attr, field, item) for item in literal]
            else:
                want = _norm(attr, field, literal)
            test = OPERATORS[op]
            if not any(test(have, want) for v in values for have in candidates(attr, v, field)):
                return False
        return True

    # ------------------------------------------------------------------ paths

    def _path(self, row: Row, path: Any, constraints: Any) -> bool:
        rows, attr = self.follow(row, path)
        return any(
            self._attribute_matches(attr, self._values(r, attr), constraints or {}) for r in rows
        )

    def follow(self, row: Row, path: Any) -> tuple[list[Row], JSON]:
        """Walk a ``path`` of ``[object_or_list, attribute]`` hops; the rows and last attribute."""
        if (
            not isinstance(path, list)
            or not path
            or not all(isinstance(hop, list) and len(hop) == 2 for hop in path)
        ):
            raise filter_error(
                '"path" must be a non-empty array of [object_or_list, attribute] pairs.'
            )
        rows = [row]
        for index, (_owner, slug) in enumerate(path):
            last = index == len(path) - 1
            if slug == "parent_record" and not last:
                rows = [self._parent_of(r) for r in rows]
                continue
            attr = self._attribute(rows[0][0], slug) if rows else None
            if attr is None:
                raise filter_error(f'Unknown attribute "{slug}" in path.')
            if last:
                return rows, attr
            if attr["type"] != "record-reference":
                raise filter_error(f'Attribute "{slug}" in a path must be a record reference.')
            reached: list[Row] = []
            for r in rows:
                for value in self._values(r, attr):
                    target = self.store.find_object(value["target_object"])
                    if target is None:
                        continue
                    state = self.store.records[target["id"]["object_id"]].get(
                        value["target_record_id"]
                    )
                    if state is not None:
                        reached.append((target["id"]["object_id"], state))
            rows = reached
            if not rows:
                return [], attr
        raise filter_error("Invalid path.")

    def _parent_of(self, row: Row) -> Row:
        state = row[1]
        if "parent_record_id" not in state:
            raise filter_error('"parent_record" can only be used on list entries.')
        obj = self.store.object(state["parent_object"])
        return obj["id"]["object_id"], self.store.records[obj["id"]["object_id"]][
            state["parent_record_id"]
        ]

    # ------------------------------------------------------------------ sorts

    def sort(self, rows: list[Row], sorts: Any) -> list[Row]:
        """Rows ordered by Attio ``sorts`` (stable; rows without a value come last)."""
        if sorts is None:
            return rows
        if not isinstance(sorts, list):
            raise validation("Body payload validation error.", [_sort_error(["sorts"], "array")])
        for index, spec in reversed(list(enumerate(sorts))):
            if not isinstance(spec, dict) or spec.get("direction") not in ("asc", "desc"):
                raise validation(
                    "Body payload validation error.",
                    [_sort_error(["sorts", index, "direction"], "'asc' | 'desc'")],
                )
            key = self._sort_key(rows, spec, index)
            present = [r for r in rows if key(r) is not None]
            missing = [r for r in rows if key(r) is None]
            present.sort(key=key, reverse=spec["direction"] == "desc")
            rows = present + missing
        return rows

    def _sort_key(self, rows: list[Row], spec: JSON, index: int) -> Callable[[Row], Any]:
        field = spec.get("field")
        if "path" in spec:
            path = spec["path"]
        elif isinstance(spec.get("attribute"), str):
            path = [[None, spec["attribute"]]]
        else:
            raise validation(
                "Body payload validation error.",
                [_sort_error(["sorts", index, "attribute"], "string")],
            )

        def key(row: Row) -> Any:
            reached, attr = self.follow(row, path)
            default, others = FIELDS.get(attr["type"], ("value", ()))
            name = field or default
            if name not in (default, *others):
                raise validation(f'Invalid sort field "{name}" for attribute "{attr["api_slug"]}".')
            for r in reached:
                for value in self._values(r, attr):
                    have = candidates(attr, value, name)[0]
                    if have is not None:
                        return have.casefold() if isinstance(have, str) else have
            return None

        for row in rows:  # surface errors (unknown attribute, bad field) even on equal keys
            key(row)
            break
        return key


def _sort_error(path: list[Any], expected: str) -> JSON:
    return {
        "code": "invalid_type",
        "path": path,
        "message": "Required",
        "expected": expected,
        "received": "undefined",
    }
