"""``FakeAttio``: an in-memory Attio workspace answering Attio's HTTP API through httpx."""

from __future__ import annotations

import copy
import json
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from typing import Any

import httpx

import attio

from . import _routes_data, _routes_misc, _routes_schema  # noqa: F401  (registers the routes)
from ._errors import AttioFakeError, validation
from ._router import Ctx, dispatch
from ._store import Store
from ._util import JSON, IdGenerator, TickingClock

__all__ = ["FakeAttio", "FakeRequest"]

_5XX_MESSAGES = {
    500: ("internal_server_error", "An unexpected error occurred."),
    502: ("bad_gateway", "Bad gateway."),
    503: ("service_unavailable", "The service is temporarily unavailable."),
    504: ("gateway_timeout", "Gateway timeout."),
}


@dataclass(frozen=True)
class FakeRequest:
    """One request FakeAttio received: method, path, query parameters, JSON body and headers."""

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
    retry_after: str | None = None
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
        self._faults: deque[_Fault] = deque()
        self._transport = httpx.MockTransport(self._handle)

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
        :attr:`sleeps` instead of sleeping). Keyword arguments go to ``attio.Client``."""
        kwargs.setdefault("api_key", self.api_key or "fake")
        kwargs.setdefault("base_url", self.base_url)
        kwargs.setdefault("sleep", self.sleeps.append)
        kwargs.setdefault("http_client", httpx.Client(transport=self._transport))
        return attio.Client(**kwargs)

    def async_client(self, **kwargs: Any) -> attio.AsyncClient:
        """An ``attio.AsyncClient`` wired to this fake (see :meth:`client`)."""

        async def sleep(seconds: float) -> None:
            self.sleeps.append(seconds)

        kwargs.setdefault("api_key", self.api_key or "fake")
        kwargs.setdefault("base_url", self.base_url)
        kwargs.setdefault("sleep", sleep)
        kwargs.setdefault("http_client", httpx.AsyncClient(transport=self._transport))
        return attio.AsyncClient(**kwargs)

    # ------------------------------------------------------------------ fault injection

    def fail_next(
        self,
        n: int = 1,
        status: int = 429,
        *,
        body: Any = None,
        retry_after: str | float | None = None,
    ) -> None:
        """Answer the next ``n`` requests with ``status`` without processing them.

        429s carry Attio's body and a ``Retry-After`` HTTP-date (one second from now, unless
        ``retry_after`` gives a date string or a number of seconds); 5xx carry an Attio-shaped
        body. ``body`` replaces the body.
        """
        if status < 400:
            raise ValueError("fail_next needs an error status (>= 400)")
        header = None
        if status == 429 or retry_after is not None:
            if retry_after is None:
                moment = datetime.now(timezone.utc).replace(microsecond=0) + timedelta(seconds=1)
                header = format_datetime(moment, usegmt=True)
            elif isinstance(retry_after, str):
                header = retry_after
            else:
                header = f"{retry_after:g}"
        with self._lock:
            for _ in range(n):
                self._faults.append(_Fault("status", status=status, body=body, retry_after=header))

    def hang_next(self, n: int = 1, *, processed: bool = False) -> None:
        """Make the next ``n`` requests time out (``httpx.ReadTimeout`` from the transport,
        at once; nothing sleeps). With ``processed=True`` the request is carried out first,
        as when Attio did the work but the answer was lost."""
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
        """Raise ``exception(request)`` from the transport for the next ``n`` requests, e.g.
        ``fake.raise_next(lambda r: httpx.ConnectError("refused", request=r))``."""
        with self._lock:
            for _ in range(n):
                self._faults.append(_Fault("raise", exception=exception, processed=processed))

    # ------------------------------------------------------------------ seeding helpers

    def add_record(self, object: str, values: JSON) -> JSON:
        """Create a record of ``object`` (slug or id) from a ``values`` map written as in
        ``POST /v2/objects/{object}/records``; returns the record as Attio renders it."""
        with self._lock:
            obj = self.store.object(object)
            state = self.store.new_record(obj, copy.deepcopy(values))
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
                lst, parent, state["id"]["record_id"], copy.deepcopy(entry_values or {})
            )
            return self.store.render_entry(entry)

    def add_member(
        self,
        first_name: str,
        last_name: str,
        email_address: str,
        access_level: str = "member",
    ) -> JSON:
        """Add a workspace member; returns it."""
        with self._lock:
            return copy.deepcopy(
                self.store.add_member(first_name, last_name, email_address, access_level)
            )

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
            self.store.transcripts[call_recording_id] = copy.deepcopy(segments)

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
        body: Any = None
        bad_json = False
        if content:
            try:
                body = json.loads(content)
            except ValueError:
                bad_json = True
        with self._lock:
            self.requests.append(
                FakeRequest(
                    method=request.method,
                    path=request.url.path,
                    query=dict(request.url.params),
                    json=body,
                    headers=dict(request.headers),
                )
            )
            execution_id = self._execution_ids.uuid()
            fault = self._faults.popleft() if self._faults else None
            if fault is not None and fault.kind == "status":
                return self._fault_response(request, fault, execution_id)
            if fault is None or fault.processed:
                status, payload = self._answer(request, raw_path, body, bad_json)
        if fault is not None:
            assert fault.exception is not None
            raise fault.exception(request)
        return self._response(request, status, payload, execution_id)

    def _answer(
        self, request: httpx.Request, raw_path: str, body: Any, bad_json: bool
    ) -> tuple[int, Any]:
        try:
            self._check_auth(request)
            if bad_json:
                raise validation("Body payload validation error: the body is not valid JSON.")
            ctx = Ctx(self.store, request.method, request.url.path, request.url.params, body)
            return dispatch(ctx, raw_path)
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
        if fault.retry_after is not None:
            response.headers["retry-after"] = fault.retry_after
        return response

    @staticmethod
    def _response(
        request: httpx.Request, status: int, payload: Any, execution_id: str
    ) -> httpx.Response:
        headers = {"x-attio-execution-id": execution_id}
        if payload is None:
            return httpx.Response(status, headers=headers, request=request)
        headers["content-type"] = "application/json; charset=utf-8"
        content = json.dumps(payload, ensure_ascii=False).encode()
        return httpx.Response(status, headers=headers, content=content, request=request)
