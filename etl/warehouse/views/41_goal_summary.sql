-- goal_summary: each goal's (delmål's) status per region and mandate period, summed up from its
-- indicators in goal_status; method says how (median of the judged indicators).
CREATE VIEW goal_summary AS
SELECT strategy_id, goal_id, region_code, mandate_period, goal_name_sv, goal_name_en,
       status, status_code, method, position
FROM goal_summary_fact
