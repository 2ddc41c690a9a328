"""What the Spark and Dask shells share: one cached Normalizer per process, rows and pandas frames in,
records out. Nothing here imports Spark or Dask; pandas is imported only by the frame helpers.
"""
from __future__ import annotations

import datetime as dt
import math
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

import orjson

from . import Normalizer
from .record import error_record

# Columns added to a frame: name, and its type as (Spark SQL DDL, pandas dtype).
COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("ok", "boolean", "bool"),
    ("error", "string", "object"),
    ("title", "string", "object"),
    ("language", "string", "object"),
    ("published", "string", "object"),
    ("published_utc", "string", "object"),
    ("modified", "string", "object"),
    ("source", "string", "object"),
    ("dateline", "string", "object"),
    ("body", "string", "object"),
    ("record", "string", "object"),
)

_cache: dict[tuple[tuple[str, ...], bool], Normalizer] = {}
_lock = threading.Lock()


def get_normalizer(rules_dirs: Sequence[str] = (), include_shipped: bool = True) -> Normalizer:
    """The process's Normalizer for these rules folders, compiled on first use and kept.

    On a Spark executor or a Dask worker this runs once per Python process, not once per partition.
    """
    key = (tuple(str(d) for d in rules_dirs), include_shipped)
    with _lock:
        norm = _cache.get(key)
        if norm is None:
            norm = _cache[key] = Normalizer(list(key[0]), include_shipped=include_shipped)
        return norm


def _missing(v: Any) -> bool:
    if v is None:
        return True
    if isinstance(v, float) and math.isnan(v):
        return True
    return type(v).__name__ in ("NaTType", "NAType")


def _clean(v: Any) -> Any:
    return None if _missing(v) else v


def _ref(v: Any) -> Any:
    """A reference date as normalize() takes it; anything else (a bad crawl date) is dropped."""
    v = _clean(v)
    if isinstance(v, (dt.date, dt.datetime)):
        return v
    if isinstance(v, str):
        try:
            dt.datetime.fromisoformat(v.strip().replace("Z", "+00:00"))
            return v
        except ValueError:
            return None
    return None


def normalize_value(norm: Normalizer, text: Any, input_id: Any = None, source: Any = None, url: Any = None,
                    reference_date: Any = None) -> dict:
    """One record; never raises (a missing or non-text value gives an ``ok: false`` record)."""
    input_id = None if _missing(input_id) else str(input_id)
    text = _clean(text)
    if text is None:
        return error_record(input_id, "MissingText", "the text value is null")
    try:
        return norm.normalize(text, source=_str(source), url=_str(url), reference_date=_ref(reference_date),
                              input_id=input_id)
    except Exception as e:  # noqa: BLE001 - a record, not a failed task
        return error_record(input_id, "InternalError", f"{type(e).__name__}: {e}")


def _str(v: Any) -> str | None:
    v = _clean(v)
    return v if isinstance(v, str) and v else None


def _get(row: Any, key: str | None) -> Any:
    if key is None or row is None:
        return None
    if isinstance(row, Mapping):
        return row.get(key)
    try:  # pyspark.sql.Row, namedtuples
        return row[key]
    except (KeyError, IndexError, TypeError, ValueError):
        return getattr(row, key, None)


def normalize_rows(rows: Iterable[Any], *, text_field: str = "text", id_field: str | None = None,
                   source_field: str | None = "source", url_field: str | None = "url",
                   date_field: str | None = None, rules_dirs: Sequence[str] = (),
                   as_json: bool = True) -> Iterator[str | dict]:
    """Records for a partition of rows: each a str/bytes text, or a dict/Row with the text in ``text_field``.

    Yields JSON strings (``as_json``) or dicts, one per row, in order.
    """
    norm = get_normalizer(rules_dirs)
    for row in rows:
        if isinstance(row, (str, bytes, bytearray)):
            rec = normalize_value(norm, row)
        else:
            rec = normalize_value(norm, _get(row, text_field), _get(row, id_field), _get(row, source_field),
                                  _get(row, url_field), _get(row, date_field))
        yield orjson.dumps(rec).decode("utf-8") if as_json else rec


def columns_of(rec: dict) -> dict[str, Any]:
    """The top-level columns of one record (see ``COLUMNS``)."""
    pub, mod = rec.get("published") or {}, rec.get("modified") or {}
    dl = rec.get("dateline") or {}
    place = dl.get("place") if isinstance(dl, dict) else None
    return {
        "ok": bool(rec.get("ok")),
        "error": (rec.get("error") or {}).get("type"),
        "title": rec.get("title"),
        "language": (rec.get("language") or {}).get("code"),
        "published": pub.get("value"),
        "published_utc": pub.get("utc"),
        "modified": mod.get("value"),
        "source": (rec.get("source") or {}).get("id"),
        "dateline": (place or {}).get("name") if isinstance(place, dict) else dl.get("raw"),
        "body": rec.get("body") or "",
        "record": orjson.dumps(rec).decode("utf-8"),
    }


def normalize_pandas(pdf: Any, *, text_col: str = "text", id_col: str | None = None,
                     source_col: str | None = None, url_col: str | None = None, date_col: str | None = None,
                     rules_dirs: Sequence[str] = (), prefix: str = "") -> Any:
    """A copy of the pandas frame with the record's columns (``COLUMNS``, names with ``prefix``) added."""
    import pandas as pd
    norm = get_normalizer(rules_dirs)

    def col(name: str | None) -> list:
        return list(pdf[name]) if name is not None and name in pdf.columns else [None] * len(pdf)

    rows = [columns_of(normalize_value(norm, t, i, s, u, d))
            for t, i, s, u, d in zip(col(text_col), col(id_col), col(source_col), col(url_col), col(date_col),
                                     strict=True)]
    out = pdf.copy()
    for name, _, dtype in COLUMNS:
        out[prefix + name] = pd.Series([r[name] for r in rows], index=pdf.index, dtype=dtype)
    return out


def empty_pandas(pdf: Any, prefix: str = "") -> Any:
    """``normalize_pandas``'s output shape for an empty frame (Dask's ``meta``)."""
    import pandas as pd
    out = pdf.iloc[:0].copy()
    for name, _, dtype in COLUMNS:
        out[prefix + name] = pd.Series([], dtype=dtype)
    return out
