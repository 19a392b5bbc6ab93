-- goal_status: the follow-up of every strategy's goal indicators per region and mandate period
-- (DESIGN.md): baseline (last value before the period, or the target's baseline year), latest
-- value inside the period, target, and the status in Swedish; reason says why a status is
-- "kan ej bedömas". region_code is the region followed up; measured_region is the region the
-- figures are for (the NUTS2 region for RIS indicators).
CREATE VIEW goal_status AS
SELECT strategy_id, goal_id, indicator_id, region_code, mandate_period, baseline_period,
       baseline_value, latest_period, latest_value, target_value, status,
       indicator_key, sex, measured_region, goal_name_sv, goal_name_en, target_type, target_text,
       needed_pace, achieved_pace, status_code, reason, method, position, computed_at
FROM goal_status_fact
