-- ris_region_group: the performance group of each region in an edition
-- (Leader / Strong / Moderate / Emerging). The EU average and regions without a group are left out.
CREATE VIEW ris_region_group AS
SELECT edition, region_code, performance_group
FROM ris_region
WHERE performance_group IS NOT NULL
