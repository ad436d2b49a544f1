"""Query filters (shorthand and verbose) and sorts of the records and entries query endpoints.

A filter or a list of sorts is first *compiled* against the schema of the queried object or
list: every check (operators, attributes, fields, paths, literal types, nesting depth) happens
there, before any row is looked at, so an empty object answers the same 400 as a full one. The
compiled predicates and sort keys then run over the rows and never raise.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from attio.values import LOCATION_KEYS

from ._errors import AttioFakeError, bad_request, enum_issue, type_issue, validation
from ._store import active
from ._util import JSON, iso, nested_too_deeply, parse_timestamp, type_name

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
    "status": ("status", ("title", "id", "active_from")),
    "record-reference": ("target_record_id", ("target_object",)),
    "actor-reference": ("referenced_actor_id", ("referenced_actor_type",)),
    "location": (LOCATION_KEYS[0], LOCATION_KEYS[1:]),
    "interaction": ("interacted_at", ("interaction_type",)),
}

# (attribute type, field) pairs whose values are numbers (checkbox values are booleans, which
# compare like numbers); every other field holds text (or nothing).
NUMERIC_FIELDS = frozenset(
    {
        ("number", "value"),
        ("rating", "value"),
        ("checkbox", "value"),
        ("currency", "currency_value"),
    }
)

TEXT_OPERATORS = frozenset({"$contains", "$starts_with", "$ends_with"})

# What a field holds decides the operators Attio takes on it ([docs] attribute-type pages:
# checkbox takes only ``$eq``; text takes ``$eq``, ``$in``, ``$contains``, ``$starts_with``,
# ``$ends_with``; a status is matched by equality (title or id) and by when it was set,
# ``active_from``, with ``$lt``/``$lte``/``$gt``/``$gte`` only). Anything else is a 400
# ``filter_error`` before any row is read.
FIELD_OPERATORS: dict[str, frozenset[str]] = {
    "boolean": frozenset({"$eq"}),
    "number": frozenset({"$eq", "$in", "$lt", "$lte", "$gt", "$gte", "$not_empty"}),
    "moment": frozenset({"$eq", "$in", "$lt", "$lte", "$gt", "$gte", "$not_empty"}),
    "changed": frozenset({"$lt", "$lte", "$gt", "$gte"}),
    "choice": frozenset({"$eq", "$in", "$not_empty"}),
    "text": frozenset({"$eq", "$in", "$contains", "$starts_with", "$ends_with", "$not_empty"}),
}


def field_kind(attr: JSON, field: str) -> str:
    """What the ``field`` of ``attr``'s values holds (a key of :data:`FIELD_OPERATORS`)."""
    kind = attr["type"]
    if field == "active_from":
        return "changed"
    if kind == "checkbox":
        return "boolean"
    if (kind, field) in NUMERIC_FIELDS:
        return "number"
    if kind in ("date", "timestamp") or field == "interacted_at":
        return "moment"
    if kind in ("select", "status", "record-reference", "actor-reference", "interaction"):
        return "choice"
    return "text"


MAX_FILTER_DEPTH = 64
"""How deeply ``$and``/``$or``/``$not`` may nest in one filter (a 400 beyond)."""

SORT_DIRECTIONS = ["asc", "desc"]

Row = tuple[str, JSON]  # (parent object/list id, record or entry state)
Predicate = Callable[[Row], bool]
ValuesTest = Callable[[list[JSON]], bool]
SortKey = Callable[[Row], Any]
# One hop of a compiled path: ("parent", None, "") from an entry to its parent record, or
# ("ref", attribute, target object id) along a record-reference attribute.
Step = tuple[str, JSON | None, str]


def filter_error(message: str) -> AttioFakeError:
    """400 ``filter_error``."""
    return bad_request("filter_error", message)


def candidates(attr: JSON, value: JSON, field: str) -> list[Any]:
    """The scalars of one value that a condition on ``field`` compares against."""
    kind = attr["type"]
    if field == "active_from":
        return [value.get("active_from")]
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
        if kind == "timestamp" or field in ("interacted_at", "active_from"):
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
        # Literal types were checked when the filter was compiled; a stored value of another
        # kind (or none) simply does not match.
        if have is None or isinstance(have, (int, float)) != isinstance(want, (int, float)):
            return False
        try:
            if op == "$lt":
                return bool(have < want)
            if op == "$lte":
                return bool(have <= want)
            if op == "$gt":
                return bool(have > want)
            return bool(have >= want)
        except TypeError:
            return False

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

ORDERED = frozenset({"$lt", "$lte", "$gt", "$gte"})


def _always(_row: Row) -> bool:
    return True


def _all(parts: list[Predicate]) -> Predicate:
    return lambda row: all(part(row) for part in parts)


def _any(parts: list[Predicate]) -> Predicate:
    return lambda row: any(part(row) for part in parts)


def _negate(part: Predicate) -> Predicate:
    return lambda row: not part(row)


def _all_values(parts: list[ValuesTest]) -> ValuesTest:
    return lambda values: all(part(values) for part in parts)


def _emptiness(wanted: bool) -> ValuesTest:
    return lambda values: bool(values) == wanted


def _on_values(attr: JSON, test: ValuesTest) -> Predicate:
    return lambda row: test(_row_values(row, attr))


def _row_values(row: Row, attr: JSON) -> list[JSON]:
    return active(row[1]["values"].get(attr["id"]["attribute_id"], []))


class Query:
    """Evaluates Attio filters and sorts over the records of an object or entries of a list.

    :meth:`compile` and :meth:`compile_sorts` validate against the schema of ``parent_id``
    (raising Attio's 400s); what they return only reads rows.
    """

    def __init__(self, store: Store, parent_id: str) -> None:
        self.store = store
        self.parent_id = parent_id

    # ------------------------------------------------------------------ filters

    def compile(self, flt: Any) -> Predicate:
        """The predicate of the filter ``flt`` (``None``: every row), or Attio's 400."""
        if flt is None:
            return _always
        return self._node(flt, 1)

    def _node(self, flt: Any, depth: int) -> Predicate:
        if depth > MAX_FILTER_DEPTH:
            raise nested_too_deeply("filter", MAX_FILTER_DEPTH)
        if not isinstance(flt, dict):
            raise filter_error("The filter must be an object.")
        parts: list[Predicate] = []
        for key, cond in flt.items():
            if key == "$and":
                parts.append(_all([self._node(f, depth + 1) for f in self._many(key, cond)]))
            elif key == "$or":
                parts.append(_any([self._node(f, depth + 1) for f in self._many(key, cond)]))
            elif key == "$not":
                parts.append(_negate(self._node(cond, depth + 1)))
            elif key == "path":
                parts.append(self._path(cond, flt.get("constraints")))
            elif key == "constraints":
                if "path" not in flt:
                    raise filter_error('"constraints" must be used together with "path".')
            elif key.startswith("$"):
                raise filter_error(f'Unknown operator "{key}" at the top level of the filter.')
            else:
                attr = self._attribute(self.parent_id, key)
                parts.append(_on_values(attr, self._condition(attr, cond)))
        return parts[0] if len(parts) == 1 else _all(parts)

    @staticmethod
    def _many(key: str, cond: Any) -> list[Any]:
        if not isinstance(cond, list):
            raise filter_error(f'"{key}" takes an array of filters.')
        return cond

    def _attribute(self, parent_id: str, ident: Any) -> JSON:
        attr = (
            self.store.find_attribute(parent_id, ident, archived=False)
            if isinstance(ident, str)
            else None
        )
        if attr is None:
            raise filter_error(f'Unknown attribute slug/ID "{ident}" in filter.')
        return attr

    def _condition(self, attr: JSON, cond: Any) -> ValuesTest:
        """The test of one attribute's values: a shorthand value, operators on the default
        field, or ``{field: value | {operator: value}}``."""
        default, others = FIELDS.get(attr["type"], ("value", ()))
        if not isinstance(cond, dict):
            return self._field(attr, default, {"$eq": cond})
        parts: list[ValuesTest] = []
        for key, sub in cond.items():
            if key == "$not_empty" or key in OPERATORS:
                parts.append(self._field(attr, default, {key: sub}))
            elif key.startswith("$"):
                raise filter_error(f'Unknown operator "{key}" for attribute "{attr["api_slug"]}".')
            elif key in (default, *others):
                ops = sub if isinstance(sub, dict) else {"$eq": sub}
                parts.append(self._field(attr, key, ops))
            else:
                raise filter_error(
                    f'Invalid field "{key}" for attribute "{attr["api_slug"]}" '
                    f'of type "{attr["type"]}".'
                )
        return _all_values(parts)

    def _field(self, attr: JSON, field: str, ops: JSON) -> ValuesTest:
        tests: list[ValuesTest] = []
        for op, literal in ops.items():
            if op != "$not_empty" and op not in OPERATORS:
                raise filter_error(f'Unknown operator "{op}" for attribute "{attr["api_slug"]}".')
            holds = field_kind(attr, field)
            if op not in FIELD_OPERATORS[holds]:
                raise filter_error(
                    f'Operator "{op}" is not supported on the "{field}" field of attribute '
                    f'"{attr["api_slug"]}" of type "{attr["type"]}".'
                )
            if op == "$not_empty":
                if not isinstance(literal, bool):
                    raise filter_error('"$not_empty" takes true or false.')
                tests.append(_emptiness(literal))
                continue
            if op in TEXT_OPERATORS and not isinstance(literal, str):
                raise filter_error(f'Operator "{op}" compares text, not {literal!r}.')
            if op == "$in":
                if not isinstance(literal, list):
                    raise filter_error('"$in" takes an array of values.')
                want: Any = [_norm(attr, field, item) for item in literal]
            else:
                want = _norm(attr, field, literal)
            if op in ORDERED:
                _check_comparable(attr, field, op, want)
            tests.append(self._compare(attr, field, OPERATORS[op], want))
        return _all_values(tests)

    @staticmethod
    def _compare(attr: JSON, field: str, test: Callable[[Any, Any], bool], want: Any) -> ValuesTest:
        return lambda values: any(
            test(have, want) for v in values for have in candidates(attr, v, field)
        )

    # ------------------------------------------------------------------ paths

    def _path(self, path: Any, constraints: Any) -> Predicate:
        steps, attr = self.resolve_path(path)
        test = self._condition(attr, constraints or {})
        return lambda row: any(test(_row_values(r, attr)) for r in self.walk(row, steps))

    def resolve_path(self, path: Any) -> tuple[list[Step], JSON]:
        """Check a ``path`` of ``[object_or_list, attribute]`` hops against the schema (from the
        queried object or list); its steps and the attribute of the last hop."""
        if (
            not isinstance(path, list)
            or not path
            or not all(isinstance(hop, list) and len(hop) == 2 for hop in path)
        ):
            raise filter_error(
                '"path" must be a non-empty array of [object_or_list, attribute] pairs.'
            )
        steps: list[Step] = []
        parent: str | None = self.parent_id  # None: the hop's object names where a reference led
        for index, (owner, slug) in enumerate(path):
            here = self._owner(owner, parent, index)
            if steps and steps[-1][0] == "ref":
                via = steps[-1][1]
                assert via is not None
                allowed = via["config"]["record_reference"]["allowed_object_ids"] or []
                if allowed and here not in allowed:
                    raise filter_error(
                        f'Hop {index} of the path names "{owner}", but attribute '
                        f'"{via["api_slug"]}" does not reference records of that object.'
                    )
                steps[-1] = ("ref", via, here)
            if index == len(path) - 1:
                return steps, self._attribute(here, slug)
            if slug == "parent_record":
                lst = self.store.lists.get(here)
                if lst is None:
                    raise filter_error('"parent_record" can only be used on list entries.')
                steps.append(("parent", None, ""))
                parent = self.store.object(lst["parent_object"][0])["id"]["object_id"]
                continue
            attr = self._attribute(here, slug)
            if attr["type"] != "record-reference":
                raise filter_error(f'Attribute "{slug}" in a path must be a record reference.')
            steps.append(("ref", attr, ""))
            parent = None
        raise filter_error("Invalid path.")  # pragma: no cover - the loop returns

    def _owner(self, owner: Any, parent: str | None, index: int) -> str:
        """The object/list id a hop names (``None`` on the first hop: the queried one). After a
        record reference (``parent`` None) the hop's object says where the reference leads."""
        if index == 0 and owner is None:
            return self.parent_id
        named: list[str] = []
        if isinstance(owner, str):
            obj = self.store.find_object(owner)
            if obj is not None:
                named.append(obj["id"]["object_id"])
            lst = self.store.find_list(owner) if parent is not None else None
            if lst is not None:
                named.append(lst["id"]["list_id"])
        if not named:
            raise filter_error(f'Unknown object or list "{owner}" in path.')
        if parent is None:
            return named[0]
        if parent not in named:
            raise filter_error(
                f'Hop {index} of the path names "{owner}", but the path is at '
                f'"{self._slug(parent)}" there.'
            )
        return parent

    def _slug(self, parent_id: str) -> str:
        parent = self.store.objects.get(parent_id) or self.store.lists.get(parent_id) or {}
        return str(parent.get("api_slug") or parent_id)

    def walk(self, row: Row, steps: list[Step]) -> list[Row]:
        """The rows a compiled path reaches from ``row``."""
        rows = [row]
        for kind, attr, target_id in steps:
            reached: list[Row] = []
            for r in rows:
                if kind == "parent":
                    parent = self._parent_of(r)
                    if parent is not None:
                        reached.append(parent)
                    continue
                assert attr is not None
                records = self.store.records.get(target_id, {})
                for value in _row_values(r, attr):
                    target = self.store.find_object(value["target_object"])
                    if target is None or target["id"]["object_id"] != target_id:
                        continue
                    state = records.get(value["target_record_id"])
                    if state is not None:
                        reached.append((target_id, state))
            rows = reached
            if not rows:
                break
        return rows

    def _parent_of(self, row: Row) -> Row | None:
        state = row[1]
        obj = self.store.find_object(state["parent_object"])
        if obj is None:
            return None
        object_id = obj["id"]["object_id"]
        parent = self.store.records.get(object_id, {}).get(state["parent_record_id"])
        return None if parent is None else (object_id, parent)

    # ------------------------------------------------------------------ sorts

    def compile_sorts(self, sorts: Any) -> list[tuple[SortKey, bool]]:
        """``(key, descending)`` per sort, checked against the schema (Attio's 400s)."""
        if sorts is None:
            return []
        if not isinstance(sorts, list):
            raise validation(
                "Body payload validation error.", [type_issue(["sorts"], "array", type_name(sorts))]
            )
        issues: list[JSON] = []
        for index, spec in enumerate(sorts):
            issues.extend(_sort_issues(spec, index))
        if issues:
            raise validation("Body payload validation error.", issues)
        return [(self._sort_key(spec), spec["direction"] == "desc") for spec in sorts]

    @staticmethod
    def order(rows: list[Row], keys: list[tuple[SortKey, bool]]) -> list[Row]:
        """Rows ordered by compiled sorts (stable; the first sort decides first; rows without
        a value come last)."""
        for key, descending in reversed(keys):
            keyed = [(key(r), r) for r in rows]
            present = [item for item in keyed if item[0] is not None]
            present.sort(key=lambda item: item[0], reverse=descending)
            rows = [r for _, r in present] + [r for k, r in keyed if k is None]
        return rows

    def _sort_key(self, spec: JSON) -> SortKey:
        path = spec["path"] if "path" in spec else [[None, spec["attribute"]]]
        steps, attr = self.resolve_path(path)
        default, others = FIELDS.get(attr["type"], ("value", ()))
        name = spec.get("field") or default
        if name not in (default, *others):
            raise validation(f'Invalid sort field "{name}" for attribute "{attr["api_slug"]}".')

        def key(row: Row) -> Any:
            for r in self.walk(row, steps):
                for value in _row_values(r, attr):
                    have = candidates(attr, value, name)[0]
                    if have is not None:
                        return have.casefold() if isinstance(have, str) else have
            return None

        return key


def _check_comparable(attr: JSON, field: str, op: str, want: Any) -> None:
    """An ordered comparison needs a number for a numeric field and a string otherwise."""
    numeric = (attr["type"], field) in NUMERIC_FIELDS
    if numeric and isinstance(want, (int, float)):
        return
    if not numeric and isinstance(want, str):
        return
    raise filter_error(
        f'Operator "{op}" cannot compare the {field} of attribute "{attr["api_slug"]}" '
        f"(a {'number' if numeric else 'string'}) with {want!r}."
    )


def _sort_issues(spec: Any, index: int) -> list[JSON]:
    """The zod-style problems of one sort (shape only; attributes are checked afterwards)."""
    where: list[str | int] = ["sorts", index]
    if not isinstance(spec, dict):
        return [type_issue(where, "object", type_name(spec))]
    issues: list[JSON] = []
    expected = " | ".join(f"'{d}'" for d in SORT_DIRECTIONS)
    direction = spec.get("direction")
    if "direction" not in spec:
        issues.append(type_issue([*where, "direction"], expected, "undefined"))
    elif not isinstance(direction, str):
        issues.append(type_issue([*where, "direction"], expected, type_name(direction)))
    elif direction not in SORT_DIRECTIONS:
        issues.append(enum_issue([*where, "direction"], SORT_DIRECTIONS, direction))
    if "path" not in spec:
        attribute = spec.get("attribute")
        if not isinstance(attribute, str):
            received = "undefined" if "attribute" not in spec else type_name(attribute)
            issues.append(type_issue([*where, "attribute"], "string", received))
    field = spec.get("field")
    if field is not None and not isinstance(field, str):
        issues.append(type_issue([*where, "field"], "string", type_name(field)))
    return issues
