"""Speed round 12 (language): the stdlib twin of ``language._WORD`` finds the same words."""
from __future__ import annotations

import random

from conftest import corpus_lines

from normalizer import language

TEXTS = ["The quick brown fox's tail", "l’été d’Artagnan, aujourd'hui", "Größe über Straße — 12 ½ Äpfel",
         "д’Артаньян пришёл в 10:30", "Η Αθήνα είναι πρωτεύουσα", "İstanbul'da ılık ŞEHİR", "snake_case and x²",
         "Tiếng Việt có dấu: người, được", "हिन्दी समाचार १२ मार्च", "עברית ו־ערבית: مرحبا بالعالم",
         "ქართული ენა", "café\u0301 nai\u0308ve ﬁnance", "mixed 東京 text", "emoji 😀 ok", "'quoted' ’’ ’a’ a''b",
         "\u200d\u200cjoin", "a\u2019", "x"]


def test_alphabet_class_is_regex_class() -> None:
    """Every character below ``_ALPHABETS_END`` is a word of the stdlib twin exactly when it is one of
    ``_WORD``."""
    fast = language._alphabet_word()
    for c in map(chr, range(ord(language._ALPHABETS_END))):
        assert (fast.fullmatch(c) is None) == (language._WORD.fullmatch(c) is None), hex(ord(c))


def test_words_match_regex() -> None:
    """``_words`` gives ``_WORD.findall`` on written texts, random mixes and the corpus lines."""
    rng = random.Random(12)
    pool = "".join(TEXTS) + "'’-_0١ \u0301\u0308\u00ad\u2019\u02bc"
    texts = TEXTS + ["".join(rng.choice(pool) for _ in range(rng.randint(1, 40))) for _ in range(3000)]
    texts += list(corpus_lines())[::7]
    for t in texts:
        if t:
            assert language._words(t) == language._WORD.findall(t), t
