"""``Page[T]`` moved to :mod:`attio._pagination`; this name stays for old imports."""

from ._pagination import Page

__all__ = ["Page"]
