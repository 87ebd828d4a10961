"""Charts drawn on the server as SVG: the Goldstein line and QuadClass bars of a relation (the same bars are
the events page's timeline), an actor's graph of counterparts and a thread's timeline. Nothing is drawn in the browser, so the pages need no charting library.

Colours and sizes are SVG presentation attributes, not ``style``, so the pages' Content-Security-Policy
can refuse inline styles.
"""

from __future__ import annotations

import math
from urllib.parse import quote

from markupsafe import Markup, escape

from kronika.store import timeline

QUAD_COLOURS = {1: "#7fbf7b", 2: "#1b7837", 3: "#e08214", 4: "#b2182b"}
QUAD_NAMES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}
QUAD_COLUMNS = timeline.QUAD_COLUMNS  # the count columns of a relation series and of an events timeline
LINE_COLOURS = ("#2166ac", "#d6604d")

WIDTH, HEIGHT = 860, 280
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 16, 46


def _ticks(periods: list[str], most: int = 12) -> list[int]:
    step = max(1, math.ceil(len(periods) / most))
    return list(range(0, len(periods), step))


def _x(index: int, count: int) -> float:
    inner = WIDTH - LEFT - RIGHT
    return LEFT + (inner * (index + 0.5) / count if count else 0)


AXIS_FONT = 11
CHAR_EM = 0.65  # a generous width of a digit or letter of the axis font, in ems (DejaVu Sans digits: 0.64)


def _axis_labels(periods: list[str], parts: list[str]) -> None:
    """Period labels under the bars, centred on theirs; a label that would run past the chart's right edge
    (the last of many days) ends at the edge instead, so that it is read whole."""
    for index in _ticks(periods):
        x, anchor = _x(index, len(periods)), "middle"
        half = len(periods[index]) * AXIS_FONT * CHAR_EM / 2
        if x + half > WIDTH - 2:
            x, anchor = min(x + half, WIDTH - 2), "end"
        parts.append(
            f'<text class="axis-label" x="{x:.1f}" y="{HEIGHT - BOTTOM + 16}" text-anchor="{anchor}" '
            f'font-size="{AXIS_FONT}" fill="#444">{escape(periods[index])}</text>'
        )


def goldstein_line(rows: list[dict], a: str, b: str) -> Markup:
    """Mean Goldstein score per period in each direction (a→b and b→a), on the scale -10..+10."""
    periods = sorted({r["period"] for r in rows})
    if not periods:
        return Markup("")
    inner_h = HEIGHT - TOP - BOTTOM

    def y(value: float) -> float:
        return TOP + inner_h * (10 - value) / 20

    parts = [
        (
            f'<svg class="chart" id="goldstein-chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
            f'aria-label="Goldstein score per period, {escape(a)} and {escape(b)}" '
            'xmlns="http://www.w3.org/2000/svg">'
        )
    ]
    for value in (-10, -5, 0, 5, 10):
        stroke = "#999" if value == 0 else "#e4e4e4"
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(value):.1f}" y2="{y(value):.1f}" '
            f'stroke="{stroke}" stroke-width="1"/>'
        )
        parts.append(
            f'<text x="{LEFT - 6}" y="{y(value) + 4:.1f}" text-anchor="end" font-size="11" '
            f'fill="#444">{value:+d}</text>'
        )
    _axis_labels(periods, parts)
    for colour, (source, target) in zip(LINE_COLOURS, ((a, b), (b, a))):
        by_period = {r["period"]: r for r in rows if r["source"] == source and r["target"] == target}
        points = [
            (_x(i, len(periods)), y(by_period[p]["goldstein_mean"]), p, by_period[p])
            for i, p in enumerate(periods)
            if p in by_period and by_period[p]["goldstein_mean"] is not None
        ]
        if len(points) > 1:
            path = " ".join(f"{px:.1f},{py:.1f}" for px, py, _, _ in points)
            parts.append(f'<polyline class="series" points="{path}" fill="none" stroke="{colour}" stroke-width="2"/>')
        for px, py, period, row in points:
            parts.append(
                f'<circle cx="{px:.1f}" cy="{py:.1f}" r="3.5" fill="{colour}"><title>'
                f"{escape(source)}→{escape(target)} {escape(period)}: Goldstein mean "
                f"{row['goldstein_mean']:+.2f}, {row['events']} event(s)</title></circle>"
            )
    legend_y = HEIGHT - 10
    for n, (colour, label) in enumerate(zip(LINE_COLOURS, (f"{a} → {b}", f"{b} → {a}"))):
        x = LEFT + n * 140
        parts.append(f'<rect x="{x}" y="{legend_y - 9}" width="14" height="4" fill="{colour}"/>')
        parts.append(f'<text x="{x + 20}" y="{legend_y - 4}" font-size="12" fill="#222">{escape(label)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def quad_bars(
    rows: list[dict], *, chart_id: str = "quad-chart", label: str = "Events per period by QuadClass"
) -> Markup:
    """Events per period stacked by QuadClass: a relation's, both directions together (rows of
    ``Store.relations``), or an events timeline's (``Store.event_timeline``)."""
    periods = sorted({r["period"] for r in rows})
    if not periods:
        return Markup("")
    totals = {p: {q: 0 for q in QUAD_COLUMNS} for p in periods}
    for r in rows:
        for q, column in QUAD_COLUMNS.items():
            totals[r["period"]][q] += int(r.get(column) or 0)
    highest = max(sum(t.values()) for t in totals.values()) or 1
    inner_h = HEIGHT - TOP - BOTTOM
    bar = min(48.0, max(2.0, (WIDTH - LEFT - RIGHT) / len(periods) * 0.7))
    parts = [
        (
            f'<svg class="chart" id="{escape(chart_id)}" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
            f'aria-label="{escape(label)}" xmlns="http://www.w3.org/2000/svg">'
        ),
        f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{TOP + inner_h}" y2="{TOP + inner_h}" stroke="#999"/>',
        f'<text x="{LEFT - 6}" y="{TOP + 4}" text-anchor="end" font-size="11" fill="#444">{highest}</text>',
        f'<text x="{LEFT - 6}" y="{TOP + inner_h + 4}" text-anchor="end" font-size="11" fill="#444">0</text>',
    ]
    _axis_labels(periods, parts)
    for i, period in enumerate(periods):
        bottom = TOP + inner_h
        for q in (1, 2, 3, 4):
            count = totals[period][q]
            if not count:
                continue
            height = inner_h * count / highest
            bottom -= height
            parts.append(
                f'<rect class="quad quad{q}" x="{_x(i, len(periods)) - bar / 2:.1f}" y="{bottom:.1f}" '
                f'width="{bar:.1f}" height="{height:.1f}" fill="{QUAD_COLOURS[q]}"><title>'
                f"{escape(period)}: {count} × {QUAD_NAMES[q]}</title></rect>"
            )
    legend_y = HEIGHT - 10
    for n, q in enumerate((1, 2, 3, 4)):
        x = LEFT + n * 190
        parts.append(f'<rect x="{x}" y="{legend_y - 11}" width="12" height="12" fill="{QUAD_COLOURS[q]}"/>')
        parts.append(f'<text x="{x + 18}" y="{legend_y - 1}" font-size="12" fill="#222">{q}: {QUAD_NAMES[q]}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def actor_graph(name: str, counterparts: list[dict], size: int = 560) -> Markup:
    """The actor in the middle, the actors it deals with around it; edge width grows with the events
    between them, edge colour is their mean Goldstein score (green cooperation, red conflict)."""
    centre = size / 2
    radius = size / 2 - 90
    parts = [
        (
            f'<svg class="graph" id="actor-graph" viewBox="0 0 {size} {size}" role="img" '
            f'aria-label="Actors {escape(name)} deals with" xmlns="http://www.w3.org/2000/svg">'
        )
    ]
    most = max((c["events"] for c in counterparts), default=1)
    nodes = []
    for n, other in enumerate(counterparts):
        angle = 2 * math.pi * n / max(len(counterparts), 1) - math.pi / 2
        x, y = centre + radius * math.cos(angle), centre + radius * math.sin(angle)
        width = 1 + 5 * math.log1p(other["events"]) / math.log1p(most)
        mean = other.get("goldstein_mean")
        colour = "#999" if mean is None else ("#1b7837" if mean > 0 else "#b2182b" if mean < 0 else "#777")
        parts.append(
            f'<line x1="{centre:.1f}" y1="{centre:.1f}" x2="{x:.1f}" y2="{y:.1f}" stroke="{colour}" '
            f'stroke-width="{width:.1f}" stroke-opacity="0.7"><title>{escape(name)} – '
            f"{escape(other['name'])}: {other['events']} event(s), Goldstein mean "
            f"{'–' if mean is None else f'{mean:+.2f}'}</title></line>"
        )
        nodes.append((x, y, other, angle))
    for x, y, other, angle in nodes:
        anchor = "start" if math.cos(angle) > 0.2 else "end" if math.cos(angle) < -0.2 else "middle"
        dx = 10 if anchor == "start" else -10 if anchor == "end" else 0
        dy = 4 if anchor != "middle" else (16 if math.sin(angle) > 0 else -10)
        href = f"/actors/{quote(other['key'], safe='')}"
        room = {"start": size - (x + dx), "end": x + dx, "middle": 2 * min(x, size - x)}[anchor] - 4
        parts.append(
            f'<a href="{escape(href)}" class="node"><title>{escape(other["name"])}</title>'
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="7" '
            f'fill="#fff" stroke="#333" stroke-width="1.5"/><text x="{x + dx:.1f}" y="{y + dy:.1f}" '
            f'text-anchor="{anchor}" font-size="12" fill="#1a4d8f">{escape(_fit(other["name"], room, 12))}</text></a>'
        )
    parts.append(
        f'<circle cx="{centre}" cy="{centre}" r="12" fill="#2166ac"/>'
        f'<text x="{centre}" y="{centre + 30}" text-anchor="middle" font-size="14" font-weight="bold" '
        f'fill="#111">{escape(_fit(name, size - 8, 14 * 1.1))}</text></svg>'
    )
    return Markup("".join(parts))


def _fit(text: str, room: float, font: float) -> str:
    """``text`` shortened with "…" to what ``room`` pixels hold at ``font`` pixels (a generous width per
    character, ``CHAR_EM``), so that an svg does not clip it; the whole text goes in the element's title."""
    most = max(int(room / (font * CHAR_EM)), 2)
    return text if len(text) <= most else text[: most - 1].rstrip() + "…"


ROW, LABEL = 22, 300  # a thread timeline's row height and the width of its titles


def thread_timeline(stories: list[dict]) -> Markup:
    """A thread's stories over time: one row per story (oldest first), a bar from its first to its last
    article's day, the title linking to the story. Undated stories are left out of the drawing."""
    from datetime import date as Date

    def day(value) -> int | None:
        try:
            return Date.fromisoformat(str(value)[:10]).toordinal()
        except ValueError:
            return None

    dated = [(s, day(s.get("first_date")), day(s.get("last_date") or s.get("first_date"))) for s in stories]
    dated = [(s, lo, hi or lo) for s, lo, hi in dated if lo is not None]
    if not dated:
        return Markup("")
    start, end = min(lo for _, lo, _ in dated), max(hi for _, _, hi in dated)
    inner = WIDTH - LABEL - RIGHT
    scale = inner / max(end - start, 1)
    height = TOP + ROW * len(dated) + 24
    parts = [
        f'<svg id="thread-timeline" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        f'role="img" aria-label="stories of the thread over time">'
    ]
    for row, (story, lo, hi) in enumerate(dated):
        y = TOP + row * ROW
        x = LABEL + (lo - start) * scale
        width = max((hi - lo) * scale, 4)
        title = str(story.get("title") or story["id"])
        shown = title if len(title) <= 44 else title[:43] + "…"
        parts.append(
            f'<a class="story-bar" href="/stories/{quote(str(story["id"]), safe="")}">'
            f'<text x="{LABEL - 8}" y="{y + 14}" text-anchor="end" font-size="12" fill="#222">{escape(shown)}</text>'
            f'<rect x="{x:.1f}" y="{y + 3}" width="{width:.1f}" height="{ROW - 8}" fill="#2166ac">'
            f"<title>{escape(title)}: {escape(story.get('first_date') or '')} – "
            f"{escape(story.get('last_date') or '')}, {story.get('size', 0)} article(s)</title></rect></a>"
        )
    for value, anchor, x in ((start, "start", LABEL), (end, "end", WIDTH - RIGHT)):
        parts.append(
            f'<text class="axis-label" x="{x}" y="{height - 6}" text-anchor="{anchor}" font-size="11" '
            f'fill="#444">'
            f"{Date.fromordinal(value).isoformat()}</text>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))
