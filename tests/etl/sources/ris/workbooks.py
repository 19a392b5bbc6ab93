"""Test workbooks in the three RIS layouts, built from real published values.

TEST DATA: each helper takes real rows (RIS 2023, or the EIS 2025 national file) and writes
them in one layout, so that parsing is tested on real numbers in real column shapes.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

RIS_2023_COLUMNS = [
    "Indicator",
    "Year",
    "Zone",
    "Country",
    "CountryName",
    "Region",
    "RegionName",
    "Level",
    "Value",
    "performance group",
]


def read_ris_2023(path: Path) -> pd.DataFrame:
    return pd.read_excel(path, engine="calamine")


def write_ris_2023(frame: pd.DataFrame, path: Path, sheet: str = "RIS") -> Path:
    frame[RIS_2023_COLUMNS].to_excel(path, sheet_name=sheet, index=False)
    return path


def write_ris_2021_layout(ris_2023: pd.DataFrame, path: Path) -> Path:
    """RIS 2023 rows up to 2021 for a few regions, in the EIS_Data.xlsx (RIS 2021) columns."""
    rows = ris_2023[
        ris_2023["Region"].isin(["EU", "SE33", "SE11", "DK01", "FI1B", "NL33"])
        & (ris_2023["Year"] <= 2021)
    ]
    out = pd.DataFrame(
        {
            "Region": rows["Region"],
            "RegionName": rows["RegionName"],
            "CountryName": rows["CountryName"],
            "Indicator": rows["Indicator"],
            "Year": rows["Year"],
            "Value": rows["Value"],
            "Level": rows["Level"],
            "Perf": rows["performance group"].fillna("").map(lambda g: f"{g} +" if g else ""),
            "Zone": rows["Zone"],
        }
    )
    with pd.ExcelWriter(path) as writer:
        pd.DataFrame({"About": ["European Innovation Scoreboard 2021 (test data)"]}).to_excel(
            writer, sheet_name="Info", index=False
        )
        out.to_excel(writer, sheet_name="RIS", index=False)
    return path


def write_ris_2025_layout(eis_2025: Path, path: Path) -> Path:
    """EIS 2025 national rows (SE, DK, FI, the EU) in the documented RIS 2025 columns."""
    eis = pd.read_excel(eis_2025, sheet_name="EIS", engine="calamine")
    eis = eis[eis["iso2"].isin(["SE", "DK", "FI", "EU27_2020", "EU"])]
    eis = eis[eis["indicator_code"].astype(str).str.count(r"\.") != 1]  # no dimension scores
    out = pd.DataFrame(
        {
            "Region code": eis["iso2"].replace({"EU27_2020": "EU"}),
            "Indicator code": eis["indicator_code"].astype(str).replace({"SII": "RII"}),
            "Year": eis["year"],
            "Value relative to EU in 2018": eis["value"],
        }
    )
    out.to_excel(path, sheet_name="RIS 2025", index=False)
    return path
