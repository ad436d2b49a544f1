"""mkdocs hook: the docstrings are written for Sphinx-style readers (``:class:`Record```); on
the site their roles are dropped and ``~`` shortening applied, leaving the name as code."""

from __future__ import annotations

import re
from typing import Any

_ROLE = re.compile(r":(?:class|meth|func|attr|data|mod|exc|obj):<code>(~?)([^<]*)</code>")


def _shown(match: re.Match[str]) -> str:
    tilde, name = match.group(1), match.group(2)
    return f"<code>{name.rsplit('.', 1)[-1] if tilde else name}</code>"


def on_page_content(html: str, **kwargs: Any) -> str:
    """Every Sphinx role in a page's HTML, as plain code."""
    return _ROLE.sub(_shown, html)
