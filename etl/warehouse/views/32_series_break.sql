-- series_break: a break in an indicator's series before `period` (e.g. RAMS → BAS). Charts
-- never draw a line across one; comparisons across it carry the note.
CREATE VIEW series_break AS
SELECT indicator_id, period, note_sv, note_en
FROM dim_series_break
