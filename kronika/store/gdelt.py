"""GDELT 2.0 Events export: the 61 columns in GDELT's order, tab-separated, no header (as GDELT's files).

Column names and order follow the GDELT 2.0 Event Database codebook. One row per deduplicated event; the
comment beside each column says where its value comes from. An event with several actors or recipients
is written with its first of each (GDELT rows have one Actor1 and one Actor2).
"""

from __future__ import annotations

from kronika.store.fips import ISO3_TO_FIPS

COLUMNS = (
    "GlobalEventID",  # events.pk: the store's integer event id
    "Day",  # event date as YYYYMMDD (a month-precision date gets day 01)
    "MonthYear",  # YYYYMM of the event date
    "Year",  # YYYY of the event date
    "FractionDate",  # YYYY + (MM * 30 + DD) / 365, GDELT's formula, 4 decimals
    "Actor1Code",  # first actor: country + sector ("CHNGOV")
    "Actor1Name",  # first actor: canonical name, upper-cased as in GDELT
    "Actor1CountryCode",  # first actor: ISO 3166-1 alpha-3 country (GDELT's CAMEO country codes are these)
    "Actor1KnownGroupCode",  # empty: no known-group coding yet
    "Actor1EthnicCode",  # empty
    "Actor1Religion1Code",  # empty
    "Actor1Religion2Code",  # empty
    "Actor1Type1Code",  # first actor: PLOVER/CAMEO sector (GOV, MIL, ...)
    "Actor1Type2Code",  # empty
    "Actor1Type3Code",  # empty
    "Actor2Code",  # first recipient: country + sector
    "Actor2Name",  # first recipient: canonical name, upper-cased
    "Actor2CountryCode",  # first recipient: country
    "Actor2KnownGroupCode",  # empty
    "Actor2EthnicCode",  # empty
    "Actor2Religion1Code",  # empty
    "Actor2Religion2Code",  # empty
    "Actor2Type1Code",  # first recipient: sector
    "Actor2Type2Code",  # empty
    "Actor2Type3Code",  # empty
    "IsRootEvent",  # 1 when the first report's trigger is in the article's first sentence (its lead)
    "EventCode",  # the event's CAMEO code ("042")
    "EventBaseCode",  # its first three digits
    "EventRootCode",  # its first two digits
    "QuadClass",  # the event's QuadClass (1-4)
    "GoldsteinScale",  # the event's Goldstein value
    "NumMentions",  # reports of the event, all articles together
    "NumSources",  # distinct outlets (URL hosts) among the reporting articles
    "NumArticles",  # distinct reporting articles
    "AvgTone",  # mean tone of the reporting articles (empty while tone is not computed)
    "Actor1Geo_Type",  # 0: actor locations are not resolved
    "Actor1Geo_FullName",  # empty
    "Actor1Geo_CountryCode",  # empty
    "Actor1Geo_ADM1Code",  # empty
    "Actor1Geo_ADM2Code",  # empty
    "Actor1Geo_Lat",  # empty
    "Actor1Geo_Long",  # empty
    "Actor1Geo_FeatureID",  # empty
    "Actor2Geo_Type",  # 0
    "Actor2Geo_FullName",  # empty
    "Actor2Geo_CountryCode",  # empty
    "Actor2Geo_ADM1Code",  # empty
    "Actor2Geo_ADM2Code",  # empty
    "Actor2Geo_Lat",  # empty
    "Actor2Geo_Long",  # empty
    "Actor2Geo_FeatureID",  # empty
    "ActionGeo_Type",  # event location: 4 (world city) with coordinates, 1 (country) without, else 0
    "ActionGeo_FullName",  # event location name
    "ActionGeo_CountryCode",  # event location country as FIPS 10-4 (kronika/store/fips.py), empty if unknown
    "ActionGeo_ADM1Code",  # the FIPS country code again, as GDELT does for places without ADM1 detail
    "ActionGeo_ADM2Code",  # empty
    "ActionGeo_Lat",  # event location latitude
    "ActionGeo_Long",  # event location longitude
    "ActionGeo_FeatureID",  # empty: no GeoNames id yet
    "DATEADDED",  # when the event was first stored, UTC, YYYYMMDDHHMMSS
    "SOURCEURL",  # URL of the first reporting article, or kronika:article/<id> without one
)
assert len(COLUMNS) == 61, "GDELT 2.0 Events has 61 columns"


def row(event: dict, actor: dict | None, recipient: dict | None, first: dict | None, tone: float | None) -> list[str]:
    """One TSV row (as strings) for an event and its first actor, first recipient and first report."""
    day, month_year, year, fraction = _dates(event.get("date"))
    cameo = event.get("cameo") or ""
    first = first or {}
    geo_country = ISO3_TO_FIPS.get(event.get("location_country") or "", "")
    has_location = bool(event.get("location"))
    geo_type = 0 if not has_location else 4 if event.get("lat") is not None else 1
    values = [
        event["pk"],
        day,
        month_year,
        year,
        fraction,
        *_actor(actor),
        *_actor(recipient),
        int(first.get("sentence") == 0),
        cameo,
        cameo[:3],
        cameo[:2],
        event.get("quad_class"),
        event.get("goldstein"),
        event.get("num_mentions"),
        event.get("num_sources"),
        event.get("num_articles"),
        None if tone is None else round(tone, 4),
        0,
        *[None] * 7,
        0,
        *[None] * 7,
        geo_type,
        event.get("location"),
        geo_country,
        geo_country,
        None,
        event.get("lat"),
        event.get("lon"),
        None,
        _date_added(event.get("added_at")),
        first.get("url") or (f"kronika:article/{first['article']}" if first.get("article") else None),
    ]
    assert len(values) == len(COLUMNS)
    return ["" if v is None else _clean(str(v)) for v in values]


def _actor(participant: dict | None) -> list:
    if not participant:
        return [None] * 10
    country, sector = participant.get("country"), participant.get("sector")
    code = (country or "") + (sector or "")
    return [code or None, participant["name"].upper(), country, None, None, None, None, sector, None, None]


def _dates(value: str | None) -> tuple:
    if not value or len(value) < 4:
        return None, None, None, None
    year = int(value[:4])
    month = int(value[5:7]) if len(value) >= 7 else 1
    day = int(value[8:10]) if len(value) >= 10 else 1
    return (
        f"{year:04d}{month:02d}{day:02d}",
        f"{year:04d}{month:02d}",
        f"{year:04d}",
        f"{year + (month * 30 + day) / 365:.4f}",
    )


def _date_added(value: str | None) -> str | None:
    if not value:
        return None
    digits = "".join(ch for ch in value if ch.isdigit())
    return digits[:14].ljust(14, "0")


def _clean(text: str) -> str:
    """Tabs and line breaks inside a value would break the TSV: they become spaces."""
    return text.replace("\t", " ").replace("\r", " ").replace("\n", " ")
