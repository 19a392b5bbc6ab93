-- ris_score: RIS values exactly as published, keyed on (edition, year). indicator_code is RII
-- for the Regional Innovation Index, otherwise the scoreboard number such as 3.3.2.
-- status: NULL = as published; 'missing' = the file's 0.00 for data it does not have (the
-- region's series is 0.00 in every year, or an RII of 0): value is NULL, never a score;
-- 'zero' = an isolated 0.00, kept (the panel minimum is a genuine 0 after min-max
-- normalisation) but to be shown with a caveat; 'capped' = at the year's cap.
CREATE VIEW ris_score AS
SELECT v.edition, v.year, v.region_code, v.indicator_code, i.indicator_name, v.value, v.status
FROM ris_value v
JOIN ris_indicator i ON i.edition = v.edition AND i.indicator_code = v.indicator_code
