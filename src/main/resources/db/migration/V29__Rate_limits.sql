-- api: requests counted per caller and per client address in fixed one-minute windows (issue 16, item 5), shared by
-- every instance. One row per bucket (e.g. `member:<id>`, `address:<ip>`, `email:member:<id>`) and window; each
-- request adds one to its rows with a single INSERT ... ON CONFLICT DO UPDATE.
-- UNLOGGED: no WAL per request; a crash empties the table, which forgets at most the current minute's counts.
-- fillfactor 70: the count's updates fit on their page and stay HOT (no index touched).
-- No index on window_start: the retention job's nightly purge scans the table, which holds a day at most.
CREATE UNLOGGED TABLE rate_limit_window (
    bucket       varchar(200) NOT NULL,
    window_start timestamptz  NOT NULL,
    count        integer      NOT NULL,
    PRIMARY KEY (bucket, window_start)
) WITH (fillfactor = 70);
