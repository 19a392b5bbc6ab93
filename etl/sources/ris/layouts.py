"""The RIS database layouts we know, recognised by their header row.

- RIS 2023 (RIS_2023.xlsx, sheet RIS): Indicator, Year, Zone, Country, CountryName, Region,
  RegionName, Level, Value, performance group.
- RIS 2025 (RIS_web_download.xlsx): Region code, Indicator code, Year,
  Value relative to EU in 2018 (the base year is in the header).
- RIS 2021 (inside EIS_Data.xlsx): Region, RegionName, CountryName, Indicator, Year, Value,
  Level, Perf, Zone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

HEADER_SEARCH_ROWS = 10  # a title row or two above the header is tolerated


@dataclass(frozen=True)
class Layout:
    name: str
    # canonical field -> header in the file (lower case); optional fields may be absent
    fields: dict[str, str]
    optional: tuple[str, ...] = ()
    value_pattern: str | None = None  # header regex for the value column, capturing the base year

    def match(self, header: list[str]) -> dict[str, int] | None:
        """Column positions of the canonical fields, or None if this is not the layout."""
        positions = {name.lower(): i for i, name in enumerate(header) if name}
        found: dict[str, int] = {}
        for field_name, column in self.fields.items():
            if column in positions:
                found[field_name] = positions[column]
            elif field_name not in self.optional:
                return None
        if self.value_pattern:
            value_columns = [i for n, i in positions.items() if re.fullmatch(self.value_pattern, n)]
            if len(value_columns) != 1:
                return None
            found["value"] = value_columns[0]
        return found

    def base_year(self, header: list[str]) -> int | None:
        if not self.value_pattern:
            return None
        for name in header:
            hit = re.fullmatch(self.value_pattern, name.lower())
            if hit:
                return int(hit.group(1))
        return None


RIS_2023 = Layout(
    name="RIS 2023",
    fields={
        "indicator": "indicator",
        "year": "year",
        "region_code": "region",
        "region_name": "regionname",
        "value": "value",
        "group": "performance group",
        "zone": "zone",
        "country_name": "countryname",
    },
)

RIS_2025 = Layout(
    name="RIS 2025",
    fields={
        "region_code": "region code",
        "indicator": "indicator code",
        "year": "year",
        "region_name": "region name",
        "group": "performance group",
    },
    optional=("region_name", "group"),
    value_pattern=r"value relative to eu in (\d{4})",
)

RIS_2021 = Layout(
    name="RIS 2021 (EIS_Data)",
    fields={
        "region_code": "region",
        "region_name": "regionname",
        "country_name": "countryname",
        "indicator": "indicator",
        "year": "year",
        "value": "value",
        "level": "level",
        "group": "perf",
        "zone": "zone",
    },
)

LAYOUTS = (RIS_2023, RIS_2025, RIS_2021)


@dataclass(frozen=True)
class Located:
    layout: Layout
    sheet: str
    header_row: int  # 0-based row of the header in the sheet
    header: list[str]
    columns: dict[str, int]


def _header(row: pd.Series) -> list[str]:
    return ["" if pd.isna(v) else str(v).strip() for v in row.tolist()]


def locate(sheets: dict[str, pd.DataFrame]) -> Located | None:
    """The first sheet and row whose header matches a known layout."""
    for sheet, frame in sheets.items():
        for row in range(min(HEADER_SEARCH_ROWS, len(frame))):
            header = _header(frame.iloc[row])
            lowered = [h.lower() for h in header]
            for layout in LAYOUTS:
                columns = layout.match(lowered)
                if columns is not None:
                    return Located(layout, sheet, row, header, columns)
    return None


def describe_headers(sheets: dict[str, pd.DataFrame]) -> str:
    parts = []
    for sheet, frame in sheets.items():
        first = _header(frame.iloc[0]) if len(frame) else []
        parts.append(f"blad {sheet!r}: {', '.join(h for h in first if h) or '(tomt)'}")
    return "; ".join(parts)
