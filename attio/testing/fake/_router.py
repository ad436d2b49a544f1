"""A tiny router: ``(method, path template) -> handler``, with Attio's 404 for unknown routes."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

import httpx

from ._errors import not_found
from ._store import Store

Reply = tuple[int, Any]  # (status, JSON body or None for an empty body)


@dataclass
class Ctx:
    """What a handler sees: the store, the query string and the parsed JSON body."""

    store: Store
    method: str
    path: str
    query: httpx.QueryParams
    body: Any

    def q(self, name: str) -> str | None:
        """One query parameter (the last one when repeated)."""
        values = self.query.get_list(name)
        return values[-1] if values else None


Handler = Callable[..., Reply]


@dataclass(frozen=True)
class Route:
    """One endpoint."""

    method: str
    pattern: re.Pattern[str]
    handler: Handler


ROUTES: list[Route] = []


def route(method: str, template: str) -> Callable[[Handler], Handler]:
    """Register ``handler(ctx, **path_params)`` for ``method template``."""
    regex = re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", template)
    regex = regex.replace("(?P<target>[^/]+)", "(?P<target>objects|lists)")
    pattern = re.compile(f"^{regex}/?$")

    def register(handler: Handler) -> Handler:
        ROUTES.append(Route(method, pattern, handler))
        return handler

    return register


def dispatch(ctx: Ctx, raw_path: str) -> Reply:
    """Run the handler of ``ctx.method raw_path``; Attio's 404 when no endpoint matches."""
    for candidate in ROUTES:
        if candidate.method != ctx.method:
            continue
        match = candidate.pattern.match(raw_path)
        if match:
            params = {k: unquote(v) for k, v in match.groupdict().items()}
            return candidate.handler(ctx, **params)
    raise not_found(f'Could not find endpoint "{ctx.method} {unquote(raw_path)}".')
