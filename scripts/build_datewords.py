"""Regenerate ``normalizer/data/datewords.json`` (month, weekday and am/pm words) from babel's CLDR data.

    python scripts/build_datewords.py

The dates stage reads the shipped file so a process does not spend two seconds loading CLDR; the
table is exactly ``normalizer.datewords.build()`` (``tests/test_dates_words.py`` checks that).
"""
from __future__ import annotations

import json
import sys

from normalizer.datewords import DATA, build


def render(data: dict) -> str:
    """The file's text for a table (stable: sorted keys, one entry a line)."""
    return json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n"


def main() -> int:
    data = build()
    DATA.parent.mkdir(parents=True, exist_ok=True)
    DATA.write_text(render(data), encoding="utf-8")
    print(f"{DATA}: {len(data['months'])} month words, {len(data['weekdays'])} weekday words, "
          f"{len(data['ampm'])} am/pm words", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
