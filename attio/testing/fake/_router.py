"""A tiny router: ``(method, path template) -> handler``, with Attio's 404 for unknown routes.

Resource modules collect their routes in a :class:`RouteTable`; a :class:`Router` is built
from an explicit sequence of routes (see ``routes/__init__.py``) plus the routes a test adds."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

import httpx

from ._errors import not_found
from ._store import Store

if TYPE_CHECKING:
    from ._files_store import Upload

Reply = tuple[int, Any]  # (status, JSON body, None for an empty body, or a Redirect)


@dataclass(frozen=True)
class Redirect:
    """A reply body meaning "no body, a ``Location`` header": ``return 302, Redirect(url)``."""

    location: str


@dataclass
class Ctx:
    """What a handler sees: the store, the query string and the parsed JSON body; for a
    ``multipart/form-data`` body, its text fields (``form``) and file parts (``files``)
    instead."""

    store: Store
    method: str
    path: str
    query: httpx.QueryParams
    body: Any
    form: dict[str, str] = field(default_factory=dict)
    files: dict[str, Upload] = field(default_factory=dict)

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


def _builtin_pattern(template: str) -> re.Pattern[str]:
    regex = re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", template)
    regex = regex.replace("(?P<target>[^/]+)", "(?P<target>objects|lists)")
    return re.compile(f"^{regex}/?$")


class RouteTable:
    """The routes of one resource module, collected by its decorators (``@table.get(path)``,
    ``.post``, ``.put``, ``.patch``, ``.delete``): ``handler(ctx, **path_params)``. A table
    only collects; nothing is registered anywhere until a :class:`Router` is given it."""

    def __init__(self) -> None:
        self.routes: list[Route] = []

    def add(self, method: str, template: str) -> Callable[[Handler], Handler]:
        """Collect ``handler`` for ``method template`` (a decorator)."""
        pattern = _builtin_pattern(template)

        def register(handler: Handler) -> Handler:
            self.routes.append(Route(method.upper(), pattern, handler))
            return handler

        return register

    def get(self, template: str) -> Callable[[Handler], Handler]:
        return self.add("GET", template)

    def post(self, template: str) -> Callable[[Handler], Handler]:
        return self.add("POST", template)

    def put(self, template: str) -> Callable[[Handler], Handler]:
        return self.add("PUT", template)

    def patch(self, template: str) -> Callable[[Handler], Handler]:
        return self.add("PATCH", template)

    def delete(self, template: str) -> Callable[[Handler], Handler]:
        return self.add("DELETE", template)

    def __iter__(self) -> Iterator[Route]:
        return iter(self.routes)


UserHandler = Callable[..., httpx.Response]
"""``handler(request: httpx.Request, **path_params) -> httpx.Response``: a route of a test's own."""


def _pattern(template: str) -> re.Pattern[str]:
    regex = re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", template)
    return re.compile(f"^{regex}/?$")


class Router:
    """One FakeAttio's routes: the routes its test added (newest first), then the built-in
    table. Adding a route to one fake never changes another."""

    def __init__(self, builtin: Iterable[Route] = ()) -> None:
        self._builtin: tuple[Route, ...] = tuple(builtin)
        self._own: list[tuple[str, re.Pattern[str], UserHandler]] = []

    def add(self, method: str, template: str, handler: UserHandler) -> None:
        """Answer ``method template`` with ``handler`` (before any route added earlier)."""
        if not template.startswith("/"):
            raise ValueError(f"a route's path starts with '/', got {template!r}")
        self._own.insert(0, (method.upper(), _pattern(template), handler))

    def own_route(self, method: str, raw_path: str) -> tuple[UserHandler, dict[str, str]] | None:
        """The test's own handler for ``method raw_path`` and its path parameters, if any."""
        for own_method, pattern, handler in self._own:
            if own_method != method:
                continue
            match = pattern.match(raw_path)
            if match:
                return handler, {k: unquote(v) for k, v in match.groupdict().items()}
        return None

    def dispatch(self, ctx: Ctx, raw_path: str) -> Reply:
        """Run the handler of ``ctx.method raw_path``; Attio's 404 when no endpoint matches."""
        for candidate in self._builtin:
            if candidate.method != ctx.method:
                continue
            match = candidate.pattern.match(raw_path)
            if match:
                params = {k: unquote(v) for k, v in match.groupdict().items()}
                return candidate.handler(ctx, **params)
        raise not_found(f'Could not find endpoint "{ctx.method} {unquote(raw_path)}".')
