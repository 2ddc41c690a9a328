"""The line ledger: every non-blank line of the decoded text, its span, and the one place it went."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

ROLES = ("title", "header", "body", "duplicate", "boilerplate")

# str.splitlines() boundaries, so a line here is a line for every tool that reads the text.
_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_OTHER_BREAKS = _BREAKS[1:]


@dataclass(slots=True)
class Line:
    """One non-blank line. ``start``/``end`` span the stripped text in the decoded input."""

    index: int
    text: str
    start: int
    end: int
    role: str | None = None
    field: str | None = None
    rule: str | None = None

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


class LedgerError(RuntimeError):
    """A stage tried to place a line twice or in a role that does not exist."""


class Ledger:
    """Every non-blank line, each placed in exactly one role by exactly one stage."""

    def __init__(self, text: str):
        self.text = text
        self.lines: list[Line] = _segment(text)

    def __len__(self) -> int:
        return len(self.lines)

    def __iter__(self) -> Iterator[Line]:
        return iter(self.lines)

    def __getitem__(self, i: int) -> Line:
        return self.lines[i]

    def claim(self, i: int, role: str, field: str | None = None, rule: str | None = None,
              *, replace: bool = False) -> bool:
        """Place line ``i``; returns False (and changes nothing) if it was placed already."""
        if role not in ROLES:
            raise LedgerError(f"unknown role {role!r}")
        line = self.lines[i]
        if line.role is not None and not replace:
            return False
        line.role, line.field, line.rule = role, field, rule
        return True

    def claim_many(self, indices: Iterable[int], role: str, fields: Iterable[str | None],
                   rule: str | None = None, *, replace: bool = False) -> int:
        """``claim(i, role, field, rule)`` for each ``i`` and its ``field`` (the role checked once); returns
        how many lines were placed (a line placed already is skipped, as ``claim`` leaves it)."""
        if role not in ROLES:
            raise LedgerError(f"unknown role {role!r}")
        lines = self.lines
        placed = 0
        for i, field in zip(indices, fields, strict=True):
            line = lines[i]
            if line.role is None or replace:
                line.role, line.field, line.rule = role, field, rule
                placed += 1
        return placed

    def release(self, i: int) -> None:
        """Take a placement back (a later stage found a better reading)."""
        line = self.lines[i]
        line.role = line.field = line.rule = None

    def free(self) -> list[Line]:
        """Lines no stage has placed yet, in text order."""
        return [ln for ln in self.lines if ln.role is None]

    def with_role(self, role: str) -> list[Line]:
        return [ln for ln in self.lines if ln.role == role]

    def problems(self) -> list[str]:
        """What breaks the invariant: a non-blank line not placed, or a span that is not its text."""
        out = []
        for ln in self.lines:
            if ln.role not in ROLES:
                out.append(f"line {ln.index} not placed: {ln.text[:60]!r}")
            if self.text[ln.start:ln.end] != ln.text:
                out.append(f"line {ln.index} span {ln.span} does not hold its text")
        return out


def _segment(text: str) -> list[Line]:
    """Split like str.splitlines() and keep the stripped, non-blank lines with their spans.

    ``str.splitlines(keepends=True)`` does the scanning in C; each piece's break (``\r\n`` is one) is
    cut off and its offset kept, so spans are the same as a character-by-character scan would give.
    A text whose only break is ``\n`` is split on it directly (the same pieces, without their breaks).
    """
    if any(b in text for b in _OTHER_BREAKS):
        return list(_segment_pieces(text))
    out: list[Line] = []
    pos = idx = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            # where the stripped text starts: at once when raw opens with a character strip() keeps
            s = pos if raw[0] == stripped[0] else pos + len(raw) - len(raw.lstrip())
            out.append(Line(idx, stripped, s, s + len(stripped)))
            idx += 1
        pos += len(raw) + 1
    return out


def _segment_pieces(text: str) -> Iterator[Line]:
    """``_segment`` for a text with any kind of line break."""
    pos, idx = 0, 0
    for piece in text.splitlines(keepends=True):
        size = len(piece)
        if piece.endswith("\r\n"):
            raw = piece[:-2]
        elif piece[-1] in _BREAKS:
            raw = piece[:-1]
        else:
            raw = piece
        stripped = raw.strip()
        if stripped:
            s = pos if raw[0] == stripped[0] else pos + len(raw) - len(raw.lstrip())
            yield Line(idx, stripped, s, s + len(stripped))
            idx += 1
        pos += size
