-- ris_edition: one row per loaded RIS edition, with the base year its values are relative to
-- (RIS 2023: EU 2016 = 100) and where the file came from. Never join editions into one series.
CREATE VIEW ris_edition AS
SELECT edition, framework, base_year, first_year, last_year, groups_published,
       source_file, sha256, origin, loaded_at
FROM ris_edition_load
