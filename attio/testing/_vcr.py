"""A vcrpy setup for Attio traffic: credentials scrubbed, requests matched by their JSON body."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = [
    "SCRUBBED",
    "find_credentials",
    "json_body_matcher",
    "scrub_request",
    "scrub_response",
    "use_cassette",
    "vcr_config",
]

SCRUBBED = "<SCRUBBED>"
"""The placeholder that replaces credentials in cassettes."""

MATCH_ON = ("method", "scheme", "host", "port", "path", "query", "attio_json_body")

_SECRET_KEYS = {"secret", "api_key", "access_token", "refresh_token", "client_secret"}
_SENSITIVE_HEADERS = ("authorization", "cookie", "set-cookie", "proxy-authorization")


def _body_text(body: Any) -> str | None:
    if body is None:
        return None
    if isinstance(body, bytes):
        try:
            return body.decode("utf-8")
        except UnicodeDecodeError:
            return None
    return str(body)


def _parsed(body: Any) -> Any:
    text = _body_text(body)
    if not text:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return text


def json_body_matcher(r1: Any, r2: Any) -> None:
    """vcrpy matcher: request bodies are equal as parsed JSON (key order and spacing ignored).

    Raises ``AssertionError`` when they differ, as vcrpy matchers do.
    """
    if _parsed(r1.body) != _parsed(r2.body):
        raise AssertionError(
            f"JSON bodies differ: {_body_text(r1.body)!r} != {_body_text(r2.body)!r}"
        )


def _scrub_json(value: Any) -> tuple[Any, bool]:
    if isinstance(value, dict):
        changed = False
        out = {}
        for key, item in value.items():
            if key in _SECRET_KEYS and isinstance(item, str) and item != SCRUBBED:
                out[key], changed = SCRUBBED, True
            else:
                out[key], sub = _scrub_json(item)
                changed = changed or sub
        return out, changed
    if isinstance(value, list):
        items = [_scrub_json(v) for v in value]
        return [v for v, _ in items], any(c for _, c in items)
    return value, False


def _scrub_text(text: str) -> str:
    text = re.sub(r"(?i)\bBearer\s+[^\s\"']+", f"Bearer {SCRUBBED}", text)
    key = os.environ.get("ATTIO_API_KEY", "").strip()
    if len(key) >= 8:
        text = text.replace(key, SCRUBBED)
    return text


def _scrub_body(body: Any) -> Any:
    text = _body_text(body)
    if text is None:
        return body
    try:
        parsed = json.loads(text) if text else None
    except ValueError:
        parsed = None
    if parsed is not None:
        scrubbed, changed = _scrub_json(parsed)
        if changed:
            text = json.dumps(scrubbed, ensure_ascii=False)
    new = _scrub_text(text)
    if new == _body_text(body):
        return body
    return new.encode("utf-8") if isinstance(body, bytes) else new


def scrub_request(request: Any) -> Any:
    """vcrpy ``before_record_request``: drop credentials from a request's headers and body."""
    for name in list(request.headers):
        if name.lower() in _SENSITIVE_HEADERS:
            request.headers[name] = SCRUBBED
    request.body = _scrub_body(request.body)
    return request


def scrub_response(response: dict[str, Any]) -> dict[str, Any]:
    """vcrpy ``before_record_response``: replace webhook secrets and tokens in a response."""
    headers = response.get("headers") or {}
    for name in list(headers):
        if name.lower() in _SENSITIVE_HEADERS:
            headers[name] = [SCRUBBED]
    body = response.get("body") or {}
    if "string" in body:
        before = body["string"]
        body["string"] = _scrub_body(before)
        if body["string"] is not before:
            for name in list(headers):
                if name.lower() == "content-length":
                    size = (
                        len(body["string"])
                        if isinstance(body["string"], bytes)
                        else len(str(body["string"]).encode("utf-8"))
                    )
                    headers[name] = [str(size)]
    return response


def vcr_config(**overrides: Any) -> dict[str, Any]:
    """Keyword arguments for ``vcr.VCR(...)`` suited to Attio.

    Credentials are scrubbed from requests and responses (``Authorization`` -> ``<SCRUBBED>``,
    webhook ``secret`` values -> ``<SCRUBBED>``); requests match on method, scheme, host, port,
    path, query and the parsed JSON body (so offset paging of ``POST .../query`` replays page
    by page); each recorded answer is played once, in recording order (so a read after a write
    replays the answer recorded after the write, and an unexpected extra request fails the test
    instead of replaying a stale answer); compressed bodies are stored decoded.
    ``overrides`` replace any of these keys. These are keyword arguments of
    ``vcr.VCR().use_cassette(...)`` (as pytest-recording's ``vcr_config`` fixture expects);
    the ``attio_json_body`` matcher must be registered on the VCR: :func:`make_vcr` and
    :func:`use_cassette` do it, or call
    ``my_vcr.register_matcher("attio_json_body", json_body_matcher)`` yourself.
    """
    config: dict[str, Any] = {
        "filter_headers": [(name, SCRUBBED) for name in ("authorization", "cookie")],
        "before_record_request": scrub_request,
        "before_record_response": scrub_response,
        "match_on": list(MATCH_ON),
        "allow_playback_repeats": False,
        "decode_compressed_response": True,
        "record_mode": "none",
    }
    config.update(overrides)
    return config


_CASSETTE_ONLY = ("allow_playback_repeats",)  # options of use_cassette(), not of VCR()


def make_vcr(**overrides: Any) -> Any:
    """A ``vcr.VCR`` configured by :func:`vcr_config` with the JSON body matcher registered.

    ``allow_playback_repeats`` is an option of ``use_cassette()`` in vcrpy, not of ``VCR()``:
    pass it there, or use :func:`use_cassette`, which does.
    """
    import vcr

    config = {k: v for k, v in vcr_config(**overrides).items() if k not in _CASSETTE_ONLY}
    my_vcr = vcr.VCR(**config)
    my_vcr.register_matcher("attio_json_body", json_body_matcher)
    return my_vcr


def use_cassette(path: str | Path, **overrides: Any) -> Any:
    """A vcrpy cassette context at ``path`` with :func:`vcr_config` (plus ``overrides``).

    >>> with use_cassette("cassettes/test_people.yaml", record_mode="once"):  # doctest: +SKIP
    ...     attio.Record.list(client, "people")
    """
    config = vcr_config(**overrides)
    extra = {k: config.pop(k) for k in _CASSETTE_ONLY if k in config}
    return make_vcr(**config).use_cassette(str(path), **extra)


# ---------------------------------------------------------------------- cassette scanning

_BEARER = re.compile(r"(?i)bearer\s+(?!" + re.escape(SCRUBBED) + r")[A-Za-z0-9._~+/=-]{4,}")
_SECRET_JSON = re.compile(
    r"\\?[\"'](?:secret|api_key|access_token|refresh_token|client_secret)\\?[\"']\s*:\s*\\?[\"']"
    r"(?!" + re.escape(SCRUBBED) + r")[^\"'\\]+"
)


def find_credentials(path: str | Path) -> list[str]:
    """Problems in one cassette file: credentials that should have been scrubbed.

    Flags an ``Authorization`` header whose value is not the placeholder, any ``Bearer``
    token, a JSON ``secret`` (or ``api_key``/token) value, and the value of the
    ``ATTIO_API_KEY`` environment variable. An empty list means the cassette is clean.
    """
    import yaml

    text = Path(path).read_text(encoding="utf-8")
    problems: list[str] = []
    for match in _BEARER.finditer(text):
        problems.append(f"bearer token: {match.group(0)[:16]}...")
    for match in _SECRET_JSON.finditer(text):
        problems.append(f"secret value: {match.group(0)[:24]}...")
    key = os.environ.get("ATTIO_API_KEY", "").strip()
    if len(key) >= 8 and key in text:
        problems.append("the ATTIO_API_KEY value")
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        return [*problems, f"not valid YAML: {exc}"]
    interactions = data.get("interactions", []) if isinstance(data, dict) else []
    for index, interaction in enumerate(interactions or []):
        for side in ("request", "response"):
            headers = (interaction or {}).get(side, {}).get("headers") or {}
            for name, values in headers.items():
                if name.lower() not in _SENSITIVE_HEADERS:
                    continue
                for value in values if isinstance(values, list) else [values]:
                    if value != SCRUBBED:
                        problems.append(
                            f"interaction {index}: {side} header {name} is not scrubbed"
                        )
            body = (interaction or {}).get(side, {}).get("body")
            string = body.get("string") if isinstance(body, dict) else body
            parsed = _parsed(string) if isinstance(string, (str, bytes)) else None
            if parsed is not None and _scrub_json(parsed)[1]:
                problems.append(f"interaction {index}: {side} body holds a secret")
    return problems


def scan_cassettes(
    root: str | Path, find: Callable[[Path], list[str]] = find_credentials
) -> dict[str, list[str]]:
    """``{path: problems}`` for every ``*.yaml`` under ``root`` that holds a credential."""
    found: dict[str, list[str]] = {}
    base = Path(root)
    if not base.exists():
        return found
    for path in sorted(base.rglob("*.yaml")):
        problems = find(path)
        if problems:
            found[str(path)] = problems
    return found
