"""Read dates written in words, always against a given base date.

dateparser is imported lazily: it is slow to import and ``--help`` must stay
instant.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
YEAR_ONLY = re.compile(r"^(?:in |since |by |during )?(\d{4})$", re.I)
QUARTER = re.compile(
    r"\b(?:Q([1-4])|(first|second|third|fourth) quarter|(first|last|final) (?:three|3) months)"
    r"(?: of)?,? (\d{4})\b",
    re.I,
)
MONTH_YEAR = re.compile(
    r"^(?:in |since |by |during |early |late |mid-)?(January|February|March|April|May|June|July|"
    r"August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|"
    r"Nov|Dec)\.?,? (\d{4})$",
    re.I,
)
WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WEEKDAY = re.compile(
    r"^(?:on |this |last |late |early )?((?:mon|tues|wednes|thurs|fri|satur|sun)day)"
    r"(?: (?:morning|afternoon|evening|night))?$",
    re.I,
)
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
# A quarter without its year: "second-quarter profit", "in the third quarter".
QUARTER_ALONE = re.compile(
    r"^(?:the |in the |during the |for the )?(?:(first|second|third|fourth)[ -]quarter|Q([1-4]))$",
    re.I,
)
# A quarter of the year before or after: "in the second quarter of next year".
QUARTER_RELATIVE = re.compile(
    r"^(?:the |in the |during the |for the |by the )?(?:(first|second|third|fourth)[ -]quarter"
    r"|Q([1-4]))(?: of)? (last|this|next) year$",
    re.I,
)
# A month or a part of one without its year: "June", "the end of June", "late January".
MONTH_PART = re.compile(
    r"^(?:the |by the |at the |until the |in |by |until )?"
    r"(?:(?:end|start|beginning|middle|close) of |"
    r"early |late |mid-?)?(january|february|march|april|may|june|july|august|september|"
    r"october|november|december)(?:,? (\d{4}))?$",
    re.I,
)
# A day of a month, without its year: "June 30", "30 June", "October 24th".
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"
MONTH_DAY = re.compile(
    rf"\b(?:{_MONTH}\.? \d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)? {_MONTH})\b", re.I
)
# How far ahead of publication a yearless day in a past-tense sentence may lie
# and still be this year's: "said it was closing the lab on June 30" in May.
SOON_DAYS = 92
# Phrases whose date is a month or week counted from the base date, not a day.
MONTH_SHIFT = re.compile(r"\b(last|next|this) month\b", re.I)
# A part of the base date's month or week: "by the end of the month".
THIS_PERIOD = re.compile(
    r"^(?:by |at |until |before )?the (?:end|start|beginning|middle|close) of the "
    r"(month|week)$",
    re.I,
)
WEEK_RELATIVE = re.compile(r"\b(?:last|this|next) week\b", re.I)
# Words that make dateparser answer though there is no date to read.
NOT_DATES = re.compile(
    r"^(?:now|today'?s|currently|recently|soon|ago|once|the past|past|future|annual|"
    r"annually|daily|weekly|monthly|quarterly|yearly|decades?|years?|months?|weeks?|days?)$",
    re.I,
)


# A date names a calendar point; "12 months", "three years" and "a decade" are
# durations that dateparser would turn into a day counted back from the base.
DATE_WORDS = re.compile(
    r"\b(?:\d{4}|(?:january|february|march|april|may|june|july|august|september|october|"
    r"november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b|monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|tomorrow|ago|"
    r"(?:last|this|next|earlier this|later this|past) (?:week|month|year|quarter|spring|"
    r"summer|autumn|fall|winter|weekend)|q[1-4]|quarter)",
    re.I,
)
# "October 8 to October 14", "between April and June": a span of two dates.
DATE_RANGE = re.compile(r"^(?:from |between )?(.+?) (?:to|and|through|until|-|–) (.+)$", re.I)
# "a year through 2029", "until March": the end of a span.
DATE_UNTIL = re.compile(r"^(?:.+ )?(?:through|until|till) (.+)$", re.I)
# "last November", "next June": the nearest such month before or after the base.
MONTH_RELATIVE = re.compile(
    r"^(last|past|next|this) (january|february|march|april|may|june|july|august|september|"
    r"october|november|december)$",
    re.I,
)
YEAR_RELATIVE = re.compile(
    r"^(?:(?:last|this|next|past) year|"
    r"(?:by |at |until |before )?the (?:end|start|beginning|middle|close) of (?:the|this) year)$",
    re.I,
)
# The months of the seasons that fall within one year (northern hemisphere).
SEASON_MONTHS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}
# Words that bound or soften a date without moving it: "at least June 2029".
HEDGED = re.compile(
    r"^(?:at (?:the )?(?:least|latest|earliest)|as (?:early|late|soon) as|no (?:later|earlier|"
    r"sooner) than|not (?:before|until)|some ?time in|roughly|approximately|around|about) ",
    re.I,
)
# A length of time before the date it falls in: "46 days last year".
SPAN_BEFORE_DATE = re.compile(
    r"^\S+ (?:second|minute|hour|day|week|month|year)s? ((?:last|this|next|past) \S.*)$", re.I
)
# "earlier this week" is dated as "this week" is, "later this summer" as "this summer".
EARLIER_OR_LATER = re.compile(
    r"^(?:earlier|later) (?=this (?:week|month|year|spring|summer|autumn|fall|winter)$)", re.I
)
# "July next year", "March last year".
MONTH_OF_YEAR = re.compile(
    r"^(january|february|march|april|may|june|july|august|september|october|november|"
    r"december) (last|this|next) year$",
    re.I,
)
# A season is no month of its own: "this summer" is dated by its year.
SEASON_RELATIVE = re.compile(
    r"^(?:(last|this|next|past) )?(?:spring|summer|autumn|fall|winter)$",
    re.I,
)
# "the end of 2026", "early 2027", "summer 2025", "the first half of 2024": a year
# and words that only place a moment inside it.
WITHIN_YEAR = re.compile(
    r"^(?:(?:the|by|until|through|in|since|during|early|late|mid-?|end|start|beginning|"
    r"middle|close|turn|first|second|half|of|spring|summer|autumn|fall|winter|fiscal|"
    r"financial|calendar|year)\b[\s-]*)*"
    r"(\d{4})$",
    re.I,
)


@lru_cache(maxsize=1)
def _parser() -> Any:
    import dateparser

    return dateparser


def period(iso: str) -> tuple[date, date] | None:
    """Return the first and last day of an ISO date, month, quarter, week or year."""
    try:
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", iso):
            year, last = m.group(1), 3 * int(m.group(2))
            return month_days(f"{year}-{last - 2:02d}")[0], month_days(f"{year}-{last:02d}")[1]
        if m := re.fullmatch(r"(\d{4})-W(\d\d)", iso):
            monday = date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
            return monday, monday + timedelta(days=6)
        if re.fullmatch(r"\d{4}", iso):
            return date(int(iso), 1, 1), date(int(iso), 12, 31)
        if re.fullmatch(r"\d{4}-\d\d", iso):
            return month_days(iso)
        if ISO_DATE.match(iso):
            day = date.fromisoformat(iso)
            return day, day
    except ValueError:
        return None
    return None


def month_days(iso: str) -> tuple[date, date]:
    """Return the first and last day of an ISO month (``2026-02``)."""
    first = date.fromisoformat(f"{iso}-01")
    following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return first, following - timedelta(days=1)


def within(inner: str, outer: str) -> bool:
    """Tell whether one ISO date lies within another (``2028-09`` in ``2028-Q3``)."""
    a, b = period(inner), period(outer)
    return a is not None and b is not None and b[0] <= a[0] and a[1] <= b[1]


def parse_iso(value: object) -> date | None:
    """Return a ``date`` for an ISO string or a YAML date, else None."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and ISO_DATE.match(value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def resolve_date(phrase: str, base: date | None, *, future: bool = False) -> str | None:
    """Return the ISO date (``2026-05-06``, ``2026-05`` or ``2026``) of a phrase.

    Relative phrases (``Wednesday``, ``last week``) need ``base``; without it
    they stay unresolved rather than guessed from the clock.
    """
    phrase = " ".join(phrase.split()).strip(" ,.")
    phrase = re.sub(r"(?<=[a-z])(?:'s|’s)$", "", phrase)  # "last year's level"
    phrase = HEDGED.sub("", phrase)
    if not phrase or len(phrase) > 60 or NOT_DATES.match(phrase):
        return None
    if ISO_DATE.match(phrase):
        return phrase if parse_iso(phrase) else None
    if m := DATE_RANGE.match(phrase):
        return resolve_range(m.group(1), m.group(2), base, future=future)
    phrase = EARLIER_OR_LATER.sub("", phrase)
    if base is not None and (m := MONTH_OF_YEAR.match(phrase)):
        shift = {"last": -1, "next": 1}.get(m.group(2).lower(), 0)
        return f"{base.year + shift:04d}-{MONTH_NAMES.index(m.group(1).lower()) + 1:02d}"
    if m := SPAN_BEFORE_DATE.match(phrase):
        return resolve_date(m.group(1), base, future=future)  # "on 46 days last year"
    if m := DATE_UNTIL.match(phrase):
        return resolve_date(m.group(1), base, future=future)  # "a year through 2029"
    if phrase.lower() in {"today", "tonight"}:
        # "Velmora today announced ...": a release is dated by its own day.
        return base.isoformat() if base is not None else None
    if base is not None and (m := YEAR_RELATIVE.match(phrase)):
        shift = {"last": -1, "past": -1, "next": 1}.get(phrase.split()[0].lower(), 0)
        return str(base.year + shift)
    if base is not None and (m := THIS_PERIOD.match(phrase)):
        return base.strftime("%Y-%m" if m.group(1).lower() == "month" else "%G-W%V")
    if not DATE_WORDS.search(phrase) or re.search(r"\b\d{4}'?s\b", phrase):
        return None  # no calendar word, or a decade ("the 2020s") that no ISO form names
    if base is not None and (m := SEASON_RELATIVE.match(phrase)) and m.group(1):
        return str(season_year(m.group(1).split()[0].lower(), phrase.split()[-1], base))
    if m := YEAR_ONLY.match(phrase) or WITHIN_YEAR.match(phrase):
        return m.group(1)
    if m := QUARTER.search(phrase):
        if m.group(3):
            quarter = 1 if m.group(3).lower() == "first" else 4  # "the first three months"
        else:
            quarter = int(m.group(1) or ORDINALS[m.group(2).lower()])
        return f"{m.group(4)}-Q{quarter}"
    if base is not None and (m := QUARTER_RELATIVE.match(phrase)):
        quarter = int(m.group(2) or ORDINALS[m.group(1).lower()])
        shift = {"last": -1, "next": 1}.get(m.group(3).lower(), 0)
        return f"{base.year + shift}-Q{quarter}"
    if base is not None and (m := QUARTER_ALONE.match(phrase)):
        quarter = int(m.group(2) or ORDINALS[m.group(1).lower()])
        current = (base.month - 1) // 3 + 1
        # The quarter last reported unless the sentence looks ahead.
        year = base.year + (1 if future and quarter < current else 0)
        year -= 1 if not future and quarter > current else 0
        return f"{year}-Q{quarter}"
    if base is not None and (m := MONTH_RELATIVE.match(phrase)):
        month = MONTH_NAMES.index(m.group(2).lower()) + 1
        which = m.group(1).lower()
        year = base.year
        if which in {"last", "past"} and month >= base.month:
            year -= 1
        elif which == "next" and month <= base.month:
            year += 1
        return f"{year:04d}-{month:02d}"
    if base is not None and (m := MONTH_PART.match(phrase)):
        month = MONTH_NAMES.index(m.group(1).lower()) + 1
        year = base.year + (1 if future and month < base.month else 0)
        year -= 1 if not future and month > base.month else 0
        year = int(m.group(2)) if m.group(2) else year
        return f"{year:04d}-{month:02d}"
    if m := MONTH_YEAR.match(phrase):
        parsed = _parse(f"1 {m.group(1)} {m.group(2)}", None)
        return parsed.strftime("%Y-%m") if parsed else None
    has_year = re.search(r"\b\d{4}\b", phrase) is not None
    if not has_year and base is None:
        return None
    if base is not None and (m := MONTH_SHIFT.search(phrase)):
        shift = {"last": -1, "next": 1}.get(m.group(1).lower(), 0)
        year, month = divmod(base.year * 12 + base.month - 1 + shift, 12)
        return f"{year:04d}-{month + 1:02d}"
    if base is not None and (m := WEEKDAY.match(phrase)):
        # News usage: "on Wednesday" in a story dated Wednesday means that day.
        target = WEEKDAYS.index(m.group(1).lower()[:3])
        if future:
            # "The clinic will open on Saturday": the coming one.
            return (base + timedelta(days=(target - base.weekday()) % 7)).isoformat()
        back = (base.weekday() - target) % 7
        return (base - timedelta(days=back)).isoformat()
    parsed = _parse(phrase, base, future=future)
    if parsed is None:
        return None
    if base is not None and not has_year and not future and MONTH_DAY.search(phrase):
        # News copy gives the year only when it is not the current one: "said it
        # was closing the lab on June 30" in May is this June, not last.
        this_year = same_day_in(parsed, base.year)
        if this_year is not None and base < this_year <= base + timedelta(days=SOON_DAYS):
            parsed = this_year
    if WEEK_RELATIVE.search(phrase):
        # A week is not a day: "last week" is an ISO week such as 2026-W18.
        year, week, _ = parsed.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if (
        not re.search(r"\d", phrase)
        and re.fullmatch(r"(?i)[a-z]+ \d{4}|[a-z]+", phrase)
        and phrase.lower() in MONTH_NAMES
    ):
        return parsed.strftime("%Y-%m")
    return parsed.strftime("%Y-%m-%d")


def same_day_in(day: date, year: int) -> date | None:
    """Return the same month and day in another year (None for a 29 February)."""
    try:
        return day.replace(year=year)
    except ValueError:
        return None


def season_year(which: str, season: str, base: date) -> int:
    """Return the year of "last spring" or "next summer" said on ``base``: "last
    spring" said in October is this year's; said in May, last year's."""
    shift = {"last": -1, "past": -1, "next": 1}.get(which, 0)
    months = SEASON_MONTHS.get(season.lower())
    if months is None or shift == 0:
        return base.year + shift  # winter spans two years: the year before or after
    first, last = months
    if shift < 0:
        return base.year if base.month > last else base.year - 1
    return base.year if base.month < first else base.year + 1


def resolve_range(first: str, last: str, base: date | None, *, future: bool) -> str | None:
    """Return the date of a span: its start ("from October 8 to October 14"), the
    quarter two months bound ("between April and June"), or the one end that is
    a date."""
    year = re.search(r"\d{4}", last)
    if year and not re.search(r"\d{4}", first) and any(m in first.lower() for m in MONTH_NAMES):
        first = f"{first} {year.group(0)}"  # "between April and June 2025"
    start = resolve_date(first, base, future=future)
    end = resolve_date(last, base, future=future)
    if start is None or end is None:
        return start or end  # "a year through 2029": the end is the date named
    if len(start) == len(end) == 7:
        months = int(start[5:]), int(end[5:])
        if months[0] % 3 == 1 and months[1] == months[0] + 2:
            return f"{start[:4]}-Q{months[1] // 3}"
    return start


def is_kind_of_month(ent: Any) -> bool:
    """Tell whether a month names a kind of thing, not a date: "a July marathon"."""
    root = ent.root
    return (
        len(ent) == 1
        and root.lower_ in MONTH_NAMES
        and root.dep_ in {"compound", "nmod", "amod"}
        and any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in root.head.children)
    )


MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _parse(phrase: str, base: date | None, *, future: bool = False) -> date | None:
    settings: dict[str, Any] = {
        "PREFER_DATES_FROM": "future" if future else "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day, 12)
    else:
        # Only absolute dates get here; a fixed base keeps the clock out of it.
        settings["RELATIVE_BASE"] = datetime(2000, 1, 1, 12)
    try:
        parsed = _parser().parse(phrase, languages=["en"], settings=settings)
    except (ValueError, OverflowError, TypeError, AttributeError):
        return None
    return parsed.date() if parsed is not None else None
