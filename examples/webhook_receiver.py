"""A webhook receiver that verifies Attio's signature and de-duplicates deliveries.

    python examples/webhook_receiver.py            # offline demo: good and hostile deliveries
    ATTIO_WEBHOOK_SECRET=... python examples/webhook_receiver.py --serve 8000

Attio signs each delivery with the webhook's secret (returned once, by ``Webhook.create``):
the ``Attio-Signature`` header is the hex HMAC-SHA256 of the raw body. ``parse_delivery``
checks it (skipping the check takes an explicit ``verify=False``) and refuses anything that is
not a delivery. The signature carries no timestamp, so a captured delivery verifies forever:
the receiver remembers each delivery's ``Idempotency-Key`` and acts on a key only once, which
also absorbs Attio's own retries. With ATTIO_API_KEY set, the demo also lists your workspace's
webhooks (scope webhook:read).
"""

from __future__ import annotations

import json
import os
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
from _common import live, make_client

import attio
from attio.testing import sign_delivery
from attio.webhooks import WebhookPayloadError, WebhookSignatureError, parse_delivery

DEMO_SECRET = "demo-secret-not-a-real-one"


class SeenKeys:
    """The Idempotency-Keys already handled (in memory here; use a shared store in production)."""

    def __init__(self) -> None:
        self._keys: set[str] = set()
        self._lock = threading.Lock()

    def first_time(self, key: str) -> bool:
        with self._lock:
            if key in self._keys:
                return False
            self._keys.add(key)
            return True


def make_handler(secret: str) -> type[BaseHTTPRequestHandler]:
    """An HTTP handler that accepts only deliveries signed with ``secret``, each once."""
    seen = SeenKeys()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            try:
                delivery = parse_delivery(body, headers=dict(self.headers), secret=secret)
            except WebhookSignatureError as exc:
                self._answer(401, f"rejected: {exc}")
                return
            except WebhookPayloadError as exc:
                self._answer(400, f"bad payload: {exc}")
                return
            key = delivery.idempotency_key
            if key is None:
                self._answer(400, "bad payload: no Idempotency-Key header")
                return
            if not seen.first_time(key):
                self._answer(200, "already handled")  # 200, so Attio stops retrying it
                return
            for event in delivery.events:
                print(f"  received {event.event_type} {event.id}")
            self._answer(200, "ok")

        def _answer(self, status: int, text: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            self.wfile.write(text.encode())

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


def demo() -> int:
    if live():
        with make_client() as client:
            hooks = attio.Webhook.stream_all(client)
            print(f"your workspace has {len(hooks)} webhook(s)")
            for hook in hooks:
                events = ", ".join(s.event_type for s in hook.subscriptions or [])
                print(f"  {hook.target_url} [{hook.status}] {events}")

    server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(DEMO_SECRET))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/attio"
    delivery = {
        "webhook_id": "5f9e2c4e-0000-4000-8000-000000000001",
        "events": [
            {
                "event_type": "record.created",
                "id": {
                    "workspace_id": "5f9e2c4e-0000-4000-8000-0000000000aa",
                    "object_id": "5f9e2c4e-0000-4000-8000-0000000000bb",
                    "record_id": "5f9e2c4e-0000-4000-8000-0000000000cc",
                },
                "actor": {"type": "workspace-member", "id": "5f9e2c4e-0000-4000-8000-0000000000dd"},
            }
        ],
    }
    body = json.dumps(delivery).encode()
    signed = {"Attio-Signature": sign_delivery(body, DEMO_SECRET), "Idempotency-Key": "demo-1"}
    not_a_delivery = b"{}"
    attempts = [
        ("signed delivery", body, signed, "200 ok"),
        ("the same, replayed", body, signed, "200 already handled"),  # answered, not acted on again
        ("tampered delivery", body.replace(b"created", b"deleted"), signed, "401 rejected"),
        ("unsigned delivery", body, {"Idempotency-Key": "demo-2"}, "401 rejected"),
        (
            "signed, not a delivery",
            not_a_delivery,
            {"Attio-Signature": sign_delivery(not_a_delivery, DEMO_SECRET)},
            "400 bad payload",
        ),
    ]
    ok = True
    try:
        with httpx.Client() as http:
            for label, content, headers, expected in attempts:
                answer = http.post(url, content=content, headers=headers)
                shown = f"{answer.status_code} {answer.text}"
                print(f"{label:<24} -> {shown}")
                ok = ok and shown.startswith(expected)
    finally:
        server.shutdown()
    return 0 if ok else 1


def serve(port: int) -> int:
    secret = os.environ.get("ATTIO_WEBHOOK_SECRET")
    if not secret:
        print("set ATTIO_WEBHOOK_SECRET to the secret Webhook.create returned")
        return 2
    server = ThreadingHTTPServer(("0.0.0.0", port), make_handler(secret))
    print(f"listening on :{port}; point your webhook's target_url here (https via a proxy)")
    server.serve_forever()
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--serve":
        sys.exit(serve(int(sys.argv[2])))
    sys.exit(demo())
