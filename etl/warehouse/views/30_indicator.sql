-- indicator: the follow-up indicators of the catalogue with their metadata: names, unit,
-- decimals, direction (higher or lower is better), frequency, source and its reference.
CREATE VIEW indicator AS
SELECT indicator_id, name_sv, name_en, description_sv, description_en, unit, unit_en, decimals,
       direction, frequency, sex_split, source_type, source_label, source_reference, source_url,
       coverage, next_release
FROM dim_indicator
