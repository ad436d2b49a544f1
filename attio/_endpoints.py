"""One declaration per endpoint: the sync classmethod and its ``_async`` twin derived from it.

A resource declares each endpoint once, as a *request builder*: a function in the class body
with the endpoint's typed parameters (no client) and its docstring (endpoint and scope), that
returns the I/O-free :class:`~attio._request.Request` (or :class:`~attio._pagination.PagedRequest`)
to send. A decorator turns it into a descriptor, and the twins are attributes of that
descriptor::

    class Task(AttioModel):
        @endpoint
        def get(task_id: str) -> Request[Task]:
            '''One task: ``GET /v2/tasks/{task_id}`` (scope ``task:read``).'''
            return Request("GET", f"/v2/tasks/{seg(task_id)}", parse_data(Task))

        get_async = get.twin

``Task.get(client, task_id)`` then sends the request with an :class:`attio.Client` and returns
a ``Task``; ``await Task.get_async(aclient, task_id)`` does the same with an
:class:`attio.AsyncClient`. The three decorators differ only in what the call does with what
the builder returns:

=================  ======================  =====================================
decorator          sync                    twin (``.twin``)
=================  ======================  =====================================
``@endpoint``      ``R``                   ``Coroutine[Any, Any, R]``
``@paged``         ``Page[T]``             ``Coroutine[Any, Any, Page[T]]``
``@streamed``      ``Iterator[T]``         ``AsyncIterator[T]``
``.all`` of it     ``list[T]``             ``.all_twin``: ``Coroutine[..., list[T]]``
=================  ======================  =====================================

**Why descriptors, not generated code.** The alternative was a checked-in generator writing
the twins out (as httpcore's unasync does) plus a CI check that they are current. Here the
twins differ from the sync method only in the client they take and in awaiting the send, which
a ``ParamSpec`` expresses exactly: mypy sees ``Callable[Concatenate[Client, P], R]`` and
``Callable[Concatenate[AsyncClient, P], Coroutine[Any, Any, R]]`` with ``P`` the builder's own
parameters, so names, keyword-only markers and defaults are checked on both twins; nothing can
drift because nothing is written twice, and there is no generated file to keep current. At run
time each derived method carries a real ``__signature__``, ``__doc__`` and ``__qualname__``, so
``help()`` and ``inspect.signature`` show the real parameters. The cost is one extra Python
frame per call, which is noise beside an HTTP request.

The client comes first and is checked at the call (a wrong client is a ``TypeError`` before
anything is built or sent); then the builder runs, so a bad argument is refused before any
request too (a stream's twin builds at the call, not at the first ``async for``).
"""

from __future__ import annotations

import inspect
from collections.abc import AsyncIterator, Callable, Coroutine, Iterator
from types import MethodType
from typing import TYPE_CHECKING, Any, Concatenate, Generic, ParamSpec, TypeVar

if TYPE_CHECKING:  # at run time this module imports nothing of attio: _models uses it
    from ._client import AsyncClient, Client
    from ._pagination import Page, PagedRequest
    from ._request import Request

__all__ = ["Declared", "endpoint", "paged", "streamed"]

P = ParamSpec("P")
R = TypeVar("R")
T = TypeVar("T")
C = TypeVar("C")
Out = TypeVar("Out")
Built = TypeVar("Built")


def _sync_client(client: object) -> Client:
    from ._client import require_sync

    return require_sync(client)


def _async_client(client: object) -> AsyncClient:
    from ._client import require_async

    return require_async(client)


class Declared(Generic[C, P, Out]):
    """A classmethod-like descriptor derived from a request builder.

    ``build`` makes the request from the call's arguments (after the client); ``run`` sends it
    with the client and shapes the result. ``Model.method`` gives a plain function taking the
    client first, with the builder's signature and docstring.
    """

    def __init__(
        self,
        build: Callable[P, Any],
        run: Callable[[Any, Any], Out],
        *,
        is_async: bool,
        returns: str,
        doc: str | None = None,
    ) -> None:
        self.build = build
        self.is_async = is_async
        self._run = run
        self._returns = returns
        self._doc = doc
        self._function: Callable[..., Out] | None = None
        self.name = getattr(build, "__name__", "endpoint")

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name
        self._function = self._make(owner, name)

    def _make(self, owner: type | None, name: str) -> Callable[..., Out]:
        build, run, is_async = self.build, self._run, self.is_async
        check = _async_client if is_async else _sync_client

        def method(cls: type, client: Any, /, *args: Any, **kwargs: Any) -> Out:
            checked = check(client)
            return run(checked, build(*args, **kwargs))

        qualname = f"{owner.__qualname__}.{name}" if owner is not None else name
        method.__name__ = name
        method.__qualname__ = qualname
        method.__module__ = owner.__module__ if owner is not None else build.__module__
        method.__doc__ = self._doc if self._doc is not None else build.__doc__
        client_type = "AsyncClient" if is_async else "Client"
        signature = inspect.signature(build)
        positional = inspect.Parameter.POSITIONAL_ONLY
        cls_param = inspect.Parameter("cls", positional)
        client = inspect.Parameter("client", positional, annotation=f"attio.{client_type}")
        method.__signature__ = signature.replace(  # type: ignore[attr-defined]
            parameters=[cls_param, client, *signature.parameters.values()],
            return_annotation=self._returns,
        )
        return method

    def __get__(self, obj: object, owner: type | None = None) -> Callable[Concatenate[C, P], Out]:
        # Bound to the class like a classmethod: ``Model.get.__self__ is Model``.
        function = self._function
        if function is None:  # used outside a class body
            function = self._function = self._make(owner, self.name)
        return MethodType(function, owner if owner is not None else type(obj))

    def __repr__(self) -> str:
        return f"<endpoint {self.name}>"


def _twin_doc(build: Callable[..., Any], sync_name: str, what: str = "") -> str:
    doc = inspect.cleandoc(build.__doc__ or "")
    return f"Async twin of :meth:`{sync_name}`{what}. {doc}"


def _return_name(build: Callable[..., Any]) -> str:
    annotation = inspect.signature(build).return_annotation
    text = annotation if isinstance(annotation, str) else getattr(annotation, "__name__", "")
    inner = text[text.find("[") + 1 : text.rfind("]")] if "[" in text else text
    return inner or "Any"


# --------------------------------------------------------------------------- one request


def _send(client: Client, request: Request[R]) -> R:
    return client.request(request)


def _send_async(client: AsyncClient, request: Request[R]) -> Coroutine[Any, Any, R]:
    return client.request(request)


class endpoint(Declared["Client", P, R]):
    """Declare an endpoint that is one request: ``@endpoint def get(...) -> Request[R]``.

    The sync method returns ``R``; ``.twin`` (assign it to ``<name>_async``) returns a
    coroutine of ``R``.
    """

    def __init__(self, build: Callable[P, Request[R]]) -> None:
        result = _return_name(build)
        super().__init__(build, _send, is_async=False, returns=result)
        name = build.__name__
        self.twin: Declared[AsyncClient, P, Coroutine[Any, Any, R]] = Declared(
            build,
            _send_async,
            is_async=True,
            returns=f"Coroutine[Any, Any, {result}]",
            doc=_twin_doc(build, name),
        )


# --------------------------------------------------------------------------- one page


def _fetch(client: Client, paged_request: PagedRequest[T]) -> Page[T]:
    return client.fetch_page(paged_request)


def _fetch_async(
    client: AsyncClient, paged_request: PagedRequest[T]
) -> Coroutine[Any, Any, Page[T]]:
    return client.fetch_page(paged_request)


class paged(Declared["Client", P, "Page[T]"]):
    """Declare one page of a paginated endpoint: ``@paged def list(...) -> PagedRequest[T]``.

    The sync method returns ``Page[T]``; ``.twin`` a coroutine of ``Page[T]``.
    """

    def __init__(self, build: Callable[P, PagedRequest[T]]) -> None:
        item = _return_name(build)
        super().__init__(build, _fetch, is_async=False, returns=f"Page[{item}]")
        self.twin: Declared[AsyncClient, P, Coroutine[Any, Any, Page[T]]] = Declared(
            build,
            _fetch_async,
            is_async=True,
            returns=f"Coroutine[Any, Any, Page[{item}]]",
            doc=_twin_doc(build, build.__name__),
        )


# --------------------------------------------------------------------------- every page


def _stream(client: Client, paged_request: PagedRequest[T]) -> Iterator[T]:
    return client.stream(paged_request)


def _stream_async(client: AsyncClient, paged_request: PagedRequest[T]) -> AsyncIterator[T]:
    return client.stream(paged_request)


# ``stream_all`` keeps every item anyway: each page is validated in one pass (the fastest),
# where ``stream`` validates item by item to hold one page of plain JSON objects at most.
def _stream_all(client: Client, paged_request: PagedRequest[T]) -> list[T]:
    return list(client._items(paged_request, lazy=False))


async def _stream_all_async(client: AsyncClient, paged_request: PagedRequest[T]) -> list[T]:
    return [item async for item in client._items(paged_request, lazy=False)]


class streamed(Declared["Client", P, Iterator[T]]):
    """Declare a walk over every page: ``@streamed def stream(...) -> PagedRequest[T]``.

    The sync method returns a lazy ``Iterator[T]`` (one page held at a time); ``.twin`` an
    ``AsyncIterator[T]``; ``.all`` a ``list[T]`` and ``.all_twin`` a coroutine of it. The
    builder is the first page's request (with ``page_size`` as its ``limit``).
    """

    def __init__(self, build: Callable[P, PagedRequest[T]]) -> None:
        item = _return_name(build)
        name = build.__name__
        super().__init__(build, _stream, is_async=False, returns=f"Iterator[{item}]")
        self.twin: Declared[AsyncClient, P, AsyncIterator[T]] = Declared(
            build,
            _stream_async,
            is_async=True,
            returns=f"AsyncIterator[{item}]",
            doc=_twin_doc(build, name, " (use ``async for``)"),
        )
        all_doc = (
            f"Like :meth:`{name}`, collected into a list. {inspect.cleandoc(build.__doc__ or '')}"
        )
        self.all: Declared[Client, P, list[T]] = Declared(
            build, _stream_all, is_async=False, returns=f"list[{item}]", doc=all_doc
        )
        self.all_twin: Declared[AsyncClient, P, Coroutine[Any, Any, list[T]]] = Declared(
            build,
            _stream_all_async,
            is_async=True,
            returns=f"Coroutine[Any, Any, list[{item}]]",
            doc=f"Async twin of :meth:`{name}_all`: {all_doc}",
        )
