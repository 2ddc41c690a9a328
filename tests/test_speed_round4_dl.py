"""Round 4 speed shortcuts of decode, datelines and bylines give the answers of the slow paths."""
from __future__ import annotations

import random

import ftfy.badness
import regex
from conftest import corpus_lines

from normalizer import decode, rx_needs

LINES = list(corpus_lines(strip=False))


def _mojibake_samples() -> list[str]:
    rnd = random.Random(4)
    pool = [chr(c) for c in range(0x80, 0x2600)] + list("abcXYZ .,?!\n\r\x85\u2028")
    fuzz = ["".join(rnd.choice(pool) for _ in range(rnd.randint(1, 12))) for _ in range(30000)]
    moji = []
    for line in LINES[:8000]:
        if not line.isascii():
            for enc in ("cp1252", "latin-1", "mac_roman", "cp1251", "cp1253", "cp1257"):
                moji.append(line.encode("utf-8").decode(enc, "replace"))
    return LINES + moji + fuzz + ["Ã©tÃ©", "â€™", "Ð¿Ñ€Ð¸", "\x85", "œ.", "a Â ", "Ã ", "ГўВЂВ a", "вЂ"]


def _slow_fix(text: str) -> tuple[str, list[dict]]:
    """``_fix_mojibake`` as it was: every line through the pre-test and ``is_bad``."""
    if text.isascii():
        return text, []
    out, repairs, pos = [], [], 0
    for line in text.splitlines(keepends=True):
        if not decode.may_be_mojibake(line) or not ftfy.badness.is_bad(line):
            out.append(line)
        else:
            fixed = ftfy.fix_and_explain(line, config=decode._FTFY)
            if fixed.text != line and len(fixed.text.splitlines()) == len(line.splitlines()):
                steps = ",".join(s[1] for s in (fixed.explanation or []))
                repairs.append({"kind": "mojibake", "step": steps or "ftfy", "span": [pos, pos + len(line)],
                                "before": line.strip()[:200], "after": fixed.text.strip()[:200]})
                out.append(fixed.text)
            else:
                out.append(line)
        pos += len(line)
    return "".join(out), repairs


def test_badness_needs_are_read_from_the_pattern():
    assert decode._NEEDS is not None
    singles, pairs, _ = decode._NEEDS
    assert "\x85" in singles and "Ã" in singles and "Ð" not in singles
    assert "€" in pairs["â"] and "Ђ" in pairs["в"]


def test_every_bad_line_has_a_bad_position():
    checked = 0
    for text in _mojibake_samples():
        if ftfy.badness.is_bad(text):
            checked += 1
            assert decode._bad_positions(text), text
    assert checked > 1000


def test_fix_mojibake_matches_the_line_by_line_scan():
    samples = _mojibake_samples()
    rnd = random.Random(5)
    docs = ["".join(rnd.choice(samples) + rnd.choice(["\n", "\r\n", "\x85", "\u2028", " "]) for _ in range(30))
            for _ in range(1500)]
    docs += ["\n".join(LINES[i:i + 200]) for i in range(0, len(LINES), 200)]
    repaired = 0
    for doc in docs:
        got = decode._fix_mojibake(doc)
        assert got == _slow_fix(doc)
        repaired += bool(got[1])
    assert repaired > 100


# --- datelines: what a pattern needs, and the extract that asks it ------------------------------------

DATELINE_SHAPES = [
    "WASHINGTON (Reuters) - The U.S. Senate on Tuesday",
    "ROCHESTER, N.Y., March 3 (AP) -- A man was",
    "SURABAYA, Indonesia/JAKARTA, Jan 5 (Reuters) - Officials",
    "LONDON, 12 janvier (AFP) - Le gouvernement",
    "BERLIN, 3. März (dpa) - Die Regierung",
    "MADRID, 4 de mayo de 2020 (EFE) - El Gobierno",
    "(ANSA) - ROMA, 12 GEN - Il governo",
    "MILANO, 3 MAR - La Borsa",
    "NEW YORK — Stocks rose on Monday",
    "PARIS: Le président a dit",
    "(Reuters) - Shares fell",
    "【北京=共同】中国政府は",
    "【3月5日 AFP】フランスの",
    "【ワシントン=山田太郎】米政府は",
    "[東京 5日 ロイター] - 日経平均",
    "(서울=연합뉴스) 홍길동 기자 = 정부는",
    "[베이징=연합뉴스] 중국",
    "사진 설명 (서울=연합뉴스) 김철수 기자 = 오늘",
    "МОСКВА, 5 мая — РИА Новости. Президент",
    "МОСКВА, 5 мая. /ТАСС/. Президент",
    "新华社北京3月5日电（记者 张三）国务院",
    "本报北京3月5日电 记者李四",
    "（中央社記者楊啟芳台北5日電）行政院",
    "（中央社台北5日電）行政院",
    "記者王小明／台北報導",
    "（新华社）据报道",
    "Donald Trump (R) said on Tuesday",
    "The Mayor (who spoke) said",
    "Wall Street, 5 May (Reuters)",
    "ÉVORA, Portugal, 3 Jan (Lusa) - O",
    "St. PAUL, Minn. (AP) - A",
]


def _dateline_patterns(norm) -> list:
    out = {}
    for loc in norm.rules.locales.values():
        for r in loc.get("datelines", {}).get("rules", []):
            out[r["pattern"].source] = r["pattern"].pattern
        for r in loc.get("names", {}).get("byline_patterns", []):
            out[r["pattern"].source] = r["pattern"].pattern
    for src in norm.rules.sources.values():
        for key in ("datelines", "bylines"):
            for r in src.get(key, []) or []:
                out[r["pattern"].source] = r["pattern"].pattern
    return list(out.values())


def _texts() -> list[str]:
    rnd = random.Random(6)
    lines = [x for x in corpus_lines(strip=True) if len(x) <= 400]
    sample = rnd.sample(lines, min(len(lines), 6000)) if lines else []
    noisy = ["".join(rnd.choice(s) for _ in range(3)) for s in [DATELINE_SHAPES] * 300]
    return DATELINE_SHAPES + [s + " " + t for s, t in zip(DATELINE_SHAPES, reversed(DATELINE_SHAPES), strict=True)] \
        + [s.lower() for s in DATELINE_SHAPES] + noisy + sample


def test_pattern_needs_hold_in_every_match(norm):
    texts = _texts()
    checked = opened = 0
    read = 0
    for pattern in _dateline_patterns(norm):
        needs = rx_needs.pattern_needs(pattern)
        read += bool(needs.line or needs.text or needs.opens)
        for text in texts:
            hit = any(m.end() > m.start() for m in pattern.finditer(text, timeout=1.0))
            if hit:
                checked += 1
                assert all(rx.search(text) for rx in needs.line), (pattern.pattern, text)
                assert all(any(c in text for c in g) for g in needs.text), (pattern.pattern, text)
            if needs.opens is None:
                continue
            for pos in range(min(len(text), 40)):
                m = pattern.match(text, pos, timeout=1.0)
                if m and m.end() - m.start() >= 2:
                    opened += 1
                    assert needs.opens.fullmatch(text[m.start():m.start() + 2]), (pattern.pattern, text, pos)
    assert read > 20 and checked > 200 and opened > 200


def test_pattern_reader_reads_what_it_knows_and_refuses_the_rest():
    needs = rx_needs.pattern_needs(regex.compile(r"(?P<p>[\p{Lu}]+), (?P<d>\d{1,2}) \((?P<a>AP|AFP)\)"))
    assert needs.line and needs.opens is not None
    assert all(rx.search("ROME, 3 (AP)") for rx in needs.line)
    assert not all(rx.search("ROME, 3 AP") for rx in needs.line)
    assert needs.opens.fullmatch("RO") and not needs.opens.fullmatch("Ro")
    for src in (r"(a)\1", r"(?x) a b", r"a(?i)b", r"[[:alpha:]]+x", r"a{e<=1}", r"(a)?(?(1)b|c)"):
        assert rx_needs.pattern_needs(regex.compile(src)) == rx_needs._NO_NEEDS, src
    assert rx_needs.pattern_needs(regex.compile(r"a?")).opens is None      # a match may be one character
    ic = rx_needs.pattern_needs(regex.compile(r"foo\(", regex.IGNORECASE))
    assert all(rx.search("FOO(") for rx in ic.line) and ic.opens.fullmatch("FO")


def _extract_slow(doc) -> None:
    """``datelines.extract`` as it was: every rule the zone allows, only the ``Candidates`` prefilter."""
    from normalizer import datelines as d
    rules = d._rules(doc)
    if not rules:
        return
    wheres = [r.get("where", "lead") for _, r in rules]
    inline = frozenset(i for i, w in enumerate(wheres) if w == "inline")
    cands = d.Candidates([r["pattern"] for _, r in rules], always=inline)
    free = d._candidates(doc)
    after = next((pos for ln, pos in free if ln.field == "published"), None)
    for ln, pos in free:
        in_lead = pos < d.FIRST_LINES or (after is not None and after < pos <= after + d.FIRST_LINES)
        text = ln.text if len(ln.text) <= d.MAX_LINE else ln.text[:d.MAX_LINE]
        lead = d._LEAD.match(text).end()
        dl = None
        for k, check in cands.select(text[lead:lead + 1], text):
            where = wheres[k]
            if (where == "lead" and not in_lead) or (where in ("head", "inline") and pos >= d.HEAD_LINES):
                continue
            if check and not cands.required(k, text):
                continue
            name, r = rules[k]
            if where == "inline":
                for m in r["pattern"].finditer(text):
                    dl = d._build(doc, m, r, name, ln) if m.end() > m.start() else None
                    if dl is not None:
                        dl["_whole"] = False
                        break
                if dl is not None:
                    break
                continue
            m = r["pattern"].match(text, lead)
            if not m or m.end() == m.start():
                continue
            whole = m.end() >= len(text.rstrip(d._TRAIL)) or not text[m.end():].strip(d._TRAIL + "  ")
            if where == "line" and not whole:
                continue
            dl = d._build(doc, m, r, name, ln)
            if dl is not None:
                dl["_whole"] = whole
                break
        if dl is None:
            continue
        whole = dl.pop("_whole")
        reporters = dl.pop("_reporters")
        doc.fields["dateline"] = dl
        doc.fire(dl["rule"])
        for raw, s, e in reporters:
            for n in d._authors(raw):
                authors = doc.fields.setdefault("authors", [])
                if all(a.get("name") != n for a in authors):
                    authors.append({"name": n, "raw": raw, "rule": dl["rule"], "span": [s, e]})
        if whole and ln.role is None:
            doc.ledger.claim(ln.index, "header", "dateline", dl["rule"])
        return


def test_extract_matches_the_rule_by_rule_scan(monkeypatch):
    import copy

    from conftest import FIXTURES, SHARED

    from normalizer import Normalizer, datelines, pipeline
    orig = datelines.extract
    runs = []

    def spy(doc):
        state = (copy.deepcopy(doc.fields), [(ln.role, ln.field, ln.rule) for ln in doc.ledger.lines],
                 list(doc.fired))
        _extract_slow(doc)
        want = (copy.deepcopy(doc.fields), [(ln.role, ln.rule) for ln in doc.ledger.lines], list(doc.fired))
        doc.fields.clear()
        doc.fields.update(state[0])
        for ln, (role, fld, rule) in zip(doc.ledger.lines, state[1], strict=True):
            ln.role, ln.field, ln.rule = role, fld, rule
        doc.fired[:] = state[2]
        orig(doc)
        got = (doc.fields, [(ln.role, ln.rule) for ln in doc.ledger.lines], list(doc.fired))
        runs.append(("dateline" in doc.fields, got == want))    # (the pipeline catches a stage's raise)

    monkeypatch.setattr(pipeline, "STAGES", tuple((n, spy if n == "datelines" else f) for n, f in pipeline.STAGES))
    n = Normalizer()
    folders = [FIXTURES] + ([SHARED / "corpus"] if SHARED.exists() else [])
    files = [f for d in folders for f in sorted(d.rglob("*.txt"))][:700]
    rnd = random.Random(7)
    # shapes first, and after up to 20 lines of other text (where only the head rules may stand)
    extra = ["\n".join([f"Body text here, number {i}." for i in range(rnd.randint(0, 20))]
                       + rnd.sample(DATELINE_SHAPES, 4) + ["More text."] * rnd.randint(0, 3)
                       + rnd.sample(DATELINE_SHAPES, 3)) for _ in range(300)]
    for f in files:
        pipeline.run(f.read_bytes(), n.rules, input_id=f.name)
    for i, text in enumerate(extra):
        pipeline.run(text, n.rules, input_id=f"extra{i}")
    assert all(same for _, same in runs)
    assert sum(found for found, _ in runs) > 150


BYLINE_SHAPES = ["By Jane Doe", "By JANE DOE and John Smith", "By Jane Doe, Reuters", "홍길동 기자", "김철수·이영희 기자",
                 "记者 张三", "记者 张三 李四", "Von Max Mustermann", "Par Jean Dupont", "Por Juan Pérez y Ana López",
                 "Di Mario Rossi", "Автор: Иван Петров", "文／王小明", "（記者 山田太郎）", "by jane doe", "By"]


def test_byline_candidates_keep_every_rule_that_matches(norm):
    from normalizer import bylines
    from normalizer.doc import Doc
    from normalizer.lines import Ledger
    rnd = random.Random(8)
    lines = [x for x in corpus_lines(strip=True) if len(x) <= 120]
    names = ["Jane Doe", "O'Neil Smith-Jones", "J. R. Ewing", "ÉMILE ZOLA", "Ana López", "Ivan Petrov"]
    made = [f"{by} {a}{sep}{b}" for by in ("By", "BY", "by") for a in names for b in names[:3]
            for sep in (" and ", ", ", " ")]
    made += [f"{k}{gap}{t}{mail}" for k in ("홍길동", "김철수", "남궁민수") for gap in ("", " ")
             for t in ("기자", "특파원", "객원기자") for mail in ("", " hong@yna.co.kr")]
    texts = BYLINE_SHAPES + made + rnd.sample(lines, min(len(lines), 8000)) \
        + [a + " " + b for a in BYLINE_SHAPES for b in ("", "/ AP", "and Mary Major")]
    sources = [None] + [s for s in norm.rules.sources.values() if s.get("bylines")]
    matched = 0
    for source in sources:
        doc = Doc("x", Ledger("x"), norm.rules, source=source) if source else Doc("x", Ledger("x"), norm.rules)
        prep = bylines._prepared(doc)
        for text in texts:
            slow = [name for name, r in prep.rules if r["pattern"].fullmatch(text)]
            fast = [name for name, _ in prep.candidates(text)]
            assert set(slow) <= set(fast), (text, slow, fast)
            assert fast == [name for name, _ in prep.rules if name in set(fast)]    # in rule order
            matched += bool(slow)
    assert matched > 100
