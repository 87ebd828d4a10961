"""An article's text as HTML with what the stages found marked in it, in the manner of displaCy.

Entity mentions, dates, event triggers, quotes and amounts become ``<mark>`` elements with a label; each
sentence that is evidence for an event is a ``<span id="s-N">``. Spans may nest (a name inside a quote)
or cross (a quote ending inside a name); crossing spans are split into properly nested pieces, the label
going on the last piece and the anchor id on the first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise
from urllib.parse import quote

from markupsafe import Markup, escape

# Outer layers first when two spans cover the same characters.
LAYERS = {"sentence": 0, "quote": 1, "ent": 2, "amount": 3, "date": 4, "trigger": 5}


@dataclass(eq=False)
class Span:
    start: int
    end: int
    kind: str
    label: str = ""
    title: str = ""
    anchor: str | None = None
    href: str | None = None
    classes: list[str] = field(default_factory=list)


def spans_of(record: dict) -> list[Span]:
    """Every highlightable span of a document record (as ``Document.to_dict`` writes it)."""
    spans: list[Span] = []
    events = record.get("events") or []
    evidence = {e.get("sentence") for e in events if e.get("sentence") is not None}
    for number, (start, end) in enumerate(record.get("sentences") or []):
        if number in evidence:
            spans.append(Span(start, end, "sentence", anchor=f"s-{number}"))
    for entity in record.get("entities") or []:
        for mention in entity.get("mentions") or []:
            spans.append(
                Span(
                    mention["start"],
                    mention["end"],
                    "ent",
                    label=entity.get("type") or "ENT",
                    title=f"{entity.get('name')} ({entity.get('id')})",
                    href=f"/actors/{quote(entity.get('id') or '', safe='')}",
                    classes=[f"ent-{(entity.get('type') or 'ent').lower()}"],
                )
            )
    for timex in record.get("timexes") or []:
        spans.append(
            Span(
                timex["start"],
                timex["end"],
                "date",
                label=timex.get("type") or "DATE",
                title=f"{timex.get('type')} {timex.get('value') or ''}".strip(),
            )
        )
    for number, event in enumerate(events):
        trigger = event.get("trigger") or {}
        if "start" in trigger:
            who = " → ".join(
                ", ".join(p.get("name", "") for p in event.get(side) or []) or "?" for side in ("actor", "recipient")
            )
            spans.append(
                Span(
                    trigger["start"],
                    trigger["end"],
                    "trigger",
                    label=event.get("type") or "EVENT",
                    title=f"{event.get('type')} {event.get('cameo') or ''}: {who}",
                    anchor=f"ev-{number}",
                )
            )
    for quote_ in record.get("quotes") or []:
        speaker = (quote_.get("speaker") or {}).get("name")
        spans.append(
            Span(
                quote_["start"],
                quote_["end"],
                "quote",
                label="QUOTE",
                title=f"quote of {speaker}" if speaker else "quote",
            )
        )
    for amount in record.get("amounts") or []:
        value = amount.get("value")
        spans.append(
            Span(
                amount["start"],
                amount["end"],
                "amount",
                label="AMOUNT",
                title=" ".join(str(x) for x in (value, amount.get("object"), amount.get("category")) if x is not None),
            )
        )
    return spans


def snippet_html(item: dict) -> Markup:
    """A search result's snippet (an item of ``Store.articles``) with the matched words as ``<mark
    class="match">``; "…" before it when it starts inside the text."""
    start = item.get("snippet_start") or 0
    marked = highlight(
        item.get("snippet") or "", [Span(s - start, e - start, "match") for s, e in item.get("matches") or []]
    )
    return Markup("…") + marked if start else marked


def highlight(text: str, spans: list[Span]) -> Markup:
    """``text`` as escaped HTML with ``spans`` marked; spans outside the text are ignored."""
    spans = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    bounds = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    order = sorted(spans, key=lambda s: (s.start, -s.end, LAYERS.get(s.kind, 9)))
    rank = {id(s): n for n, s in enumerate(order)}
    starting: dict[int, list[Span]] = {}
    for span in order:
        starting.setdefault(span.start, []).append(span)
    opened_before: set[int] = set()
    covering: list[Span] = []
    stack: list[Span] = []
    out: list[str] = []
    for left, right in pairwise(bounds):
        # A sweep over the boundaries: the spans covering [left, right) in nesting order.
        covering = [s for s in covering if s.end > left]
        if left in starting:
            covering = sorted(covering + starting[left], key=lambda s: rank[id(s)])
        keep = 0
        while keep < len(stack) and keep < len(covering) and stack[keep] is covering[keep]:
            keep += 1
        while len(stack) > keep:
            out.append(_close(stack.pop(), left))
        for span in covering[keep:]:
            out.append(_open(span, first=id(span) not in opened_before))
            opened_before.add(id(span))
            stack.append(span)
        out.append(str(escape(text[left:right])))
    while stack:
        out.append(_close(stack.pop(), len(text)))
    return Markup("".join(out))


def _open(span: Span, *, first: bool) -> str:
    attributes = []
    if first and span.anchor:
        attributes.append(f'id="{escape(span.anchor)}"')
    classes = [span.kind, *span.classes]
    attributes.append(f'class="{escape(" ".join(classes))}"')
    if span.title:
        attributes.append(f'title="{escape(span.title)}"')
    if span.kind == "sentence":
        return f"<span {' '.join(attributes)}>"
    return f"<mark {' '.join(attributes)}>"


def _close(span: Span, at: int) -> str:
    if span.kind == "sentence":
        return "</span>"
    label = ""
    if at == span.end and span.label:
        inner = escape(span.label)
        if span.href:
            inner = Markup(f'<a href="{escape(span.href)}">{inner}</a>')
        label = f'<span class="label">{inner}</span>'
    return f"{label}</mark>"
