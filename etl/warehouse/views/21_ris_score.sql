-- ris_score: RIS values exactly as published, keyed on (edition, year). indicator_code is RII
-- for the Regional Innovation Index, otherwise the scoreboard number such as 3.3.2.
CREATE VIEW ris_score AS
SELECT v.edition, v.year, v.region_code, v.indicator_code, i.indicator_name, v.value
FROM ris_value v
JOIN ris_indicator i ON i.edition = v.edition AND i.indicator_code = v.indicator_code
