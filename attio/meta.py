"""``Meta``: who am I — ``GET /v2/self``."""

from __future__ import annotations

from ._client import AsyncClient, Client, require_async, require_sync
from ._models import AttioModel
from ._request import Request, parse_bare

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

    @classmethod
    def _get(cls) -> Request[Meta]:
        return Request("GET", "/v2/self", parse_bare(cls))

    @classmethod
    def get(cls, client: Client) -> Meta:
        """Identify the token: ``GET /v2/self`` (no scope required)."""
        return require_sync(client).request(cls._get())

    @classmethod
    async def get_async(cls, client: AsyncClient) -> Meta:
        """Async twin of :meth:`get`: ``GET /v2/self`` (no scope required)."""
        return await require_async(client).request(cls._get())
