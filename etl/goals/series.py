"""The series the status method needs, read from the public views on any database."""

from __future__ import annotations

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from indicators.goals import models as m
from indicators.goals.status import Point


class SeriesStore:
    """Observation and RIS series, each read once per indicator."""

    def __init__(self, conn: Connection):
        self.conn = conn
        self._observations: dict[str, pd.DataFrame] = {}
        self._ris: dict[str, pd.DataFrame] = {}
        self._ris_rows: dict[str, dict] = {}
        self.ris_edition = conn.execute(sa.text("SELECT MAX(edition) FROM ris_edition")).scalar()

    def _observation_frame(self, indicator_id: str) -> pd.DataFrame:
        if indicator_id not in self._observations:
            self._observations[indicator_id] = pd.read_sql_query(
                sa.text(
                    "SELECT region_code, period, sex, value FROM observation "
                    "WHERE indicator_id = :i AND value IS NOT NULL"
                ),
                self.conn,
                params={"i": indicator_id},
            )
        return self._observations[indicator_id]

    def _ris_frame(self, measure: str) -> pd.DataFrame:
        if measure not in self._ris:
            if self.ris_edition is None:
                self._ris[measure] = pd.DataFrame(
                    columns=["region_code", "indicator_code", "year", "value", "score", "status"]
                )
            else:
                view, column = m.RIS_MEASURES[measure]
                score = "region_value" if view == "ris_leader_ratio" else "value"
                # Missing RIS values (status 'missing') are NULL and never reach a goal.
                self._ris[measure] = pd.read_sql_query(
                    sa.text(
                        f"SELECT region_code, indicator_code, year, {column} AS value, "
                        f"{score} AS score, status "
                        f"FROM {view} WHERE edition = :e AND {column} IS NOT NULL"
                    ),
                    self.conn,
                    params={"e": int(self.ris_edition)},
                )
        return self._ris[measure]

    def observations(self, indicator_id: str, region: str, sex: str = "T") -> list[Point]:
        frame = self._observation_frame(indicator_id)
        mine = frame[(frame["region_code"] == region) & (frame["sex"] == sex)]
        return [Point(str(p), float(x)) for p, x in zip(mine["period"], mine["value"], strict=True)]

    def ris_frame(self, code: str, region: str, measure: str) -> pd.DataFrame:
        """year, value (as judged), score (the published value) and status, by year."""
        frame = self._ris_frame(measure)
        if measure not in self._ris_rows:
            # each series' rows, found once: filtering the whole scoreboard per goal cost
            # 23 ms a lookup
            self._ris_rows[measure] = frame.groupby(["region_code", "indicator_code"]).indices
        rows = self._ris_rows[measure].get((region, code), [])
        return frame.iloc[rows].sort_values("year")

    def ris(self, code: str, region: str, measure: str) -> list[Point]:
        mine = self.ris_frame(code, region, measure)
        return [Point(str(y), float(x)) for y, x in zip(mine["year"], mine["value"], strict=True)]
