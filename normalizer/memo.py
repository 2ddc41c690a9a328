"""Memos of pure functions of one line's text, and the registry that empties them all.

A memo keyed by text read from documents (a line, a word, a place name) pays off inside a stream: menus
and footers repeat across one outlet's pages, names across stories. It would flatter a benchmark that
passes over the same documents twice, so every such memo is known here and ``clear_text_memos`` empties
them all: ``normalizer.bench`` calls it before each timed pass, so nothing read in an earlier pass is
remembered. Module-level memos are ``text_memo`` functions (or ``register`` their own clearer); memos
held per rules object (``Rules.view``) are ``TextDict``s. Indexes built from the rules alone stay.
"""
from __future__ import annotations

import weakref
from collections.abc import Callable
from functools import wraps

_CLEARERS: list[Callable[[], None]] = []
_DICTS: dict[int, weakref.ref] = {}    # id -> each live TextDict (dropped when it dies)


class TextDict(dict):
    """A dict that memoizes answers keyed by document text; ``clear_text_memos`` empties every live one
    (they live as long as the rules object holding them)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        key = id(self)
        _DICTS[key] = weakref.ref(self, lambda _ref, key=key: _DICTS.pop(key, None))


def register(clear: Callable[[], None]) -> Callable[[], None]:
    """Add ``clear`` (which empties one memo keyed by text) to what ``clear_text_memos`` calls."""
    _CLEARERS.append(clear)
    return clear


def clear_text_memos() -> int:
    """Empty every registered text memo and every live ``TextDict``; the number emptied."""
    for clear in _CLEARERS:
        clear()
    dicts = [d for d in (ref() for ref in list(_DICTS.values())) if d is not None]
    for d in dicts:
        d.clear()
    return len(_CLEARERS) + len(dicts)


CACHE_CHARS = 200          # only lines up to this long are memoized (menus and footers; prose rarely repeats)


class _TextCache(dict):
    """The answers of ``fn`` for short texts: a missing one is computed (and kept when the text is short;
    the cache is emptied when full), so that a lookup is one call of ``dict.__getitem__``."""

    __slots__ = ("_fn", "_maxsize", "_max_chars")

    def __init__(self, fn, maxsize: int, max_chars: int) -> None:
        super().__init__()
        self._fn = fn
        self._maxsize = maxsize
        self._max_chars = max_chars

    def __missing__(self, text: str):
        v = self._fn(text)
        if len(text) <= self._max_chars:
            if len(self) >= self._maxsize:
                self.clear()
            self[text] = v
        return v


def text_memo(maxsize: int, max_chars: int = CACHE_CHARS):
    """A cache for a pure function of one line's text, for short texts only, so the memory it holds stays
    bounded by ``maxsize * max_chars`` characters whatever lines a corpus has. ``fn.lookup`` is the same
    function without the Python call around it (for ``map`` over many lines)."""
    def deco(fn):
        cache = _TextCache(fn, maxsize, max_chars)
        register(cache.clear)

        @wraps(fn)
        def call(text: str):
            return cache[text]
        call.cache_clear = cache.clear   # type: ignore[attr-defined]
        call.lookup = cache.__getitem__   # type: ignore[attr-defined]
        return call
    return deco
