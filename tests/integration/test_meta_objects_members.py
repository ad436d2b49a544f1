"""Meta (``/v2/self``), objects and workspace members, replayed from cassettes."""

from __future__ import annotations

import attio

from .conftest import Api, get_or_create

SLUG = "vcr_projects"


async def test_meta_names_the_workspace_and_its_member(api: Api) -> None:
    meta = await api(attio.Meta.get)
    assert isinstance(meta, attio.Meta)
    assert meta.active is True
    assert meta.workspace_id
    assert meta.authorized_by_workspace_member_id

    members = await api(attio.WorkspaceMember.list)
    assert all(isinstance(m, attio.WorkspaceMember) for m in members)
    assert all(m.id.workspace_id == meta.workspace_id for m in members)
    by_id = {m.id.workspace_member_id: m for m in members}
    assert meta.authorized_by_workspace_member_id in by_id

    one = await api(attio.WorkspaceMember.get, meta.authorized_by_workspace_member_id)
    assert one.id == by_id[meta.authorized_by_workspace_member_id].id
    assert one.email_address == by_id[meta.authorized_by_workspace_member_id].email_address
    assert one.access_level in ("admin", "member", "suspended")


async def test_standard_objects_are_listed_and_fetched_by_slug_or_id(api: Api) -> None:
    objects = await api(attio.Object.list)
    slugs = {o.api_slug for o in objects}
    assert {"people", "companies"} <= slugs

    people = next(o for o in objects if o.api_slug == "people")
    by_slug = await api(attio.Object.get, "people")
    by_id = await api(attio.Object.get, people.id.object_id)
    assert by_slug.id == people.id == by_id.id
    assert by_slug.singular_noun == people.singular_noun
    assert by_slug.created_at is not None
    assert by_slug.created_at.datetime.year >= 2000


async def test_custom_object_create_get_update(api: Api) -> None:
    obj, _created = await get_or_create(
        lambda: api(attio.Object.get, SLUG),
        lambda: api(
            attio.Object.create, api_slug=SLUG, singular_noun="Project", plural_noun="Projects"
        ),
    )
    assert isinstance(obj, attio.Object)
    assert obj.api_slug == SLUG

    renamed = await api(attio.Object.update, SLUG, plural_noun="Project files")
    assert renamed.id == obj.id
    assert renamed.plural_noun == "Project files"
    fetched = await api(attio.Object.get, obj.id.object_id)
    assert fetched.plural_noun == "Project files"
    assert fetched.api_slug == SLUG

    restored = await api(attio.Object.update, SLUG, plural_noun="Projects")
    assert restored.plural_noun == "Projects"
    assert SLUG in {o.api_slug for o in await api(attio.Object.list)}
