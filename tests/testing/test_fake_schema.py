"""Objects, attributes, select options, statuses, lists, workspace members and /v2/self."""

from __future__ import annotations

from typing import Any

from tests.conftest import load_real

from .conftest import Http


def _attrs(http: Http, target: str, ident: str, **params: object) -> dict[str, dict[str, Any]]:
    return {
        a["api_slug"]: a for a in http.data("GET", f"/v2/{target}/{ident}/attributes", **params)
    }


def test_seeded_attributes_have_the_fields_real_attributes_have(http: Http) -> None:
    real = load_real("kfd-devtools__get_v2_objects_people_attributes.json")["data"][0]
    for obj in ("people", "companies", "deals", "users", "workspaces"):
        for attr in _attrs(http, "objects", obj).values():
            assert list(attr) == list(real), (obj, attr["api_slug"])
            assert set(attr["config"]) == set(real["config"])
            assert set(attr["config"]["currency"]) == set(real["config"]["currency"])


def test_people_system_attributes(http: Http) -> None:
    attrs = _attrs(http, "objects", "people")
    for slug in (
        "record_id",
        "name",
        "email_addresses",
        "phone_numbers",
        "job_title",
        "description",
        "company",
        "primary_location",
        "created_at",
        "created_by",
    ):
        assert attrs[slug]["is_system_attribute"] is True
    assert attrs["name"]["type"] == "personal-name"
    assert attrs["email_addresses"]["is_unique"]
    assert attrs["email_addresses"]["is_multiselect"]
    assert attrs["record_id"]["is_writable"] is False
    assert attrs["avatar_url"]["is_writable"] is False
    companies = http.data("GET", "/v2/objects/companies")["id"]["object_id"]
    assert attrs["company"]["config"]["record_reference"]["allowed_object_ids"] == [companies]
    relationship = attrs["company"]["relationship"]
    assert (relationship["object_slug"], relationship["api_slug"]) == ("companies", "team")
    assert attrs["created_at"]["default_value"] == {"type": "dynamic", "template": "PT0S"}
    assert attrs["description"]["config"]["currency"] == {
        "default_currency_code": None,
        "display_type": None,
    }


def test_companies_and_deals_system_attributes(http: Http) -> None:
    companies = _attrs(http, "objects", "companies")
    assert companies["domains"]["type"] == "domain"
    assert companies["domains"]["is_unique"]
    assert companies["categories"]["type"] == "select"
    assert companies["categories"]["is_multiselect"]
    assert companies["team"]["relationship"]["api_slug"] == "company"
    deals = _attrs(http, "objects", "deals")
    assert deals["stage"]["type"] == "status"
    assert deals["owner"]["type"] == "actor-reference"
    assert deals["value"]["config"]["currency"]["default_currency_code"] == "USD"
    assert deals["associated_people"]["is_multiselect"]
    assert not deals["associated_company"]["is_multiselect"]


def test_get_object_by_slug_or_id_and_404(http: Http) -> None:
    people = http.data("GET", "/v2/objects/people")
    assert http.data("GET", f"/v2/objects/{people['id']['object_id']}") == people
    status, body = http.error("GET", "/v2/objects/nope")
    assert (status, body["message"]) == (404, 'Object with slug/ID "nope" not found.')


def test_create_and_update_object(http: Http) -> None:
    payload = {
        "data": {"api_slug": "projects", "singular_noun": "Project", "plural_noun": "Projects"}
    }
    created = http.data("POST", "/v2/objects", payload)
    assert created["api_slug"] == "projects"
    attrs = _attrs(http, "objects", "projects")
    assert list(attrs) == ["record_id", "created_at", "created_by"]
    status, body = http.error("POST", "/v2/objects", payload)
    assert (status, body["code"]) == (409, "slug_conflict")
    updated = http.data("PATCH", "/v2/objects/projects", {"data": {"plural_noun": "All projects"}})
    assert updated["plural_noun"] == "All projects"
    assert http.error("PATCH", "/v2/objects/projects", {"data": {}})[1]["code"] == "validation_type"
    status, body = http.error("PATCH", "/v2/objects/projects", {"data": {"api_slug": "people"}})
    assert (status, body["code"]) == (409, "slug_conflict")


def test_missing_fields_give_zod_style_validation_errors(http: Http) -> None:
    status, body = http.error("POST", "/v2/objects", {"data": {"api_slug": "x"}})
    assert status == 400
    assert body["message"] == "Body payload validation error."
    paths = [e["path"] for e in body["validation_errors"]]
    assert paths == [["data", "singular_noun"], ["data", "plural_noun"]]
    assert body["validation_errors"][0]["received"] == "undefined"
    status, body = http.error("POST", "/v2/objects", {})
    assert body["validation_errors"][0]["path"] == ["data"]


ATTRIBUTE: dict[str, Any] = {
    "title": "Tier",
    "description": None,
    "api_slug": "tier",
    "type": "select",
    "is_required": False,
    "is_unique": False,
    "is_multiselect": False,
    "config": {},
}


def test_create_get_update_archive_attribute(http: Http) -> None:
    created = http.data("POST", "/v2/objects/companies/attributes", {"data": ATTRIBUTE})
    assert created["is_system_attribute"] is False
    assert created["is_writable"] is True
    assert created["config"]["record_reference"] == {"allowed_object_ids": None}
    assert http.data("GET", "/v2/objects/companies/attributes/tier")["id"] == created["id"]
    status, body = http.error("POST", "/v2/objects/companies/attributes", {"data": ATTRIBUTE})
    assert (status, body["code"]) == (409, "slug_conflict")
    updated = http.data(
        "PATCH", "/v2/objects/companies/attributes/tier", {"data": {"title": "Account tier"}}
    )
    assert updated["title"] == "Account tier"
    http.data("PATCH", "/v2/objects/companies/attributes/tier", {"data": {"is_archived": True}})
    assert "tier" not in _attrs(http, "objects", "companies")
    assert "tier" in _attrs(http, "objects", "companies", show_archived="true")


def test_system_attributes_cannot_be_edited(http: Http) -> None:
    status, body = http.error(
        "PATCH", "/v2/objects/people/attributes/name", {"data": {"title": "x"}}
    )
    assert (status, body["code"], body["message"]) == (
        400,
        "system_edit_unauthorized",
        "Cannot update a System attribute.",
    )


def test_attribute_type_must_be_writable(http: Http) -> None:
    status, body = http.error(
        "POST", "/v2/objects/people/attributes", {"data": {**ATTRIBUTE, "type": "interaction"}}
    )
    assert status == 400
    assert body["validation_errors"][0]["code"] == "invalid_enum_value"
    assert "personal-name" in body["validation_errors"][0]["options"]


def test_record_reference_attribute_with_relationship(http: Http) -> None:
    data = {
        **ATTRIBUTE,
        "api_slug": "mentor",
        "type": "record-reference",
        "config": {"record_reference": {"allowed_objects": ["people"]}},
        "relationship": {
            "object": "people",
            "title": "Mentees",
            "api_slug": "mentees",
            "is_multiselect": True,
        },
    }
    mentor = http.data("POST", "/v2/objects/people/attributes", {"data": data})
    people_id = http.data("GET", "/v2/objects/people")["id"]["object_id"]
    assert mentor["config"]["record_reference"]["allowed_object_ids"] == [people_id]
    assert mentor["relationship"]["api_slug"] == "mentees"
    mentees = http.data("GET", "/v2/objects/people/attributes/mentees")
    assert mentees["relationship"]["api_slug"] == "mentor"


def test_attribute_routes_on_unknown_parents_are_404(http: Http) -> None:
    assert http.error("GET", "/v2/lists/nope/attributes")[0] == 404
    assert http.error("GET", "/v2/objects/people/attributes/nope")[1]["message"] == (
        'Attribute with slug/ID "nope" not found.'
    )


def test_select_options(http: Http) -> None:
    base = "/v2/objects/companies/attributes/categories/options"
    titles = [o["title"] for o in http.data("GET", base)]
    assert "B2B" in titles
    option = http.data("POST", base, {"data": {"title": "Climate"}})
    assert set(option["id"]) == {"workspace_id", "object_id", "attribute_id", "option_id"}
    assert http.error("POST", base, {"data": {"title": "Climate"}})[1]["code"] == "slug_conflict"
    renamed = http.data("PATCH", f"{base}/Climate", {"data": {"title": "Climate tech"}})
    assert renamed["id"] == option["id"]
    http.data("PATCH", f"{base}/{option['id']['option_id']}", {"data": {"is_archived": True}})
    assert "Climate tech" not in [o["title"] for o in http.data("GET", base)]
    assert "Climate tech" in [o["title"] for o in http.data("GET", base, show_archived="true")]
    assert http.error("PATCH", f"{base}/Nope", {"data": {"title": "x"}})[1]["code"] == (
        "value_not_found"
    )
    _status, body = http.error("GET", "/v2/objects/people/attributes/name/options")
    assert body["message"] == "This attribute is not a select attribute."


def test_statuses(http: Http) -> None:
    base = "/v2/objects/deals/attributes/stage/statuses"
    statuses = http.data("GET", base)
    assert [s["title"] for s in statuses] == ["Lead", "In Progress", "Won 🎉", "Lost"]
    assert set(statuses[0]) == {
        "id",
        "title",
        "is_archived",
        "target_time_in_status",
        "celebration_enabled",
    }
    created = http.data("POST", base, {"data": {"title": "Paused", "target_time_in_status": "P7D"}})
    assert created["target_time_in_status"] == "P7D"
    assert created["celebration_enabled"] is False
    assert http.error("POST", base, {"data": {"title": "Paused"}})[0] == 409
    updated = http.data("PATCH", f"{base}/Paused", {"data": {"celebration_enabled": True}})
    assert updated["celebration_enabled"] is True


LIST = {
    "name": "Pipeline",
    "api_slug": "pipeline",
    "parent_object": "companies",
    "workspace_access": "full-access",
    "workspace_member_access": [],
}


def test_lists(http: Http) -> None:
    created = http.data("POST", "/v2/lists", {"data": LIST})
    assert created["parent_object"] == ["companies"]
    assert created["created_by_actor"]["type"] == "api-token"
    assert set(created) == {
        "id",
        "api_slug",
        "name",
        "parent_object",
        "workspace_access",
        "workspace_member_access",
        "created_by_actor",
        "created_at",
    }
    assert http.data("GET", "/v2/lists") == [created]
    assert http.data("GET", f"/v2/lists/{created['id']['list_id']}") == created
    assert http.error("POST", "/v2/lists", {"data": LIST})[1]["code"] == "slug_conflict"
    renamed = http.data("PATCH", "/v2/lists/pipeline", {"data": {"name": "Sales pipeline"}})
    assert renamed["name"] == "Sales pipeline"
    assert list(_attrs(http, "lists", "pipeline")) == ["entry_id", "created_at", "created_by"]
    _status, body = http.error("GET", "/v2/lists/nope")
    assert body["message"] == 'List with slug/ID "nope" not found.'


def test_list_validation(http: Http) -> None:
    status, body = http.error(
        "POST", "/v2/lists", {"data": {"name": "x", "parent_object": "people"}}
    )
    assert [e["path"] for e in body["validation_errors"]] == [
        ["data", "api_slug"],
        ["data", "workspace_access"],
        ["data", "workspace_member_access"],
    ]
    bad_member = {**LIST, "workspace_member_access": [{"workspace_member_id": "x", "level": "r"}]}
    assert http.error("POST", "/v2/lists", {"data": bad_member})[1]["code"] == "value_not_found"
    status, body = http.error("POST", "/v2/lists", {"data": {**LIST, "parent_object": "nope"}})
    assert status == 404


def test_workspace_members_and_self(http: Http) -> None:
    members = http.data("GET", "/v2/workspace_members")
    assert len(members) == 1
    member = members[0]
    assert set(member) == {
        "id",
        "first_name",
        "last_name",
        "avatar_url",
        "email_address",
        "access_level",
        "created_at",
    }
    assert (
        http.data("GET", f"/v2/workspace_members/{member['id']['workspace_member_id']}") == member
    )
    assert http.error("GET", "/v2/workspace_members/nope")[0] == 404
    me = http.ok("GET", "/v2/self")
    assert "data" not in me
    assert me["active"] is True
    assert me["token_type"] == "Bearer"
    assert me["authorized_by_workspace_member_id"] == member["id"]["workspace_member_id"]
