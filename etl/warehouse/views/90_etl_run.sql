-- etl_run: every ETL run per source, newest last; status is ok, unchanged, skipped or failed,
-- and message says what was loaded or what went wrong. Times are UTC.
CREATE VIEW etl_run AS
SELECT run_id, source, started_at, finished_at, status, rows, message
FROM etl_run_log
