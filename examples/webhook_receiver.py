"""A webhook receiver that verifies Attio's signature before trusting a delivery.

    python examples/webhook_receiver.py            # offline demo: signed and tampered deliveries
    ATTIO_WEBHOOK_SECRET=... python examples/webhook_receiver.py --serve 8000

Attio signs each delivery with the webhook's secret (returned once, by ``Webhook.create``):
the ``Attio-Signature`` header is the hex HMAC-SHA256 of the raw body. With ATTIO_API_KEY set,
the demo also lists your workspace's webhooks (scope webhook:read).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
from _common import live, make_client

import attio
from attio.webhooks import WebhookPayloadError, WebhookSignatureError, parse_delivery

DEMO_SECRET = "demo-secret-not-a-real-one"


def make_handler(secret: str) -> type[BaseHTTPRequestHandler]:
    """An HTTP handler that accepts only deliveries signed with ``secret``."""

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


def sign(body: bytes, secret: str) -> str:
    """What Attio puts in the Attio-Signature header."""
    return hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


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
    try:
        with httpx.Client() as http:
            good = http.post(
                url, content=body, headers={"Attio-Signature": sign(body, DEMO_SECRET)}
            )
            print(f"signed delivery   -> {good.status_code} {good.text}")
            tampered = body.replace(b"record.created", b"record.deleted")
            bad = http.post(
                url, content=tampered, headers={"Attio-Signature": sign(body, DEMO_SECRET)}
            )
            print(f"tampered delivery -> {bad.status_code} {bad.text}")
    finally:
        server.shutdown()
    return 0 if (good.status_code, bad.status_code) == (200, 401) else 1


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
