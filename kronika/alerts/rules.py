"""Alert rules, read from a small TOML file (``[[rule]]`` tables):

    [[rule]]                      # a relation's daily series against its own trailing baseline
    name = "rus-pol-conflict"
    kind = "relation"             # relation (source -> target), country (either side) or story
    source = "RUS"                # codes or names, as `kronika relations` takes them
    target = "Polska"
    measure = "quad4"             # events, goldstein (sum), quad1 .. quad4 (QuadClass counts)
    method = "ratio"              # ratio (to the baseline's mean) or zscore (robust: median and MAD)
    threshold = 4
    baseline_days = 30
    min_count = 3                 # the day needs at least this many events of the measure

    [[rule]]                      # a named actor in an event type it was never seen in before
    name = "kim-new-type"
    kind = "actor"
    actor = "Kim Dzong Un"        # as `kronika events --actor` takes it: a name, alias, code or entity id
    baseline_days = 30            # the history the store must hold before the rule speaks

    [[rule]]                      # a story reaching N outlets or M languages within a window
    name = "big-story"
    kind = "story"
    min_sources = 12
    min_languages = 3
    window_days = 1

A rule that cannot work is refused when the file is read (E951), naming the file, the rule and the field.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass

from kronika.errors import KronikaError

KINDS = ("relation", "country", "actor", "story")
MEASURES = ("events", "goldstein", "quad1", "quad2", "quad3", "quad4")
METHODS = ("ratio", "zscore")


@dataclass(frozen=True)
class Rule:
    name: str
    kind: str
    source: str | None = None
    target: str | None = None
    country: str | None = None
    actor: str | None = None
    measure: str = "events"
    method: str = "zscore"
    threshold: float = 3.0
    baseline_days: int = 30
    min_count: int = 3
    min_sources: int | None = None
    min_languages: int | None = None
    window_days: int = 1

    @property
    def subject(self) -> str:
        if self.kind == "relation":
            return f"{self.source}>{self.target}"
        return {"country": self.country, "actor": self.actor}.get(self.kind) or "story"

    @property
    def quad(self) -> int | None:
        return int(self.measure[-1]) if self.measure.startswith("quad") else None


FIELDS = {name: kind for name, kind in Rule.__annotations__.items()}
NUMBERS = ("threshold",)
INTEGERS = ("baseline_days", "min_count", "min_sources", "min_languages", "window_days")


def load_rules(path: str) -> list[Rule]:
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except OSError as error:
        raise KronikaError("E951", f"{path}: the rules file cannot be read ({error.strerror or error})") from None
    except tomllib.TOMLDecodeError as error:
        raise KronikaError("E951", f"{path}: is not valid TOML ({error})") from None
    tables = data.get("rule")
    if not isinstance(tables, list) or not tables:
        raise KronikaError("E951", f"{path}: no [[rule]] tables; see `kronika alerts --help` for an example")
    rules = [_rule(table, f"{path}: rule {number}", number) for number, table in enumerate(tables, start=1)]
    names = [rule.name for rule in rules]
    twice = sorted({name for name in names if names.count(name) > 1})
    if twice:
        raise KronikaError("E951", f"{path}: rule names must differ; given twice: {', '.join(twice)}")
    return rules


def _rule(table: dict, where: str, number: int) -> Rule:
    if not isinstance(table, dict):
        raise KronikaError("E951", f"{where}: is not a table")
    where = f"{where} ({table['name']!r})" if isinstance(table.get("name"), str) else where
    unknown = sorted(set(table) - set(FIELDS))
    if unknown:
        raise KronikaError("E951", f"{where}: unknown field(s) {', '.join(unknown)}; known: {', '.join(FIELDS)}")
    values = dict(table)
    values.setdefault("name", f"rule-{number}")
    for name, value in values.items():
        _check_type(where, name, value)
    kind = values.get("kind")
    _choice(where, "kind", kind, KINDS)
    _choice(where, "measure", values.get("measure", "events"), MEASURES)
    _choice(where, "method", values.get("method", "zscore"), METHODS)
    if kind == "story":
        if values.get("min_sources") is None and values.get("min_languages") is None:
            raise KronikaError("E951", f"{where}: a story rule needs min_sources or min_languages")
    elif kind == "actor":
        if not values.get("actor"):
            raise KronikaError("E951", f"{where}: an actor rule needs actor (a name, alias, code or entity id)")
    else:
        _series_subject(values, where)
    if values.get("method") == "ratio" and values.get("measure") == "goldstein":
        raise KronikaError(
            "E951", f'{where}: a Goldstein sum can be negative, so it has no ratio; use method = "zscore"'
        )
    return Rule(**values)


def _series_subject(values: dict, where: str) -> None:
    from kronika.store.resolve import country_code

    needed = ("source", "target") if values["kind"] == "relation" else ("country",)
    for name in needed:
        if not values.get(name):
            raise KronikaError("E951", f"{where}: a {values['kind']} rule needs {' and '.join(needed)}")
        try:
            values[name] = country_code(values[name], name)
        except KronikaError as error:
            raise KronikaError("E951", f"{where}: {error.message}") from None


def _check_type(where: str, name: str, value) -> None:
    if name in NUMBERS:
        ok = isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0
        wanted = "a number above 0"
    elif name in INTEGERS:
        ok = isinstance(value, int) and not isinstance(value, bool) and value >= (0 if name == "min_count" else 1)
        wanted = "a whole number" + (" (0 or more)" if name == "min_count" else " above 0")
    else:
        ok, wanted = isinstance(value, str) and value.strip() != "", "a non-empty string"
    if not ok:
        raise KronikaError("E951", f"{where}: {name} = {value!r} must be {wanted}")


def _choice(where: str, name: str, value, accepted: tuple[str, ...]) -> None:
    if value not in accepted:
        raise KronikaError("E951", f"{where}: {name} = {value!r}; accepted: {', '.join(accepted)}")
