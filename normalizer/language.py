"""Language of the article: a script fast path for Hangul, Kana and Han; langdetect (seeded) for the rest.

The sample is the longest free lines (body candidates), bounded in size, so a long page costs the same
as a short one and boilerplate in another language (an ICP footer on an English page) does not sway it.
"""
from __future__ import annotations

import threading

import hanzidentifier

from .doc import Doc

SAMPLE_CHARS = 600      # characters of text sampled for detection
_LANGDETECT_MAP = {"zh-cn": "zh-Hans", "zh-tw": "zh-Hant"}
_lock = threading.Lock()
_factory_ready = False


def script_counts(text: str) -> dict[str, int]:
    """Letters per script: latin, hangul, kana, han, cyrillic, arabic, other."""
    c = {"latin": 0, "hangul": 0, "kana": 0, "han": 0, "cyrillic": 0, "arabic": 0, "greek": 0, "other": 0}
    for ch in text:
        o = ord(ch)
        if o < 0x80:
            if ch.isalpha():
                c["latin"] += 1
        elif 0xAC00 <= o <= 0xD7A3 or 0x1100 <= o <= 0x11FF or 0x3130 <= o <= 0x318F:
            c["hangul"] += 1
        elif 0x3040 <= o <= 0x30FF or 0x31F0 <= o <= 0x31FF or 0xFF66 <= o <= 0xFF9F:
            c["kana"] += 1
        elif 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF or 0x20000 <= o <= 0x2FA1F:
            c["han"] += 1
        elif 0x0400 <= o <= 0x04FF:
            c["cyrillic"] += 1
        elif 0x0600 <= o <= 0x06FF:
            c["arabic"] += 1
        elif 0x0370 <= o <= 0x03FF:
            c["greek"] += 1
        elif 0x00C0 <= o <= 0x024F:
            c["latin"] += 1
        elif ch.isalpha():
            c["other"] += 1
    return c


def han_variant(text: str) -> tuple[str, float]:
    """zh-Hans or zh-Hant for Chinese text (hanzidentifier's CC-CEDICT tables), with a confidence."""
    kind = hanzidentifier.identify(text)
    if kind == hanzidentifier.TRADITIONAL:
        return "zh-Hant", 0.95
    if kind == hanzidentifier.SIMPLIFIED:
        return "zh-Hans", 0.95
    if kind == hanzidentifier.MIXED:  # count characters that exist in only one of the two sets
        trad = sum(1 for ch in text if hanzidentifier.is_traditional(ch) and not hanzidentifier.is_simplified(ch))
        simp = sum(1 for ch in text if hanzidentifier.is_simplified(ch) and not hanzidentifier.is_traditional(ch))
        return ("zh-Hant", 0.7) if trad > simp else ("zh-Hans", 0.7)
    return "zh-Hans", 0.6


def identify(text: str) -> tuple[str | None, float, str]:
    """(code, confidence, rule) for a bounded sample of text."""
    c = script_counts(text)
    letters = sum(c.values())
    if not letters:
        return None, 0.0, "language.none"
    if c["kana"] >= 0.05 * letters or (c["kana"] and c["kana"] >= c["hangul"] and c["han"] + c["kana"] > 0.3 * letters):
        return "ja", min(0.99, 0.8 + c["kana"] / letters), "language.script.kana"
    if c["hangul"] >= 0.2 * letters:
        return "ko", min(0.99, 0.7 + c["hangul"] / letters), "language.script.hangul"
    if c["han"] >= 0.3 * letters:
        code, conf = han_variant(text)
        return code, conf, "language.script.han"
    if c["cyrillic"] >= 0.5 * letters or c["latin"] >= 0.5 * letters or c["arabic"] >= 0.5 * letters \
            or c["greek"] >= 0.5 * letters:
        code, conf = _langdetect(text)
        if code:
            return code, conf, "language.langdetect"
    return None, 0.0, "language.none"


def _langdetect(text: str) -> tuple[str | None, float]:
    """langdetect's best guess, seeded so the same text always gives the same answer."""
    global _factory_ready
    from langdetect import detector_factory
    from langdetect.lang_detect_exception import LangDetectException
    with _lock:
        if not _factory_ready:
            detector_factory.init_factory()
            _factory_ready = True
    det = detector_factory._factory.create()
    det.set_max_text_length(SAMPLE_CHARS)
    det.seed = 0  # langdetect draws random n-grams: a fixed seed makes it deterministic
    det.append(text)
    try:
        probs = det.get_probabilities()
    except LangDetectException:
        return None, 0.0
    if not probs:
        return None, 0.0
    best = probs[0]
    return _LANGDETECT_MAP.get(best.lang, best.lang), float(best.prob)


def sample(doc: Doc) -> str:
    """The longest free lines in text order, up to SAMPLE_CHARS: body text, not menus or footers."""
    free = [ln for ln in doc.ledger if ln.role is None] or list(doc.ledger)
    ranked = sorted(free, key=lambda ln: (-len(ln.text), ln.index))
    picked, total = [], 0
    for ln in ranked:
        picked.append(ln)
        total += len(ln.text)
        if total >= SAMPLE_CHARS:
            break
    picked.sort(key=lambda ln: ln.index)
    return "\n".join(ln.text for ln in picked)[: SAMPLE_CHARS * 2]


def detect(doc: Doc) -> None:
    """Set ``doc.language`` from the sample; a source that writes one language breaks a tie."""
    code, conf, rule = identify(sample(doc))
    if code is None and doc.source and len(doc.source.get("languages") or []) == 1:
        code, conf, rule = doc.source["languages"][0], 0.5, f"source.{doc.source['id']}.language"
    doc.language, doc.language_confidence = code, conf
    doc.fields["language_rule"] = rule
    doc.fire(rule)
