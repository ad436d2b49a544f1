"""vcrpy with attio: record against FakeAttio, replay with no network, no credential on disk."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml
from vcr.errors import CannotOverwriteExistingCassetteException

import attio
from attio.testing import (
    SCRUBBED,
    FakeAttio,
    find_credentials,
    json_body_matcher,
    make_vcr,
    scan_cassettes,
    use_cassette,
    vcr_config,
)
from tests.conftest import ROOT

SECRET_KEY = "sk_live_should_never_be_written_123"


def _query(limit: int, offset: int) -> attio.Request[object]:
    return attio.Request(
        "POST",
        "/v2/objects/companies/records/query",
        parse=json.loads,
        json={"limit": limit, "offset": offset},
        retry_safe=True,
    )


def _webhook() -> attio.Request[object]:
    body = {
        "data": {
            "target_url": "https://hooks.example/in",
            "subscriptions": [{"event_type": "record.created", "filter": None}],
        }
    }
    return attio.Request("POST", "/v2/webhooks", parse=json.loads, json=body)


def _record(path: Path) -> list[object]:
    fake = FakeAttio()
    for n in range(3):
        fake.add_record("companies", {"name": f"C{n}"})
    with use_cassette(path, record_mode="all"), fake.client(api_key=SECRET_KEY) as c:
        return [
            c.request(_query(2, 0)),
            c.request(_query(2, 2)),
            c.request(_webhook()),
        ]


def test_record_then_replay_without_reaching_the_server(tmp_path: Path) -> None:
    cassette = tmp_path / "flow.yaml"
    recorded = _record(cassette)
    assert [len(page["data"]) for page in recorded[:2]] == [2, 1]  # type: ignore[index]

    idle = FakeAttio(seed=99)  # would answer differently (other ids) if it were reached
    with use_cassette(cassette, record_mode="none"), idle.client() as client:
        replayed = [client.request(_query(2, 0)), client.request(_query(2, 2))]
        with pytest.raises(CannotOverwriteExistingCassetteException):
            client.request(_query(2, 0))  # each answer plays once: no stale repeat
        webhook = client.request(_webhook())
        with pytest.raises(CannotOverwriteExistingCassetteException):
            client.request(_query(2, 4))
    with (
        use_cassette(cassette, record_mode="none", allow_playback_repeats=True),
        idle.client() as client,
    ):
        client.request(_query(2, 0))
        again = client.request(_query(2, 0))  # repeats only when asked for
    assert replayed == recorded[:2]
    assert again == recorded[0]
    assert webhook["data"]["secret"] == SCRUBBED  # type: ignore[index]
    assert idle.requests == []


def test_recorded_cassette_holds_no_credential(tmp_path: Path) -> None:
    cassette = tmp_path / "flow.yaml"
    recorded = _record(cassette)
    text = cassette.read_text()
    assert SECRET_KEY not in text
    assert recorded[2]["data"]["secret"] not in text  # type: ignore[index]
    assert find_credentials(cassette) == []
    data = yaml.safe_load(text)
    headers = data["interactions"][0]["request"]["headers"]
    auth = {k.lower(): v for k, v in headers.items()}["authorization"]
    assert auth == [SCRUBBED]


async def test_async_client_is_recorded_and_replayed(tmp_path: Path) -> None:
    cassette = tmp_path / "async.yaml"
    fake = FakeAttio()
    with use_cassette(cassette, record_mode="all"):
        client = fake.async_client()
        recorded = await client.request(attio.Request("GET", "/v2/self", parse=json.loads))
        await client.aclose()
    assert len(fake.requests) == 1
    idle = FakeAttio()
    with use_cassette(cassette, record_mode="none"):
        client = idle.async_client()
        replayed = await client.request(attio.Request("GET", "/v2/self", parse=json.loads))
        await client.aclose()
    assert replayed == recorded
    assert idle.requests == []
    assert find_credentials(cassette) == []


def _req(body: object) -> SimpleNamespace:
    return SimpleNamespace(body=body)


def test_json_body_matcher_compares_parsed_json() -> None:
    json_body_matcher(_req(b'{"a": 1, "b": [1, 2]}'), _req('{"b":[1,2],"a":1}'))
    json_body_matcher(_req(None), _req(b""))
    with pytest.raises(AssertionError):
        json_body_matcher(_req(b'{"offset": 0}'), _req(b'{"offset": 500}'))


def test_make_vcr_registers_the_json_matcher() -> None:
    my_vcr = make_vcr()
    assert my_vcr.matchers["attio_json_body"] is json_body_matcher
    assert my_vcr.record_mode == "none"


def test_vcr_config_defaults_and_overrides() -> None:
    config = vcr_config()
    assert config["allow_playback_repeats"] is False
    assert config["decode_compressed_response"] is True
    assert {"method", "scheme", "host", "path", "query", "attio_json_body"} <= set(
        config["match_on"]
    )
    assert ("authorization", SCRUBBED) in config["filter_headers"]
    assert vcr_config(record_mode="once")["record_mode"] == "once"


CLEAN = """\
interactions:
- request:
    body: '{"limit": 2}'
    headers:
      Authorization:
      - <SCRUBBED>
    method: POST
    uri: https://api.attio.com/v2/objects/people/records/query
  response:
    body:
      string: '{"data": {"secret": "<SCRUBBED>"}}'
    headers: {}
    status: {code: 200, message: OK}
version: 1
"""


@pytest.mark.parametrize(
    ("planted", "expected"),
    [
        (CLEAN.replace("- <SCRUBBED>", "- Bearer sk_abcdef123456"), "bearer"),
        (CLEAN.replace("- <SCRUBBED>", "- sk_abcdef123456"), "header"),
        (CLEAN.replace('"secret": "<SCRUBBED>"', '"secret": "edc47acc750ba7af"'), "secret"),
        (CLEAN.replace("'{\"limit\": 2}'", '\'{"note": "token Bearer abcdefgh"}\''), "bearer"),
    ],
)
def test_scanner_catches_planted_credentials(tmp_path: Path, planted: str, expected: str) -> None:
    clean = tmp_path / "clean.yaml"
    clean.write_text(CLEAN)
    assert find_credentials(clean) == []
    dirty = tmp_path / "sub" / "dirty.yaml"
    dirty.parent.mkdir()
    dirty.write_text(planted)
    problems = find_credentials(dirty)
    assert problems
    assert any(expected in p for p in problems), problems
    assert list(scan_cassettes(tmp_path)) == [str(dirty)]


def test_scanner_catches_the_environment_api_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ATTIO_API_KEY", "plainkey-0123456789")
    path = tmp_path / "c.yaml"
    path.write_text(CLEAN.replace("OK", "plainkey-0123456789"))
    assert "the ATTIO_API_KEY value" in find_credentials(path)


def test_scan_of_an_empty_or_missing_folder_is_clean(tmp_path: Path) -> None:
    assert scan_cassettes(tmp_path) == {}
    assert scan_cassettes(tmp_path / "missing") == {}


def test_no_cassette_of_the_project_holds_a_credential() -> None:
    assert scan_cassettes(ROOT / "cassettes") == {}
