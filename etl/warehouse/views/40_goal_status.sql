-- goal_status: the follow-up of every strategy's goal indicators per region and mandate period
-- (README "How goals are judged"): baseline (the last value strictly before the period, or at
-- the target's baseline year; when there is none, the first value inside the period:
-- baseline_rule says which), the latest value inside the period, target, and the status.
-- region_code is the region followed up; measured_region is the region the figures are for
-- (the NUTS2 region for RIS indicators). reason/method are Swedish texts; reason_code,
-- method_code and their JSON parameters let any language render its own. caveats lists the
-- RIS caveats (constant_over_time, capped, zero) that apply to the row.
CREATE VIEW goal_status AS
SELECT strategy_id, goal_id, indicator_id, region_code, mandate_period, baseline_period,
       baseline_value, latest_period, latest_value, target_value, status,
       indicator_key, sex, measured_region, goal_name_sv, goal_name_en, target_type, target_text,
       target_year, tolerance, needed_pace, achieved_pace, status_code, reason, reason_code,
       reason_params, method, method_code, method_params, baseline_rule, caveats, position,
       computed_at
FROM goal_status_fact
