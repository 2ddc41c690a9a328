"""Round 6: the faster langdetect ``Detector`` in ``language`` gives langdetect's own probabilities."""
from __future__ import annotations

import random
from importlib.metadata import version

from conftest import corpus_lines
from langdetect import detector_factory
from langdetect.detector import Detector
from langdetect.lang_detect_exception import LangDetectException

from normalizer import language

TEXTS = [
    "The prime minister said on Tuesday that the talks would resume next week in Geneva.",
    "Le gouvernement a annoncé mardi une nouvelle réforme des retraites, contestée par les syndicats.",
    "Die Regierung hat am Dienstag neue Maßnahmen gegen die Inflation beschlossen.",
    "El presidente anunció el martes un plan de inversión en infraestructuras y vivienda.",
    "O governo anunciou nesta terça-feira um novo pacote de medidas económicas.",
    "Regeringen meddelade på tisdagen att skatten på bensin sänks från och med juli.",
    "Vláda v úterý schválila nový zákon o daních. Vláda to oznámila ráno.",
    "Правительство во вторник объявило о новых мерах поддержки экономики.",
    "Уряд у вівторок оголосив про нові заходи підтримки економіки.",
    "Η κυβέρνηση ανακοίνωσε την Τρίτη νέα μέτρα για την ενέργεια.",
    "Chính phủ Việt Nam công bố kế hoạch phát triển kinh tế mới vào thứ Ba.",
    "Chi\u0301nh phu\u0309 Vie\u0323t Nam",
    "الحكومة أعلنت يوم الثلاثاء عن خطة جديدة للاقتصاد",
    "دولت ایران روز سه‌شنبه برنامه‌ای تازه اعلام کرد",
    "東京都は火曜日、新たな感染対策を発表した。カタカナ ﾃｽﾄ",
    "国务院总理周二表示，将继续推进改革开放。", "정부는 화요일 새로운 경제 정책을 발표했다.",
    "BBC NEWS: UN SAYS TALKS WILL RESUME", "ABC dEF GhI jKL", "Sjálfstæðisflokkurinn ș ț ß œ",
    "", "12 34 56", "http://example.com/a?b=c mail@example.com", "a", "  ", "a  b   c", "ꙮ ☃ ∑",
]


def _probabilities(cls: type, text: str) -> list[tuple[str, float]] | str:
    det = cls(detector_factory._factory)
    det.set_max_text_length(language.SAMPLE_CHARS)
    det.seed = 0
    det.append(text)
    try:
        return [(p.lang, p.prob) for p in det.get_probabilities()]
    except LangDetectException as e:
        return str(e)


def _samples() -> list[str]:
    rnd = random.Random(6)
    lines = list(corpus_lines(strip=True))
    picked = rnd.sample(lines, min(60, len(lines)))
    mixed = [" ".join(rnd.sample(TEXTS, 3)) for _ in range(10)]
    return TEXTS + mixed + [" ".join(picked[i:i + 3])[:700] for i in range(0, len(picked), 3)]


def test_fast_detector_gives_langdetects_probabilities():
    language._langdetect("warm up the factory")
    fast = language._detector_class()
    if version("langdetect") == language._CHECKED_LANGDETECT:
        assert fast is not Detector      # the fast class is in use, so this comparison means something
    else:
        assert fast is Detector          # an unchecked langdetect release gets its own Detector
    for text in _samples():
        assert _probabilities(fast, text) == _probabilities(Detector, text), text


def test_ngrams_are_langdetects_ngrams():
    language._langdetect("warm up the factory")
    for text in _samples():
        det = Detector(detector_factory._factory)
        det.append(text)
        det.cleaning_text()
        assert language._ngrams(det.text, det.word_lang_prob_map) == det._extract_ngrams(), text
