"""normalizer.dask end to end on Dask's synchronous scheduler (skipped without the ``dask`` extra)."""
from __future__ import annotations

import json

import pytest

dask = pytest.importorskip("dask")
pd = pytest.importorskip("pandas")
db = pytest.importorskip("dask.bag")
dd = pytest.importorskip("dask.dataframe")

from conftest import FIXTURES  # noqa: E402

from normalizer.dask import normalize_bag, normalize_dataframe  # noqa: E402

TEXTS = {p.stem: p.read_text(encoding="utf-8-sig") for p in sorted((FIXTURES / "scale").glob("*.txt"))
         if p.stem in ("en_wire", "de_page", "ko_bom")}


def test_bag_of_dicts_and_texts():
    items = [{"id": k, "text": v} for k, v in TEXTS.items()] + ["Plain text\nWith a body line.", {"id": "x"}]
    bag = db.from_sequence(items, npartitions=2)
    recs = [json.loads(r) for r in normalize_bag(bag, id_field="id").compute(scheduler="synchronous")]
    assert [r["input"] for r in recs] == list(TEXTS) + [None, "x"]
    assert [r["ok"] for r in recs] == [True, True, True, True, False]
    assert recs[-1]["error"]["type"] == "MissingText"


def test_dataframe_gets_record_columns():
    pdf = pd.DataFrame({"id": list(TEXTS) + ["none"], "text": list(TEXTS.values()) + [None]})
    ddf = dd.from_pandas(pdf, npartitions=2)
    out = normalize_dataframe(ddf, text_col="text", id_col="id").compute(scheduler="synchronous")
    assert list(out["id"]) == list(pdf["id"])
    assert {"ok", "title", "language", "published", "record"} <= set(out.columns)
    by_id = out.set_index("id")
    assert by_id.loc["en_wire", "language"] == "en" and by_id.loc["de_page", "language"] == "de"
    assert not by_id.loc["none", "ok"]
    assert json.loads(by_id.loc["ko_bom", "record"])["input"] == "ko_bom"


def test_dataframe_rejects_unknown_column():
    ddf = dd.from_pandas(pd.DataFrame({"text": ["a"]}), npartitions=1)
    with pytest.raises(ValueError, match="no column"):
        normalize_dataframe(ddf, text_col="body")
