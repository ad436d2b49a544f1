"""A record's files and folders, and the saved views of an object.

    python examples/files_views.py

Offline (an in-memory Attio): on the first company it creates a folder, uploads a text file
into it, lists the record's files, downloads the file back and deletes the folder (with what
is inside). It also lists the companies' saved views and reads the records one view shows.

With ATTIO_API_KEY it only reads: the saved views of companies (scope
object_configuration:read) and the files of the first company (scopes file:read,
object_configuration:read, record_permission:read). Files are a beta API.
"""

from __future__ import annotations

from _common import live, make_client

import attio


def show_views(client: attio.Client) -> None:
    views = attio.View.stream_all(client, "objects", "companies")
    print(f"{len(views)} saved view(s) of companies")
    for view in views[:5]:
        shown = attio.Record.list(client, "companies", filter_view_id=view.view_id, limit=3)
        names = [record.plain("name") for record in shown.data]
        print(f"  {view.title!r}: first records {names}")


def show_files(client: attio.Client, record_id: str) -> None:
    entries = attio.File.stream_all(client, "companies", record_id)
    print(f"{len(entries)} file(s) and folder(s) on the first company")
    for entry in entries:
        if isinstance(entry, attio.File):
            print(f"  file {entry.name} ({entry.content_type}, {entry.content_size} bytes)")
        elif isinstance(entry, attio.Folder):
            print(f"  folder {entry.name}")
        else:  # a connected drive's entry, or a kind this version does not know
            print(f"  {entry.file_type} {entry.file_id}")


def upload_and_read_back(client: attio.Client, record_id: str) -> None:
    folder = attio.File.create_folder(client, "companies", record_id, name="Contracts")
    nda = attio.File.upload(
        client,
        "companies",
        record_id,
        b"Mutual NDA, signed.",
        filename="nda.txt",
        parent_folder_id=folder.file_id,
    )
    show_files(client, record_id)
    print(f"downloaded {attio.File.download(client, nda.file_id)!r}")
    attio.File.delete(client, folder.file_id)  # the folder and everything inside it
    left = attio.File.stream_all(client, "companies", record_id)
    print(f"after deleting the folder: {len(left)} file(s) left")


def main() -> None:
    with make_client() as client:
        show_views(client)
        first = attio.Record.list(client, "companies", limit=1).data
        if not first:
            print("no companies")
            return
        record_id = first[0].record_id
        if live():
            show_files(client, record_id)
        else:
            upload_and_read_back(client, record_id)


if __name__ == "__main__":
    main()
