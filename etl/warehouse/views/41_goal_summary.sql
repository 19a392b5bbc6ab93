-- goal_summary: each goal's (delmål's) status per region and mandate period, summed up from its
-- indicators in goal_status: "judged av indicators bedömda"; no verdict ('insufficient', "för
-- litet underlag") when fewer than half are judged, else the median of the judged verdicts.
CREATE VIEW goal_summary AS
SELECT strategy_id, goal_id, region_code, mandate_period, goal_name_sv, goal_name_en,
       status, status_code, method, method_code, method_params, judged, indicators, position
FROM goal_summary_fact
