"""news-normalizer: raw text of news pages in, one canonical, explainable JSON record out.

    >>> import normalizer
    >>> rec = normalizer.normalize(text, source=None, url=None, reference_date=None)

``Normalizer(rules_dirs=[...])`` compiles the rules once (shipped rules plus user folders) and is
reusable across threads and picklable into worker processes; ``normalize`` uses a shared default one.
"""
from __future__ import annotations

import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from . import pipeline
from .record import SCHEMA
from .rules import RuleError, Rules, load_rules

__all__ = ["Normalizer", "normalize", "RuleError", "SCHEMA", "__version__"]
__version__ = "0.1.0"


class Normalizer:
    """Rules compiled once; ``normalize`` any number of texts with them."""

    def __init__(self, rules_dirs: Iterable[str | Path] = (), *, include_shipped: bool = True):
        self.rules_dirs = [str(d) for d in rules_dirs]
        self.include_shipped = include_shipped
        self.rules: Rules = load_rules(self.rules_dirs, include_shipped=include_shipped)

    def normalize(self, text: str | bytes, source: str | None = None, url: str | None = None,
                  reference_date: Any = None, *, input_id: str | None = None) -> dict:
        """One record for one text (``str`` or ``bytes``); never raises on bad text."""
        return pipeline.run(text, self.rules, input_id=input_id, source=source, url=url,
                            reference_date=reference_date)

    __call__ = normalize

    def __reduce__(self):
        return (Normalizer, (self.rules_dirs,), {"include_shipped": self.include_shipped})

    def __setstate__(self, state):
        if not state.get("include_shipped", True):
            self.__init__(self.rules_dirs, include_shipped=False)


_default: Normalizer | None = None
_lock = threading.Lock()


def default() -> Normalizer:
    """The shared Normalizer with the shipped rules (built on first use)."""
    global _default
    with _lock:
        if _default is None:
            _default = Normalizer()
        return _default


def normalize(text: str | bytes, source: str | None = None, url: str | None = None,
              reference_date: Any = None, *, input_id: str | None = None) -> dict:
    """Normalize one raw news text with the shipped rules. See ``Normalizer.normalize``."""
    return default().normalize(text, source=source, url=url, reference_date=reference_date, input_id=input_id)
