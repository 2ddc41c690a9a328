"""The stages in order, top to bottom. Each stage reads the ``Doc`` and adds its findings.

decode -> lines -> sources (hints, footers) -> language -> boilerplate -> dates -> datelines
-> bylines -> title -> body (duplicates, repairs) -> entities -> record
"""
from __future__ import annotations

import datetime as dt
import time
from typing import Any

from . import body, boilerplate, bylines, datelines, dates, entities, language, record, sources, title
from .decode import decode
from .doc import Doc
from .lines import Ledger
from .rules import Rules
from .rules.regexes import reset_warnings, warnings_to

STAGES = (
    ("sources", sources.detect),
    ("language", language.detect),
    ("boilerplate", boilerplate.classify),
    ("dates", dates.extract),
    ("datelines", datelines.extract),
    ("dates_dateline", dates.fill_from_dateline),
    ("bylines", bylines.extract),
    ("title", title.extract),
    ("body", body.assemble),
    ("entities", entities.extract),
)

# Inputs larger than this are refused with an error record instead of tying up a worker.
MAX_CHARS = 20_000_000


def run(data: str | bytes, rules: Rules, *, input_id: str | None = None, source: str | None = None,
        url: str | None = None, reference_date: Any = None, skip: frozenset[str] = frozenset(),
        timings: dict[str, float] | None = None) -> dict:
    """Normalize one document. Never raises on bad text: returns a record with ``ok`` false instead.

    ``skip`` names stages not to run; ``timings``, when given, gets the seconds spent in decode, ledger,
    each stage and record added to it (``normalizer.bench`` reads it).
    """
    try:
        ref = _reference(reference_date)
    except (TypeError, ValueError) as e:
        return record.error_record(input_id, "BadArgument", f"reference_date: {e}")
    if not isinstance(data, (str, bytes, bytearray, memoryview)):
        return record.error_record(input_id, "BadInput", f"text must be str or bytes, not {type(data).__name__}")
    if len(data) > MAX_CHARS:
        return record.error_record(input_id, "TooLarge", f"{len(data)} characters; the limit is {MAX_CHARS}")
    clock = time.perf_counter if timings is not None else None
    t0 = clock() if clock else 0.0
    try:
        dec = decode(bytes(data) if not isinstance(data, str) else data)
    except ValueError as e:
        return record.error_record(input_id, "DecodeError", str(e))
    except Exception as e:  # a decoder bug on odd bytes must not take the batch down either
        return record.error_record(input_id, "DecodeError", f"{type(e).__name__}: {e}")
    if clock:
        t1 = clock()
        timings["decode"] = timings.get("decode", 0.0) + t1 - t0
        t0 = t1
    doc = Doc(dec.text, Ledger(dec.text), rules, source_hint=source, url=url, reference_date=ref,
              warnings=list(dec.warnings), repairs=list(dec.repairs))
    if clock:
        t1 = clock()
        timings["ledger"] = timings.get("ledger", 0.0) + t1 - t0
    if not doc.ledger.lines:
        rec = record.error_record(input_id, "EmptyInput", "the text has no non-blank line")
        rec["warnings"] = doc.warnings
        return rec
    token = warnings_to(doc.warnings)
    try:
        for name, stage in STAGES:
            if name not in skip:
                if clock:
                    t0 = clock()
                    stage(doc)
                    timings[name] = timings.get(name, 0.0) + clock() - t0
                else:
                    stage(doc)
        name = "record"
        t0 = clock() if clock else 0.0
        rec = record.build(doc, input_id)
        if clock:
            timings["record"] = timings.get("record", 0.0) + clock() - t0
        return rec
    except Exception as e:  # a bug must not take the batch down: the record says what broke
        return record.error_record(input_id, "InternalError", f"stage {name}: {type(e).__name__}: {e}")
    finally:
        reset_warnings(token)


def _reference(value: Any) -> dt.datetime | None:
    """reference_date as an aware or naive datetime (a date becomes midnight)."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    if isinstance(value, str):
        return dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    raise TypeError(f"expected a date, datetime or ISO string, not {type(value).__name__}")
