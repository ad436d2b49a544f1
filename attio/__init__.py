"""attio — a typed, pydantic-modelled client for the Attio CRM REST API (v2).

>>> import attio
>>> with attio.Client() as client:                      # doctest: +SKIP
...     for person in attio.Record.stream(client, "people"):
...         print(person.id.record_id)
"""

from . import filters, parse, value_map, values, write
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
from ._request import Request
from ._retry import RetryPolicy
from ._sentinel import NOT_GIVEN, NotGiven
from ._version import __version__
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
from .lists import List, ListId, ListMemberAccess
from .meetings import Meeting, MeetingId, MeetingLinkedRecord, MeetingParticipant, MeetingTime
from .meta import Meta
from .notes import Note, NoteId, NoteRecordTag, NoteTag, NoteUnknownTag, NoteWorkspaceMemberTag
from .objects import Object, ObjectId
from .records import Record, RecordEntry, RecordId, SearchResult
from .schema import ObjectSchema, WriteValidationError
from .select_options import SelectOption, SelectOptionId
from .statuses import Status, StatusId
from .tasks import Task, TaskAssignee, TaskId, TaskLinkedRecord
from .threads import Thread, ThreadId
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
    "Entry",
    "EntryId",
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
    "UnprocessableEntityError",
    "ValidationIssue",
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
    "value_map",
    "values",
    "write",
]
