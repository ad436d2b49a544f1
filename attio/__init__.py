"""attio — a typed, pydantic-modelled client for the Attio CRM REST API (v2).

>>> import attio
>>> with attio.Client() as client:                      # doctest: +SKIP
...     for person in attio.Record.stream(client, "people"):
...         print(person.id.record_id)
"""

# Importing attio is cheap: this module only says where each public name lives, and a name's
# module (with pydantic, httpx, tenacity and the models) is imported when the name is first
# used (PEP 562). Type checkers read the imports below instead. Adding a public name takes
# three steps, checked by tests/test_lazy_import.py: import it under TYPE_CHECKING, add it to
# _LAZY, and list it in __all__.

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:
    from . import filters, parse, typed, value_map, values, write
    from ._client import DEFAULT_TIMEOUT, AsyncClient, Client
    from ._exceptions import (
        APIConnectionError,
        APIStatusError,
        APITimeoutError,
        AttioError,
        AttioException,
        AuthenticationError,
        BadRequestError,
        ConfigurationError,
        ConflictError,
        InternalServerError,
        NotFoundError,
        PaginationError,
        PathParameterError,
        PermissionDeniedError,
        RateLimitError,
        RequestBodyError,
        ResponseValidationError,
        UnprocessableEntityError,
        ValidationIssue,
    )
    from ._models import Actor, AttioModel, Timestamp
    from ._pagination import Page, PagedRequest, Paging
    from ._ratelimit import RateLimits
    from ._request import Request
    from ._retry import RetryPolicy
    from ._sentinel import NOT_GIVEN, NotGiven
    from .attributes import Attribute, AttributeId
    from .call_recordings import (
        CallRecording,
        CallRecordingId,
        Transcript,
        TranscriptId,
        TranscriptSegment,
        TranscriptSpeaker,
    )
    from .comments import Comment, CommentEntry, CommentId, CommentRecord
    from .entries import Entry, EntryId
    from .files import (
        ConnectedFile,
        ConnectedFolder,
        File,
        FileEntry,
        FileEntryId,
        Folder,
        UnknownFileEntry,
    )
    from .lists import List, ListId, ListMemberAccess
    from .meetings import Meeting, MeetingId, MeetingLinkedRecord, MeetingParticipant, MeetingTime
    from .meta import Meta
    from .notes import Note, NoteId, NoteRecordTag, NoteTag, NoteUnknownTag, NoteWorkspaceMemberTag
    from .objects import Object, ObjectId
    from .records import Record, RecordEntry, RecordId, SearchResult
    from .schema import ObjectSchema, WriteValidationError
    from .select_options import SelectOption, SelectOptionId
    from .sql import SqlResult
    from .statuses import Status, StatusId
    from .tasks import Task, TaskAssignee, TaskId, TaskLinkedRecord
    from .threads import Thread, ThreadId
    from .views import View, ViewId
    from .webhooks import (
        Webhook,
        WebhookDelivery,
        WebhookEvent,
        WebhookId,
        WebhookPayloadError,
        WebhookSignatureError,
        WebhookSubscription,
    )
    from .workspace_members import WorkspaceMember, WorkspaceMemberId

# name -> the module that defines it (relative to this package).
_LAZY: dict[str, str] = {
    "filters": ".filters",
    "parse": ".parse",
    "typed": ".typed",
    "value_map": ".value_map",
    "values": ".values",
    "write": ".write",
    "DEFAULT_TIMEOUT": "._client",
    "AsyncClient": "._client",
    "Client": "._client",
    "APIConnectionError": "._exceptions",
    "APIStatusError": "._exceptions",
    "APITimeoutError": "._exceptions",
    "AttioError": "._exceptions",
    "AttioException": "._exceptions",
    "AuthenticationError": "._exceptions",
    "BadRequestError": "._exceptions",
    "ConfigurationError": "._exceptions",
    "ConflictError": "._exceptions",
    "InternalServerError": "._exceptions",
    "NotFoundError": "._exceptions",
    "PaginationError": "._exceptions",
    "PathParameterError": "._exceptions",
    "PermissionDeniedError": "._exceptions",
    "RateLimitError": "._exceptions",
    "RequestBodyError": "._exceptions",
    "ResponseValidationError": "._exceptions",
    "UnprocessableEntityError": "._exceptions",
    "ValidationIssue": "._exceptions",
    "Actor": "._models",
    "AttioModel": "._models",
    "Timestamp": "._models",
    "Page": "._pagination",
    "PagedRequest": "._pagination",
    "Paging": "._pagination",
    "Request": "._request",
    "RateLimits": "._ratelimit",
    "RetryPolicy": "._retry",
    "NOT_GIVEN": "._sentinel",
    "NotGiven": "._sentinel",
    "Attribute": ".attributes",
    "AttributeId": ".attributes",
    "CallRecording": ".call_recordings",
    "CallRecordingId": ".call_recordings",
    "Transcript": ".call_recordings",
    "TranscriptId": ".call_recordings",
    "TranscriptSegment": ".call_recordings",
    "TranscriptSpeaker": ".call_recordings",
    "Comment": ".comments",
    "CommentEntry": ".comments",
    "CommentId": ".comments",
    "CommentRecord": ".comments",
    "Entry": ".entries",
    "EntryId": ".entries",
    "ConnectedFile": ".files",
    "ConnectedFolder": ".files",
    "File": ".files",
    "FileEntry": ".files",
    "FileEntryId": ".files",
    "Folder": ".files",
    "UnknownFileEntry": ".files",
    "List": ".lists",
    "ListId": ".lists",
    "ListMemberAccess": ".lists",
    "Meeting": ".meetings",
    "MeetingId": ".meetings",
    "MeetingLinkedRecord": ".meetings",
    "MeetingParticipant": ".meetings",
    "MeetingTime": ".meetings",
    "Meta": ".meta",
    "Note": ".notes",
    "NoteId": ".notes",
    "NoteRecordTag": ".notes",
    "NoteTag": ".notes",
    "NoteUnknownTag": ".notes",
    "NoteWorkspaceMemberTag": ".notes",
    "Object": ".objects",
    "ObjectId": ".objects",
    "Record": ".records",
    "RecordEntry": ".records",
    "RecordId": ".records",
    "SearchResult": ".records",
    "ObjectSchema": ".schema",
    "WriteValidationError": ".schema",
    "SelectOption": ".select_options",
    "SelectOptionId": ".select_options",
    "SqlResult": ".sql",
    "Status": ".statuses",
    "StatusId": ".statuses",
    "Task": ".tasks",
    "TaskAssignee": ".tasks",
    "TaskId": ".tasks",
    "TaskLinkedRecord": ".tasks",
    "Thread": ".threads",
    "ThreadId": ".threads",
    "View": ".views",
    "ViewId": ".views",
    "Webhook": ".webhooks",
    "WebhookDelivery": ".webhooks",
    "WebhookEvent": ".webhooks",
    "WebhookId": ".webhooks",
    "WebhookPayloadError": ".webhooks",
    "WebhookSignatureError": ".webhooks",
    "WebhookSubscription": ".webhooks",
    "WorkspaceMember": ".workspace_members",
    "WorkspaceMemberId": ".workspace_members",
}

__all__ = [
    "DEFAULT_TIMEOUT",
    "NOT_GIVEN",
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "Actor",
    "AsyncClient",
    "AttioError",
    "AttioException",
    "AttioModel",
    "Attribute",
    "AttributeId",
    "AuthenticationError",
    "BadRequestError",
    "CallRecording",
    "CallRecordingId",
    "Client",
    "Comment",
    "CommentEntry",
    "CommentId",
    "CommentRecord",
    "ConfigurationError",
    "ConflictError",
    "ConnectedFile",
    "ConnectedFolder",
    "Entry",
    "EntryId",
    "File",
    "FileEntry",
    "FileEntryId",
    "Folder",
    "InternalServerError",
    "List",
    "ListId",
    "ListMemberAccess",
    "Meeting",
    "MeetingId",
    "MeetingLinkedRecord",
    "MeetingParticipant",
    "MeetingTime",
    "Meta",
    "NotFoundError",
    "NotGiven",
    "Note",
    "NoteId",
    "NoteRecordTag",
    "NoteTag",
    "NoteUnknownTag",
    "NoteWorkspaceMemberTag",
    "Object",
    "ObjectId",
    "ObjectSchema",
    "Page",
    "PagedRequest",
    "PaginationError",
    "Paging",
    "PathParameterError",
    "PermissionDeniedError",
    "RateLimitError",
    "RateLimits",
    "Record",
    "RecordEntry",
    "RecordId",
    "Request",
    "RequestBodyError",
    "ResponseValidationError",
    "RetryPolicy",
    "SearchResult",
    "SelectOption",
    "SelectOptionId",
    "SqlResult",
    "Status",
    "StatusId",
    "Task",
    "TaskAssignee",
    "TaskId",
    "TaskLinkedRecord",
    "Thread",
    "ThreadId",
    "Timestamp",
    "Transcript",
    "TranscriptId",
    "TranscriptSegment",
    "TranscriptSpeaker",
    "UnknownFileEntry",
    "UnprocessableEntityError",
    "ValidationIssue",
    "View",
    "ViewId",
    "Webhook",
    "WebhookDelivery",
    "WebhookEvent",
    "WebhookId",
    "WebhookPayloadError",
    "WebhookSignatureError",
    "WebhookSubscription",
    "WorkspaceMember",
    "WorkspaceMemberId",
    "WriteValidationError",
    "__version__",
    "filters",
    "parse",
    "typed",
    "value_map",
    "values",
    "write",
]


if not TYPE_CHECKING:  # type checkers see the imports above, and no catch-all __getattr__

    def __getattr__(name: str) -> Any:
        """Import a public name's module the first time the name is used (PEP 562)."""
        try:
            module = _LAZY[name]
        except KeyError:
            raise AttributeError(f"module 'attio' has no attribute {name!r}") from None
        from importlib import import_module

        imported = import_module(module, __name__)
        value = imported if module == "." + name else getattr(imported, name)
        globals()[name] = value  # later lookups skip this function
        return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
