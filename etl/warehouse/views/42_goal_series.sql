-- goal_series: exactly the points each verdict in goal_status was computed from. series
-- 'judged' is the judged series (for a gap target the absolute gap between women and men, for
-- a RIS target the ratio or score), with role 'baseline', 'latest' or 'point'; 'K'/'M' are the
-- women's and men's lines beside a total and 'peer' the named peer regions (role 'context').
-- measured_region_code is the region the values are for (e.g. SE33 for a goal of SE331).
CREATE VIEW goal_series AS
SELECT strategy_id, goal_id, indicator_key, region_code, measured_region_code, mandate_period,
       series, period, role, value, flag
FROM goal_series_fact
