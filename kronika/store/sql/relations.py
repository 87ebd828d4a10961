"""Reading relations: the time series of events between two countries, per period."""

# A relation time series: both directions between two countries, per period. The period expression is
# picked from this fixed table, never built from user input.
# An event dated less precisely than the period (a month-dated event in a series by day) has no period
# and stays out of that series rather than posing as the month's first day.
PERIODS = {
    "day": "CASE WHEN length(d.date) >= 10 THEN substr(d.date, 1, 10) END",
    # ISO 8601 weeks ("2025-W01" from Monday 2024-12-30): SQLite's strftime has %V only from 3.46, so the
    # store registers iso_week (queries.register_functions) on each connection it opens.
    "week": "CASE WHEN length(d.date) >= 10 THEN iso_week(substr(d.date, 1, 10)) END",
    "month": "CASE WHEN length(d.date) >= 7 THEN substr(d.date, 1, 7) END",
    "year": "substr(d.date, 1, 4)",
}
# Both directions of a pair over the dates asked, per period (RELATIONS and RELATIONS_SUMMED).
_RELATION_SERIES = """
WHERE ((d.actor_country = :a AND d.recipient_country = :b) OR (d.actor_country = :b AND d.recipient_country = :a))
  AND (:since IS NULL OR d.date >= :since) AND (:until IS NULL OR d.date <= :until)
  AND (:modality IS NULL OR {modality} = :modality)
  AND {{period}} IS NOT NULL
GROUP BY period, d.actor_country, d.recipient_country
ORDER BY period, source"""
RELATIONS = """
SELECT {period} AS period, d.actor_country AS source, d.recipient_country AS target,
       count(*) AS events, sum(e.num_mentions) AS mentions,
       avg(d.goldstein) AS goldstein_mean, sum(d.goldstein) AS goldstein_sum,
       sum(d.quad_class = 1) AS quad1_verbal_cooperation, sum(d.quad_class = 2) AS quad2_material_cooperation,
       sum(d.quad_class = 3) AS quad3_verbal_conflict, sum(d.quad_class = 4) AS quad4_material_conflict
FROM dyads d JOIN events e INDEXED BY events_joined ON e.pk = d.event""" + _RELATION_SERIES.format(
    modality="e.modality"
)
# RELATIONS from the kept sums (the same columns and values; ``d`` is the alias PERIODS reads the date from).
RELATIONS_SUMMED = """
SELECT {period} AS period, d.actor_country AS source, d.recipient_country AS target,
       sum(d.events) AS events, sum(d.mentions) AS mentions,
       sum(d.goldstein_sum) / nullif(sum(d.goldstein_n), 0) AS goldstein_mean,
       CASE WHEN sum(d.goldstein_n) > 0 THEN sum(d.goldstein_sum) END AS goldstein_sum,
       sum(CASE d.quad_class WHEN 1 THEN d.events ELSE 0 END) AS quad1_verbal_cooperation,
       sum(CASE d.quad_class WHEN 2 THEN d.events ELSE 0 END) AS quad2_material_cooperation,
       sum(CASE d.quad_class WHEN 3 THEN d.events ELSE 0 END) AS quad3_verbal_conflict,
       sum(CASE d.quad_class WHEN 4 THEN d.events ELSE 0 END) AS quad4_material_conflict
FROM relation_counts d""" + _RELATION_SERIES.format(modality="d.modality")
# The same series as two one-way series, each grouped by its period alone, merged in order (queries.relations,
# two different countries): each direction's rows come off the primary key in date order and are grouped in
# a sort of their own, where RELATIONS_SUMMED's multi-index OR sorted both directions' rows by period and pair
# together (CHN-PRK by month on 1,000,000 events, 1,500 rows: 2.0 -> 1.5 ms of CPU). The same rows in the
# same order within each group, so the same sums.
_RELATIONS_ONE_WAY = (
    RELATIONS_SUMMED.split("WHERE")[0]
    + """WHERE d.actor_country = :source AND d.recipient_country = :target
  AND (:since IS NULL OR d.date >= :since) AND (:until IS NULL OR d.date <= :until)
  AND (:modality IS NULL OR d.modality = :modality)
  AND {period} IS NOT NULL
GROUP BY period"""
)
RELATIONS_BOTH_WAYS = (
    "SELECT * FROM ("
    + _RELATIONS_ONE_WAY.replace(":source", ":a").replace(":target", ":b")
    + ")\nUNION ALL\nSELECT * FROM ("
    + _RELATIONS_ONE_WAY.replace(":source", ":b").replace(":target", ":a")
    + ")\nORDER BY period, source"
)
