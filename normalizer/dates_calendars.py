"""Calendars other than the Gregorian that news pages write dates in: the Solar Hijri (Iran, Afghanistan),
and the digits other scripts write numbers with.

The Solar Hijri conversion is the ``jalaali`` algorithm (Borkowski's breaks of the 2820-year cycle, as in
jalaali-js), exact for the years 1-3177 AP. Digits are mapped one to one, so spans stay valid.
"""
from __future__ import annotations

import datetime as dt
import re

# Arabic-Indic (٠-٩) and Extended Arabic-Indic / Persian (۰-۹) digits → ASCII, one character each.
DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_FOREIGN = re.compile("[٠-٩۰-۹]")

_BREAKS = (-61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192, 2262, 2324, 2394,
           2456, 3178)


def ascii_digits(text: str) -> str:
    """``text`` with Persian and Arabic-Indic digits written as ASCII (same length)."""
    return text.translate(DIGITS) if _FOREIGN.search(text) else text


def _div(a: int, b: int) -> int:
    """Integer division truncating toward zero (the algorithm is written for it)."""
    q = abs(a) // abs(b)
    return q if (a >= 0) == (b > 0) else -q


def _mod(a: int, b: int) -> int:
    return a - _div(a, b) * b


def _jal_cal(jy: int) -> tuple[int, int, int]:
    """(years since the last leap year, Gregorian year, the March day on which Farvardin 1 falls)."""
    gy = jy + 621
    leap_j, jp, jump = -14, _BREAKS[0], 0
    for jm in _BREAKS[1:]:
        jump = jm - jp
        if jy < jm:
            break
        leap_j += _div(jump, 33) * 8 + _div(_mod(jump, 33), 4)
        jp = jm
    n = jy - jp
    leap_j += _div(n, 33) * 8 + _div(_mod(n, 33) + 3, 4)
    if _mod(jump, 33) == 4 and jump - n == 4:
        leap_j += 1
    leap_g = _div(gy, 4) - _div((_div(gy, 100) + 1) * 3, 4) - 150
    march = 20 + leap_j - leap_g
    if jump - n < 6:
        n = n - jump + _div(jump + 4, 33) * 33
    leap = _mod(_mod(n + 1, 33) - 1, 4)
    if leap == -1:
        leap = 4
    return leap, gy, march


def solar_hijri_leap(jy: int) -> bool:
    """Whether Esfand of year ``jy`` AP has 30 days."""
    return _jal_cal(jy)[0] == 0


def solar_hijri_to_gregorian(jy: int, jm: int, jd: int) -> dt.date:
    """The Gregorian day of a Solar Hijri date; ValueError when there is no such day."""
    if not (1 <= jy <= 3177 and 1 <= jm <= 12 and 1 <= jd):
        raise ValueError(f"no Solar Hijri day {jy}-{jm}-{jd}")
    days = 31 if jm <= 6 else 30 if jm <= 11 else (30 if solar_hijri_leap(jy) else 29)
    if jd > days:
        raise ValueError(f"no Solar Hijri day {jy}-{jm}-{jd}")
    _, gy, march = _jal_cal(jy)
    offset = (jm - 1) * 31 - _div(jm, 7) * (jm - 7) + jd - 1
    return dt.date(gy, 3, march) + dt.timedelta(days=offset)
