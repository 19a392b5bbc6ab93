-- region: every region code used anywhere in the warehouse, NUTS codes throughout.
-- Catalogue regions first; regions that only a RIS file knows (newer NUTS codes) follow
-- with the name as published, so no score ever points at a missing region.
CREATE VIEW region AS
SELECT region_code, name_sv, name_en, level, parent_code, country_code, scb_code, kolada_code
FROM dim_region
UNION ALL
SELECT r.region_code,
       MAX(r.region_name) AS name_sv,
       MAX(r.region_name) AS name_en,
       CAST(NULL AS INTEGER) AS level,
       CAST(NULL AS TEXT) AS parent_code,
       SUBSTR(r.region_code, 1, 2) AS country_code,
       CAST(NULL AS TEXT) AS scb_code,
       CAST(NULL AS TEXT) AS kolada_code
FROM ris_region r
WHERE r.region_code NOT IN (SELECT region_code FROM dim_region)
GROUP BY r.region_code
