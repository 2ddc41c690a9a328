"""Month, weekday and am/pm words of every locale, from babel's CLDR data (loaded once, on first use)."""
from __future__ import annotations

from functools import lru_cache

from babel import Locale

# Locales whose words we read; every CLDR width (wide, abbreviated) and context (format, stand-alone).
LOCALES = ("en", "de", "fr", "es", "it", "pt", "nl", "ru", "uk", "pl", "tr", "sv", "da", "nb", "fi", "cs",
           "sk", "hu", "ro", "el", "id", "vi", "ko", "ja", "zh", "zh_Hant", "ca", "hr", "sl", "bg", "sr",
           "lt", "lv", "et", "fa", "ar", "he", "be", "kk", "az", "sq", "mk", "ms", "tl")

# Short forms news writes that CLDR does not (Sept, Febr.); English ones only, checked against CLDR.
_EXTRA_MONTHS = (("sept", 9), ("febr", 2), ("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("jun", 6),
                 ("jul", 7), ("aug", 8), ("oct", 10), ("nov", 11), ("dec", 12), ("mrz", 3))


def _locales():
    for code in LOCALES:
        try:
            yield Locale.parse(code)
        except Exception:  # pragma: no cover - a babel without that locale
            continue


@lru_cache(maxsize=1)
def month_lookup() -> dict[str, int]:
    """Casefolded month word (without a trailing dot) → month number. Ambiguous words are dropped."""
    seen: dict[str, set[int]] = {}
    for loc in _locales():
        for ctx in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for num, word in loc.months[ctx][width].items():
                    w = word.casefold().rstrip(".")
                    if w and not w.isdigit() and not any(c.isdigit() for c in w):
                        seen.setdefault(w, set()).add(num)
    for w, n in _EXTRA_MONTHS:
        seen.setdefault(w, set()).add(n)
    return {w: next(iter(ns)) for w, ns in seen.items() if len(ns) == 1}


@lru_cache(maxsize=1)
def month_words() -> list[str]:
    """Every unambiguous month word of more than one letter, longest first (for a regex named list)."""
    return sorted((w for w in month_lookup() if len(w) > 1), key=lambda w: (-len(w), w))


@lru_cache(maxsize=1)
def weekday_words() -> list[str]:
    """Every weekday word (wide and abbreviated) of every locale, casefolded, longest first."""
    out: set[str] = set()
    for loc in _locales():
        for ctx in ("format", "stand-alone"):
            for width in ("wide", "abbreviated", "short"):
                try:
                    days = loc.days[ctx][width]
                except KeyError:
                    continue
                for word in days.values():
                    w = word.casefold().rstrip(".")
                    if w:
                        out.add(w)
    return sorted(out, key=lambda w: (-len(w), w))


@lru_cache(maxsize=1)
def ampm_words() -> dict[str, str]:
    """Casefolded am/pm words of every locale (CLDR day periods) → ``am`` or ``pm``."""
    out: dict[str, str] = {}
    for loc in _locales():
        for ctx in ("format", "stand-alone"):
            for width in ("abbreviated", "wide", "narrow"):
                try:
                    periods = loc.day_periods[ctx][width]
                except KeyError:
                    continue
                for key in ("am", "pm"):
                    w = str(periods.get(key) or "").casefold().replace(".", "").strip()
                    if w and len(w) > 1 and out.get(w, key) == key:
                        out[w] = key
    out.update({"am": "am", "pm": "pm"})
    return out
