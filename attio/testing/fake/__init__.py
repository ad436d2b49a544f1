"""An in-memory Attio (``FakeAttio``) speaking Attio's HTTP API through an httpx transport."""

from ._deliveries import FakeDelivery
from ._fake import FakeAttio, FakeRequest

__all__ = ["FakeAttio", "FakeDelivery", "FakeRequest"]
