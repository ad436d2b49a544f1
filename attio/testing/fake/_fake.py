"""``FakeAttio``: an in-memory Attio workspace answering Attio's HTTP API through httpx."""

from __future__ import annotations

import asyncio
import copy
import json
import re
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from typing import Any

import httpx

import attio
from attio._client import AsyncClient, Client

from ._deliveries import EventMaker, FakeDelivery, deliveries_for, member_event, plan_events
from ._errors import AttioFakeError, validation
from ._files_store import SIGNED_PATH, Upload
from ._router import Ctx, Redirect, Router, UserHandler
from ._store import Store
from ._util import JSON, IdGenerator, TickingClock, nested_too_deeply, too_deep
from .routes import ROUTES

DeliveryHandler = Callable[[FakeDelivery], None]
"""What :meth:`FakeAttio.on_delivery` takes: a function of one :class:`FakeDelivery`."""

__all__ = ["FakeAttio", "FakeRequest"]

_5XX_MESSAGES = {
    500: ("internal_server_error", "An unexpected error occurred."),
    502: ("bad_gateway", "Bad gateway."),
    503: ("service_unavailable", "The service is temporarily unavailable."),
    504: ("gateway_timeout", "Gateway timeout."),
}


def _own(value: Any) -> Any:
    """A private copy of data handed to a seeding helper; a structure nested beyond the body
    cap (or cyclic) is refused with the 400 an HTTP request would get, not copied."""
    if too_deep(value):
        raise nested_too_deeply("value")
    return copy.deepcopy(value)


@dataclass(frozen=True)
class FakeRequest:
    """One request FakeAttio received: method, path, query parameters, JSON body and headers.

    ``json`` is ``None`` when there was no body, a ``multipart/form-data`` one (an upload), or
    one refused as JSON (not valid JSON, or nested too deeply)."""

    method: str
    path: str
    query: dict[str, str]
    json: Any
    headers: dict[str, str] = field(repr=False)


@dataclass
class _Fault:
    kind: str  # "status" | "raise"
    status: int = 0
    body: Any = None
    retry_after: str | None = None  # None on a 429: one second after the clock, when served
    exception: Callable[[httpx.Request], BaseException] | None = None
    processed: bool = False


class FakeAttio:
    """An in-memory Attio workspace behind an httpx transport.

    ``FakeAttio(seed=0)`` starts with the standard objects (people, companies, deals, users,
    workspaces) and their system attributes, and one workspace member. Ids come from a random
    generator seeded with ``seed`` and timestamps from ``now`` (a callable returning a
    ``datetime``; by default a clock starting at 2024-01-01T09:00Z that ticks 1 ms per
    reading), so runs are reproducible. ``api_key`` restricts the accepted bearer token;
    by default any non-empty token is accepted.

    Bad input gets Attio's answers, never a Python error: invalid JSON, or a body nested more
    than 128 objects/arrays deep, is a 400 ``validation_type``; filters and sorts are checked
    against the object's or list's attributes whether or not it has rows.

    Files (``/v2/files``) accept ``multipart/form-data`` uploads; a download redirects to a
    signed URL on a host of the fake's own (``https://fake-attio-files.invalid/__fake_files/
    ...``), served by the same transport without the API key. Those requests are recorded in
    :attr:`requests` too (headers included), and queued faults never apply to them.

    >>> fake = FakeAttio()
    >>> client = fake.client()            # an attio.Client talking to the fake
    """

    def __init__(
        self,
        seed: int | str = 0,
        *,
        now: Callable[[], datetime] | None = None,
        api_key: str | None = None,
        base_url: str = "https://api.attio.com",
    ) -> None:
        self._lock = threading.RLock()
        self._ids = IdGenerator(seed)
        self._execution_ids = IdGenerator(f"{seed}-execution")
        self.store = Store(self._ids, now or TickingClock())
        self.api_key = api_key
        self.base_url = base_url
        self.requests: list[FakeRequest] = []
        self.sleeps: list[float] = []
        self.deliveries: list[FakeDelivery] = []
        """Every webhook delivery made so far, in order (see :meth:`on_delivery`)."""
        self._delivery_handlers: list[DeliveryHandler] = []
        self._faults: deque[_Fault] = deque()
        self._router = Router(ROUTES)
        self._transport = httpx.MockTransport(self._handle)

    def route(self, method: str, path: str) -> Callable[[UserHandler], UserHandler]:
        """Add or override one endpoint of this fake only (a decorator)::

            @fake.route("GET", "/v2/objects/{object}")
            def broken(request: httpx.Request, object: str) -> httpx.Response:
                return httpx.Response(503, json={"status_code": 503, "code": "down"})

        ``handler(request, **path_params)`` gets the ``httpx.Request`` and the decoded path
        parameters and returns the ``httpx.Response``. The newest route for a path wins over
        older ones and over the built-in endpoints; faults queued with :meth:`fail_next` are
        still served first, and the request is recorded in :attr:`requests` as usual.
        """

        if not path.startswith("/"):
            raise ValueError(f"a route's path starts with '/', got {path!r}")

        def register(handler: UserHandler) -> UserHandler:
            self._router.add(method, path, handler)
            return handler

        return register

    # ------------------------------------------------------------------ transports and clients

    @property
    def transport(self) -> httpx.BaseTransport:
        """A sync httpx transport answering as Attio (an ``httpx.MockTransport``, which vcrpy
        intercepts like any real transport)."""
        return self._transport

    @property
    def async_transport(self) -> httpx.AsyncBaseTransport:
        """The async twin of :attr:`transport`."""
        return self._transport

    def client(self, **kwargs: Any) -> attio.Client:
        """An ``attio.Client`` wired to this fake (api key ``"fake"``; retry waits land in
        :attr:`sleeps` instead of sleeping; no client-side rate limits, since the fake has
        none: pass ``rate_limits=attio.RateLimits(...)`` to test them). Keyword arguments go
        to ``attio.Client``."""
        kwargs.setdefault("api_key", self.api_key or "fake")
        kwargs.setdefault("rate_limits", None)
        kwargs.setdefault("base_url", self.base_url)
        kwargs.setdefault("sleep", self.sleeps.append)
        kwargs.setdefault("http_client", httpx.Client(transport=self._transport))
        return Client(**kwargs)

    def async_client(self, **kwargs: Any) -> attio.AsyncClient:
        """An ``attio.AsyncClient`` wired to this fake (see :meth:`client`). Its retry waits
        are recorded in :attr:`sleeps` and yield to the event loop once (no time passes), so
        other tasks progress while one "sleeps"."""

        async def sleep(seconds: float) -> None:
            self.sleeps.append(seconds)
            # Let other tasks run, as a real wait would: concurrent calls interleave on faults.
            await asyncio.sleep(0)

        kwargs.setdefault("rate_limits", None)
        kwargs.setdefault("api_key", self.api_key or "fake")
        kwargs.setdefault("base_url", self.base_url)
        kwargs.setdefault("sleep", sleep)
        kwargs.setdefault("http_client", httpx.AsyncClient(transport=self._transport))
        return AsyncClient(**kwargs)

    # ------------------------------------------------------------------ fault injection

    def fail_next(
        self,
        n: int = 1,
        status: int = 429,
        *,
        body: Any = None,
        retry_after: str | float | None = None,
    ) -> None:
        """Queue ``n`` faults: answer ``n`` requests with ``status`` without processing them.

        Faults queue: each call of :meth:`fail_next`, :meth:`hang_next` or :meth:`raise_next`
        adds its faults behind those already waiting, and they are served in order, one per
        request, until the queue is empty (:meth:`clear_faults` empties it).

        429s carry Attio's body and a ``Retry-After`` HTTP-date one second after the fake's
        clock (``now``) *when the 429 is served*, unless ``retry_after`` gives a date string or
        a number of seconds; 5xx carry an Attio-shaped body. ``body`` replaces the body.
        """
        if status < 400:
            raise ValueError("fail_next needs an error status (>= 400)")
        header = None
        if isinstance(retry_after, str):
            header = retry_after
        elif retry_after is not None:
            header = f"{retry_after:g}"
        with self._lock:
            for _ in range(n):
                self._faults.append(_Fault("status", status=status, body=body, retry_after=header))

    def clear_faults(self) -> None:
        """Drop every queued fault (from :meth:`fail_next`, :meth:`hang_next` and
        :meth:`raise_next`) that has not been served yet: the next requests are answered
        normally."""
        with self._lock:
            self._faults.clear()

    def hang_next(self, n: int = 1, *, processed: bool = False) -> None:
        """Queue ``n`` timeouts: those requests raise ``httpx.ReadTimeout`` from the transport,
        at once (nothing sleeps). With ``processed=True`` the request is carried out first,
        as when Attio did the work but the answer was lost. Faults queue in order with those
        of :meth:`fail_next`; :meth:`clear_faults` drops them."""
        with self._lock:
            for _ in range(n):
                self._faults.append(
                    _Fault(
                        "raise",
                        exception=lambda r: httpx.ReadTimeout(
                            "Read timed out (FakeAttio)", request=r
                        ),
                        processed=processed,
                    )
                )

    def raise_next(
        self,
        exception: Callable[[httpx.Request], BaseException],
        n: int = 1,
        *,
        processed: bool = False,
    ) -> None:
        """Queue ``n`` transport errors: those requests raise ``exception(request)``, e.g.
        ``fake.raise_next(lambda r: httpx.ConnectError("refused", request=r))``. Faults queue
        in order with those of :meth:`fail_next`; :meth:`clear_faults` drops them."""
        with self._lock:
            for _ in range(n):
                self._faults.append(_Fault("raise", exception=exception, processed=processed))

    # ------------------------------------------------------------------ seeding helpers

    def add_record(self, object: str, values: JSON) -> JSON:
        """Create a record of ``object`` (slug or id) from a ``values`` map written as in
        ``POST /v2/objects/{object}/records``; returns the record as Attio renders it."""
        with self._lock:
            obj = self.store.object(object)
            state = self.store.new_record(obj, _own(values))
            return self.store.render_record(state)

    def add_list(
        self,
        api_slug: str,
        parent_object: str = "companies",
        *,
        name: str | None = None,
        workspace_access: str | None = "full-access",
    ) -> JSON:
        """Create a list (as ``POST /v2/lists``); returns it."""
        with self._lock:
            return copy.deepcopy(
                self.store.create_list(
                    {
                        "api_slug": api_slug,
                        "name": name or api_slug.replace("_", " ").title(),
                        "parent_object": parent_object,
                        "workspace_access": workspace_access,
                        "workspace_member_access": [],
                    }
                )
            )

    def add_entry(self, list: str, parent_record_id: str, entry_values: JSON | None = None) -> JSON:
        """Add the record ``parent_record_id`` to ``list``; returns the entry."""
        with self._lock:
            lst = self.store.get_list(list)
            parent, state = self.store.parent_record(lst["parent_object"][0], parent_record_id)
            entry = self.store.new_entry(
                lst, parent, state["id"]["record_id"], _own(entry_values or {})
            )
            return self.store.render_entry(entry)

    def add_member(
        self,
        first_name: str,
        last_name: str,
        email_address: str,
        access_level: str = "member",
    ) -> JSON:
        """Add a workspace member (delivering ``workspace-member.created``); returns it."""
        with self._lock:
            member = self.store.add_member(first_name, last_name, email_address, access_level)
            made = self._deliver([member_event(self.store, member)])
        self._hand_out(made)
        return copy.deepcopy(member)

    def set_transcript(
        self,
        meeting_id: str,
        call_recording_id: str,
        segments: list[JSON],
        status: str = "completed",
    ) -> None:
        """Give a call recording its transcript segments (``{speech, start_time, end_time,
        speaker: {name}}``) and status. The transcript is served in pages of
        ``store.transcript_page_size`` segments."""
        with self._lock:
            recording = self.store.recordings[meeting_id][call_recording_id]
            recording["status"] = status
            self.store.transcripts[call_recording_id] = _own(segments)

    def add_view(
        self,
        target: str,
        identifier: str,
        title: str,
        *,
        filter: JSON | None = None,
        archived: bool = False,
    ) -> JSON:
        """Add a saved view to an object (``target="objects"``) or a list (``"lists"``);
        returns it as ``GET .../views`` shows it. A query given its id as ``filter_view_id``
        keeps what ``filter`` (Attio's filter JSON) matches, on top of its own filter.
        ``archived`` views are listed only with ``show_archived=true``."""
        from .routes.views import add_view

        with self._lock:
            return add_view(
                self.store, target, identifier, title, filter=_own(filter), archived=archived
            )

    def add_sql_result(self, sql: str, rows: list[JSON]) -> None:
        """Answer ``POST /v2/sql`` for ``sql`` with ``rows`` (FakeAttio runs no SQL; the
        query is matched with whitespace collapsed and a trailing ``;`` dropped, and any
        other query is Attio's 400 ``filter_error``). A later registration wins."""
        from .routes.sql import add_sql_result

        with self._lock:
            add_sql_result(self.store.sql_results, sql, _own(rows))

    def add_file(
        self,
        object: str,
        record_id: str,
        content: bytes,
        *,
        name: str = "file",
        content_type: str | None = None,
        parent_folder_id: str | None = None,
    ) -> JSON:
        """Upload ``content`` to a record as ``POST /v2/files/upload`` would (the object, the
        record and any parent folder must exist; at most 50 MiB); returns the file entry.
        ``GET /v2/files/{file_id}/download`` redirects to a signed URL of its own host that
        serves ``content`` without the API key."""
        form = {"object": object, "record_id": record_id}
        if parent_folder_id is not None:
            form["parent_folder_id"] = parent_folder_id
        with self._lock:
            return self.store.files.upload(form, Upload(bytes(content), name, content_type))

    @property
    def member_id(self) -> str:
        """The id of the seeded workspace member (the token's owner)."""
        return self.store.member_id

    @property
    def workspace_id(self) -> str:
        """The fake workspace's id."""
        return self.store.workspace_id

    # ------------------------------------------------------------------ the transport handler

    def _handle(self, request: httpx.Request) -> httpx.Response:
        content = request.read()
        raw_path = request.url.raw_path.decode("ascii").split("?", 1)[0]
        if raw_path.startswith(SIGNED_PATH):
            return self._signed_download(request, raw_path)
        body: Any = None
        refused: AttioFakeError | None = None
        form: _Form | None = None
        if content and _is_multipart(request):
            try:
                form = _parse_multipart(request, content)
            except ValueError as error:
                refused = validation(f"Body payload validation error: {error}")
        elif content:
            try:
                body = json.loads(content)
            except RecursionError:  # the decoder's own depth guard: far too deep
                refused = nested_too_deeply()
            except ValueError:
                refused = validation("Body payload validation error: the body is not valid JSON.")
            else:
                if too_deep(body):
                    body, refused = None, nested_too_deeply()
        with self._lock:
            self._record(request, body)
            execution_id = self._execution_ids.uuid()
            fault = self._faults.popleft() if self._faults else None
            if fault is not None and fault.kind == "status":
                return self._fault_response(request, fault, execution_id)
            own = self._router.own_route(request.method, raw_path)
            if own is not None and fault is None:
                handler, params = own
                return handler(request, **params)
            made: list[FakeDelivery] = []
            if fault is None or fault.processed:
                plan = None if refused is not None else self._plan(request, body)
                status, payload = self._answer(request, raw_path, body, refused, form)
                if plan is not None:
                    made = self._deliver(plan(status, payload))
        self._hand_out(made)  # outside the lock: a receiver may call the fake back
        if fault is not None:
            assert fault.exception is not None
            raise fault.exception(request)
        return self._response(request, status, payload, execution_id)

    # ------------------------------------------------------------------ webhook deliveries

    def on_delivery(self, handler: DeliveryHandler) -> DeliveryHandler:
        """Call ``handler(delivery)`` with every webhook delivery from now on, in order, as the
        request that caused it is answered (a decorator; returns ``handler``). The fake is not
        locked while a handler runs, so a receiver may call the API back; an exception it
        raises reaches the client call that caused the delivery. :attr:`deliveries` keeps
        every delivery either way."""
        self._delivery_handlers.append(handler)
        return handler

    def _record(self, request: httpx.Request, body: Any) -> None:
        """Keep ``request`` in :attr:`requests` (call with the lock held)."""
        self.requests.append(
            FakeRequest(
                method=request.method,
                path=request.url.path,
                query=dict(request.url.params),
                json=body,
                headers=dict(request.headers),
            )
        )

    def _plan(self, request: httpx.Request, body: Any) -> EventMaker | None:
        # Planned before the request is answered (a deletion's event needs what is deleted);
        # its events are made only from a 2xx answer. Without a webhook there is nothing to
        # deliver, so nothing is planned (no snapshot taken) on the common path.
        if not self.store.webhooks:
            return None
        try:
            return plan_events(self.store, request.method, request.url.path, body)
        except AttioFakeError:
            return None

    def _deliver(self, events: list[JSON]) -> list[FakeDelivery]:
        made = deliveries_for(self.store, events)
        self.deliveries.extend(made)
        return made

    def _hand_out(self, made: list[FakeDelivery]) -> None:
        for delivery in made:
            for handler in list(self._delivery_handlers):
                handler(delivery)

    def _answer(
        self,
        request: httpx.Request,
        raw_path: str,
        body: Any,
        refused: AttioFakeError | None,
        form: _Form | None = None,
    ) -> tuple[int, Any]:
        try:
            self._check_auth(request)
            if refused is not None:
                raise refused
            ctx = Ctx(self.store, request.method, request.url.path, request.url.params, body)
            if form is not None:
                ctx.form, ctx.files = form
            return self._router.dispatch(ctx, raw_path)
        except AttioFakeError as error:
            return error.status, error.body()

    def _check_auth(self, request: httpx.Request) -> None:
        header = request.headers.get("authorization", "")
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise AttioFakeError(
                401,
                "unauthorized",
                "Authentication failed: send your API key as an "
                '"Authorization: Bearer <key>" header.',
            )
        if self.api_key is not None and token.strip() != self.api_key:
            raise AttioFakeError(401, "unauthorized", "The API Key provided was invalid.")

    def _fault_response(
        self, request: httpx.Request, fault: _Fault, execution_id: str
    ) -> httpx.Response:
        body = fault.body
        if body is None:
            if fault.status == 429:
                body = AttioFakeError(
                    429, "rate_limit_exceeded", "Rate limit exceeded, please try again later"
                ).body()
            else:
                code, message = _5XX_MESSAGES.get(fault.status, ("error", "Injected failure."))
                body = AttioFakeError(fault.status, code, message).body()
        response = self._response(request, fault.status, body, execution_id)
        retry_after = fault.retry_after
        if retry_after is None and fault.status == 429:  # computed now, as it is served
            moment = self.store.clock().astimezone(timezone.utc).replace(microsecond=0)
            retry_after = format_datetime(moment + timedelta(seconds=1), usegmt=True)
        if retry_after is not None:
            response.headers["retry-after"] = retry_after
        return response

    def _signed_download(self, request: httpx.Request, raw_path: str) -> httpx.Response:
        """A signed download URL of :meth:`attio.File.download_url`'s redirect: the content,
        to anyone holding the link (no API key needed; the request is recorded, headers and
        all, and takes no queued fault: it is not an Attio API call)."""
        file_id = raw_path[len(SIGNED_PATH) :]
        with self._lock:
            self._record(request, None)
            found = None
            if request.method == "GET":
                found = self.store.files.signed_content(file_id, request.url.params.get("token"))
        if found is None:
            return httpx.Response(
                403,
                headers={"content-type": "text/plain"},
                content=b"Signature invalid or expired",
                request=request,
            )
        data, content_type = found
        return httpx.Response(
            200, headers={"content-type": content_type}, content=data, request=request
        )

    @staticmethod
    def _response(
        request: httpx.Request, status: int, payload: Any, execution_id: str
    ) -> httpx.Response:
        headers = {"x-attio-execution-id": execution_id}
        if payload is None:
            return httpx.Response(status, headers=headers, request=request)
        if isinstance(payload, Redirect):
            headers["location"] = payload.location
            return httpx.Response(status, headers=headers, request=request)
        headers["content-type"] = "application/json; charset=utf-8"
        content = json.dumps(payload, ensure_ascii=False).encode()
        return httpx.Response(status, headers=headers, content=content, request=request)


# --------------------------------------------------------------------------- multipart bodies

_Form = tuple[dict[str, str], dict[str, Upload]]
_PARAM = re.compile(r';\s*([\w*-]+)="((?:[^"\\]|\\.)*)"|;\s*([\w*-]+)=([^;\s]+)')


def _is_multipart(request: httpx.Request) -> bool:
    content_type: str = request.headers.get("content-type", "")
    return content_type.split(";", 1)[0].strip().lower() == "multipart/form-data"


def _params(header: str) -> dict[str, str]:
    """The ``key="value"``/``key=value`` parameters of a header (backslash escapes undone)."""
    found: dict[str, str] = {}
    for match in _PARAM.finditer(header):
        if match.group(1) is not None:
            found[match.group(1).lower()] = re.sub(r"\\(.)", r"\1", match.group(2))
        else:
            found[match.group(3).lower()] = match.group(4)
    return found


def _parse_multipart(request: httpx.Request, content: bytes) -> _Form:
    """A ``multipart/form-data`` body: its text fields, and its file parts (bytes, filename,
    content type). ``ValueError`` for a body that is not one."""
    boundary = _params(request.headers.get("content-type", "")).get("boundary")
    if not boundary:
        raise ValueError("the multipart body has no boundary.")
    delimiter = b"--" + boundary.encode("latin-1")
    pieces = content.split(delimiter)
    if len(pieces) < 3 or not pieces[-1].startswith(b"--"):
        raise ValueError("the multipart body is not closed by its boundary.")
    fields: dict[str, str] = {}
    files: dict[str, Upload] = {}
    for piece in pieces[1:-1]:
        if not piece.startswith(b"\r\n") or not piece.endswith(b"\r\n"):
            raise ValueError("a multipart part is malformed.")
        head, sep, data = piece[2:-2].partition(b"\r\n\r\n")
        if not sep:
            raise ValueError("a multipart part has no header.")
        headers: dict[str, str] = {}
        for line in head.decode("utf-8", errors="replace").split("\r\n"):
            key, _, value = line.partition(":")
            headers[key.strip().lower()] = value.strip()
        disposition = _params(headers.get("content-disposition", ""))
        name = disposition.get("name")
        if name is None:
            raise ValueError("a multipart part has no name.")
        if "filename" in disposition:
            files[name] = Upload(data, disposition["filename"], headers.get("content-type"))
        else:
            fields[name] = data.decode("utf-8", errors="replace")
    return fields, files
