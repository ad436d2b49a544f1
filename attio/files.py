"""Files and folders of a record — ``/v2/files`` (beta).

A record's files are entries of four kinds, chosen by ``file_type`` inside pydantic-core:

======================  ==========================  ==========================================
``file_type``           model                       its own fields
======================  ==========================  ==========================================
``file``                :class:`File`               ``name``, ``content_type``,
                                                    ``content_size``, ``parent_folder_id``
``folder``              :class:`Folder`             ``name``, ``parent_folder_id``
                                                    (``has_children`` from ``GET`` one)
``connected-file``      :class:`ConnectedFile`      ``external_provider_file_id``,
                                                    ``microsoft_drive_id``
``connected-folder``    :class:`ConnectedFolder`    the same
anything else           :class:`UnknownFileEntry`   every field kept as sent
======================  ==========================  ==========================================

:data:`FileEntry` is that union: an entry of a ``file_type`` this version does not know, or of
a known one whose shape does not fit, reads as :class:`UnknownFileEntry` and never fails the
response. Every entry round-trips (``model_dump(mode="json")`` gives back Attio's JSON).

The endpoints are classmethods of :class:`File`. :meth:`File.upload` sends the content as
``multipart/form-data`` (at most 50 MiB, refused before any request beyond that);
:meth:`File.download_url` reads the signed link Attio redirects to, and :meth:`File.download`
fetches the content from it without the API key (which never leaves for another origin).
"""

from __future__ import annotations

import hashlib
import logging
import mimetypes
import os
from collections.abc import Callable, Coroutine, Mapping
from typing import TYPE_CHECKING, Annotated, Any, BinaryIO, Literal, ParamSpec, cast

import httpx
from pydantic import (
    BaseModel,
    Field,
    SerializerFunctionWrapHandler,
    StrictBool,
    StrictInt,
    model_serializer,
)

from ._endpoints import Declared, _twin_doc, endpoint, paged, streamed
from ._exceptions import RequestBodyError, ResponseValidationError, clip, make_status_error
from ._models import Actor, AttioModel, NeverFails, Timestamp
from ._pagination import PagedRequest, Paging
from ._parsing import parse_data, parse_nothing, parse_page
from ._request import Request, body, seg
from ._sentinel import NotGiven
from ._version import __version__

if TYPE_CHECKING:
    from ._client import AsyncClient, Client

__all__ = [
    "MAX_UPLOAD_BYTES",
    "BaseFileEntry",
    "ConnectedFile",
    "ConnectedFolder",
    "ConnectedStorageProvider",
    "File",
    "FileEntry",
    "FileEntryId",
    "Folder",
    "KnownFileEntry",
    "StorageProvider",
    "UnknownFileEntry",
    "UploadContent",
]

P = ParamSpec("P")

logger = logging.getLogger("attio")

StorageProvider = Literal["attio", "dropbox", "box", "google-drive", "microsoft-onedrive"]
"""Where an entry is stored: ``attio`` for uploads and native folders, else a connected drive."""

ConnectedStorageProvider = Literal["dropbox", "box", "google-drive", "microsoft-onedrive"]
"""The drives an entry can be connected from (:meth:`File.connect`)."""

UploadContent = bytes | bytearray | memoryview | BinaryIO | os.PathLike[str]
"""What :meth:`File.upload` sends: the bytes themselves, a file opened in binary mode (read
from where it stands), or a path (``pathlib.Path``). A ``str`` is refused: it could be a path
or text; pass ``pathlib.Path(text)`` or ``text.encode()``."""

MAX_UPLOAD_BYTES = 50 * 1024 * 1024
"""The largest upload Attio accepts (50 MiB); more is refused before any request."""

_PATH = "/v2/files"


def _path(file_id: str, *rest: str) -> str:
    return "/".join([_PATH, seg(file_id, "file_id"), *rest])


# --------------------------------------------------------------------------- downloads


def _parse_location(content: bytes) -> str:
    """The redirect's target (see ``Request.redirect``): an absolute http(s) URL."""
    url = content.decode("utf-8")
    if not url.startswith(("https://", "http://")):
        raise ValueError("expected a redirect to the file's signed URL, got no Location")
    return url


def _signed_request(client: Client | AsyncClient, url: str) -> httpx.Request:
    """The GET of a signed URL: no ``Authorization`` (not even one set on the ``http_client``
    itself) and none of the client's ``default_headers``: the key stays with Attio."""
    timeout: Any = (
        httpx.USE_CLIENT_DEFAULT if isinstance(client.timeout, NotGiven) else client.timeout
    )
    request = client._http.build_request(
        "GET",
        url,
        headers={"Accept": "*/*", "User-Agent": f"attio-python/{__version__}"},
        timeout=timeout,
    )
    request.headers.pop("Authorization", None)
    return request


def _content(response: httpx.Response) -> bytes:
    if response.status_code >= 400:
        raise make_status_error(response)
    if response.status_code >= 300:
        raise ResponseValidationError(
            f"the signed download URL answered {response.status_code} without content",
            body=response.content,
            response=response,
        )
    return response.content


def _download(client: Client, request: Request[str]) -> bytes:
    url = client.request(request)
    logger.debug("GET <signed download URL of %s>", request.path)
    try:
        response = client._http.send(_signed_request(client, url), auth=None, follow_redirects=True)
    except httpx.RequestError as exc:
        raise client._transport_error(exc) from exc
    return _content(response)


async def _download_async(client: AsyncClient, request: Request[str]) -> bytes:
    url = await client.request(request)
    logger.debug("GET <signed download URL of %s>", request.path)
    try:
        response = await client._http.send(
            _signed_request(client, url), auth=None, follow_redirects=True
        )
    except httpx.RequestError as exc:
        raise client._transport_error(exc) from exc
    return _content(response)


class _fetched(Declared["Client", P, bytes]):
    """Declare a download: ``@_fetched def download(...) -> Request[str]`` (the request whose
    answer is the signed URL). The sync method returns the content's ``bytes``, ``.twin`` a
    coroutine of them; the signed URL is fetched without the API key."""

    def __init__(self, build: Callable[P, Request[str]]) -> None:
        super().__init__(build, _download, is_async=False, returns="bytes")
        doc = _twin_doc(build, build.__name__)
        self.twin: Declared[AsyncClient, P, Coroutine[Any, Any, bytes]] = Declared(
            build, _download_async, is_async=True, returns="Coroutine[Any, Any, bytes]", doc=doc
        )


# --------------------------------------------------------------------------- models


class FileEntryId(AttioModel):
    """``{"workspace_id", "file_id"}``."""

    workspace_id: str
    file_id: str


class BaseFileEntry(AttioModel):
    """The fields every file entry has: its id, the record it belongs to (``object_id``,
    ``object_slug``, ``record_id``), ``storage_provider``, who created it and when, and its
    ``file_type`` (which selects the model: see :mod:`attio.files`)."""

    id: FileEntryId
    object_id: str
    object_slug: str
    record_id: str
    storage_provider: StorageProvider | str
    created_by_actor: Actor
    created_at: Timestamp
    file_type: str

    @property
    def file_id(self) -> str:
        """The entry's id (``id.file_id``): what :meth:`File.get` and the others take."""
        return self.id.file_id


def _entry_pages(
    object: str,
    record_id: str,
    storage_provider: StorageProvider | None = None,
    parent_folder_id: str | None = None,
    limit: int | None = None,
    cursor: str | None = None,
) -> PagedRequest[FileEntry]:
    params = {
        "object": _text(object, "object"),
        "record_id": _text(record_id, "record_id"),
        "storage_provider": storage_provider,
        "parent_folder_id": parent_folder_id,
        "limit": limit,
        "cursor": cursor,
    }
    request = Request("GET", _PATH, _PARSE_PAGE, params=params)
    return PagedRequest(request, Paging("cursor", 50))


def _text(value: object, name: str) -> str:
    """A required text parameter sent outside the path (query or form): a non-empty ``str``."""
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, got {type(value).__name__}")
    if not value:
        raise ValueError(f"{name} must not be empty")
    return value


class File(BaseFileEntry):
    """A file uploaded to Attio (``file_type: "file"``); the file endpoints are its
    classmethods. ``content_type`` and ``content_size`` (bytes) may be ``None``;
    ``parent_folder_id`` is ``None`` at the top level of the record's files."""

    file_type: Literal["file"]
    name: str
    content_type: str | None
    content_size: StrictInt | None
    parent_folder_id: str | None

    @paged
    def list(
        object: str,
        record_id: str,
        *,
        storage_provider: StorageProvider | None = None,
        parent_folder_id: str | None = None,
        limit: int | None = None,
        cursor: str | None = None,
    ) -> PagedRequest[FileEntry]:
        """One page of a record's files and folders (default 50, at most 200), of every
        nesting level unless ``parent_folder_id`` picks one folder's children:
        ``GET /v2/files`` (scopes ``object_configuration:read``, ``record_permission:read``,
        ``file:read``). ``object`` is the object's slug or id."""
        return _entry_pages(object, record_id, storage_provider, parent_folder_id, limit, cursor)

    list_async = list.twin

    @streamed
    def stream(
        object: str,
        record_id: str,
        *,
        storage_provider: StorageProvider | None = None,
        parent_folder_id: str | None = None,
        page_size: int | None = None,
    ) -> PagedRequest[FileEntry]:
        """Every file and folder of a record, lazily, following cursors: ``GET /v2/files``
        (scopes ``object_configuration:read``, ``record_permission:read``, ``file:read``)."""
        pages = _entry_pages(object, record_id, storage_provider, parent_folder_id)
        return pages.with_limit(page_size)

    stream_async = stream.twin
    stream_all = stream.all
    stream_all_async = stream.all_twin

    @endpoint
    def get(file_id: str) -> Request[FileEntry]:
        """One file or folder (a folder says whether it ``has_children``):
        ``GET /v2/files/{file_id}`` (scopes ``file:read``, ``object_configuration:read``,
        ``record_permission:read``)."""
        return Request("GET", _path(file_id), _PARSE_ENTRY)

    get_async = get.twin

    @endpoint
    def create_folder(
        object: str, record_id: str, *, name: str, parent_folder_id: str | None = None
    ) -> Request[Folder]:
        """Create a folder on a record (inside ``parent_folder_id``, else at the top level):
        ``POST /v2/files`` (scopes ``file:read-write``, ``object_configuration:read``,
        ``record_permission:read``)."""
        fields: dict[str, Any] = {
            "object": _text(object, "object"),
            "record_id": _text(record_id, "record_id"),
            "file_type": "folder",
            "name": _text(name, "name"),
        }
        if parent_folder_id is not None:
            fields["parent_folder_id"] = _text(parent_folder_id, "parent_folder_id")
        return Request("POST", _PATH, parse_data(Folder), json=body(**fields))

    create_folder_async = create_folder.twin

    @endpoint
    def connect(
        object: str,
        record_id: str,
        *,
        storage_provider: ConnectedStorageProvider,
        external_provider_file_id: str,
        kind: Literal["file", "folder"] = "file",
        microsoft_drive_id: str | None = None,
    ) -> Request[ConnectedFile | ConnectedFolder]:
        """Attach a file (``kind="file"``) or a folder (``kind="folder"``) of a connected
        drive to a record, by its id at the provider (``microsoft_drive_id`` for OneDrive):
        ``POST /v2/files`` (scopes ``file:read-write``, ``object_configuration:read``,
        ``record_permission:read``)."""
        if kind not in ("file", "folder"):
            raise ValueError(f'kind must be "file" or "folder", got {clip(repr(kind), 80)}')
        fields: dict[str, Any] = {
            "object": _text(object, "object"),
            "record_id": _text(record_id, "record_id"),
            "storage_provider": _text(storage_provider, "storage_provider"),
            "external_provider_file_id": _text(
                external_provider_file_id, "external_provider_file_id"
            ),
            "file_type": f"connected-{kind}",
        }
        if microsoft_drive_id is not None:
            fields["microsoft_drive_id"] = _text(microsoft_drive_id, "microsoft_drive_id")
        return Request("POST", _PATH, _PARSE_CONNECTED, json=body(**fields))

    connect_async = connect.twin

    @endpoint
    def upload(
        object: str,
        record_id: str,
        file: UploadContent,
        *,
        filename: str | None = None,
        content_type: str | None = None,
        parent_folder_id: str | None = None,
    ) -> Request[File]:
        """Upload a file to a record (into ``parent_folder_id``, else the top level), at most
        50 MiB: ``POST /v2/files/upload`` (scopes ``file:read-write``,
        ``object_configuration:read``, ``record_permission:read``).

        ``file`` is bytes, a binary file object (read from its position) or a path
        (``pathlib.Path``; a ``str`` is refused as ambiguous). ``filename`` defaults to the
        path's or file object's name, else ``"file"``; ``content_type`` is guessed from the
        filename (``application/octet-stream`` when unknown). More than 50 MiB is an
        :class:`attio.RequestBodyError` (a ``ValueError``) before any request. The multipart
        body is built once (its boundary derived from the content, so the same upload is the
        same bytes: cassettes replay it); like every POST it is not retried after a 5xx.
        """
        data, default_name = _read_upload(file)
        name = _header_text(filename if filename is not None else default_name, "filename")
        if content_type is None:
            content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
        content_type = _header_text(content_type, "content_type")
        form = {"object": _text(object, "object"), "record_id": _text(record_id, "record_id")}
        if parent_folder_id is not None:
            form["parent_folder_id"] = _text(parent_folder_id, "parent_folder_id")
        content, multipart_type = _multipart(form, name, data, content_type)
        return Request(
            "POST",
            f"{_PATH}/upload",
            parse_data(File),
            content=content,
            content_type=multipart_type,
        )

    upload_async = upload.twin

    @endpoint
    def delete(file_id: str) -> Request[None]:
        """Delete a file or folder (a folder with everything inside it):
        ``DELETE /v2/files/{file_id}`` (scopes ``file:read-write``,
        ``object_configuration:read``, ``record_permission:read``)."""
        return Request("DELETE", _path(file_id), parse_nothing)

    delete_async = delete.twin

    @endpoint
    def download_url(file_id: str) -> Request[str]:
        """The signed, short-lived URL of a file's content (Attio's redirect, not followed):
        ``GET /v2/files/{file_id}/download`` (scopes ``object_configuration:read``,
        ``record_permission:read``, ``file:read``)."""
        return Request("GET", _path(file_id, "download"), _parse_location, redirect=True)

    download_url_async = download_url.twin

    @_fetched
    def download(file_id: str) -> Request[str]:
        """A file's content: ``GET /v2/files/{file_id}/download`` (scopes
        ``object_configuration:read``, ``record_permission:read``, ``file:read``), then the
        signed URL it redirects to, fetched through the client's ``http_client`` with no
        ``Authorization`` header (the API key never leaves for the storage host)."""
        return Request("GET", _path(file_id, "download"), _parse_location, redirect=True)

    download_async = download.twin


class Folder(BaseFileEntry):
    """A folder of Attio's own (``file_type: "folder"``); ``has_children`` is set only by
    :meth:`File.get` (``None`` otherwise)."""

    file_type: Literal["folder"]
    name: str
    parent_folder_id: str | None
    has_children: StrictBool | None = None


class ConnectedFile(BaseFileEntry):
    """A file of a connected drive (``file_type: "connected-file"``): its id at the provider,
    and the OneDrive drive (``None`` elsewhere)."""

    file_type: Literal["connected-file"]
    external_provider_file_id: str
    microsoft_drive_id: str | None


class ConnectedFolder(BaseFileEntry):
    """A folder of a connected drive (``file_type: "connected-folder"``); the fields of
    :class:`ConnectedFile`."""

    file_type: Literal["connected-folder"]
    external_provider_file_id: str
    microsoft_drive_id: str | None


class UnknownFileEntry(NeverFails, AttioModel):
    """An entry this version cannot type: a ``file_type`` it does not know, a known one of an
    unexpected shape, even an item that is not a JSON object.

    Every field is kept as sent (``model_extra``) and dumped back unchanged; an item that was
    not an object is kept whole and ``model_dump`` returns it. :attr:`file_type` and
    :attr:`file_id` read what they can.
    """

    @classmethod
    def _salvage(cls, data: Any) -> UnknownFileEntry:
        """``data`` kept whole (an object's fields as extras; anything else as it is)."""
        if isinstance(data, BaseModel):
            data = data.model_dump()
        built = cls.__new__(cls)
        extra: dict[str, Any] = {}
        private: dict[str, Any] = {}
        if isinstance(data, Mapping) and all(isinstance(key, str) for key in data):
            extra = dict(data)
        else:
            private = {"_raw": (data,)}
        object.__setattr__(built, "__dict__", {})
        object.__setattr__(built, "__pydantic_fields_set__", set())
        object.__setattr__(built, "__pydantic_extra__", extra)
        object.__setattr__(built, "__pydantic_private__", private)
        return built

    @model_serializer(mode="wrap")
    def _dump(self, handler: SerializerFunctionWrapHandler) -> Any:
        private: dict[str, Any] | None = self.__pydantic_private__
        if private and "_raw" in private:
            return private["_raw"][0]
        return handler(self)

    @property
    def fields(self) -> dict[str, Any]:
        """Every field as sent (``{}`` for an item that was not an object)."""
        return dict(self.model_extra or {})

    @property
    def raw(self) -> Any:
        """The entry as JSON: exactly what Attio sent."""
        return self.model_dump(mode="json")

    @property
    def file_type(self) -> str | None:
        """Its ``file_type`` when that is a string, else ``None``."""
        found = self.fields.get("file_type")
        return found if isinstance(found, str) else None

    @property
    def file_id(self) -> str | None:
        """Its ``id.file_id`` when that is a string, else ``None``."""
        ident = self.fields.get("id")
        found = ident.get("file_id") if isinstance(ident, Mapping) else None
        return found if isinstance(found, str) else None


KnownFileEntry = Annotated[
    File | Folder | ConnectedFile | ConnectedFolder, Field(discriminator="file_type")
]
"""The four documented entry kinds, selected by ``file_type`` in pydantic-core."""

FileEntry = Annotated[KnownFileEntry | UnknownFileEntry, Field(union_mode="left_to_right")]
"""Any file entry: one of the four known models, else :class:`UnknownFileEntry`."""

_ConnectedEntry = Annotated[ConnectedFile | ConnectedFolder, Field(discriminator="file_type")]

# parse_data/parse_page take a type; these unions are annotated forms (same adapters, cached).
_PARSE_ENTRY: Callable[[bytes], FileEntry] = parse_data(cast(Any, FileEntry))
_PARSE_CONNECTED: Callable[[bytes], ConnectedFile | ConnectedFolder] = parse_data(
    cast(Any, _ConnectedEntry)
)
_PARSE_PAGE = parse_page(cast(Any, FileEntry))


# --------------------------------------------------------------------------- uploads


def _header_text(value: object, name: str) -> str:
    """A filename or content type for a multipart part header: text with no control
    characters (a line break would forge headers), refused before any request."""
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, got {type(value).__name__}")
    if not value:
        raise RequestBodyError(f"{name} must not be empty")
    if any(ord(char) < 0x20 or ord(char) == 0x7F for char in value):
        raise RequestBodyError(f"{name} {clip(repr(value), 120)} has a control character")
    return value


def _too_large(size: int) -> RequestBodyError:
    return RequestBodyError(
        f"the upload is {size} bytes; Attio accepts at most {MAX_UPLOAD_BYTES} bytes (50 MiB)"
    )


def _read_upload(file: object) -> tuple[bytes, str]:
    """The bytes to upload and the name they default to, refusing more than 50 MiB before
    reading it all (a path's size is checked first, a file object is read one byte past)."""
    if isinstance(file, (bytes, bytearray, memoryview)):
        data = bytes(file)
        if len(data) > MAX_UPLOAD_BYTES:
            raise _too_large(len(data))
        return data, "file"
    if isinstance(file, str):
        raise TypeError(
            "upload's file is bytes, a binary file object or a path: for a path pass "
            "pathlib.Path(...), for text pass text.encode()"
        )
    if isinstance(file, os.PathLike):
        path = os.fspath(file)
        if not isinstance(path, str):
            raise TypeError("upload's path must be a str path (os.PathLike[str])")
        size = os.stat(path).st_size
        if size > MAX_UPLOAD_BYTES:
            raise _too_large(size)
        with open(path, "rb") as handle:
            data = handle.read(MAX_UPLOAD_BYTES + 1)
        if len(data) > MAX_UPLOAD_BYTES:  # grew since it was measured
            raise _too_large(len(data))
        return data, os.path.basename(path) or "file"
    read = getattr(file, "read", None)
    if not callable(read):
        raise TypeError(
            "upload's file must be bytes, a binary file object or a path, "
            f"got {type(file).__name__}"
        )
    data = read(MAX_UPLOAD_BYTES + 1)
    if not isinstance(data, bytes):
        raise TypeError(
            f"upload's file object must be opened in binary mode (read gave {type(data).__name__})"
        )
    if len(data) > MAX_UPLOAD_BYTES:
        raise _too_large(len(data))
    own_name = getattr(file, "name", None)
    name = os.path.basename(own_name) if isinstance(own_name, str) else ""
    return data, name or "file"


def _multipart(
    form: dict[str, str], filename: str, data: bytes, content_type: str
) -> tuple[bytes, str]:
    """The ``multipart/form-data`` body (text fields, then ``file``) and its content type,
    encoded by httpx once.

    The boundary is derived from the content (a digest of every part), so the same upload is
    the same bytes every time: a cassette recorded once replays it. It is never a substring of
    the parts (another digest is taken in the unlikely case that it is).
    """
    digest = hashlib.sha256()
    for part in (*form.items(), ("filename", filename), ("content_type", content_type)):
        digest.update(repr(part).encode("utf-8"))
    digest.update(data)
    parts = [data, *(value.encode("utf-8") for value in form.values())]
    while True:
        boundary = f"attio-{digest.hexdigest()[:40]}"
        if not any(boundary.encode("ascii") in part for part in parts):
            break
        digest.update(b"again")  # pragma: no cover - the content holds its own digest
    encoded = httpx.Request(
        "POST",
        "https://api.attio.com/v2/files/upload",
        data=form,
        files={"file": (filename, data, content_type)},
        headers={"Content-Type": f"multipart/form-data; boundary={boundary}"},
    )
    return encoded.read(), encoded.headers["Content-Type"]
