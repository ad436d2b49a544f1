"""Files and folders as users write them, checked by mypy (not run).

Each ``assert_type`` pins the exact type mypy sees. Each ``# type: ignore[code]`` line is a
mistake mypy must report (``--strict`` includes ``warn_unused_ignores``): a misspelt
``storage_provider`` or ``kind``, ``attio`` as a connected drive, text where the upload wants
bytes or a path, a missing keyword.
"""

from __future__ import annotations

import io
import pathlib
from collections.abc import AsyncIterator, Coroutine, Iterator
from typing import Any

from typing_extensions import assert_type

import attio
from attio.files import (
    BaseFileEntry,
    ConnectedFile,
    ConnectedFolder,
    File,
    FileEntry,
    Folder,
    UnknownFileEntry,
)


def reads(client: attio.Client) -> None:
    page = File.list(client, "people", "record-id", storage_provider="dropbox", limit=10)
    assert_type(page, attio.Page[FileEntry])
    assert_type(File.stream(client, "people", "r", page_size=50), Iterator[FileEntry])
    assert_type(File.stream_all(client, "people", "r", parent_folder_id="f"), list[FileEntry])
    entry = File.get(client, "file-id")
    assert_type(entry, File | Folder | ConnectedFile | ConnectedFolder | UnknownFileEntry)
    if isinstance(entry, File):
        assert_type(entry.content_size, int | None)
        assert_type(entry.name, str)
    elif isinstance(entry, Folder):
        assert_type(entry.has_children, bool | None)
    elif isinstance(entry, UnknownFileEntry):
        assert_type(entry.file_type, str | None)
        assert_type(entry.file_id, str | None)
    else:
        assert_type(entry.external_provider_file_id, str)
    for item in page.data:
        if isinstance(item, BaseFileEntry):  # every known kind; not an UnknownFileEntry
            assert_type(item.created_at, attio.Timestamp)
            assert_type(item.file_id, str)
        created = item.created_at  # type: ignore[union-attr]  # UnknownFileEntry has none
        del created
    File.list(client, "people", "r", storage_provider="drop-box")  # type: ignore[arg-type]
    File.list(client, "people")  # type: ignore[call-arg]


def writes(client: attio.Client, path: pathlib.Path) -> None:
    assert_type(File.create_folder(client, "people", "r", name="Docs"), Folder)
    connected = File.connect(
        client, "people", "r", storage_provider="box", external_provider_file_id="1", kind="folder"
    )
    assert_type(connected, ConnectedFile | ConnectedFolder)
    assert_type(File.upload(client, "people", "r", b"bytes", filename="a.txt"), File)
    assert_type(File.upload(client, "people", "r", path), File)
    assert_type(File.upload(client, "people", "r", io.BytesIO(b"x")), File)
    assert_type(File.delete(client, "file-id"), None)
    assert_type(File.download_url(client, "file-id"), str)
    assert_type(File.download(client, "file-id"), bytes)
    File.connect(
        client,
        "people",
        "r",
        storage_provider="attio",  # type: ignore[arg-type]
        external_provider_file_id="1",
    )
    File.connect(
        client,
        "people",
        "r",
        storage_provider="box",
        external_provider_file_id="1",
        kind="doc",  # type: ignore[arg-type]
    )
    File.upload(client, "people", "r", "text")  # type: ignore[arg-type]
    File.create_folder(client, "people", "r")  # type: ignore[call-arg]
    File.get(client, 5)  # type: ignore[arg-type]


async def async_calls(aclient: attio.AsyncClient) -> None:
    coroutine = File.download_async(aclient, "file-id")
    _ = assert_type(coroutine, Coroutine[Any, Any, bytes])
    assert_type(await coroutine, bytes)
    assert_type(await File.get_async(aclient, "f"), FileEntry)
    assert_type(await File.upload_async(aclient, "people", "r", b"x"), File)
    assert_type(File.stream_async(aclient, "people", "r"), AsyncIterator[FileEntry])
    assert_type(await File.stream_all_async(aclient, "people", "r"), list[FileEntry])
    File.get(aclient, "f")  # type: ignore[arg-type]
