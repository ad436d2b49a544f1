"""``WorkspaceMember``: the people in the workspace — ``/v2/workspace_members``."""

from __future__ import annotations

import builtins

from ._client import AsyncClient, Client, require_async, require_sync
from ._models import AttioModel, Timestamp
from ._request import Request, parse_data, parse_data_list
from ._resource import seg

__all__ = ["WorkspaceMember", "WorkspaceMemberId"]


class WorkspaceMemberId(AttioModel):
    """``{"workspace_id", "workspace_member_id"}``."""

    workspace_id: str
    workspace_member_id: str


class WorkspaceMember(AttioModel):
    """A member of the workspace; ``access_level`` is ``admin``, ``member`` or ``suspended``."""

    id: WorkspaceMemberId
    first_name: str | None = None
    last_name: str | None = None
    avatar_url: str | None = None
    email_address: str | None = None
    created_at: Timestamp | None = None
    access_level: str | None = None

    @classmethod
    def _list(cls) -> Request[builtins.list[WorkspaceMember]]:
        return Request("GET", "/v2/workspace_members", parse_data_list(cls))

    @classmethod
    def _get(cls, workspace_member_id: str) -> Request[WorkspaceMember]:
        path = f"/v2/workspace_members/{seg(workspace_member_id)}"
        return Request("GET", path, parse_data(cls))

    @classmethod
    def list(cls, client: Client) -> builtins.list[WorkspaceMember]:
        """All members (unpaginated): ``GET /v2/workspace_members``
        (scope ``user_management:read``)."""
        return require_sync(client).request(cls._list())

    @classmethod
    def get(cls, client: Client, workspace_member_id: str) -> WorkspaceMember:
        """One member: ``GET /v2/workspace_members/{workspace_member_id}``
        (scope ``user_management:read``)."""
        return require_sync(client).request(cls._get(workspace_member_id))

    @classmethod
    async def list_async(cls, client: AsyncClient) -> builtins.list[WorkspaceMember]:
        """Async twin of :meth:`list`: ``GET /v2/workspace_members`` (``user_management:read``)."""
        return await require_async(client).request(cls._list())

    @classmethod
    async def get_async(cls, client: AsyncClient, workspace_member_id: str) -> WorkspaceMember:
        """Async twin of :meth:`get`: ``GET /v2/workspace_members/{id}``
        (``user_management:read``)."""
        return await require_async(client).request(cls._get(workspace_member_id))
