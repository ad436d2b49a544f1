"""Attribute values: every write shape Attio documents, turned into the typed read shape."""

from __future__ import annotations

import contextlib
import json
import re
from typing import TYPE_CHECKING, Any

from attio.values import LOCATION_KEYS

from ._errors import AttioFakeError, validation
from ._util import JSON, iso, parse_timestamp, type_name

if TYPE_CHECKING:
    from ._records_store import RecordsStore


DIALING_CODES = {
    "1": "US",
    "7": "RU",
    "31": "NL",
    "32": "BE",
    "33": "FR",
    "34": "ES",
    "39": "IT",
    "41": "CH",
    "43": "AT",
    "44": "GB",
    "45": "DK",
    "46": "SE",
    "47": "NO",
    "48": "PL",
    "49": "DE",
    "55": "BR",
    "61": "AU",
    "64": "NZ",
    "65": "SG",
    "81": "JP",
    "86": "CN",
    "91": "IN",
    "353": "IE",
    "972": "IL",
}
COUNTRY_PREFIX = {country: code for code, country in DIALING_CODES.items()}

# The spec's patterns for a location's coordinates (strings).
_COORDINATE = {
    "latitude": re.compile(r"^[-+]?([1-8]?\d(\.\d+)?|90(\.0+)?)$"),
    "longitude": re.compile(r"^[-+]?(180(\.0+)?|((1[0-7]\d)|([1-9]?\d))(\.\d+)?)$"),
}
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_SECOND_LEVEL = {"co", "com", "org", "net", "ac", "gov", "edu"}


def invalid(slug: str, message: str, **detail: Any) -> AttioFakeError:
    """Attio's 400 for a value of the wrong shape."""
    error = {"code": "invalid_type", "path": [], "message": message, **detail}
    return validation(f'An invalid value was passed to attribute with slug "{slug}".', [error])


def as_items(attr: JSON, raw: Any) -> list[Any]:
    """Apply Attio's multiselect rules: multiselect takes an array, others a value or 1 item."""
    slug = attr["api_slug"]
    if raw is None:
        return []
    if attr["is_multiselect"]:
        if not isinstance(raw, list):
            if attr["type"] == "select" and isinstance(raw, str):
                return [raw]  # a single title is accepted for multi-selects
            raise invalid(
                slug,
                "Multiselect attributes must be written as an array of values.",
                expected="array",
                received=type_name(raw),
            )
        return list(raw)
    if isinstance(raw, list):
        if len(raw) > 1:
            raise invalid(
                slug,
                f'Attribute with slug "{slug}" is not multiselect: pass at most one value.',
                expected="array of at most 1 item",
                received="array",
            )
        return list(raw)
    return [raw]


def _unwrap(item: Any, key: str) -> Any:
    if isinstance(item, dict) and key in item:
        return item[key]
    return item


def _need_str(slug: str, value: Any) -> str:
    if not isinstance(value, str):
        raise invalid(
            slug,
            f"Expected string, received {type_name(value)}",
            expected="string",
            received=type_name(value),
        )
    return value


def _number(slug: str, value: Any) -> int | float:
    if isinstance(value, str):
        with contextlib.suppress(ValueError):
            value = float(value) if any(c in value for c in ".eE") else int(value)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise invalid(
            slug,
            f"Expected number, received {type_name(value)}",
            expected="number",
            received=type_name(value),
        )
    return value


def root_domain(domain: str) -> str:
    """``app.attio.com`` -> ``attio.com``; ``shop.example.co.uk`` -> ``example.co.uk``."""
    labels = domain.split(".")
    if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def clean_domain(text: str) -> str:
    """A bare lowercase host from a domain or URL."""
    host = re.sub(r"^[a-z]+://", "", text.strip().lower())
    host = host.split("/", 1)[0].split("?", 1)[0]
    return host.removeprefix("www.") if host.count(".") > 1 else host


def email_fields(original: str) -> JSON:
    """The five fields of an email-address value."""
    email = original.strip().lower()
    local, _, domain = email.partition("@")
    return {
        "original_email_address": original,
        "email_address": email,
        "email_domain": domain,
        "email_root_domain": root_domain(domain),
        "email_local_specifier": local.split("+", 1)[0],
    }


def phone_fields(slug: str, original: str, country: str | None) -> JSON:
    """E.164 number and country of a phone-number value."""
    digits = re.sub(r"\D", "", original)
    if original.strip().startswith("+") or original.strip().startswith("00"):
        digits = digits[2:] if original.strip().startswith("00") else digits
        number = "+" + digits
    elif country and country.upper() in COUNTRY_PREFIX:
        number = "+" + COUNTRY_PREFIX[country.upper()] + digits.lstrip("0")
    else:
        raise invalid(slug, f'Could not parse phone number "{original}".')
    if not 7 <= len(number) - 1 <= 15:
        raise invalid(slug, f'Could not parse phone number "{original}".')
    if country is None:
        for size in (3, 2, 1):
            if number[1 : 1 + size] in DIALING_CODES:
                country = DIALING_CODES[number[1 : 1 + size]]
                break
    return {
        "original_phone_number": original,
        "phone_number": number,
        "country_code": country.upper() if country else None,
    }


def parse_location(text: str) -> JSON:
    """A free-text address, read leniently: ``"line 1, city, region postcode, CC"``."""
    parts = [p.strip() for p in text.split(",") if p.strip()]
    location: JSON = dict.fromkeys(LOCATION_KEYS)
    if parts and len(parts[-1]) == 2 and parts[-1].isalpha() and len(parts) > 1:
        location["country_code"] = parts.pop().upper()
    if parts:
        location["line_1"] = parts.pop(0)
    if parts:
        location["locality"] = parts.pop(0)
    if parts:
        region = parts.pop(0)
        match = re.match(r"^(.*?)\s+([A-Za-z]?\d[\w -]*)$", region)
        if match:
            location["region"], location["postcode"] = match.group(1), match.group(2)
        else:
            location["region"] = region
    if parts:
        location["line_2"] = ", ".join(parts)
    return location


def split_name(slug: str, item: Any) -> JSON:
    """A personal-name value from ``{first_name, last_name, full_name}`` or ``"Last, First"``."""
    if isinstance(item, str):
        if "," in item:
            last, _, first = item.partition(",")
        else:
            first, _, last = item.strip().partition(" ")
        first, last = first.strip(), last.strip()
        return {"first_name": first, "last_name": last, "full_name": f"{first} {last}".strip()}
    if not isinstance(item, dict):
        raise invalid(slug, f"Expected object, received {type_name(item)}")
    errors = [
        {
            "code": "invalid_type",
            "path": [key],
            "message": "Required" if key not in item else "Expected string",
            "expected": "string",
            "received": type_name(item.get(key)) if key in item else "undefined",
        }
        for key in ("first_name", "last_name", "full_name")
        if not isinstance(item.get(key), str)
    ]
    if errors:
        raise validation(f'An invalid value was passed to attribute with slug "{slug}".', errors)
    return {key: item[key] for key in ("first_name", "last_name", "full_name")}


def normalize(store: RecordsStore, attr: JSON, item: Any) -> JSON:
    """The type-specific read fields for one written item of ``attr``."""
    slug = attr["api_slug"]
    kind = attr["type"]
    if kind == "text":
        return {"value": _need_str(slug, _unwrap(item, "value"))}
    if kind in ("number", "rating"):
        number = _number(slug, _unwrap(item, "value"))
        if kind == "rating" and not (isinstance(number, int) and 0 <= number <= 5):
            raise invalid(slug, "Rating values must be whole numbers from 0 to 5.")
        return {"value": number}
    if kind == "checkbox":
        value = _unwrap(item, "value")
        if value in ("true", "false"):
            value = value == "true"
        if not isinstance(value, bool):
            raise invalid(slug, f"Expected boolean, received {type_name(value)}")
        return {"value": value}
    if kind == "currency":
        code = attr["config"]["currency"]["default_currency_code"]
        if isinstance(item, dict):
            code = item.get("currency_code") or code
        return {
            "currency_code": code,
            "currency_value": _number(slug, _unwrap(item, "currency_value")),
        }
    if kind in ("date", "timestamp"):
        text = _need_str(slug, _unwrap(item, "value"))
        moment = parse_timestamp(text)
        if moment is None:
            raise invalid(slug, f'Invalid {kind} "{text}".')
        return {"value": moment.date().isoformat() if kind == "date" else iso(moment)}
    if kind == "select":
        return {"option": store.find_option(attr, _unwrap(item, "option"))}
    if kind == "status":
        return {"status": store.find_status(attr, _unwrap(item, "status"))}
    if kind == "record-reference":
        return store.resolve_reference(attr, item)
    if kind == "actor-reference":
        return store.resolve_actor(attr, item)
    if kind == "location":
        return _location(slug, item)
    if kind == "domain":
        domain = clean_domain(_need_str(slug, _unwrap(item, "domain")))
        if "." not in domain:
            raise invalid(slug, f'Invalid domain "{domain}".')
        return {"domain": domain, "root_domain": root_domain(domain)}
    if kind == "email-address":
        if isinstance(item, dict):
            item = item.get("email_address", item.get("original_email_address"))
        email = _need_str(slug, item)
        if not _EMAIL.match(email.strip()):
            raise invalid(slug, f'Invalid email address "{email}".', validation="email")
        return email_fields(email)
    if kind == "phone-number":
        country = item.get("country_code") if isinstance(item, dict) else None
        if isinstance(item, dict):
            item = item.get("original_phone_number", item.get("phone_number"))
        fields = phone_fields(slug, _need_str(slug, item), country)
        return {
            "phone_number": fields["phone_number"],
            "original_phone_number": fields["original_phone_number"],
            "country_code": fields["country_code"],
        }
    if kind == "personal-name":
        return split_name(slug, item)
    if kind == "interaction":
        raise validation(f'Attribute with slug "{slug}" is system-generated and cannot be written.')
    # an unknown (future) type: stored as given
    return dict(item) if isinstance(item, dict) else {"value": item}


def _location(slug: str, item: Any) -> JSON:
    if isinstance(item, str):
        return parse_location(item)
    if not isinstance(item, dict):
        raise invalid(slug, f"Expected object, received {type_name(item)}")
    missing = [key for key in LOCATION_KEYS if key not in item]
    if missing:
        errors = [
            {
                "code": "invalid_type",
                "path": [key],
                "message": "Required",
                "expected": "string | null",
                "received": "undefined",
            }
            for key in missing
        ]
        raise validation(f'An invalid value was passed to attribute with slug "{slug}".', errors)
    location = {key: item[key] for key in LOCATION_KEYS}
    errors = []
    for key in ("latitude", "longitude"):
        if isinstance(location[key], (int, float)) and not isinstance(location[key], bool):
            location[key] = str(location[key])
        value = location[key]
        if value is not None and not (isinstance(value, str) and _COORDINATE[key].match(value)):
            errors.append(
                {
                    "validation": "regex",
                    "code": "invalid_string",
                    "message": "Invalid",
                    "path": [key],
                }
            )
    if errors:
        raise validation(f'An invalid value was passed to attribute with slug "{slug}".', errors)
    return location


_KEY_FIELDS = {
    "email-address": ("email_address",),
    "domain": ("domain",),
    "phone-number": ("phone_number",),
    "record-reference": ("target_object", "target_record_id"),
    "actor-reference": ("referenced_actor_type", "referenced_actor_id"),
}

COMMON = ("active_from", "active_until", "created_by_actor", "attribute_type")


def value_key(kind: str, fields: JSON) -> str:
    """What makes two values of one attribute "the same" (dedupe, uniqueness)."""
    if kind == "select":
        return str(fields["option"]["id"]["option_id"])
    if kind == "status":
        return str(fields["status"]["id"]["status_id"])
    if kind in _KEY_FIELDS:
        return json.dumps([fields.get(f) for f in _KEY_FIELDS[kind]])
    return json.dumps({k: v for k, v in fields.items() if k not in COMMON}, sort_keys=True)
