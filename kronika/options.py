"""``AnalysisOptions``: what an analysis run is asked for, one object shared by the CLI, the library, ``batch``,
``watch`` and the worker processes they start.

It is frozen and holds plain values, so it pickles to a pool or Dask worker unchanged (trafilatura's habit:
each worker gets ``partial(process_one, options=...)``). It is checked once, when it is made: a language code
that names no language is E102 and a publication date that is no date E211, with the messages the CLI has
always printed, so every consumer may trust the object it is given.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from kronika.errors import InputError, KronikaError

AUTO = "auto"  # identify each article's language (lingua) when its input does not say
DEFAULT_MAX_BYTES = 10_000_000  # the largest input read as one article (a JSON Lines archive: per line)


@dataclass(frozen=True)
class AnalysisOptions:
    """``lang``: the language of inputs that do not say (``auto`` identifies it; any ISO 639 code; a language
    without a pack gets names and dates only). ``date``: the publication date (YYYY-MM-DD or YYYY-MM) of inputs
    that carry none. ``parse``: add each token's dependency head and relation. ``tokens``: keep the tokens in
    the written record. ``max_bytes``: the largest input read as one article."""

    lang: str = AUTO
    date: str | None = None
    parse: bool = False
    tokens: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES

    def __post_init__(self) -> None:
        problem = language_error(self.lang) or date_error(self.date)
        if problem is not None:
            raise problem
        if isinstance(self.max_bytes, bool) or not isinstance(self.max_bytes, int) or self.max_bytes < 1:
            raise ValueError(f"max_bytes must be a whole number of bytes, at least 1 (got {self.max_bytes!r})")

    @property
    def keeps_tokens(self) -> bool:
        """Whether written records carry their tokens: asked for, or implied by ``parse`` (heads live on tokens)."""
        return self.tokens or self.parse


def language_error(code) -> KronikaError | None:
    """E102 for a code that names no language; None for ``auto``, a pack's code or any ISO 639 code."""
    from kronika.lang import SUPPORTED, check_language

    if code == AUTO or code in SUPPORTED:  # the common cases, without loading pycountry
        return None
    try:
        check_language(code if isinstance(code, str) else repr(code))
    except KronikaError as error:
        return error
    return None


def date_error(value) -> InputError | None:
    """E211 for a publication date that is not YYYY-MM-DD or YYYY-MM of the calendar; None for no date."""
    if value is None:
        return None
    from kronika.ingest.dateline import check_date_option

    if not isinstance(value, str):
        return InputError(
            "E211", "--date", f"{value!r} is not a date string; give YYYY-MM-DD or YYYY-MM, e.g. --date 2025-09-04"
        )
    return check_date_option(value)


# The library's functions analysed Polish unless told otherwise before this object existed, where the CLI
# identifies the language; kept, so existing callers get the same records and batch partition ids.
LIBRARY_DEFAULTS = AnalysisOptions(lang="pl")


def resolve(options: AnalysisOptions | None, **loose) -> AnalysisOptions:
    """``options`` (else ``LIBRARY_DEFAULTS``) with the loose keyword arguments of older callers (``lang=``,
    ``date=``, ``parse=``) laid over it; a loose argument left at None was not given."""
    base = options if options is not None else LIBRARY_DEFAULTS
    given = {name: value for name, value in loose.items() if value is not None}
    return replace(base, **given) if given else base
