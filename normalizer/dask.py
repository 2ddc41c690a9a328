"""Run the normalizer with Dask (``pip install 'news-normalizer[dask]'``).

    import dask.bag as db, dask.dataframe as dd
    from normalizer.dask import normalize_bag, normalize_dataframe

    records = normalize_bag(db.read_text("crawl-*.jsonl").map(json.loads), text_field="text")
    out = normalize_dataframe(dd.read_parquet("cc-news/"), text_col="text", id_col="id", date_col="date")

Rules are compiled once per worker process (``frames.get_normalizer`` keeps them). Every element gets a
record; a bad text gives ``ok: false``, never a failed task. (This module is ``normalizer.dask``; it imports
the ``dask`` package by absolute name.)
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .frames import empty_pandas, normalize_pandas, normalize_rows

__all__ = ["normalize_bag", "normalize_dataframe"]


def _bag_partition(part: Any, text_field: str, id_field: str | None, source_field: str | None,
                   url_field: str | None, date_field: str | None, rules_dirs: list[str], as_json: bool) -> list:
    return list(normalize_rows(part, text_field=text_field, id_field=id_field, source_field=source_field,
                               url_field=url_field, date_field=date_field, rules_dirs=rules_dirs, as_json=as_json))


def normalize_bag(bag: Any, text_field: str = "text", id_field: str | None = None, *,
                  source_field: str | None = "source", url_field: str | None = "url",
                  date_field: str | None = None, rules_dirs: Sequence[str] = (), as_json: bool = True) -> Any:
    """A bag of texts (or dicts with ``text_field``) to a bag of records: JSON strings, or dicts."""
    return bag.map_partitions(_bag_partition, text_field, id_field, source_field, url_field, date_field,
                              [str(d) for d in rules_dirs], as_json)


def normalize_dataframe(ddf: Any, text_col: str = "text", id_col: str | None = None, *,
                        source_col: str | None = None, url_col: str | None = None, date_col: str | None = None,
                        rules_dirs: Sequence[str] = (), prefix: str = "") -> Any:
    """``ddf`` with the record's columns added (ok, error, title, language, published, published_utc,
    modified, source, dateline, body, record), one pandas partition at a time."""
    for c in (text_col, id_col, source_col, url_col, date_col):
        if c is not None and c not in ddf.columns:
            raise ValueError(f"no column {c!r} in the DataFrame (columns: {list(ddf.columns)})")
    meta = empty_pandas(ddf._meta, prefix)
    return ddf.map_partitions(normalize_pandas, text_col=text_col, id_col=id_col, source_col=source_col,
                              url_col=url_col, date_col=date_col, rules_dirs=[str(d) for d in rules_dirs],
                              prefix=prefix, meta=meta)
