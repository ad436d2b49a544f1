"""attio — a typed, pydantic-modelled client for the Attio CRM REST API (v2).

>>> import attio
>>> with attio.Client() as client:                      # doctest: +SKIP
...     for person in attio.Record.stream(client, "people"):
...         print(person.id.record_id)
"""

from . import values
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
    PermissionDeniedError,
    RateLimitError,
    ResponseValidationError,
    UnprocessableEntityError,
)
from ._models import Actor, AttioModel, Timestamp
from ._paging import Page
from ._request import PagedRequest, Paging, Request
from ._retry import RetryPolicy
from ._version import __version__
from .attributes import Attribute, AttributeId, SelectOption, Status
from .comments import Comment
from .entries import Entry, EntryId
from .lists import List, ListId
from .meetings import CallRecording, Meeting, Transcript
from .meta import Meta
from .notes import Note
from .objects import Object, ObjectId
from .records import Record, RecordEntry, RecordId, SearchResult
from .tasks import Task
from .threads import Thread
from .webhooks import Webhook
from .workspace_members import WorkspaceMember, WorkspaceMemberId

__all__ = [
    "DEFAULT_TIMEOUT",
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
    "Client",
    "Comment",
    "ConfigurationError",
    "ConflictError",
    "Entry",
    "EntryId",
    "InternalServerError",
    "List",
    "ListId",
    "Meeting",
    "Meta",
    "NotFoundError",
    "Note",
    "Object",
    "ObjectId",
    "Page",
    "PagedRequest",
    "Paging",
    "PermissionDeniedError",
    "RateLimitError",
    "Record",
    "RecordEntry",
    "RecordId",
    "Request",
    "ResponseValidationError",
    "RetryPolicy",
    "SearchResult",
    "SelectOption",
    "Status",
    "Task",
    "Thread",
    "Timestamp",
    "Transcript",
    "UnprocessableEntityError",
    "Webhook",
    "WorkspaceMember",
    "WorkspaceMemberId",
    "__version__",
    "values",
]
