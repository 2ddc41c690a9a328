"""Month and weekday words of every locale, from babel's CLDR data (loaded once, on first use)."""
from __future__ import annotations

from functools import lru_cache

from babel import Locale

# Locales whose month words we read; every CLDR width (wide, abbreviated) and context (format, stand-alone).
LOCALES = ("en", "de", "fr", "es", "it", "pt", "nl", "ru", "uk", "pl", "tr", "sv", "da", "nb", "fi", "cs",
           "sk", "hu", "ro", "el", "id", "vi", "ko", "ja", "zh", "zh_Hant", "ca", "hr", "sl", "bg", "sr",
           "lt", "lv", "et", "fa", "ar", "he")


@lru_cache(maxsize=1)
def month_lookup() -> dict[str, int]:
    """Casefolded month word (without a trailing dot) → month number. Ambiguous words are dropped."""
    seen: dict[str, set[int]] = {}
    for code in LOCALES:
        loc = Locale.parse(code)
        for ctx in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for num, word in loc.months[ctx][width].items():
                    w = word.casefold().rstrip(".")
                    if w and not w.isdigit():
                        seen.setdefault(w, set()).add(num)
    # English short forms news writes that CLDR does not (Sept, Febr.)
    for w, n in (("sept", 9), ("febr", 2), ("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("jun", 6),
                 ("jul", 7), ("aug", 8), ("oct", 10), ("nov", 11), ("dec", 12)):
        seen.setdefault(w, set()).add(n)
    return {w: next(iter(ns)) for w, ns in seen.items() if len(ns) == 1}
