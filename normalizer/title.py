"""The headline: the first line of the article that reads as one, or null when the text starts with
the dateline or the body."""
from __future__ import annotations

import regex

from .doc import Doc

MAX_TITLE = 250
_SENTENCES = regex.compile(r"[.!?。！？]\s+\S|[。！？]\S")


def looks_like_title(text: str) -> bool:
    """Short, one sentence at most, not a list item or a bare number."""
    if not (2 <= len(text) <= MAX_TITLE) or text.replace(" ", "").isdigit():
        return False
    return len(_SENTENCES.findall(text)) <= 1


def extract(doc: Doc) -> None:
    free = [ln for ln in doc.ledger.lines if ln.role is None]
    if not free:
        return
    first = free[0]
    dl = doc.fields.get("dateline")
    if dl and first.start <= dl["span"][0] < first.end:
        return  # the text starts with the dateline: no title
    # the first free line must come before any body-like line and be the first content of the text
    if first.index > 0 and any(ln.role in (None, "body") for ln in doc.ledger.lines[: first.index]):
        return
    if not looks_like_title(first.text):
        return
    if len(first.text) > 120 and first.text.rstrip()[-1:] in ".。":
        return  # a long sentence ending in a full stop is a lead paragraph
    rule = "title.first_line"
    doc.ledger.claim(first.index, "title", "title", rule)
    doc.fields["title"] = {"text": first.text, "span": first.span, "rule": rule}
    doc.fire(rule)
    # an extractor that printed the headline twice: the copy is the title too
    for ln in doc.ledger.lines[first.index + 1: first.index + 3]:
        if ln.role is None and ln.text == first.text:
            doc.ledger.claim(ln.index, "title", "title", "title.repeated")
