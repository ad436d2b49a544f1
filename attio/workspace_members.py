"""``WorkspaceMember``: the people in the workspace — ``/v2/workspace_members``."""

from __future__ import annotations

import builtins
from typing import Literal

from ._endpoints import endpoint
from ._models import AttioModel, Timestamp
from ._parsing import parse_data, parse_data_list
from ._request import Request, seg

__all__ = ["WorkspaceMember", "WorkspaceMemberId"]


class WorkspaceMemberId(AttioModel):
    """``{"workspace_id", "workspace_member_id"}``."""

    workspace_id: str
    workspace_member_id: str


class WorkspaceMember(AttioModel):
    """A member of the workspace; ``access_level`` is ``admin``, ``member`` or ``suspended``."""

    id: WorkspaceMemberId
    first_name: str
    last_name: str
    avatar_url: str | None
    email_address: str
    created_at: Timestamp
    access_level: Literal["admin", "member", "suspended"] | str

    @endpoint
    def list() -> Request[builtins.list[WorkspaceMember]]:
        """All members (unpaginated): ``GET /v2/workspace_members``
        (scope ``user_management:read``)."""
        return Request("GET", "/v2/workspace_members", parse_data_list(WorkspaceMember))

    list_async = list.twin

    @endpoint
    def get(workspace_member_id: str) -> Request[WorkspaceMember]:
        """One member: ``GET /v2/workspace_members/{workspace_member_id}``
        (scope ``user_management:read``)."""
        path = f"/v2/workspace_members/{seg(workspace_member_id)}"
        return Request("GET", path, parse_data(WorkspaceMember))

    get_async = get.twin
