"""The caveat marks beside RIS figures, the same on every page and export: † no trend over time
in the RIS, ▲ at the scoreboard's cap, * an isolated 0,00 (panel minimum or missing data)."""

CONSTANT_MARK, CAP_MARK, ZERO_MARK = "†", "▲", "*"
# goal_status.caveats codes -> mark
CAVEAT_MARKS = {"constant_over_time": CONSTANT_MARK, "capped": CAP_MARK, "zero": ZERO_MARK}
