-- indicator_note: notes the source attaches to an indicator's data; mandatory = the source
-- requires them to be shown with the figures (SCB's noteMandatory).
CREATE VIEW indicator_note AS
SELECT indicator_id, source, position, note, mandatory
FROM indicator_note_fact
