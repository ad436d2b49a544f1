"""``Meta``: who am I — ``GET /v2/self``."""

from __future__ import annotations

from ._endpoints import endpoint
from ._models import AttioModel
from ._parsing import parse_bare
from ._request import Request

__all__ = ["Meta"]


class Meta(AttioModel):
    """The token introspection of ``GET /v2/self`` (no envelope, no scope needed).

    ``active`` is ``False`` for a revoked or unknown token; otherwise the workspace and the
    scopes (``scope`` is space-separated; :attr:`scopes` splits it).
    """

    active: bool
    scope: str | None = None
    client_id: str | None = None
    token_type: str | None = None
    exp: int | float | None = None
    iat: int | float | None = None
    sub: str | None = None
    aud: str | None = None
    iss: str | None = None
    authorized_by_workspace_member_id: str | None = None
    workspace_id: str | None = None
    workspace_name: str | None = None
    workspace_slug: str | None = None
    workspace_logo_url: str | None = None

    @property
    def scopes(self) -> list[str]:
        """The granted scopes as a list (``[]`` for an inactive token)."""
        return self.scope.split() if self.scope else []

    @endpoint
    def get() -> Request[Meta]:
        """Identify the token: ``GET /v2/self`` (no scope required)."""
        return Request("GET", "/v2/self", parse_bare(Meta))

    get_async = get.twin
