"""normalizer.spark end to end on a local[2] Spark session (skipped without the ``spark`` extra)."""
from __future__ import annotations

import json
import os
import shutil
import sys

import pytest

pyspark = pytest.importorskip("pyspark")
pytest.importorskip("pandas")
pytest.importorskip("pyarrow")
if shutil.which("java") is None:
    pytest.skip("no Java runtime for Spark", allow_module_level=True)

from conftest import FIXTURES  # noqa: E402

from normalizer.spark import normalize_dataframe, normalize_partition  # noqa: E402

TEXTS = {p.stem: p.read_text(encoding="utf-8-sig") for p in sorted((FIXTURES / "scale").glob("*.txt"))
         if p.stem in ("en_wire", "de_page", "ko_bom")}


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession
    # executors must run this interpreter (the one with the package installed), not python3 on PATH
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    s = (SparkSession.builder.master("local[2]").appName("newsnorm-test")
         .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
         .config("spark.sql.execution.arrow.pyspark.enabled", "true").getOrCreate())
    yield s
    s.stop()


def test_dataframe_gets_record_columns(spark, norm):
    rows = [(k, v, "2021-06-10") for k, v in TEXTS.items()] + [("empty", None, None), ("blank", "   ", None)]
    df = spark.createDataFrame(rows, "id string, text string, date string").repartition(2)
    out = normalize_dataframe(df, text_col="text", id_col="id", date_col="date")
    assert out.columns[:3] == ["id", "text", "date"]
    assert {"ok", "title", "language", "published", "record"} <= set(out.columns)
    got = {r["id"]: r for r in out.collect()}
    assert got["en_wire"]["language"] == "en" and got["ko_bom"]["language"] == "ko"
    assert got["en_wire"]["title"] == "Harbour authority approves night ferry trial"
    assert got["empty"]["ok"] is False and got["empty"]["error"] == "MissingText"
    assert got["blank"]["ok"] is False
    rec = json.loads(got["de_page"]["record"])
    assert rec["input"] == "de_page"
    # the same record as normalize() in this process, byte for byte
    local = norm.normalize(TEXTS["de_page"], reference_date="2021-06-10", input_id="de_page")
    assert rec == json.loads(json.dumps(local))


def test_map_partitions_on_rdd(spark):
    rdd = spark.sparkContext.parallelize(list(TEXTS.values()) + [{"text": "Hello\nA short body line.", "id": 7}], 2)
    recs = [json.loads(x) for x in rdd.mapPartitions(normalize_partition(id_field="id")).collect()]
    assert len(recs) == 4 and all(r["ok"] for r in recs)
    assert recs[-1]["input"] == "7"
