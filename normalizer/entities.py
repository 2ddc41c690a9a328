"""People, places and organizations named in the article (filled by the entity stage, issue 6)."""
from __future__ import annotations

from .doc import Doc


def extract(doc: Doc) -> None:
    doc.fields.setdefault("people", [])
    doc.fields.setdefault("places", [])
    doc.fields.setdefault("organizations", [])
