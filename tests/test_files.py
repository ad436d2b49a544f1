"""``attio.files``: the entry union, the ``/v2/files`` endpoints (multipart uploads, redirect
downloads that never send the API key to the storage host) and FakeAttio's files."""

from __future__ import annotations

import copy
import dataclasses
import email.parser
import email.policy
import inspect
import io
import json
import re
from pathlib import Path
from typing import Any, cast

import httpx
import pytest

import attio
from attio._endpoints import Declared
from attio._pagination import PagedRequest
from attio.files import (
    MAX_UPLOAD_BYTES,
    ConnectedFile,
    ConnectedFolder,
    File,
    FileEntry,
    Folder,
    UnknownFileEntry,
)
from attio.testing import FakeAttio
from attio.testing.fake._errors import AttioFakeError
from tests.conftest import API_KEY, CLIENT_KINDS, MockAttio
from tests.samples import assert_twins_and_docstrings, collect_stream, sent

WS = "4a1f0c6e-0000-4000-8000-00000000a001"
OBJ = "4a1f0c6e-0000-4000-8000-00000000a002"
RECORD = "5b5b5b5b-0000-4000-8000-00000000b001"
FILE_ID = "6c6c6c6c-0000-4000-8000-00000000c001"
FOLDER_ID = "7d7d7d7d-0000-4000-8000-00000000d001"
SIGNED = "https://files.example-storage.com/obj/abc?X-Signature=s1g"


def entry(file_type: str = "file", n: int = 1, **changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": {"workspace_id": WS, "file_id": f"6c6c6c6c-0000-4000-8000-{n:012d}"},
        "object_id": OBJ,
        "object_slug": "people",
        "record_id": RECORD,
        "storage_provider": "attio",
        "created_by_actor": {"type": "api-token", "id": "1a1a1a1a-0000-4000-8000-0001"},
        "created_at": "2024-05-01T10:00:00.000000000Z",
        "file_type": file_type,
    }
    if file_type == "file":
        body |= {
            "name": "deck.pdf",
            "content_type": "application/pdf",
            "content_size": 1024,
            "parent_folder_id": None,
        }
    elif file_type == "folder":
        body |= {"name": "Docs", "parent_folder_id": None}
    elif file_type.startswith("connected-"):
        body |= {
            "storage_provider": "dropbox",
            "external_provider_file_id": "id:abc",
            "microsoft_drive_id": None,
        }
    body.update(changes)
    return body


def validate(body: Any) -> Any:
    from pydantic import TypeAdapter

    return TypeAdapter(FileEntry).validate_json(json.dumps(body))


def form_of(request: httpx.Request) -> dict[str, Any]:
    """A multipart request read by the standard library: ``{name: text or (filename, content
    type, bytes)}``."""
    head = f"Content-Type: {request.headers['content-type']}\r\n\r\n".encode()
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + request.content)
    assert message.is_multipart()
    out: dict[str, Any] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        payload = cast(bytes, part.get_payload(decode=True))
        filename = part.get_filename()
        if filename is None:
            out[str(name)] = payload.decode()
        else:
            out[str(name)] = (filename, part.get_content_type(), payload)
    return out


async def invoke(mock: MockAttio, mode: str, method: str, /, *args: Any, **kwargs: Any) -> Any:
    """``File.<method>`` with a sync client, or its ``_async`` twin with an async one."""
    if mode == "sync":
        return getattr(File, method)(mock.client(), *args, **kwargs)
    return await getattr(File, f"{method}_async")(mock.async_client(), *args, **kwargs)


def people_record(fake: FakeAttio) -> str:
    record = fake.add_record("people", {"name": "Ada Lovelace"})
    return str(record["id"]["record_id"])


# --------------------------------------------------------------------------- the models


@pytest.mark.parametrize(
    ("file_type", "model"),
    [
        ("file", File),
        ("folder", Folder),
        ("connected-file", ConnectedFile),
        ("connected-folder", ConnectedFolder),
    ],
)
def test_each_kind_is_selected_by_file_type_and_round_trips(
    file_type: str, model: type[Any]
) -> None:
    body = entry(file_type, future_field={"x": [1, 2]})
    parsed = validate(copy.deepcopy(body))
    assert type(parsed) is model
    assert parsed.model_dump(mode="json") == body
    assert json.loads(parsed.model_dump_json()) == body
    assert parsed.file_id == body["id"]["file_id"]


def test_a_folder_read_alone_keeps_has_children() -> None:
    body = entry("folder", has_children=True)
    folder = validate(body)
    assert isinstance(folder, Folder)
    assert folder.has_children is True
    assert validate(entry("folder")).has_children is None
    assert "has_children" not in validate(entry("folder")).model_dump(mode="json")


@pytest.mark.parametrize(
    "body",
    [
        entry("shortcut", target_file_id="x"),
        entry("file", content_size="1024"),  # a known kind of an unexpected shape
        entry("folder", has_children=1),
        {k: v for k, v in entry("file").items() if k != "name"},
        entry("file", created_at="yesterday"),
        {"file_type": 5},
        {},
    ],
)
def test_anything_else_is_an_unknown_entry_that_round_trips(body: dict[str, Any]) -> None:
    parsed = validate(copy.deepcopy(body))
    assert isinstance(parsed, UnknownFileEntry)
    assert parsed.model_dump(mode="json") == body
    assert json.loads(parsed.model_dump_json()) == body
    assert parsed.raw == body
    assert parsed.fields == body
    assert parsed.file_type == (
        body.get("file_type") if isinstance(body.get("file_type"), str) else None
    )


def test_an_unknown_entry_reads_its_id_and_type() -> None:
    parsed = validate(entry("shortcut"))
    assert parsed.file_type == "shortcut"
    assert parsed.file_id == "6c6c6c6c-0000-4000-8000-000000000001"
    assert validate({"id": "flat"}).file_id is None


@pytest.mark.parametrize("item", ["a string", 5, None, [1, 2]])
def test_an_item_that_is_not_an_object_is_kept_whole(item: Any) -> None:
    parsed = validate(item)
    assert isinstance(parsed, UnknownFileEntry)
    assert parsed.model_dump(mode="json") == item
    assert parsed.raw == item
    assert parsed.fields == {}
    assert parsed.file_type is None


def test_unknown_entry_built_in_python_keeps_fields() -> None:
    made = UnknownFileEntry.model_validate(
        {"file_type": "shortcut", "id": {"workspace_id": WS, "file_id": "f"}}
    )
    assert made.file_type == "shortcut"
    assert made.file_id == "f"
    assert made.model_dump() == {
        "file_type": "shortcut",
        "id": {"workspace_id": WS, "file_id": "f"},
    }


# --------------------------------------------------------------------------- exact requests


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_list_sends_every_filter(kind: str, mock: MockAttio) -> None:
    mock.data(
        [entry("file", 1), entry("folder", 2), entry("whiteboard", 3)],
        pagination={"next_cursor": "c2"},
    )
    page = await invoke(
        mock,
        kind,
        "list",
        "people",
        RECORD,
        storage_provider="attio",
        parent_folder_id=FOLDER_ID,
        limit=3,
        cursor="c1",
    )
    assert mock.last.method == "GET"
    assert mock.last.url.path == "/v2/files"
    assert mock.query() == {
        "object": "people",
        "record_id": RECORD,
        "storage_provider": "attio",
        "parent_folder_id": FOLDER_ID,
        "limit": "3",
        "cursor": "c1",
    }
    assert [type(item) for item in page.data] == [File, Folder, UnknownFileEntry]
    assert page.next_cursor == "c2"
    assert page.data[2].model_dump(mode="json") == entry("whiteboard", 3)


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_list_sends_only_what_was_given(kind: str, mock: MockAttio) -> None:
    mock.data([], pagination={"next_cursor": None})
    await invoke(mock, kind, "list", OBJ, RECORD)
    assert mock.query() == {"object": OBJ, "record_id": RECORD}


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_stream_follows_cursors_lazily(kind: str, mock: MockAttio) -> None:
    mock.data([entry("file", 1), "not an entry"], pagination={"next_cursor": "c2"})
    mock.data([entry("connected-file", 2)], pagination={"next_cursor": None})
    items = await collect_stream(mock, kind, File, "people", RECORD, page_size=2)
    assert [type(i) for i in items] == [File, UnknownFileEntry, ConnectedFile]
    assert items[1].model_dump() == "not an entry"
    assert mock.query(0) == {"object": "people", "record_id": RECORD, "limit": "2"}
    assert mock.query(1) == {"object": "people", "record_id": RECORD, "limit": "2", "cursor": "c2"}


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_get_reads_any_kind(kind: str, mock: MockAttio) -> None:
    mock.data(entry("folder", has_children=False))
    got = await invoke(mock, kind, "get", FOLDER_ID)
    assert sent(mock) == ("GET", f"/v2/files/{FOLDER_ID}", None)
    assert isinstance(got, Folder)
    assert got.has_children is False


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_create_folder_body(kind: str, mock: MockAttio) -> None:
    mock.data(entry("folder", parent_folder_id=FOLDER_ID))
    made = await invoke(
        mock, kind, "create_folder", "people", RECORD, name="Q3", parent_folder_id=FOLDER_ID
    )
    assert sent(mock) == (
        "POST",
        "/v2/files",
        {
            "data": {
                "object": "people",
                "record_id": RECORD,
                "file_type": "folder",
                "name": "Q3",
                "parent_folder_id": FOLDER_ID,
            }
        },
    )
    assert mock.last.headers["content-type"] == "application/json"
    assert isinstance(made, Folder)
    mock.data(entry("folder"))
    await invoke(mock, kind, "create_folder", "people", RECORD, name="Top")
    assert "parent_folder_id" not in mock.body()["data"]


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_connect_body(kind: str, mock: MockAttio) -> None:
    mock.data(entry("connected-folder", storage_provider="microsoft-onedrive"))
    made = await invoke(
        mock,
        kind,
        "connect",
        "people",
        RECORD,
        storage_provider="microsoft-onedrive",
        external_provider_file_id="01ABC",
        kind="folder",
        microsoft_drive_id="b!drive",
    )
    assert sent(mock) == (
        "POST",
        "/v2/files",
        {
            "data": {
                "object": "people",
                "record_id": RECORD,
                "storage_provider": "microsoft-onedrive",
                "external_provider_file_id": "01ABC",
                "file_type": "connected-folder",
                "microsoft_drive_id": "b!drive",
            }
        },
    )
    assert isinstance(made, ConnectedFolder)
    mock.data(entry("connected-file"))
    file = await invoke(mock, kind, "connect", "people", RECORD, storage_provider="box",
        external_provider_file_id="99",
    )  # fmt: skip
    assert mock.body()["data"]["file_type"] == "connected-file"
    assert "microsoft_drive_id" not in mock.body()["data"]
    assert isinstance(file, ConnectedFile)


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_upload_sends_one_multipart_body(kind: str, mock: MockAttio) -> None:
    mock.reply(201, {"data": entry("file", name="notes.txt", content_type="text/plain")})
    made = await invoke(
        mock,
        kind,
        "upload",
        "people",
        RECORD,
        b"hello \x00\xff world",
        filename="notes.txt",
        parent_folder_id=FOLDER_ID,
    )
    request = mock.last
    assert request.method == "POST"
    assert request.url.path == "/v2/files/upload"
    assert request.url.query == b""
    boundary = "attio-[0-9a-f]{40}"
    assert re.fullmatch(
        f"multipart/form-data; boundary={boundary}", request.headers["content-type"]
    )
    assert request.headers["authorization"] == f"Bearer {API_KEY}"
    assert form_of(request) == {
        "object": "people",
        "record_id": RECORD,
        "parent_folder_id": FOLDER_ID,
        "file": ("notes.txt", "text/plain", b"hello \x00\xff world"),
    }
    assert isinstance(made, File)
    assert made.name == "notes.txt"


async def test_upload_defaults_name_and_type_from_a_path(tmp_path: Path, mock: MockAttio) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.7")
    mock.reply(201, {"data": entry("file")}, times=3)
    client = mock.client()
    File.upload(client, "people", RECORD, path)
    assert form_of(mock.last)["file"] == ("report.pdf", "application/pdf", b"%PDF-1.7")
    assert "parent_folder_id" not in form_of(mock.last)
    with path.open("rb") as handle:
        handle.read(1)  # a file object is read from where it stands
        File.upload(client, "people", RECORD, handle, content_type="application/x-thing")
    assert form_of(mock.last)["file"] == ("report.pdf", "application/x-thing", b"PDF-1.7")
    File.upload(client, "people", RECORD, bytearray(b"raw"))
    assert form_of(mock.last)["file"] == ("file", "application/octet-stream", b"raw")


def test_an_upload_is_built_once_and_resent_identically(mock: MockAttio) -> None:
    mock.fail(httpx.ConnectError("refused"))  # nothing reached Attio: retried
    mock.reply(201, {"data": entry("file")}, times=3)
    File.upload(mock.client(), "people", RECORD, b"payload", filename="a.bin")
    first, second = mock.requests
    assert first.content == second.content
    assert first.headers["content-type"] == second.headers["content-type"]
    # The same upload is the same bytes on every call (a cassette replays it); another is not.
    File.upload(mock.client(), "people", RECORD, b"payload", filename="a.bin")
    assert mock.requests[2].content == first.content
    File.upload(mock.client(), "people", RECORD, b"payload", filename="b.bin")
    assert mock.requests[3].headers["content-type"] != first.headers["content-type"]


def test_an_upload_is_not_retried_after_a_5xx(mock: MockAttio) -> None:
    mock.reply(503, {"status_code": 503, "type": "api_error", "code": "down", "message": "x"})
    with pytest.raises(attio.InternalServerError):
        File.upload(mock.client(), "people", RECORD, b"payload")
    assert len(mock.requests) == 1


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_delete(kind: str, mock: MockAttio) -> None:
    mock.reply(200, {})
    assert await invoke(mock, kind, "delete", FILE_ID) is None
    assert sent(mock) == ("DELETE", f"/v2/files/{FILE_ID}", None)


# --------------------------------------------------------------------------- downloads


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_download_url_is_the_redirect_not_followed(kind: str, mock: MockAttio) -> None:
    mock.reply(302, headers={"location": SIGNED})
    url = await invoke(mock, kind, "download_url", FILE_ID)
    assert url == SIGNED
    assert len(mock.requests) == 1
    assert sent(mock) == ("GET", f"/v2/files/{FILE_ID}/download", None)


async def test_a_relative_location_is_resolved(mock: MockAttio) -> None:
    mock.reply(307, headers={"location": "/signed/abc?sig=1"})
    assert File.download_url(mock.client(), FILE_ID) == "https://api.attio.com/signed/abc?sig=1"


def test_an_answer_that_is_no_redirect_does_not_fit(mock: MockAttio) -> None:
    mock.reply(200, {"data": {}})
    with pytest.raises(attio.ResponseValidationError, match="redirect"):
        File.download_url(mock.client(), FILE_ID)


def test_an_unexpected_redirect_elsewhere_behaves_as_before(mock: MockAttio) -> None:
    mock.reply(302, headers={"location": SIGNED})
    with pytest.raises(attio.ResponseValidationError):
        File.get(mock.client(), FILE_ID)
    assert len(mock.requests) == 1


def test_a_client_that_follows_redirects_still_gets_the_url() -> None:
    seen: list[httpx.Request] = []

    def server(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.host == "api.attio.com":
            return httpx.Response(302, headers={"location": SIGNED})
        return httpx.Response(200, content=b"bytes")

    http = httpx.Client(transport=httpx.MockTransport(server), follow_redirects=True)
    client = attio.Client(api_key=API_KEY, http_client=http)
    assert File.download_url(client, FILE_ID) == SIGNED
    assert "authorization" not in seen[-1].headers  # httpx strips it across origins


def storage_server(seen: list[httpx.Request], content: bytes = b"%PDF-bytes") -> Any:
    def server(request: httpx.Request) -> httpx.Response:
        request.read()
        seen.append(request)
        if request.url.host == "api.attio.com":
            return httpx.Response(302, headers={"location": SIGNED})
        return httpx.Response(200, content=content)

    return server


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_download_never_sends_the_key_to_the_storage_host(kind: str) -> None:
    seen: list[httpx.Request] = []
    transport = httpx.MockTransport(storage_server(seen))
    secret_headers = {"Authorization": "Bearer http-client-default", "X-Team": "ops"}
    options: dict[str, Any] = {"api_key": API_KEY, "default_headers": {"X-Secret": "s3cr3t"}}
    if kind == "sync":
        http = httpx.Client(transport=transport, headers=secret_headers, auth=("u", "p"))
        content = File.download(attio.Client(http_client=http, **options), FILE_ID)
    else:
        ahttp = httpx.AsyncClient(transport=transport, headers=secret_headers, auth=("u", "p"))
        client = attio.AsyncClient(http_client=ahttp, **options)
        content = await File.download_async(client, FILE_ID)
    assert content == b"%PDF-bytes"
    api, storage = seen
    assert "authorization" in api.headers  # (an http_client's own auth wins there, as before)
    assert str(storage.url) == SIGNED
    assert storage.method == "GET"
    assert "authorization" not in storage.headers
    assert "x-secret" not in storage.headers
    assert API_KEY not in str(storage.headers.raw)


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_a_refused_signed_url_is_a_status_error(kind: str) -> None:
    def server(request: httpx.Request) -> httpx.Response:
        if request.url.host == "api.attio.com":
            return httpx.Response(302, headers={"location": SIGNED})
        return httpx.Response(403, content=b"<Error>AccessDenied</Error>")

    transport = httpx.MockTransport(server)

    async def download() -> bytes:
        if kind == "sync":
            http = httpx.Client(transport=transport)
            return File.download(attio.Client(api_key=API_KEY, http_client=http), FILE_ID)
        ahttp = httpx.AsyncClient(transport=transport)
        client = attio.AsyncClient(api_key=API_KEY, http_client=ahttp)
        return await File.download_async(client, FILE_ID)

    with pytest.raises(attio.PermissionDeniedError) as caught:
        await download()
    assert "AccessDenied" in str(caught.value)


def test_a_lost_signed_url_is_a_connection_error() -> None:
    def server(request: httpx.Request) -> httpx.Response:
        if request.url.host == "api.attio.com":
            return httpx.Response(302, headers={"location": SIGNED})
        raise httpx.ConnectError("no route", request=request)

    http = httpx.Client(transport=httpx.MockTransport(server))
    with pytest.raises(attio.APIConnectionError):
        File.download(attio.Client(api_key=API_KEY, http_client=http), FILE_ID)


def test_a_download_that_is_not_found_sends_nothing_more(mock: MockAttio) -> None:
    mock.reply(404, {"status_code": 404, "type": "x", "code": "not_found", "message": "gone"})
    with pytest.raises(attio.NotFoundError):
        File.download(mock.client(max_retries=0), FILE_ID)
    assert len(mock.requests) == 1


# --------------------------------------------------------------------------- bad input


def test_bad_input_is_refused_before_any_request(mock: MockAttio, tmp_path: Path) -> None:
    client = mock.client()
    with pytest.raises(attio.PathParameterError):
        File.get(client, "..")
    with pytest.raises(attio.PathParameterError):
        File.download(client, "%2e%2e")
    with pytest.raises(TypeError, match="str"):
        File.delete(client, cast(Any, None))
    with pytest.raises(TypeError, match="object"):
        File.list(client, cast(Any, None), RECORD)
    with pytest.raises(ValueError, match="record_id"):
        File.create_folder(client, "people", "", name="x")
    with pytest.raises(ValueError, match="limit"):
        File.list(client, "people", RECORD, limit=0)
    with pytest.raises(ValueError, match="kind"):
        File.connect(
            client, "people", RECORD, storage_provider="box", external_provider_file_id="1",
            kind=cast(Any, "files"),
        )  # fmt: skip
    with pytest.raises(TypeError, match=r"pathlib\.Path"):
        File.upload(client, "people", RECORD, cast(Any, "report.pdf"))
    with pytest.raises(TypeError, match="binary"):
        File.upload(client, "people", RECORD, cast(Any, io.StringIO("text")))
    with pytest.raises(TypeError):
        File.upload(client, "people", RECORD, cast(Any, 5))
    with pytest.raises(attio.RequestBodyError, match="control"):
        File.upload(client, "people", RECORD, b"x", filename='a.txt"\r\nX-Evil: 1')
    with pytest.raises(attio.RequestBodyError):
        File.upload(client, "people", RECORD, b"x", content_type="text/plain\r\n")
    with pytest.raises(FileNotFoundError):
        File.upload(client, "people", RECORD, tmp_path / "missing.bin")
    assert mock.requests == []


def test_more_than_50_mib_is_refused_before_any_request(mock: MockAttio, tmp_path: Path) -> None:
    client = mock.client()
    too_big = MAX_UPLOAD_BYTES + 1
    huge = tmp_path / "huge.bin"
    with huge.open("wb") as handle:  # sparse: refused by its size, never read
        handle.truncate(too_big)
    data = bytes(too_big)
    for given in (data, memoryview(data), io.BytesIO(data), huge):
        with pytest.raises(attio.RequestBodyError, match="50 MiB") as caught:
            File.upload(client, "people", RECORD, cast(Any, given))
        assert isinstance(caught.value, ValueError)
        assert isinstance(caught.value, attio.AttioException)
    assert mock.requests == []
    mock.reply(201, {"data": entry("file")})
    File.upload(client, "people", RECORD, data[:MAX_UPLOAD_BYTES])  # exactly the limit: sent
    assert len(mock.requests) == 1


async def test_async_upload_refuses_at_the_call(mock: MockAttio) -> None:
    data = bytes(MAX_UPLOAD_BYTES + 1)
    client = mock.async_client()
    # Raised by the call itself, before any coroutine exists (nothing to await).
    with pytest.raises(attio.RequestBodyError):
        _ = File.upload_async(client, "people", RECORD, data)
    assert mock.requests == []


def test_wrong_client_is_a_type_error(mock: MockAttio) -> None:
    with pytest.raises(TypeError, match="_async"):
        File.get(cast(Any, mock.async_client()), FILE_ID)


# --------------------------------------------------------------------------- the request value


def test_a_request_with_raw_content_stays_a_frozen_hashable_value() -> None:
    request = attio.Request("POST", "/v2/files/upload", attio.parse.nothing, content=b"x",
                            content_type="multipart/form-data; boundary=b")  # fmt: skip
    assert hash(request) == hash(dataclasses.replace(request))
    assert request.body_bytes() == b"x"
    assert request.body_type() == "multipart/form-data; boundary=b"
    assert "x" not in repr(request).split("content_type")[0].split("parse")[1]
    with pytest.raises(dataclasses.FrozenInstanceError):
        request.content = b"y"  # type: ignore[misc]
    with pytest.raises(ValueError, match="not both"):
        attio.Request("POST", "/v2/files", attio.parse.nothing, json={}, content=b"x",
                      content_type="a/b")  # fmt: skip
    with pytest.raises(ValueError, match="content_type"):
        attio.Request("POST", "/v2/files", attio.parse.nothing, content=b"x")
    json_request = attio.Request("POST", "/v2/files", attio.parse.nothing, json={"a": 1})
    assert json_request.body_type() == "application/json"
    assert attio.Request("GET", "/v2/files", attio.parse.nothing).body_type() is None


# --------------------------------------------------------------------------- docstrings

ENDPOINT = re.compile(r"``(GET|POST|PUT|PATCH|DELETE) /v2/[^`]*``")
SCOPE = re.compile(r"[a-z_]+:read(-write)?")

SAMPLE_ARGS: dict[str, tuple[list[Any], dict[str, Any]]] = {
    "list": (["people", RECORD], {}),
    "stream": (["people", RECORD], {}),
    "get": ([FILE_ID], {}),
    "create_folder": (["people", RECORD], {"name": "N"}),
    "connect": (
        ["people", RECORD],
        {"storage_provider": "dropbox", "external_provider_file_id": "x"},
    ),
    "upload": (["people", RECORD, b"x"], {}),
    "delete": ([FILE_ID], {}),
    "download_url": ([FILE_ID], {}),
    "download": ([FILE_ID], {}),
}


def test_every_method_has_its_twin_endpoint_and_scopes() -> None:
    assert_twins_and_docstrings(File)
    public = [n for n, v in vars(File).items() if isinstance(v, Declared) and n[0] != "_"]
    assert len(public) == 20
    for name in public:
        doc = inspect.getdoc(getattr(File, name)) or ""
        assert ENDPOINT.search(doc), name
        assert len(set(SCOPE.findall(doc))) >= 1, name
        assert "file:read" in doc, name
        sync_name = name.removesuffix("_async").removesuffix("_all")
        args, kwargs = SAMPLE_ARGS[sync_name]
        built = vars(File)[name].build(*args, **kwargs)
        request = built.request if isinstance(built, PagedRequest) else built
        documented = [m.group(0).strip("`").split(" ") for m in ENDPOINT.finditer(doc)]
        template = [(m, re.sub(r"\{[a-z_]+\}", "[^/]+", p)) for m, p in documented]
        assert any(m == request.method and re.fullmatch(p, request.path) for m, p in template)


def test_signatures_show_the_real_parameters() -> None:
    params = list(inspect.signature(File.upload).parameters)
    assert params == [
        "client", "object", "record_id", "file", "filename", "content_type", "parent_folder_id",
    ]  # fmt: skip
    assert inspect.signature(File.download_async).return_annotation == "Coroutine[Any, Any, bytes]"
    assert inspect.signature(File.stream_all).return_annotation == "list[FileEntry]"


# --------------------------------------------------------------------------- FakeAttio


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_fake_files_end_to_end(kind: str) -> None:
    fake = FakeAttio()
    record_id = people_record(fake)

    async def run(method: str, /, *args: Any, **kwargs: Any) -> Any:
        if kind == "sync":
            return getattr(File, method)(fake.client(), *args, **kwargs)
        return await getattr(File, f"{method}_async")(fake.async_client(), *args, **kwargs)

    docs = await run("create_folder", "people", record_id, name="Docs")
    inner = await run(
        "create_folder", "people", record_id, name="Inner", parent_folder_id=docs.file_id
    )
    deck = await run(
        "upload",
        "people",
        record_id,
        b"%PDF deck",
        filename="deck.pdf",
        parent_folder_id=inner.file_id,
    )
    top = await run("upload", "people", record_id, io.BytesIO(b"top level"))
    drive = await run(
        "connect", "people", record_id, storage_provider="google-drive",
        external_provider_file_id="g-1",
    )  # fmt: skip
    assert isinstance(deck, File)
    assert (deck.name, deck.content_type, deck.content_size) == ("deck.pdf", "application/pdf", 9)
    assert deck.parent_folder_id == inner.file_id
    assert (top.name, top.parent_folder_id) == ("file", None)
    assert isinstance(drive, ConnectedFile)
    assert drive.storage_provider == "google-drive"
    assert drive.object_slug == "people"

    got = await run("get", docs.file_id)
    assert isinstance(got, Folder)
    assert got.has_children is True
    assert (await run("get", deck.file_id)).model_dump(mode="json") == deck.model_dump(mode="json")

    everything = await run("stream_all", "people", record_id, page_size=2)
    assert [e.file_id for e in everything] == [
        docs.file_id, inner.file_id, deck.file_id, top.file_id, drive.file_id,
    ]  # fmt: skip
    in_docs = await run("list", "people", record_id, parent_folder_id=docs.file_id)
    assert [e.file_id for e in in_docs.data] == [inner.file_id]
    connected = await run("list", "people", record_id, storage_provider="google-drive")
    assert [e.file_id for e in connected.data] == [drive.file_id]

    assert await run("download", deck.file_id) == b"%PDF deck"
    signed = fake.requests[-1]
    assert signed.path.startswith("/__fake_files/")
    assert "authorization" not in signed.headers
    url = await run("download_url", top.file_id)
    assert url.startswith("https://fake-attio-files.invalid/__fake_files/")

    await run("delete", docs.file_id)  # the folder, its folder and that folder's file
    left = await run("stream_all", "people", record_id)
    assert [e.file_id for e in left] == [top.file_id, drive.file_id]
    with pytest.raises(attio.NotFoundError):
        await run("get", deck.file_id)
    with pytest.raises(attio.NotFoundError):
        await run("download", deck.file_id)


def test_fake_stream_walks_several_pages() -> None:
    fake = FakeAttio()
    record_id = people_record(fake)
    client = fake.client()
    made = [File.create_folder(client, "people", record_id, name=f"F{i}").file_id for i in range(7)]
    before = len(fake.requests)
    assert [f.file_id for f in File.stream(client, "people", record_id, page_size=3)] == made
    pages = fake.requests[before:]
    assert [r.query.get("cursor") is None for r in pages] == [True, False, False]
    assert all(r.query["limit"] == "3" for r in pages)


def test_fake_signed_urls_need_no_key_but_a_valid_token() -> None:
    fake = FakeAttio(api_key="right-key")
    client = fake.client()
    record_id = people_record(fake)
    file = File.upload(client, "people", record_id, b"abc", filename="a.txt")
    url = File.download_url(client, file.file_id)
    plain = httpx.Client(transport=fake.transport)
    answer = plain.get(url)
    assert (answer.status_code, answer.content) == (200, b"abc")
    assert answer.headers["content-type"] == "text/plain"
    assert plain.get(url.replace("token=", "token=x")).status_code == 403
    wrong = attio.Client(
        api_key="wrong-key", http_client=httpx.Client(transport=fake.transport), max_retries=0
    )
    with pytest.raises(attio.AuthenticationError):
        File.download_url(wrong, file.file_id)


def test_fake_checks_the_record_and_the_query() -> None:
    fake = FakeAttio()
    client = fake.client(max_retries=0)
    record_id = people_record(fake)
    with pytest.raises(attio.NotFoundError, match="Object"):
        File.list(client, "spaceships", record_id)
    with pytest.raises(attio.NotFoundError, match="Record"):
        File.list(client, "people", "0e0e0e0e-0000-4000-8000-000000000000")
    with pytest.raises(attio.NotFoundError):
        File.upload(client, "people", "0e0e0e0e-0000-4000-8000-000000000000", b"x")
    with pytest.raises(attio.BadRequestError, match="limit"):
        File.list(client, "people", record_id, limit=201)
    with pytest.raises(attio.BadRequestError, match="storage_provider"):
        File.list(client, "people", record_id, storage_provider=cast(Any, "ftp"))
    with pytest.raises(attio.BadRequestError) as caught:
        File.connect(
            client, "people", record_id, storage_provider=cast(Any, "attio"),
            external_provider_file_id="x",
        )  # fmt: skip
    assert caught.value.error is not None
    assert caught.value.error.validation_errors[0].path == ["data", "storage_provider"]
    file = File.upload(client, "people", record_id, b"x")
    with pytest.raises(attio.BadRequestError, match="Parent folder"):
        File.create_folder(client, "people", record_id, name="N", parent_folder_id=file.file_id)
    with pytest.raises(attio.BadRequestError):
        File.download(client, File.create_folder(client, "people", record_id, name="F").file_id)


def test_fake_refuses_bodies_attio_refuses() -> None:
    fake = FakeAttio()
    record_id = people_record(fake)
    http = httpx.Client(
        transport=fake.transport,
        base_url="https://api.attio.com",
        headers={"Authorization": "Bearer t"},
    )
    base = {"object": "people", "record_id": record_id}
    answer = http.post("/v2/files", json={"data": {**base, "file_type": "file", "name": "x"}})
    assert answer.status_code == 400
    assert answer.json()["validation_errors"][0]["path"] == ["data", "file_type"]
    answer = http.post("/v2/files", json={"data": {**base, "file_type": "folder"}})
    assert answer.status_code == 400
    assert answer.json()["validation_errors"][0]["path"] == ["data", "name"]
    assert http.get("/v2/files", params={"object": "people"}).status_code == 400
    answer = http.post("/v2/files/upload", data=base, files={"other": b"x"})  # no file part
    assert answer.status_code == 400
    assert answer.json()["validation_errors"][0]["path"] == ["file"]
    answer = http.post("/v2/files/upload", data={"object": "people"}, files={"file": b"x"})
    assert answer.status_code == 400
    assert answer.json()["validation_errors"][0]["path"] == ["record_id"]
    big = http.post("/v2/files/upload", data=base, files={"file": bytes(MAX_UPLOAD_BYTES + 1)})
    assert big.status_code == 400
    assert "too large" in big.json()["message"]
    broken = http.post(
        "/v2/files/upload",
        content=b"--b\r\nnot a part",
        headers={"content-type": "multipart/form-data; boundary=b"},
    )
    assert broken.status_code == 400
    assert http.post("/v2/files/upload", json={"data": base}).status_code == 400
    ok = http.post("/v2/files/upload", data=base, files={"file": ("a b.csv", b"1,2", "text/csv")})
    assert ok.status_code == 201
    assert (ok.json()["data"]["name"], ok.json()["data"]["content_type"]) == ("a b.csv", "text/csv")
    assert http.delete(f"/v2/files/{ok.json()['data']['id']['file_id']}").json() == {}


def test_fake_add_file_seeds_a_downloadable_file() -> None:
    fake = FakeAttio()
    record_id = people_record(fake)
    client = fake.client()
    folder = File.create_folder(client, "people", record_id, name="Docs")
    seeded = fake.add_file(
        "people", record_id, b"a,b\n1,2\n", name="t.csv", content_type="text/csv",
        parent_folder_id=folder.file_id,
    )  # fmt: skip
    assert seeded["parent_folder_id"] == folder.file_id
    assert seeded["content_size"] == 8
    got = File.get(client, seeded["id"]["file_id"])
    assert got.model_dump(mode="json") == seeded
    assert File.download(client, seeded["id"]["file_id"]) == b"a,b\n1,2\n"
    with pytest.raises(AttioFakeError, match="too large"):  # Attio's 400, raised as is
        fake.add_file("people", record_id, bytes(MAX_UPLOAD_BYTES + 1))
