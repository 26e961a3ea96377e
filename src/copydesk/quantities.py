"""Read amounts such as ``$1.2 billion``, ``40%`` or ``1,200 jobs`` into numbers."""

from __future__ import annotations

import re

SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
          "k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12,
          "hundred": 1e2, "dozen": 12}
CURRENCIES = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY",
              "dollar": "USD", "dollars": "USD", "usd": "USD", "euro": "EUR", "euros": "EUR",
              "eur": "EUR", "pound": "GBP", "pounds": "GBP", "gbp": "GBP", "yen": "JPY"}
PERCENT = {"%", "percent", "per cent", "percentage points", "points"}
WORD_NUMBERS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
                "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
                "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
                "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
                "half": 0.5, "a": 1, "an": 1}
NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?")


def parse_quantity(text: str) -> tuple[float | None, str | None]:
    """Return the value and unit of an amount written in words and digits."""
    lowered = text.lower().replace("\u00a0", " ")
    unit = next((code for sign, code in CURRENCIES.items()
                 if (sign in lowered if not sign.isalpha() else re.search(rf"\b{sign}\b", lowered))),
                None)
    if unit is None and any(p in lowered for p in PERCENT):
        unit = "%"
    match = NUMBER.search(lowered)
    if match:
        value = float(match.group(1).replace(",", "") + ("." + match.group(2) if match.group(2) else ""))
        rest = lowered[match.end():]
    else:
        words = re.findall(r"[a-z]+", lowered)
        found = [WORD_NUMBERS[w] for w in words if w in WORD_NUMBERS and w not in {"a", "an"}]
        if not found:
            return None, unit
        value = float(found[0])
        rest = lowered.split(next(w for w in words if w in WORD_NUMBERS and w not in {"a", "an"}), 1)[1]
    for word in re.findall(r"[a-z]+", rest)[:2]:
        if word in SCALES:
            value *= SCALES[word]
            break
    if unit is None:
        tail = re.sub(r"^[\d.,\s]+", "", text[match.end():] if match else "").strip()
        unit = tail.split()[-1] if tail and not tail.split()[-1].lower() in SCALES else None
    return value, unit


def same_amount(a: float | None, b: float | None) -> bool:
    """Tell whether two values are the same amount, allowing for rounding."""
    if a is None or b is None:
        return False
    if a == b:
        return True
    return abs(a - b) <= 0.005 * max(abs(a), abs(b))
