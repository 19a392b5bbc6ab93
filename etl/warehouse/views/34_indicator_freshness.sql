-- indicator_freshness: per indicator, how much is loaded and how fresh it is: rows, regions,
-- first and last period, the source's last update and our last load (UTC).
CREATE VIEW indicator_freshness AS
SELECT i.indicator_id,
       COUNT(o.value) AS rows,
       COUNT(DISTINCT o.region_code) AS regions,
       MIN(o.period) AS first_period,
       MAX(o.period) AS last_period,
       MAX(o.source_updated) AS source_updated,
       MAX(o.loaded_at) AS loaded_at
FROM dim_indicator i
LEFT JOIN observation o ON o.indicator_id = i.indicator_id
GROUP BY i.indicator_id
