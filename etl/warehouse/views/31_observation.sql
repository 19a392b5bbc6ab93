-- observation: one value per indicator, region (NUTS code), period (2023 or 2023Q2) and sex
-- (T/K/M; T when there is no split). value is NULL where the source marks it missing, and
-- status carries the source's flag. When two loaders hold the same key (an API and a
-- hand-kept file), the indicator's own source wins, then the most recent load.
-- Where the shown value comes from: loader (scb, kolada, tva, eurostat, manual), origin (the
-- file name or URL), source_text and note (as a hand-kept file's row states them; else NULL).
CREATE VIEW observation AS
WITH ranked AS (
    SELECT f.indicator_id, f.region_code, f.period, f.sex, f.value, f.status,
           f.source_updated, f.loaded_at, f.source AS loader, f.origin, f.source_text, f.note,
           ROW_NUMBER() OVER (
               PARTITION BY f.indicator_id, f.region_code, f.period, f.sex
               ORDER BY CASE WHEN f.source = i.source_type THEN 0 ELSE 1 END, f.loaded_at DESC
           ) AS preference
    FROM observation_fact f
    LEFT JOIN dim_indicator i ON i.indicator_id = f.indicator_id
)
SELECT indicator_id, region_code, period, sex, value, status, source_updated, loaded_at,
       loader, origin, source_text, note
FROM ranked
WHERE preference = 1
