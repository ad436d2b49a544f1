"""The ``/v2/self`` route."""

from __future__ import annotations

from attio.testing.fake._router import Ctx, Reply, RouteTable

routes = RouteTable()


SCOPES = (
    "user_management:read record_permission:read-write object_configuration:read-write "
    "list_entry:read-write list_configuration:read-write public_collection:read-write "
    "private_collection:read-write comment:read-write task:read-write note:read-write "
    "meeting:read-write call_recording:read-write webhook:read-write"
)


@routes.get("/v2/self")
def identify(ctx: Ctx) -> Reply:
    store = ctx.store
    return 200, {
        "active": True,
        "scope": SCOPES,
        "client_id": store.client_id,
        "token_type": "Bearer",
        "exp": None,
        "iat": 1704099600,
        "sub": store.workspace_id,
        "aud": store.client_id,
        "iss": "attio.com",
        "authorized_by_workspace_member_id": store.member_id,
        "workspace_id": store.workspace_id,
        "workspace_name": store.workspace_name,
        "workspace_slug": store.workspace_slug,
        "workspace_logo_url": None,
    }
