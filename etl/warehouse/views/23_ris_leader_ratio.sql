-- ris_leader_ratio: each region's score divided by the unweighted mean of that edition's
-- Innovation Leaders in the same year and indicator (below 1 = weaker than the leaders).
-- Missing values (status 'missing', value NULL) are left out of the leaders' mean, and a
-- region whose value is missing has no ratio. The ratio is NULL where the leaders' mean is 0.
CREATE VIEW ris_leader_ratio AS
WITH leader_mean AS (
    SELECT v.edition, v.year, v.indicator_code, AVG(v.value) AS leader_mean
    FROM ris_value v
    JOIN ris_region g
      ON g.edition = v.edition AND g.region_code = v.region_code
    WHERE g.performance_group = 'Leader' AND v.value IS NOT NULL
    GROUP BY v.edition, v.year, v.indicator_code
)
SELECT v.edition, v.year, v.region_code, v.indicator_code,
       v.value AS region_value,
       m.leader_mean,
       v.value / NULLIF(m.leader_mean, 0) AS ratio,
       v.status
FROM ris_value v
JOIN leader_mean m
  ON m.edition = v.edition AND m.year = v.year AND m.indicator_code = v.indicator_code
