"""Every rule regex runs through ``Rx``: compiled once with the ``regex`` module, run with a time limit."""
from __future__ import annotations

import contextvars
from collections.abc import Iterator

import regex

# Seconds one regex call may take on one string before it is cut and recorded as a warning.
TIMEOUT = 0.25

_sink: contextvars.ContextVar[list[str] | None] = contextvars.ContextVar("rx_warnings", default=None)


def warnings_to(sink: list[str] | None) -> contextvars.Token:
    """Route time-limit warnings of the current document into ``sink`` (returns a token to reset)."""
    return _sink.set(sink)


def reset_warnings(token: contextvars.Token) -> None:
    _sink.reset(token)


def _timed_out(name: str) -> None:
    sink = _sink.get()
    if sink is not None:
        msg = f"rule {name} cut by the {TIMEOUT}s regex time limit"
        if msg not in sink:
            sink.append(msg)


class Rx:
    """A compiled rule regex with a name (for evidence and warnings) and a time limit on every call."""

    __slots__ = ("name", "source", "pattern")

    def __init__(self, source: str, name: str = "", flags: int = 0):
        self.name = name or source[:40]
        self.source = source
        self.pattern = regex.compile(source, flags)

    def __repr__(self) -> str:
        return f"Rx({self.name!r})"

    def __reduce__(self):
        return (Rx, (self.source, self.name, self.pattern.flags & ~regex.VERSION0 & ~regex.UNICODE))

    def search(self, s: str, pos: int = 0, endpos: int | None = None):
        try:
            return self.pattern.search(s, pos, len(s) if endpos is None else endpos, timeout=TIMEOUT)
        except TimeoutError:
            _timed_out(self.name)
            return None

    def may_match(self, s: str) -> bool:
        """A first pass: True when the pattern matches somewhere in ``s``, and also when the time limit
        cuts it (no warning here: the caller then runs the single rules, whose own limits name the culprit)."""
        try:
            return self.pattern.search(s, timeout=TIMEOUT) is not None
        except TimeoutError:
            return True

    def match(self, s: str, pos: int = 0):
        try:
            return self.pattern.match(s, pos, timeout=TIMEOUT)
        except TimeoutError:
            _timed_out(self.name)
            return None

    def fullmatch(self, s: str):
        try:
            return self.pattern.fullmatch(s, timeout=TIMEOUT)
        except TimeoutError:
            _timed_out(self.name)
            return None

    def finditer(self, s: str) -> Iterator:
        try:
            yield from self.pattern.finditer(s, timeout=TIMEOUT)
        except TimeoutError:
            _timed_out(self.name)

    def sub(self, repl, s: str) -> str:
        try:
            return self.pattern.sub(repl, s, timeout=TIMEOUT)
        except TimeoutError:
            _timed_out(self.name)
            return s


def compile_rx(source: str, name: str = "", ignore_case: bool = False) -> Rx:
    return Rx(source, name, regex.IGNORECASE if ignore_case else 0)
