"""Read amounts such as ``$1.2 billion``, ``40%`` or ``1,200 jobs`` into numbers.

The same amount is written many ways in news copy (``$1.2 billion``, ``1,200
million dollars``, ``US$1.2bn``); everything here turns them into one value and
one unit so that a claim and its source can be compared.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

SCALES = {
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "k": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "bn": 1e9,
    "b": 1e9,
    "tn": 1e12,
    "hundred": 1e2,
    "dozen": 12,
}
# "108 m" is metres and "$3m" is millions: one-letter scales count only with money.
MONEY_ONLY_SCALES = {"m", "b"}
CURRENCIES = {
    "$": "USD",
    "us$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "dollar": "USD",
    "dollars": "USD",
    "usd": "USD",
    "euro": "EUR",
    "euros": "EUR",
    "eur": "EUR",
    "pound": "GBP",
    "pounds": "GBP",
    "gbp": "GBP",
    "yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "rupee": "INR",
    "rupees": "INR",
}
# Units that only agree with themselves: "$40" is not "40%" (nor a bare 40).
STRICT_UNITS = {"USD", "EUR", "GBP", "JPY", "CNY", "INR", "%"}
# Amounts in the currency's hundredth: "42 cents" is 0.42 dollars.
SUBUNITS = {"cent": "USD", "cents": "USD", "penny": "GBP", "pence": "GBP"}
SUBUNIT_AMOUNT = re.compile(r"\d\s*(cents?|pence|penny)\b")
PERCENT = {"%", "percent", "per cent", "percentage points", "points"}
# Units of measure in their usual spellings, so that "230 metres" = "230 m".
UNITS = {
    "m": "m",
    "metre": "m",
    "metres": "m",
    "meter": "m",
    "meters": "m",
    "km": "km",
    "kilometre": "km",
    "kilometres": "km",
    "kilometer": "km",
    "kilometers": "km",
    "cm": "cm",
    "centimetre": "cm",
    "centimetres": "cm",
    "centimeter": "cm",
    "centimeters": "cm",
    "mm": "mm",
    "millimetre": "mm",
    "millimetres": "mm",
    "millimeter": "mm",
    "millimeters": "mm",
    "ft": "ft",
    "foot": "ft",
    "feet": "ft",
    "in": "in",
    "inch": "in",
    "inches": "in",
    "mi": "mi",
    "mile": "mi",
    "miles": "mi",
    "yd": "yd",
    "yard": "yd",
    "yards": "yd",
    "kg": "kg",
    "kilogram": "kg",
    "kilograms": "kg",
    "g": "g",
    "gram": "g",
    "grams": "g",
    "lb": "lb",
    "lbs": "lb",
    "pound-weight": "lb",
    "t": "t",
    "tonne": "t",
    "tonnes": "t",
    "ton": "ton",
    "tons": "ton",
    "metric ton": "t",
    "metric tons": "t",
    "ha": "ha",
    "hectare": "ha",
    "hectares": "ha",
    "acre": "acre",
    "acres": "acre",
    "sq": "sq",
    "mw": "MW",
    "megawatt": "MW",
    "megawatts": "MW",
    "gw": "GW",
    "gigawatt": "GW",
    "gigawatts": "GW",
    "kw": "kW",
    "mph": "mph",
    "km/h": "km/h",
    "l": "l",
    "litre": "l",
    "litres": "l",
    "liter": "l",
    "liters": "l",
    "gallon": "gal",
    "gallons": "gal",
    "barrel": "bbl",
    "barrels": "bbl",
    "square foot": "sq ft",
    "square feet": "sq ft",
    "sq ft": "sq ft",
    "square mile": "sq mi",
    "square miles": "sq mi",
    "square metre": "sq m",
    "square metres": "sq m",
    "square meter": "sq m",
    "square meters": "sq m",
    "square kilometre": "sq km",
    "square kilometres": "sq km",
    "square kilometer": "sq km",
    "square kilometers": "sq km",
    "cubic yard": "cu yd",
    "cubic yards": "cu yd",
    "cubic metre": "cu m",
    "cubic metres": "cu m",
    "cubic meter": "cu m",
    "cubic meters": "cu m",
    "cubic foot": "cu ft",
    "cubic feet": "cu ft",
    "degrees celsius": "°C",
    "degree celsius": "°C",
    "degrees fahrenheit": "°F",
    "degree fahrenheit": "°F",
    "°c": "°C",
    "°f": "°F",
    "degree": "°",
    "degrees": "°",
    "acre-foot": "acre-ft",
    "acre-feet": "acre-ft",
    "megawatt-hour": "MWh",
    "megawatt-hours": "MWh",
    "mwh": "MWh",
    "gigawatt-hour": "GWh",
    "gigawatt-hours": "GWh",
    "gwh": "GWh",
    "kilowatt-hour": "kWh",
    "kilowatt-hours": "kWh",
}
ORDINAL_SUFFIX = {"st", "nd", "rd", "th", "s"}
WORD_NUMBERS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "half": 0.5,
    "a": 1,
    "an": 1,
}
NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?")
# A share written as a fraction, which a source may give as a percentage:
# "almost two-thirds of the load" is stated by "64 percent of the load".
FRACTION = re.compile(
    r"\b(a|one|two|three|four)[\s-](third|thirds|quarter|quarters|fifth|fifths)$", re.I
)
FRACTION_PARTS = {"third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5, "fifths": 5}
# Words before an amount that say it is rounded or a bound: "over 260,000 volumes".
# Hedges that bound an amount from one side.
ABOVE = re.compile(r"\b(?:over|more than|at least|upwards of|just over)\b", re.I)
BELOW = re.compile(
    r"\b(?:under|less than|fewer than|up to|at most|just under|nearly|almost)\b", re.I
)
HEDGES = re.compile(
    r"\b(?:about|around|approximately|approx|nearly|almost|roughly|some|over|"
    r"more than|less than|fewer than|under|up to|at least|at most|close to|"
    r"estimated|an estimated|some|upwards of|just over|just under)\b",
    re.I,
)
# The day of a date is not an amount: "September 14, 2026", "Sept. 14".
MONTH_BEFORE = re.compile(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+$",
    re.I,
)
# An amount in running text, for scanning a source: "$1.2 billion", "40 percent",
# "1,200 million dollars", "US$3m", "230 metres".
AMOUNT = re.compile(
    r"(?:(?:US)?[$€£¥]\s?)?(?<![\w.])\d{1,3}(?:,\d{3})+(?:\.\d+)?|"
    r"(?:(?:US)?[$€£¥]\s?)?(?<![\w.,])\d+(?:\.\d+)?",
    re.I,
)
# Between the two ends of a range: "1.86 billion to 1.90 billion dollars".
RANGE_JOIN = re.compile(r"\s*(?:to|and|through|-|–)\s*", re.I)
# Units written after an amount in running text, longest first; "in" is left out
# ("rose 5 in March" is not five inches).
TAIL_UNITS = sorted((u for u in UNITS if len(u) > 1 and u != "in"), key=len, reverse=True)
AMOUNT_TAIL = re.compile(
    r"\s?(?:%|per ?cent\b|percentage points\b)|"
    r"[ \u00a0-]?(?:thousand|million|billion|trillion|bn|mn|mln|tn|m|b|k)\b"
    r"(?:\s(?:US\s)?(?:dollars?|euros?|pounds|yen|usd|eur|gbp))?|"
    r"\s(?:US\s)?(?:dollars?|euros?|pounds|yen|cents?|pence)\b|"
    r"[ \u00a0-]?(?:" + "|".join(re.escape(u).replace(r"\ ", "[ -]") for u in TAIL_UNITS) + r")\b",
    re.I,
)


# A time on a clock or a stopwatch: "2:21:37" (a marathon), "1:45.3".
CLOCK = re.compile(r"(?<![\d:])(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.(\d+))?(?![\d:])")
# A small number in digits or in a word, as tallies and ratios are written.
SMALL_NUMBER = r"\d{1,3}|" + "|".join(
    word for word, value in WORD_NUMBERS.items() if value == int(value) <= 12 and len(word) > 2
)
# A vote or a score: "6-3", "11 to 8", "four to one". Its unit keeps the second number.
TALLY = re.compile(
    rf"(?<![\w.,$€£¥])({SMALL_NUMBER})\s*(?:-|–|\bto\b)\s*({SMALL_NUMBER})(?![\w%-]|[.,]\d)",
    re.I,
)
# A share written as a ratio: "one in five", "3 in 10".
RATIO = re.compile(rf"(?<![\w.,])({SMALL_NUMBER}) in ({SMALL_NUMBER})(?![\w,]|\.\d)", re.I)
# A sign before a temperature: "minus 18 degrees Celsius", "-40 °C". Elsewhere the
# sign is in the words ("a return of negative 6.8 percent" is "lost 6.8%").
MINUS = re.compile(r"(?:\b(?:minus|negative)\s+|(?:^|\s)[-−])$")
SIGNED = {"°", "°C", "°F"}


@dataclass(frozen=True, slots=True)
class Amount:
    """An amount found in running text: its words, value, unit and where it is."""

    text: str
    value: float
    unit: str | None
    span: tuple[int, int]


def parse_quantity(text: str, *, share: bool = False) -> tuple[float | None, str | None]:
    """Return the value and unit of an amount written in words and digits.

    ``share``: the amount is followed by "of" ("two-thirds of the load"), so a
    fraction is a percentage (not "the last three quarters").
    """
    lowered = text.lower().replace("\u00a0", " ")
    unit = next(
        (
            code
            for sign, code in CURRENCIES.items()
            if (sign in lowered if not sign.isalpha() else re.search(rf"\b{sign}\b", lowered))
        ),
        None,
    )
    if unit is None and any(p in lowered for p in PERCENT):
        unit = "%"
    subunit = SUBUNIT_AMOUNT.search(lowered)
    if unit is None and subunit:
        value, _ = parse_quantity(lowered[: subunit.start(1)])
        return (value / 100 if value is not None else None), SUBUNITS[subunit.group(1)]
    if share and (fraction := FRACTION.search(lowered)):
        parts = WORD_NUMBERS[fraction.group(1)] / FRACTION_PARTS[fraction.group(2)]
        return round(100 * parts, 2), "%"
    if unit == "GBP" and share and "£" not in lowered:
        unit = "lb"  # "4,200 pounds of sulfur dioxide" is a weight
    clock = CLOCK.search(lowered)
    if clock and unit is None:
        return clock_seconds(clock), "time"
    ratio = RATIO.search(lowered)
    if ratio and unit is None and (percent := ratio_share(ratio)) is not None:
        return percent, "%"
    tally = TALLY.fullmatch(lowered.strip())
    if tally and unit is None:
        return tally_ends(tally)
    match = NUMBER.search(lowered)
    if match:
        value = float(
            match.group(1).replace(",", "") + ("." + match.group(2) if match.group(2) else "")
        )
        rest = lowered[match.end() :]
    else:
        words = re.findall(r"[a-z]+", lowered)
        found = [w for w in words if w in WORD_NUMBERS and w not in {"a", "an"}]
        if not found:
            return None, unit
        if share and unit is None and found == ["half"] and lowered.rstrip().endswith("half"):
            return 50.0, "%"  # "half of the residents" (not "half a mile of") is 50 percent
        value = float(WORD_NUMBERS[found[0]])
        rest = lowered.split(found[0], 1)[1]
        if value >= 20 and value % 10 == 0 and (ones := re.match(r"[\s-]([a-z]+)", rest)):
            # "twenty-four", "thirty five"
            if 1 <= WORD_NUMBERS.get(ones.group(1), 0) <= 9:
                value += WORD_NUMBERS[ones.group(1)]
                rest = rest[ones.end() :]
    for word in re.findall(r"[a-z]+", rest)[:2]:
        if word in MONEY_ONLY_SCALES and unit is None:
            unit = UNITS.get(word)
            break
        if word in SCALES:
            value *= SCALES[word]
            break
    if unit is None:
        tail = re.sub(r"^[\d.,\s]+", "", text[match.end() :] if match else rest).strip()
        # "a 7-mile trail", "a 28,000-square-foot warehouse"
        tail = re.sub(r"^(?:thousand|million|billion|trillion)\s+", "", tail.lstrip("-–").lower())
        spaced = re.sub(r"(?<=\w)-(?=\w)", " ", tail)
        last = tail.split()[-1].strip(".,") if tail else ""
        # Any other word ("37 orchards") is what the amount counts, not a unit.
        unit = UNITS.get(tail, UNITS.get(spaced, UNITS.get(last)))
    if match and unit in SIGNED and MINUS.search(lowered[: match.start()]):
        value = -value
    return value, normalise_unit(unit)


def clock_seconds(clock: re.Match[str]) -> float:
    """Return a clock time in seconds: "2:21:37" is 2 h 21 min 37 s, "1:45.3" 1 min 45.3 s."""
    first, second, third, fraction = clock.groups()
    if third is not None:
        seconds = 3600 * int(first) + 60 * int(second) + int(third)
    else:
        seconds = 60 * int(first) + int(second)
    return seconds + float(f"0.{fraction}") if fraction else float(seconds)


def normalise_unit(unit: str | None) -> str | None:
    """Return one spelling for a unit: ``metres`` and ``m`` are both ``m``."""
    if unit is None:
        return None
    return UNITS.get(unit.lower(), unit)


def same_amount(a: float | None, b: float | None) -> bool:
    """Tell whether two values are the same amount, allowing for rounding."""
    if a is None or b is None:
        return False
    if a == b:
        return True
    return abs(a - b) <= 0.005 * max(abs(a), abs(b))


def significant_digits(text: str) -> int | None:
    """Return how many significant digits a written amount has, or None if exact.

    ``1.2 billion`` and ``260,000`` are rounded (2 digits); ``40%`` and ``1,234``
    are taken as exact.
    """
    match = NUMBER.search(text.replace("\u00a0", " "))
    if match is None:
        return None
    whole, decimals = match.group(1).replace(",", ""), match.group(2) or ""
    scaled = (
        re.search(r"\b(?:thousand|million|billion|trillion|bn|mn|tn)\b|\d[mbk]\b", text, re.I)
        is not None
    )
    if scaled:
        return max(1, len((whole + decimals).lstrip("0")))
    if not decimals and len(whole) >= 4 and whole.endswith("00"):
        return max(2, len(whole.rstrip("0")))
    return None


def agrees(claimed: float | None, claimed_text: str, stated: float | None) -> bool:
    """Tell whether a stated amount confirms a claimed one, as the claim words it.

    A rounded claim (``$1.2 billion``) is confirmed by a precise source
    (``$1,234 million``); a hedged one (``over 260,000``) by anything within 10%.
    """
    if claimed is None or stated is None:
        return False
    if same_amount(claimed, stated):
        return True
    one_sided = ABOVE.search(claimed_text) or BELOW.search(claimed_text)
    # "about $41 million" rounds $40.6 million, not $38.6 million.
    tolerance = 0.1 if one_sided else 0.05
    if HEDGES.search(claimed_text) and abs(claimed - stated) <= tolerance * max(
        abs(claimed), abs(stated)
    ):
        # "more than 640,000" is not 612,380, nor is "nearly 500" 512.
        if ABOVE.search(claimed_text):
            return stated >= claimed
        if BELOW.search(claimed_text):
            return stated <= claimed
        return True
    digits = significant_digits(claimed_text)
    if digits is None or stated == 0:
        return False
    magnitude = math.floor(math.log10(abs(stated))) - digits + 1
    return same_amount(round(stated / 10**magnitude) * 10**magnitude, claimed)


def small_number(word: str) -> int:
    """Return the value of a number matched by ``SMALL_NUMBER`` ("12", "twelve")."""
    return int(word) if word.isdigit() else int(WORD_NUMBERS[word.lower()])


def tally_ends(tally: re.Match[str]) -> tuple[float, str]:
    """Return a tally's first number and, as its unit, its second: "four to one" is 4, "to 1"."""
    first, second = map(small_number, tally.group(1, 2))
    return float(first), f"to {second}"


def ratio_share(ratio: re.Match[str]) -> float | None:
    """Return a ratio as a percentage ("one in five" is 20), or None if it is no share."""
    part, whole = map(small_number, ratio.group(1, 2))
    return round(100 * part / whole, 2) if 0 < part < whole else None


def is_tally(unit: str | None) -> bool:
    """Tell whether a unit is a tally's second number ("to 3" of "6-3")."""
    return unit is not None and unit.startswith("to ")


def find_amounts(text: str) -> Iterator[Amount]:
    """Yield every amount in running text: those written with digits, and tallies
    and ratios however they are written ("four to one", "one in five")."""
    # A tally is also two numbers, each of which a claim may give alone.
    yield from (Amount(m.group(), *tally_ends(m), m.span()) for m in TALLY.finditer(text))
    yield from (
        Amount(m.group(), percent, "%", m.span())
        for m in RATIO.finditer(text)
        if (percent := ratio_share(m)) is not None
    )
    clocks = list(CLOCK.finditer(text))
    yield from (Amount(m.group(), clock_seconds(m), "time", m.span()) for m in clocks)
    found = []
    for match in AMOUNT.finditer(text):
        start, end = match.span()
        if MONTH_BEFORE.search(text, max(0, start - 12), start):
            continue
        if any(c.start() <= start < c.end() for c in clocks):
            continue
        tail = AMOUNT_TAIL.match(text, end)
        if tail:
            end = tail.end()
        words = text[start:end]
        value, unit = parse_quantity(words, share=text.startswith(" of ", end))
        if value is None:
            continue
        if unit in SIGNED and MINUS.search(text, max(0, start - 9), start):
            value = -value
        found.append(Amount(text=words, value=value, unit=unit, span=(start, end)))
    for first, second in zip(found, found[1:], strict=False):
        yield shared_unit(first, second, text)
    yield from found[-1:]


def shared_unit(first: Amount, second: Amount, text: str) -> Amount:
    """Return the first end of a range with the unit written after the second:
    "1.86 billion to 1.90 billion dollars", "between 40 and 50 percent"."""
    if first.unit or not second.unit:
        return first
    if not RANGE_JOIN.fullmatch(text[first.span[1] : second.span[0]]):
        return first
    return replace(first, unit=second.unit)
