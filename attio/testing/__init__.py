"""Testing helpers for users of ``attio`` (extra ``attio-client[testing]``).

* :class:`FakeAttio` -- an in-memory Attio workspace behind an httpx transport;
  ``FakeAttio().client()`` is an ``attio.Client`` talking to it.
* :func:`vcr_config` / :func:`use_cassette` / :func:`make_vcr` -- a vcrpy setup that scrubs
  credentials and matches requests by method, path, query and JSON body;
  :func:`find_credentials` / :func:`scan_cassettes` check cassettes for leaked credentials.
* :func:`sign_delivery` -- the ``Attio-Signature`` of a webhook body, for testing receivers;
  :class:`FakeDelivery` -- a webhook delivery FakeAttio made (``FakeAttio.deliveries``).
* a pytest plugin (``attio_vcr``, ``attio_client``, ``attio_async_client``, ``attio_fake``
  fixtures and ``--record-mode``), loaded automatically when the package is installed.
"""

from ._signing import sign_delivery
from ._vcr import (
    SCRUBBED,
    find_credentials,
    json_body_matcher,
    make_vcr,
    scan_cassettes,
    scrub_request,
    scrub_response,
    use_cassette,
    vcr_config,
)
from .fake import FakeAttio, FakeDelivery, FakeRequest

__all__ = [
    "SCRUBBED",
    "FakeAttio",
    "FakeDelivery",
    "FakeRequest",
    "find_credentials",
    "json_body_matcher",
    "make_vcr",
    "scan_cassettes",
    "scrub_request",
    "scrub_response",
    "sign_delivery",
    "use_cassette",
    "vcr_config",
]
