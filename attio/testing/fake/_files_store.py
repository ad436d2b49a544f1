"""FakeAttio's files and folders (``/v2/files``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._store import Store


class FilesStore:
    """The file entries of one workspace."""

    def __init__(self, store: Store) -> None:
        self.store = store
