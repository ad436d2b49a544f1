"""FakeAttio's files and folders (``/v2/files``): entries of records, folder nesting, uploaded
content, signed download links and the delete cascade."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from attio.files import MAX_UPLOAD_BYTES

from ._errors import bad_request, enum_issue, not_found, validation
from ._util import JSON, check_fields

if TYPE_CHECKING:
    from ._store import Store

STORAGE_PROVIDERS = ("attio", "dropbox", "box", "google-drive", "microsoft-onedrive")
"""Every ``storage_provider`` Attio documents."""

CONNECTED_PROVIDERS = STORAGE_PROVIDERS[1:]
"""The providers an entry can be connected from."""

CREATABLE_TYPES = ("folder", "connected-file", "connected-folder")
"""The ``file_type`` values ``POST /v2/files`` accepts (files come from uploads)."""

SIGNED_PATH = "/__fake_files/"
"""The path prefix of FakeAttio's signed download URLs (served without the API key)."""


@dataclass(frozen=True)
class Upload:
    """The ``file`` part of a multipart upload: its bytes, filename and content type."""

    content: bytes
    filename: str | None
    content_type: str | None


class FilesStore:
    """The file entries of one workspace, in creation order, and the uploaded bytes."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.entries: dict[str, JSON] = {}
        self.contents: dict[str, bytes] = {}
        self.links: dict[str, str] = {}  # signed-URL token -> file id
        self.signed_base_url = "https://fake-attio-files.invalid"

    # ------------------------------------------------------------------ lookups

    def record(self, object: str, record_id: str) -> JSON:
        """The object of a record that exists (Attio's 404 for the object or the record)."""
        obj = self.store.object(object)
        self.store.record_state(obj, record_id)
        return obj

    def entry(self, file_id: str) -> JSON:
        """One entry (404 ``not_found`` otherwise)."""
        found = self.entries.get(file_id)
        if found is None:
            raise not_found(f'File with ID "{file_id}" not found.')
        return found

    def render(self, entry: JSON, *, one: bool = False) -> JSON:
        """An entry as Attio sends it; a folder read alone also says ``has_children``."""
        out = copy.deepcopy(entry)
        if one and entry["file_type"] == "folder":
            file_id = entry["id"]["file_id"]
            out["has_children"] = any(
                e.get("parent_folder_id") == file_id for e in self.entries.values()
            )
        return out

    def of_record(
        self,
        object: str,
        record_id: str,
        storage_provider: str | None,
        parent_folder_id: str | None,
    ) -> list[JSON]:
        """The record's entries (every nesting level unless ``parent_folder_id`` is given)."""
        obj = self.record(object, record_id)
        if storage_provider is not None and storage_provider not in STORAGE_PROVIDERS:
            raise validation(
                "Invalid query parameter: storage_provider.",
                [enum_issue(["storage_provider"], list(STORAGE_PROVIDERS), storage_provider)],
            )
        return [
            self.render(entry)
            for entry in self.entries.values()
            if entry["object_id"] == obj["id"]["object_id"]
            and entry["record_id"] == record_id
            and (storage_provider is None or entry["storage_provider"] == storage_provider)
            and (parent_folder_id is None or entry.get("parent_folder_id") == parent_folder_id)
        ]

    # ------------------------------------------------------------------ writes

    def _new(self, obj: JSON, record_id: str, storage_provider: str, file_type: str) -> JSON:
        file_id = self.store.new_id()
        entry: JSON = {
            "id": {"workspace_id": self.store.workspace_id, "file_id": file_id},
            "object_id": obj["id"]["object_id"],
            "object_slug": obj["api_slug"],
            "record_id": record_id,
            "storage_provider": storage_provider,
            "created_by_actor": dict(self.store.actor),
            "created_at": self.store.now(),
            "file_type": file_type,
        }
        return entry

    def _parent(self, obj: JSON, record_id: str, parent_folder_id: Any, where: list[Any]) -> Any:
        """A ``parent_folder_id`` that is a folder of the same record (400 otherwise)."""
        if parent_folder_id is None:
            return None
        parent = self.entries.get(parent_folder_id)
        if (
            parent is None
            or parent["file_type"] != "folder"
            or parent["object_id"] != obj["id"]["object_id"]
            or parent["record_id"] != record_id
        ):
            raise bad_request(
                "value_not_found",
                f'Parent folder with ID "{parent_folder_id}" not found on this record.',
                path=where,
            )
        return parent_folder_id

    def create(self, data: JSON) -> JSON:
        """``POST /v2/files``: a folder or a connected file/folder."""
        check_fields(data, {"object": "string", "record_id": "string", "file_type": "string"})
        file_type = data["file_type"]
        if file_type not in CREATABLE_TYPES:
            raise validation(
                "Body payload validation error.",
                [enum_issue(["data", "file_type"], list(CREATABLE_TYPES), file_type)],
            )
        obj = self.record(data["object"], data["record_id"])
        if file_type == "folder":
            check_fields(data, {"name": "string"}, {"parent_folder_id": "string|null"})
            parent = self._parent(
                obj,
                data["record_id"],
                data.get("parent_folder_id"),
                ["data", "parent_folder_id"],
            )
            entry = self._new(obj, data["record_id"], "attio", "folder")
            entry["name"] = data["name"]
            entry["parent_folder_id"] = parent
        else:
            check_fields(
                data,
                {"storage_provider": "string", "external_provider_file_id": "string"},
                {"microsoft_drive_id": "string|null"},
            )
            provider = data["storage_provider"]
            if provider not in CONNECTED_PROVIDERS:
                raise validation(
                    "Body payload validation error.",
                    [enum_issue(["data", "storage_provider"], list(CONNECTED_PROVIDERS), provider)],
                )
            entry = self._new(obj, data["record_id"], provider, file_type)
            entry["external_provider_file_id"] = data["external_provider_file_id"]
            entry["microsoft_drive_id"] = data.get("microsoft_drive_id")
        self.entries[entry["id"]["file_id"]] = entry
        return self.render(entry)

    def upload(self, form: dict[str, str], upload: Upload | None) -> JSON:
        """``POST /v2/files/upload``: a file from a multipart form."""
        check_fields(
            form,
            {"object": "string", "record_id": "string"},
            {"parent_folder_id": "string"},
            prefix=(),
        )
        if upload is None:
            raise validation(
                "Body payload validation error.",
                [
                    {
                        "code": "invalid_type",
                        "path": ["file"],
                        "message": "Required",
                        "expected": "file",
                        "received": "undefined",
                    }
                ],
            )
        if len(upload.content) > MAX_UPLOAD_BYTES:
            raise validation(
                f"The file is too large: at most {MAX_UPLOAD_BYTES} bytes (50 MB) can be uploaded."
            )
        obj = self.record(form["object"], form["record_id"])
        parent = self._parent(
            obj, form["record_id"], form.get("parent_folder_id"), ["parent_folder_id"]
        )
        entry = self._new(obj, form["record_id"], "attio", "file")
        entry["name"] = upload.filename or "file"
        entry["content_type"] = upload.content_type
        entry["content_size"] = len(upload.content)
        entry["parent_folder_id"] = parent
        file_id = entry["id"]["file_id"]
        self.entries[file_id] = entry
        self.contents[file_id] = upload.content
        return self.render(entry)

    def delete(self, file_id: str) -> None:
        """Delete an entry; a folder takes everything inside it along."""
        self.entry(file_id)
        doomed = [file_id]
        index = 0
        while index < len(doomed):
            parent = doomed[index]
            doomed.extend(
                child_id
                for child_id, child in self.entries.items()
                if child.get("parent_folder_id") == parent
            )
            index += 1
        for gone in doomed:
            self.entries.pop(gone, None)
            self.contents.pop(gone, None)
        self.links = {token: fid for token, fid in self.links.items() if fid not in doomed}

    # ------------------------------------------------------------------ downloads

    def signed_url(self, file_id: str) -> str:
        """A new signed URL of an uploaded file's content (400 for a folder or a connected
        entry, whose content FakeAttio does not hold)."""
        entry = self.entry(file_id)
        if entry["file_type"] != "file":
            raise validation(f'File with ID "{file_id}" is a {entry["file_type"]}: no content.')
        token = self.store.ids.hex(16)
        self.links[token] = file_id
        return f"{self.signed_base_url}{SIGNED_PATH}{file_id}?token={token}"

    def signed_content(self, file_id: str, token: str | None) -> tuple[bytes, str] | None:
        """The content and content type behind a signed URL, or ``None`` when the link is not
        one FakeAttio issued for that file (or the file is gone)."""
        if token is None or self.links.get(token) != file_id or file_id not in self.contents:
            return None
        entry = self.entries[file_id]
        return self.contents[file_id], entry.get("content_type") or "application/octet-stream"
