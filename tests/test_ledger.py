"""The line ledger: every non-blank line ends in exactly one place, and spans point at the text."""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES, shared_path

from normalizer.decode import decode
from normalizer.lines import ROLES, Ledger, LedgerError

FIXTURE_FILES = sorted(FIXTURES.rglob("*.txt"))


def assert_invariant(rec: dict, data: bytes) -> None:
    """Spans index the decoded text (after charset detection and mojibake repair)."""
    assert rec["ok"], rec["error"]
    text = decode(data).text
    nonblank = [ln.strip() for ln in text.splitlines() if ln.strip()]
    lines = rec["lines"]
    assert len(lines) == len(nonblank), "every non-blank line is in the ledger once"
    for (start, end, role, _how), expect in zip(lines, nonblank, strict=True):
        assert role in ROLES, f"line not placed: {expect[:60]!r}"
        assert text[start:end] == expect


def test_segment_spans_and_breaks():
    text = "Title\r\n\r\n  Body one.  \rBody two\u2028\n\x0cLast"
    led = Ledger(text)
    assert [ln.text for ln in led] == ["Title", "Body one.", "Body two", "Last"]
    for ln in led:
        assert text[ln.start:ln.end] == ln.text
    assert [ln.text for ln in led] == [x.strip() for x in text.splitlines() if x.strip()]


def test_claim_is_once_only():
    led = Ledger("a\nb\n")
    assert led.claim(0, "title")
    assert not led.claim(0, "body"), "a placed line is not placed again"
    assert led[0].role == "title"
    with pytest.raises(LedgerError):
        led.claim(1, "nowhere")
    assert led.problems() == ["line 1 not placed: 'b'"]


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda p: p.name)
def test_invariant_on_fixtures(norm, path: Path):
    data = path.read_bytes()
    rec = norm.normalize(data, input_id=str(path))
    if not rec["ok"]:  # a fixture of undecodable bytes: an error record, and no line to place
        assert rec["error"]["type"] == "DecodeError" and rec["lines"] == []
        return
    assert_invariant(rec, data)


@pytest.mark.parametrize("folder", ["wire", "pages", "reuters", "extraction", "dates/page", "dates/main"])
def test_invariant_on_shared_corpus(norm, folder: str):
    root = shared_path("corpus", *folder.split("/"))
    files = sorted(root.glob("*.txt"))
    assert files
    for p in files:
        data = p.read_bytes()
        rec = norm.normalize(data, input_id=str(p))
        try:
            assert_invariant(rec, data)
        except AssertionError as e:
            raise AssertionError(f"{p}: {e}") from None
