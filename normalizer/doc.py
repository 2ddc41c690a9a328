"""The state one document carries through the pipeline: text, ledger, rules, and findings so far."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from .lines import Ledger
from .rules import Rules


@dataclass
class Doc:
    """What a stage reads and writes. Stages add findings; only ``record.build`` turns them into output."""

    text: str
    ledger: Ledger
    rules: Rules
    source_hint: str | None = None          # source= given by the caller (id, name or alias)
    url: str | None = None
    reference_date: dt.datetime | None = None
    language: str | None = None             # BCP-47 code
    language_confidence: float = 0.0
    source: dict | None = None              # the matched source rule file (rules.sources[id])
    fields: dict[str, Any] = field(default_factory=dict)   # record fields found so far
    warnings: list[str] = field(default_factory=list)
    repairs: list[dict] = field(default_factory=list)
    fired: list[str] = field(default_factory=list)          # every rule that fired, in order

    def fire(self, rule: str) -> None:
        """Note that a rule fired (it shows in ``rules_fired`` and ``newsnorm explain``)."""
        if rule not in self.fired:
            self.fired.append(rule)

    def warn(self, msg: str) -> None:
        if msg not in self.warnings:
            self.warnings.append(msg)

    @property
    def locale(self) -> dict:
        return self.rules.locale(self.language)

    @property
    def timezone(self) -> str | None:
        """The IANA home zone of the detected source, if any."""
        return (self.source or {}).get("timezone")
