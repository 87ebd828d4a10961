"""Alerts: rules (TOML) over the store's daily series and stories, raised after each watch round or replayed
over the past.

    >>> from kronika.alerts import load_rules, replay
    >>> with Store("kronika.db") as store:
    ...     for alert in replay(store.connection, load_rules("rules.toml"), "2025-08-01", "2025-09-30"):
    ...         print(alert.message)

Modules: ``rules`` (the TOML file), ``evaluate`` (one rule on one day), ``run`` (live, replay, storing,
listing, the JSON lines file and the webhook).
"""

from kronika.alerts.evaluate import Alert
from kronika.alerts.rules import Rule, load_rules
from kronika.alerts.run import append_jsonl, as_dicts, check_since, post_webhook, raise_since, replay, save, stored

__all__ = [
    "Alert",
    "Rule",
    "append_jsonl",
    "as_dicts",
    "check_since",
    "load_rules",
    "post_webhook",
    "raise_since",
    "replay",
    "save",
    "stored",
]
