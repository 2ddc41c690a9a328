"""Run the normalizer inside Spark (``pip install 'news-normalizer[spark]'``).

    from normalizer.spark import normalize_partition, normalize_dataframe

    # RDD of texts (or of dicts/Rows with a "text" field) -> RDD of JSON records
    records = rdd.mapPartitions(normalize_partition(text_field="text", id_field="id"))

    # DataFrame with a text column -> the same rows plus title, language, published, ..., record (JSON)
    out = normalize_dataframe(df, text_col="text", id_col="id", date_col="date")

Rules are compiled once per executor Python process (``frames.get_normalizer`` keeps them), not once per
partition or row. Every row gets a record; a bad text gives ``ok: false``, never a failed task.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from .frames import COLUMNS, normalize_pandas, normalize_rows

__all__ = ["normalize_partition", "normalize_dataframe", "output_schema"]


def normalize_partition(text_field: str = "text", id_field: str | None = None, *,
                        source_field: str | None = "source", url_field: str | None = "url",
                        date_field: str | None = None, rules_dirs: Sequence[str] = (),
                        as_json: bool = True) -> Callable[[Iterable[Any]], Iterator[Any]]:
    """A function for ``rdd.mapPartitions``: rows (texts, dicts or Rows) in, JSON records (or dicts) out."""
    rules_dirs = [str(d) for d in rules_dirs]

    def run(rows: Iterable[Any]) -> Iterator[Any]:
        return normalize_rows(rows, text_field=text_field, id_field=id_field, source_field=source_field,
                              url_field=url_field, date_field=date_field, rules_dirs=rules_dirs, as_json=as_json)

    return run


def output_schema(schema: Any, prefix: str = "") -> Any:
    """The input DataFrame schema plus the record's columns."""
    from pyspark.sql.types import BooleanType, StringType, StructField, StructType
    types = {"boolean": BooleanType(), "string": StringType()}
    names = set(schema.fieldNames())
    added = [StructField(prefix + name, types[ddl], True) for name, ddl, _ in COLUMNS]
    clash = [f.name for f in added if f.name in names]
    if clash:
        raise ValueError(f"the DataFrame already has columns {clash}: pass prefix= to name the new ones")
    return StructType(list(schema.fields) + added)


def normalize_dataframe(df: Any, text_col: str = "text", id_col: str | None = None, *,
                        source_col: str | None = None, url_col: str | None = None, date_col: str | None = None,
                        rules_dirs: Sequence[str] = (), prefix: str = "") -> Any:
    """``df`` with the record's columns added: ok, error, title, language, published, published_utc,
    modified, source, dateline, body and ``record`` (the whole record as a JSON string).

    Runs with ``mapInPandas`` (Arrow batches), so each executor normalizes whole batches of rows.
    """
    rules_dirs = [str(d) for d in rules_dirs]
    for c in (text_col, id_col, source_col, url_col, date_col):
        if c is not None and c not in df.columns:
            raise ValueError(f"no column {c!r} in the DataFrame (columns: {df.columns})")

    def run(batches: Iterable[Any]) -> Iterator[Any]:
        for pdf in batches:
            yield normalize_pandas(pdf, text_col=text_col, id_col=id_col, source_col=source_col, url_col=url_col,
                                   date_col=date_col, rules_dirs=rules_dirs, prefix=prefix)

    return df.mapInPandas(run, schema=output_schema(df.schema, prefix))
