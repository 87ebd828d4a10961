"""The leading dateline of the seed articles (" date 2025-09-04 " or " date 2025-09 ") and date checks."""

from __future__ import annotations

import datetime as dt
import re

from kronika.errors import InputError

# Loose on purpose (one- or two-digit month/day): a dateline that is present but wrong should be reported
# (E209), not silently kept as the first words of the article.
DATELINE = re.compile(r"\A\s*date (\d{4}-\d{1,2}(?:-\d{1,2})?)(?=\s|\Z)")
ISO_DATE = re.compile(r"\A(\d{4})-(\d{2})(?:-(\d{2}))?\Z")


def is_valid_date(value: str) -> bool:
    """True for a real calendar date written YYYY-MM-DD, or a real month written YYYY-MM."""
    match = ISO_DATE.match(value)
    if not match:
        return False
    year, month, day = match.groups()
    try:
        dt.date(int(year), int(month), int(day or 1))
    except ValueError:
        return False
    return True


def split_dateline(text: str, source: str) -> tuple[str | None, str]:
    """Return (date, text after the dateline), or (None, text) when there is no dateline.

    Raises InputError E209 when the dateline names an impossible date such as 2025-02-30.
    """
    match = DATELINE.match(text)
    if not match:
        return None, text
    value = match.group(1)
    if not is_valid_date(value):
        raise InputError(
            "E209", source, f"dateline 'date {value}' is not a real date; write it as YYYY-MM-DD or YYYY-MM"
        )
    return value, text[match.end() :]


def check_date_option(value: str | None) -> InputError | None:
    """The --date value applies to every article without a date of its own, so a bad one stops the run."""
    if value is None or is_valid_date(value):
        return None
    return InputError("E211", "--date", f"'{value}' is not a date; give YYYY-MM-DD or YYYY-MM, e.g. --date 2025-09-04")
