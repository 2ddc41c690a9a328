"""Speed round 3 (whole pages): each new shortcut gives the same answer as the slow path it stands in for."""
from __future__ import annotations

import random
import re
import sys
import unicodedata

import regex
from conftest import FIXTURES, SHARED, corpus_lines

from normalizer import dates, sources
from normalizer.dates_shapes import SHAPES, shapes

LINES = list(corpus_lines(strip=True))
_RND = random.Random(11)
FUZZ = ["".join(chr(_RND.randrange(0x20, 0x30000)) for _ in range(_RND.randint(1, 12))) for _ in range(3000)] + [
    "© 2020 Foo", "COPYRIGHT 2020", "All Rights Reserved", "all rights reſerved", "(C) Bar", "무단 전재", "무단전재",
    "版权所有", "ⓒ 연합뉴스", "Ⓒ x", "copyrıght", "12/03/2020", "1-2-2020", "3/4", "2020年3月4日", "2020년 3월 4일",
    "JUCHE 113.1.2.", "Juche 113.1.2.", "民國105年3月19日", "Stand: 14.03.2024",
]


def test_copyright_shortcut_matches_the_regex():
    """``_is_copyright`` on a lowercased line is ``_COPYRIGHT.search``: no lowercase character outside
    ``_COPYRIGHT_OTHER`` folds to one of its ASCII words' letters under ``regex.I``."""
    letters = regex.compile("[" + "".join(sorted({ch for w in sources._COPYRIGHT_ASCII for ch in w
                                                  if ch.isalpha()})) + "]", regex.I)
    for i in range(0x80, sys.maxunicode + 1):
        ch = chr(i)
        if ch.lower() == ch and ch not in sources._COPYRIGHT_OTHER:
            assert not letters.fullmatch(ch), hex(i)
    for text in LINES + FUZZ:
        for low in {text.lower(), unicodedata.normalize("NFKC", text).lower()}:
            assert sources._is_copyright(low) == bool(sources._COPYRIGHT.search(low)), low


def test_shape_gates_hold_what_every_match_holds(norm):
    """Shapes 0-5 run only on windows holding ``年``, ``년``, an era word, a digit before ``-./``: every
    match holds it."""
    assert "年" in SHAPES[1] and "년" in SHAPES[2] and "Juche" in SHAPES[3]
    sh = shapes(norm.rules)
    for text in LINES[::3] + FUZZ:
        for k, rx in dates._SHAPE_NEEDS.items():
            assert k < len(SHAPES)
            for m in sh.dates[k].finditer(text):
                assert rx.search(m.group(0)), (k, text)


def test_slash_gate_holds_in_every_slash_date():
    for text in LINES + FUZZ:
        cut = text[: dates.PROSE * 2]
        if dates._SLASH.search(cut):
            assert dates._SLASH_GATE.search(text, 0, dates.PROSE * 2), text


def _by_rules_slow(doc, lines) -> None:
    """``_by_rules`` as it was: the year anchor on every line first, then each rule's prefilter."""
    from normalizer.rx_prefilter import may_search
    rules = dates._rules(doc)
    if not rules:
        return
    anchor = dates._anchor(doc)
    for ln in lines:
        text = dates._text(doc, ln)
        if len(text) > dates.MAX_LINE or not anchor.search(text):
            continue
        for name, r in rules:
            field = r["field"]
            if field in doc.fields or not may_search(r["pattern"], text):
                continue
            for m in r["pattern"].finditer(text):
                g = {k: v for k, v in m.groupdict().items() if v}
                val = dates.to_value(doc, g, m.group(0).strip(), (ln.start + m.start(), ln.start + m.end()), name,
                                     r.get("timezone"))
                if val:
                    doc.fields[field] = val
                    doc.fire(name)
                    dates._claim(doc, ln, field, name, m.end() - m.start())
                    break


def _run_all(extra: list[bytes] = ()) -> None:
    from normalizer import Normalizer, pipeline
    n = Normalizer()
    folders = [FIXTURES] + ([SHARED / "corpus" / "dates" / "page"] if SHARED.exists() else [])
    files = [f for d in folders for f in sorted(d.rglob("*.txt"))][:400]
    for f in files:
        pipeline.run(f.read_bytes(), n.rules, input_id=f.name)
    for i, data in enumerate(extra):
        pipeline.run(data, n.rules, input_id=f"extra{i}")


def test_by_rules_asks_the_rule_before_the_year(monkeypatch):
    """``_by_rules`` asks the rule's prefilter before the year anchor: same fields, same ledger."""
    import copy
    orig = dates._by_rules
    runs, mismatches = [], []

    def spy(doc, lines):
        fields, roles, fired = copy.deepcopy(doc.fields), [(ln.role, ln.field, ln.rule) for ln in doc.ledger.lines], \
            list(doc.fired) if hasattr(doc, "fired") else None
        _by_rules_slow(doc, lines)
        want = (copy.deepcopy(doc.fields), [(ln.role, ln.rule) for ln in doc.ledger.lines])
        doc.fields.clear()
        doc.fields.update(fields)
        for ln, (role, fld, rule) in zip(doc.ledger.lines, roles, strict=True):
            ln.role, ln.field, ln.rule = role, fld, rule
        if fired is not None:
            doc.fired[:] = fired
        orig(doc, lines)
        # recorded, not asserted here: ``pipeline.run`` turns a stage's exception into an error record
        got = (doc.fields, [(ln.role, ln.rule) for ln in doc.ledger.lines])
        if got != want:
            mismatches.append((got, want))
        runs.append("published" in doc.fields)

    monkeypatch.setattr(dates, "_by_rules", spy)
    _run_all([b"<DATE_TIME> 2008-04-28T12:52:00\n<DOC>\nSome text here about 2008 things.\n"])
    assert runs and any(runs) and not mismatches, mismatches[:1]


def test_mark_lists_lazy_prose_matches_the_full_count(norm):
    """``_mark_lists`` counts paragraphs only as far as asked: same ``listed`` marks as counting them all."""
    def slow(doc, cands) -> list[bool]:
        lines = doc.ledger.lines
        saved = [c.listed for c in cands]
        items: dict[tuple, list] = {}
        for c in cands:
            bullet = bool(dates._BULLET.match(lines[c.line].text))
            if not c.label and not c.event and (dates._is_header_line(doc, c)
                                                or (bullet and len(lines[c.line].text) <= dates.PROSE)):
                alone = c.residue <= 2 and c.start - lines[c.line].start <= 2
                items.setdefault((c.shape, bullet, alone), []).append(c)
        prose = [0]
        for ln in lines:
            prose.append(prose[-1] + dates._paragraph(ln.text))
        out = [False] * len(cands)
        pos = {id(c): i for i, c in enumerate(cands)}
        for (_s, bullet, _a), group in items.items():
            for c in group:
                near = [o for o in group if o.line != c.line and abs(o.line - c.line) <= 6]
                apart = all(o.line > c.line and prose[o.line] > prose[c.line + 1] for o in near)
                out[pos[id(c)]] = len(near) >= (1 if bullet else 2) and not apart
        for c, s in zip(cands, saved, strict=True):
            c.listed = s
        return out

    seen, mismatches = [], []
    orig = dates._mark_lists

    def spy(doc, cands):
        want = slow(doc, cands)
        orig(doc, cands)
        seen.append(len(cands))
        if [c.listed for c in cands] != want:   # recorded: ``pipeline.run`` would swallow an assert here
            mismatches.append(doc.text[:80])

    dates._mark_lists = spy
    try:
        _run_all()
    finally:
        dates._mark_lists = orig
    assert sum(seen) > 0 and not mismatches, mismatches[:3]


def test_slow_copyright_words_stay_ascii():
    assert all(w.isascii() for w in sources._COPYRIGHT_ASCII)
    assert re.fullmatch(r"\[.+\]", sources._OTHER.pattern)


def _find_last_scan(labels, text: str) -> tuple[int, int] | None:
    """``Labels.find_last`` as it was: ``rfind`` per label whose first character the text holds."""
    from normalizer.dates_shapes import _wordy
    low = text.casefold()
    if len(low) != len(text):
        low = text.lower() if len(text.lower()) == len(text) else text
    best, rank = None, 0
    for ch in set(low).intersection(labels.by_first):
        for k, f, lb, rb in labels.by_first[ch]:
            i = low.rfind(f)
            while i >= 0:
                e = i + len(f)
                if (not lb or i == 0 or not _wordy(low[i - 1], f[0])) and \
                        (not rb or e == len(low) or not _wordy(low[e], f[-1])):
                    if best is None or e > best[1] or (e == best[1] and k < rank):
                        best, rank = (i, e), k
                    break
                i = low.rfind(f, 0, i)
    return best


def test_find_last_automaton_matches_the_rfind_scan(norm):
    from normalizer.dates_shapes import Labels
    sh = shapes(norm.rules)
    sets = [sh.pub, sh.mod, sh.pub_suf, sh.mod_suf, sh.neg,
            Labels({"aa", "ana", "an", "a", "Stand", "stand", "am", "AM", "发布", "发布时间"})]
    texts = LINES[::6] + FUZZ + ["aaa", "banana ana", "xaa aa", "anana", "Stand: heute", "发布时间：2020", "am am",
                                 "Veröffentlicht am 3. Mai", "İstanbul am", "ﬁled am"]
    for labels in sets:
        for text in texts:
            for t in (text, text[:60], text[-60:]):
                assert labels.find_last(t) == _find_last_scan(labels, t), (t, labels.plain[:3])
