"""What each query value may be, checked once for the CLI, the API, the web UI and Python alike.

Closed sets (modalities, PLOVER types, QuadClasses, country codes, periods) refuse a value outside them with
one line that names the value, says what is accepted and suggests the nearest accepted value (difflib);
dates must be dates and a range must not end before it starts. Every refusal is ``KronikaError("E506")``:
the CLI prints it and exits with 2, the API answers 400 with the same message.
"""

from __future__ import annotations

import difflib
import re
from datetime import date as Date
from functools import cache

from kronika.errors import KronikaError

BAD_VALUE = "E506"
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
# The record's modalities (CONTRACT.md); "all" lifts the filter. Counts and lists show asserted events unless
# asked otherwise: a denial ("nie zaatakowały") or an intention is not an event that happened.
MODALITIES = ("asserted", "negated", "intended", "hypothetical")
ALL = "all"
DEFAULT_MODALITY = "asserted"
QUAD_CLASSES = (1, 2, 3, 4)


def refuse(option: str, value, kind: str, accepted: list[str] | tuple[str, ...], *, listed: bool = True) -> None:
    """Raise the one-line error for a value outside a closed set, with the nearest accepted value."""
    near = difflib.get_close_matches(str(value).upper(), [a.upper() for a in accepted], n=1, cutoff=0.5)
    near_value = next((a for a in accepted if near and a.upper() == near[0]), None)
    choices = f"; choose one of {', '.join(accepted)}" if listed else ""
    hint = f"; did you mean {near_value}?" if near_value else ""
    raise KronikaError(BAD_VALUE, f"{option} {value!r} is not {kind}{choices}{hint}")


def modality(value: str | None) -> str | None:
    """The modality to keep ("asserted" when none is given), or None for every modality ("all")."""
    if value is None:
        return DEFAULT_MODALITY
    folded = value.strip().lower()
    if folded == ALL:
        return None
    if folded not in MODALITIES:
        refuse("--modality", value, "a modality", (*MODALITIES, ALL))
    return folded


@cache
def plover_types() -> tuple[str, ...]:
    from kronika.codebook import load_codebook

    return tuple(sorted(load_codebook().plover_types))


def event_type(value: str | None) -> str | None:
    """A PLOVER type in upper case ("consult" -> "CONSULT"), or None when not given."""
    if value is None or not value.strip():
        return None
    upper = value.strip().upper()
    if upper not in plover_types():
        refuse("--type", value, "a PLOVER event type", plover_types())
    return upper


def quad_class(value: int | str | None) -> int | None:
    if value is None or value == "":
        return None
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = None
    if number not in QUAD_CLASSES:
        raise KronikaError(
            BAD_VALUE,
            f"--quad-class {value!r} is not a QuadClass; choose 1 (verbal cooperation), "
            "2 (material cooperation), 3 (verbal conflict) or 4 (material conflict)",
        )
    return number


ENTITY_TYPES = ("PER", "ORG", "GPE", "LOC", "MISC")  # the record's entity types (CONTRACT.md)


def entity_type(value: str | None) -> str | None:
    """An entity type in capitals (any case typed), or None for every type."""
    if value is None or not value.strip():
        return None
    upper = value.strip().upper()
    if upper not in ENTITY_TYPES:
        refuse("--type", value, "an entity type", ENTITY_TYPES)
    return upper


def language(value: str | None) -> str | None:
    """An ISO 639 language code ("pl", "EN", "eng" -> "en"), or None for every language."""
    if value is None or not value.strip():
        return None
    from kronika.lang.langid import language_code  # pycountry: what a language code names

    code = language_code(value)
    if code is None:
        raise KronikaError(BAD_VALUE, f"--lang {value!r} is not a language; give an ISO 639 code (pl, en, uk, ru)")
    return code


def check_date(value: str | None, option: str) -> str | None:
    """An ISO date, month or year as given, or a clear error naming the option."""
    if value is None:
        return None
    if not DATE_RE.match(value):
        raise KronikaError(BAD_VALUE, f"{option} {value!r} is not a date; write YYYY-MM-DD, YYYY-MM or YYYY")
    try:
        # A month is checked as its first day, so "2025-13" is refused as "2025-13-32" would be.
        Date.fromisoformat(value if len(value) == 10 else value + "-01" if len(value) == 7 else value + "-01-01")
    except ValueError:
        raise KronikaError(BAD_VALUE, f"{option} {value!r} is not a calendar date") from None
    return value


def until_bound(value: str | None) -> str | None:
    """An inclusive upper bound for ISO strings: "2025-09" also takes "2025-09-30"."""
    return None if value is None else value + "\uffff"


def date_range(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    """``since`` and the inclusive bound of ``until``, both checked, refused when the range is empty."""
    since, until = check_date(since, "--since"), check_date(until, "--until")
    if since is not None and until is not None and since > until_bound(until):
        raise KronikaError(BAD_VALUE, f"--since {since} is after --until {until}; the range holds no date (swap them?)")
    return since, until_bound(until)
