"""Builders of responses in the sources' real formats, filled with real published values.

TEST DATA: every number comes from a file in ../shared/data; only the layout is ours.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from urllib.parse import urlsplit

import pandas as pd

from etl.sources.kolada import extract as kolada_extract
from indicators.catalogue import catalogue
from tests.replay_server import Answer, ReplayServer


def jsonstat(
    frame: pd.DataFrame,
    dimensions: list[str],
    labels: dict[str, dict[str, str]] | None = None,
    *,
    label: str = "",
    updated: str | None = None,
    extra: dict | None = None,
) -> dict:
    """A JSON-stat 2.0 dataset from a long frame with one column per dimension and `value`.

    Cells not in the frame are null (missing), as a real sparse cube would have them."""
    labels = labels or {}
    categories = {d: list(dict.fromkeys(frame[d].astype(str))) for d in dimensions}
    sizes = [len(categories[d]) for d in dimensions]
    index = {
        tuple(str(v) for v in row[:-1]): row[-1]
        for row in frame[[*dimensions, "value"]].itertuples(index=False)
    }
    values = []
    for position in pd.MultiIndex.from_product([categories[d] for d in dimensions]):
        value = index.get(tuple(position))
        values.append(None if value is None or pd.isna(value) else value)
    document = {
        "version": "2.0",
        "class": "dataset",
        "label": label,
        "source": "test",
        "id": dimensions,
        "size": sizes,
        "value": values,
        "dimension": {
            d: {
                "label": d,
                "category": {
                    "index": {c: i for i, c in enumerate(categories[d])},
                    "label": {c: labels.get(d, {}).get(c, c) for c in categories[d]},
                },
            }
            for d in dimensions
        },
    }
    if updated:
        document["updated"] = updated
    return document | (extra or {})


def lan_by_name() -> dict[str, str]:
    """'Dalarnas län' -> '20' from the catalogue."""
    return {r.name_sv: r.scb_code for r in catalogue().regions.swedish(level=3)}


def kolada_rows_from_csv(
    path: Path,
    kpi: str,
    value_column: str,
    municipality: str | None = None,
    kpi_title: str | None = None,
) -> list[dict]:
    """Real Kolada figures flattened by Region Dalarna, back in Kolada's per-period shape."""
    names = lan_by_name()
    grouped: dict[tuple[str, int], list[dict]] = {}
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if kpi_title and row.get("kpi") != kpi_title:
                continue
            place = municipality or "00" + names[row["municipality"]]
            split = {
                "count": 1,
                "gender": row.get("gender", "T"),
                "status": "",
                "value": float(row[value_column]) if row[value_column] not in ("", "NA") else None,
            }
            grouped.setdefault((place, int(row["year"])), []).append(split)
    return [
        {"kpi": kpi, "municipality": m, "period": y, "values": v}
        for (m, y), v in sorted(grouped.items())
    ]


def kolada_page(values: list[dict], next_url: str | None = None) -> bytes:
    return json.dumps(
        {"count": len(values), "values": values, "next_url": next_url, "previous_url": None},
        ensure_ascii=False,
    ).encode()


KOLADA_FOU = "kolada_fou_per_inv_lan_2011-2021_via_region_dalarna.csv"


def tab3138(shared_data: Path, extra: dict | None = None) -> dict:
    """TEST DATA: SCB TAB3138 (GRP) in json-stat2 with the real figures of
    ../shared/data/followup (grp_current_prices.csv, grp_per_inhabitant.csv)."""
    to_scb = {r.code: r.scb_code for r in catalogue().regions.regions.values() if r.scb_code}
    current = pd.read_csv(shared_data / "followup" / "grp_current_prices.csv").assign(
        ContentsCode="NR0105AH"
    )
    per_inhabitant = pd.read_csv(shared_data / "followup" / "grp_per_inhabitant.csv").assign(
        ContentsCode="TEST_PER_INV"
    )
    rows = pd.concat([current, per_inhabitant])
    frame = pd.DataFrame(
        {
            "Region": rows["region"].map(to_scb),
            "ContentsCode": rows["ContentsCode"],
            "Tid": rows["period"].astype(str),
            "value": rows["value"],
        }
    ).dropna(subset=["Region"])
    # GRP per employed has no real figures here: its one cell is missing (null).
    none = pd.DataFrame([{"Region": "24", "ContentsCode": "TEST_PER_SYSS", "Tid": "2021"}])
    frame = pd.concat([frame, none.assign(value=None)], ignore_index=True)
    labels = {
        "ContentsCode": {
            "NR0105AH": "BRP, löpande priser, mnkr",
            "TEST_PER_INV": "BRP per invånare, löpande priser, tkr",
            "TEST_PER_SYSS": "BRP per sysselsatt, löpande priser, tkr",
        }
    }
    return jsonstat(
        frame,
        ["Region", "ContentsCode", "Tid"],
        labels,
        label="BRP (test)",
        updated="2023-12-14T07:00:00Z",
        extra=extra,
    )


def rd_business(shared_data: Path) -> list[dict]:
    """TEST DATA: real N85085 values (Region Dalarna's Kolada extract) in Kolada's shape."""
    return kolada_rows_from_csv(
        shared_data / "sweden" / KOLADA_FOU,
        "N85085",
        "value",
        kpi_title="Företagens utgifter för egen FoU",
    )


def route_kolada(server: ReplayServer, root: str, pages: dict[str, list[bytes]]) -> None:
    """Every Kolada KPI in the catalogue answers; those without pages answer with no values."""
    cat = catalogue()
    for indicator in cat.indicators.values():
        if indicator.source.type != "kolada":
            continue
        meta, *data = kolada_extract.plan_requests(indicator, root, cat.regions)
        kpi = indicator.source.reference["kpi"]
        title = {"id": kpi, "title": indicator.name_sv, "publication_date": "2023-03-01"}
        server.route("GET", urlsplit(meta.url).path, Answer(kolada_page([title])))
        answers = pages.get(kpi, [kolada_page([])])
        for number, request in enumerate(data):
            script = answers if number == 0 else [kolada_page([])]
            server.route("GET", urlsplit(request.url).path, *[Answer(a) for a in script])
