"""``import attio`` is lazy (PEP 562): a public name's module is imported when the name is first
used, and the package still looks and types as if everything were imported eagerly."""

from __future__ import annotations

import ast
import importlib
import json
import pickle
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

import attio

ROOT = Path(__file__).resolve().parents[1]
INIT = ROOT / "attio" / "__init__.py"

RECORD = {
    "data": {
        "id": {"workspace_id": "w", "object_id": "o", "record_id": "r1"},
        "created_at": "2024-01-02T03:04:05.123456789Z",
        "web_url": "https://app.attio.com/acme/person/r1",
        "values": {"name": [], "email_addresses": []},
    }
}


def run(code: str) -> Any:
    """Run ``code`` in a fresh interpreter; it prints one JSON value, which is returned."""
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def loaded_after(statements: str) -> set[str]:
    """The modules ``statements`` add to a fresh interpreter's ``sys.modules``."""
    return set(
        run(
            f"""
            import json, sys
            before = set(sys.modules)
            {statements}
            print(json.dumps(sorted(set(sys.modules) - before)))
            """
        )
    )


def lazy_table() -> dict[str, str]:
    return attio._LAZY


# --------------------------------------------------------------------------- what is imported


def test_import_attio_imports_almost_nothing() -> None:
    added = loaded_after("import attio")
    assert {m for m in added if m.startswith("attio")} == {"attio", "attio._version"}
    for heavy in ("asyncio", "pydantic", "httpx", "tenacity"):
        assert heavy not in added, f"import attio imported {heavy}"


def test_first_use_imports_only_what_it_needs() -> None:
    added = loaded_after(
        f"""
            import httpx, attio
            body = {json.dumps(RECORD).encode()!r}
            transport = httpx.MockTransport(lambda request: httpx.Response(200, content=body))
            client = attio.Client(api_key="k", http_client=httpx.Client(transport=transport))
            assert attio.Record.get(client, "people", "r1").record_id == "r1"
        """
    )
    assert "attio.records" in added
    assert "asyncio" not in added, "a sync Client imported asyncio"
    for unused in ("notes", "tasks", "webhooks", "meetings", "schema", "filters", "testing"):
        assert f"attio.{unused}" not in added, f"attio.{unused} imported by Record.get"


def test_async_client_still_works_after_a_lazy_import() -> None:
    record_id = run(
        f"""
            import asyncio, json, httpx, attio

            async def main():
                body = {json.dumps(RECORD).encode()!r}
                transport = httpx.MockTransport(lambda r: httpx.Response(200, content=body))
                async with attio.AsyncClient(
                    api_key="k", http_client=httpx.AsyncClient(transport=transport)
                ) as client:
                    return (await attio.Record.get_async(client, "people", "r1")).record_id

            print(json.dumps(asyncio.run(main())))
        """
    )
    assert record_id == "r1"


def test_the_fake_is_imported_only_when_asked_for() -> None:
    assert not {m for m in loaded_after("import attio; attio.Client") if "testing" in m}
    added = loaded_after("import attio.testing; attio.testing.FakeAttio")
    assert "attio.testing" in added


# --------------------------------------------------------------------------- the public names


def test_every_public_name_resolves_in_a_fresh_interpreter() -> None:
    found = run(
        """
            import importlib, json, attio
            bad = []
            for name in attio.__all__:
                value = getattr(attio, name)
                module = attio._LAZY.get(name)
                if module is None:
                    continue
                defining = importlib.import_module(module, "attio")
                expected = defining if module == "." + name else getattr(defining, name)
                if value is not expected:
                    bad.append(name)
            print(json.dumps({"bad": bad, "count": len(attio.__all__)}))
        """
    )
    assert found["bad"] == []
    assert found["count"] == len(attio.__all__)


def test_lazy_table_and_all_agree() -> None:
    assert len(set(attio.__all__)) == len(attio.__all__), "a name is listed twice in __all__"
    assert set(lazy_table()) == set(attio.__all__) - {"__version__"}
    for name in attio.__all__:
        assert getattr(attio, name) is not None


def _type_checking_imports() -> dict[str, str]:
    """name -> module of the imports under ``if TYPE_CHECKING:`` in attio/__init__.py."""
    tree = ast.parse(INIT.read_text(encoding="utf-8"))
    imports: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
            for stmt in node.body:
                assert isinstance(stmt, ast.ImportFrom), ast.unparse(stmt)
                assert stmt.level == 1, ast.unparse(stmt)
                for alias in stmt.names:
                    name = alias.asname or alias.name
                    module = "." + alias.name if stmt.module is None else "." + stmt.module
                    imports[name] = module
    return imports


def test_type_checkers_see_every_lazy_name_from_its_module() -> None:
    """mypy reads the ``if TYPE_CHECKING:`` imports: they must match the runtime table."""
    assert _type_checking_imports() == lazy_table()


def test_dir_lists_every_public_name() -> None:
    listed = dir(attio)
    assert listed == sorted(listed)
    assert set(attio.__all__) <= set(listed)
    fresh = run("import json, attio; print(json.dumps(dir(attio)))")
    assert set(attio.__all__) <= set(fresh)


def test_unknown_attribute_is_a_clear_attribute_error() -> None:
    with pytest.raises(AttributeError, match=r"module 'attio' has no attribute 'Recrod'"):
        attio.Recrod  # type: ignore[attr-defined]  # noqa: B018
    assert not hasattr(attio, "definitely_not_a_name")
    with pytest.raises(ImportError, match="Recrod"):
        exec("from attio import Recrod", {})


def test_star_import_gives_every_public_name() -> None:
    namespace: dict[str, Any] = {}
    exec("from attio import *", namespace)
    assert set(attio.__all__) <= set(namespace)
    assert namespace["Client"] is attio.Client
    fresh = run(
        """
            import json
            namespace = {}
            exec("from attio import *", namespace)
            print(json.dumps(sorted(namespace)))
        """
    )
    assert set(attio.__all__) <= set(fresh)


def test_submodules_stay_importable() -> None:
    for name in ("values", "filters", "write", "parse", "value_map", "webhooks", "testing"):
        module = importlib.import_module(f"attio.{name}")
        assert getattr(attio, name) is module
    from attio import filters, values, write

    assert values.TextValue.__name__ == "TextValue"
    assert filters.__all__
    assert callable(write.personal_name)


def test_first_access_from_many_threads_at_once() -> None:
    found = run(
        """
            import json, threading, attio
            results, errors = [], []
            barrier = threading.Barrier(8)

            def work():
                barrier.wait()
                try:
                    results.append([id(getattr(attio, n)) for n in reversed(attio.__all__)])
                except Exception as exc:
                    errors.append(repr(exc))

            threads = [threading.Thread(target=work) for _ in range(8)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            print(json.dumps({"errors": errors, "same": all(r == results[0] for r in results)}))
        """
    )
    assert found == {"errors": [], "same": True}


# --------------------------------------------------------------------------- exceptions


def test_exceptions_pickle_across_fresh_interpreters() -> None:
    """An exception pickled after a lazy import unpickles where attio was never touched."""
    payload = run(
        """
            import json, pickle, httpx, attio
            transport = httpx.MockTransport(lambda r: httpx.Response(
                404, json={"status_code": 404, "type": "invalid_request_error",
                           "code": "not_found", "message": "Record not found."},
                headers={"x-attio-execution-id": "exec-1"}))
            client = attio.Client(
                api_key="sk_secret_1234567890", http_client=httpx.Client(transport=transport),
                max_retries=0)
            try:
                attio.Record.get(client, "people", "r1")
            except attio.NotFoundError as exc:
                print(json.dumps(pickle.dumps(exc).hex()))
        """
    )
    assert "sk_secret" not in bytes.fromhex(payload).decode("latin-1")
    back = run(
        f"""
            import json, pickle
            exc = pickle.loads(bytes.fromhex({payload!r}))
            import attio
            print(json.dumps([type(exc).__name__, isinstance(exc, attio.APIStatusError),
                              exc.status_code, exc.request_id, exc.error.code]))
        """
    )
    assert back == ["NotFoundError", True, 404, "exec-1", "not_found"]
    here = pickle.loads(bytes.fromhex(payload))
    assert isinstance(here, attio.NotFoundError)


def test_lazy_module_stands_for_the_real_one() -> None:
    import asyncio

    from attio import _client, schema
    from attio._lazy import LazyModule

    lazy = LazyModule("json")
    assert lazy.dumps is json.dumps
    assert repr(lazy) == "<lazy module 'json'>"
    # what AsyncClient sleeps with by default, and what loads a schema's options concurrently
    assert vars(_client)["asyncio"].sleep is asyncio.sleep
    assert vars(schema)["asyncio"].gather is asyncio.gather
