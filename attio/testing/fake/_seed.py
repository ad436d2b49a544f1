"""The standard objects of a new Attio workspace and their system attributes (made-up data)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class AttrSpec:
    """One system attribute of a standard object."""

    api_slug: str
    title: str
    type: str
    unique: bool = False
    multi: bool = False
    writable: bool = True
    allowed: tuple[str, ...] = ()
    currency: str | None = None
    default_value: dict[str, Any] | None = None
    options: tuple[str, ...] = ()
    statuses: tuple[tuple[str, bool], ...] = field(default=())


def _record_id() -> AttrSpec:
    return AttrSpec("record_id", "Record ID", "text", unique=True, writable=False)


def _created() -> list[AttrSpec]:
    return [
        AttrSpec(
            "created_at",
            "Created at",
            "timestamp",
            writable=False,
            default_value={"type": "dynamic", "template": "PT0S"},
        ),
        AttrSpec(
            "created_by",
            "Created by",
            "actor-reference",
            writable=False,
            default_value={"type": "dynamic", "template": "current-user"},
        ),
    ]


_INTERACTIONS = [
    AttrSpec(slug, title, "interaction", writable=False)
    for slug, title in [
        ("first_calendar_interaction", "First calendar interaction"),
        ("last_calendar_interaction", "Last calendar interaction"),
        ("next_calendar_interaction", "Next calendar interaction"),
        ("first_email_interaction", "First email interaction"),
        ("last_email_interaction", "Last email interaction"),
        ("first_interaction", "First interaction"),
        ("last_interaction", "Last interaction"),
        ("next_interaction", "Next interaction"),
    ]
]

_SOCIAL = [
    AttrSpec("angellist", "AngelList", "text"),
    AttrSpec("facebook", "Facebook", "text"),
    AttrSpec("instagram", "Instagram", "text"),
    AttrSpec("linkedin", "LinkedIn", "text"),
    AttrSpec("twitter", "Twitter", "text"),
    AttrSpec("twitter_follower_count", "Twitter follower count", "number", writable=False),
]

_CONNECTION = [
    AttrSpec(
        "strongest_connection_strength_legacy",
        "Connection strength (legacy)",
        "number",
        writable=False,
    ),
    AttrSpec(
        "strongest_connection_strength",
        "Connection strength",
        "select",
        writable=False,
        options=("Very weak", "Weak", "Good", "Strong", "Very strong"),
    ),
    AttrSpec(
        "strongest_connection_user", "Strongest connection", "actor-reference", writable=False
    ),
]

# (api_slug, singular_noun, plural_noun, attributes)
STANDARD_OBJECTS: list[tuple[str, str, str, list[AttrSpec]]] = [
    (
        "people",
        "Person",
        "People",
        [
            _record_id(),
            AttrSpec("name", "Name", "personal-name"),
            AttrSpec(
                "email_addresses", "Email addresses", "email-address", unique=True, multi=True
            ),
            AttrSpec("description", "Description", "text"),
            AttrSpec("company", "Company", "record-reference", allowed=("companies",)),
            AttrSpec("job_title", "Job title", "text"),
            AttrSpec("avatar_url", "Avatar URL", "text", writable=False),
            AttrSpec("phone_numbers", "Phone numbers", "phone-number", multi=True),
            AttrSpec("primary_location", "Primary location", "location"),
            *_SOCIAL,
            *_INTERACTIONS,
            *_CONNECTION,
            AttrSpec(
                "associated_deals",
                "Associated deals",
                "record-reference",
                multi=True,
                allowed=("deals",),
            ),
            AttrSpec(
                "associated_users",
                "Associated users",
                "record-reference",
                multi=True,
                allowed=("users",),
            ),
            *_created(),
        ],
    ),
    (
        "companies",
        "Company",
        "Companies",
        [
            _record_id(),
            AttrSpec("domains", "Domains", "domain", unique=True, multi=True),
            AttrSpec("name", "Name", "text"),
            AttrSpec("description", "Description", "text"),
            AttrSpec("team", "Team", "record-reference", multi=True, allowed=("people",)),
            AttrSpec(
                "categories",
                "Categories",
                "select",
                multi=True,
                options=("B2B", "B2C", "SaaS", "E-commerce", "Enterprise", "Fintech", "Hardware"),
            ),
            AttrSpec("primary_location", "Primary location", "location"),
            AttrSpec("logo_url", "Logo URL", "text", writable=False),
            *_SOCIAL,
            AttrSpec(
                "estimated_arr_usd",
                "Estimated ARR",
                "select",
                options=("$0-$1M", "$1M-$10M", "$10M-$50M", "$50M-$100M", "$100M+"),
            ),
            AttrSpec("funding_raised_usd", "Funding raised", "currency", currency="USD"),
            AttrSpec("foundation_date", "Foundation date", "date"),
            AttrSpec(
                "employee_range",
                "Employee range",
                "select",
                options=("1-10", "11-50", "51-250", "251-1K", "1K-5K", "5K+"),
            ),
            *_INTERACTIONS,
            *_CONNECTION,
            AttrSpec(
                "associated_deals",
                "Associated deals",
                "record-reference",
                multi=True,
                allowed=("deals",),
            ),
            AttrSpec(
                "associated_workspaces",
                "Associated workspaces",
                "record-reference",
                multi=True,
                allowed=("workspaces",),
            ),
            *_created(),
        ],
    ),
    (
        "deals",
        "Deal",
        "Deals",
        [
            _record_id(),
            AttrSpec("name", "Deal name", "text"),
            AttrSpec(
                "stage",
                "Deal stage",
                "status",
                statuses=(
                    ("Lead", False),
                    ("In Progress", False),
                    ("Won 🎉", True),
                    ("Lost", False),
                ),
            ),
            AttrSpec("owner", "Deal owner", "actor-reference"),
            AttrSpec("value", "Deal value", "currency", currency="USD"),
            AttrSpec(
                "associated_people",
                "Associated people",
                "record-reference",
                multi=True,
                allowed=("people",),
            ),
            AttrSpec(
                "associated_company",
                "Associated company",
                "record-reference",
                allowed=("companies",),
            ),
            *_created(),
        ],
    ),
    (
        "users",
        "User",
        "Users",
        [
            _record_id(),
            AttrSpec("person", "Person", "record-reference", allowed=("people",)),
            AttrSpec(
                "primary_email_address", "Primary email address", "email-address", unique=True
            ),
            AttrSpec("user_id", "ID", "text", unique=True),
            AttrSpec(
                "workspace", "Workspace", "record-reference", multi=True, allowed=("workspaces",)
            ),
            *_created(),
        ],
    ),
    (
        "workspaces",
        "Workspace",
        "Workspaces",
        [
            _record_id(),
            AttrSpec("workspace_id", "Workspace ID", "text", unique=True),
            AttrSpec("name", "Name", "text"),
            AttrSpec("users", "Users", "record-reference", multi=True, allowed=("users",)),
            AttrSpec("company", "Company", "record-reference", allowed=("companies",)),
            AttrSpec("avatar_url", "Avatar URL", "text"),
            *_created(),
        ],
    ),
]

# Two-sided relationships between standard attributes: ((object, slug), (object, slug)).
RELATIONSHIPS: list[tuple[tuple[str, str], tuple[str, str]]] = [
    (("people", "company"), ("companies", "team")),
    (("people", "associated_deals"), ("deals", "associated_people")),
    (("companies", "associated_deals"), ("deals", "associated_company")),
    (("people", "associated_users"), ("users", "person")),
    (("companies", "associated_workspaces"), ("workspaces", "company")),
    (("users", "workspace"), ("workspaces", "users")),
]

# The attribute a bare string written to a record-reference is matched against.
DEFAULT_MATCH = {
    "people": "email_addresses",
    "companies": "domains",
    "users": "user_id",
    "workspaces": "workspace_id",
}

# Record labels for web urls.
WEB_URL_NOUN = {
    "people": "person",
    "companies": "company",
    "deals": "deal",
    "users": "user",
    "workspaces": "workspace",
}

# The seeded workspace member (made-up).
MEMBER = {
    "first_name": "Robin",
    "last_name": "Example",
    "email_address": "robin@fake-attio.example",
    "access_level": "admin",
}

WORKSPACE_NAME = "Fake Workspace"
WORKSPACE_SLUG = "fake-workspace"
