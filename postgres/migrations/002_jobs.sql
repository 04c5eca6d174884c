-- The work queue: jobs workers take with SELECT … FOR UPDATE SKIP LOCKED, each under a lease
-- that runs out when its worker dies, so that another takes it again.
CREATE TABLE jobs (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind         TEXT    NOT NULL, -- "fetch-feed", "fetch-page", "group", "report"
    payload      TEXT    NOT NULL, -- JSON
    state        TEXT    NOT NULL DEFAULT 'ready', -- ready, running, done, dead
    attempts     INTEGER NOT NULL DEFAULT 0,
    run_at       TIMESTAMPTZ NOT NULL DEFAULT now(), -- ready from; a retry waits
    locked_until TIMESTAMPTZ, -- a running job's lease
    worker       TEXT    NOT NULL DEFAULT '',
    error        TEXT    NOT NULL DEFAULT '' -- the last attempt's
);
-- what a worker looks through: the jobs not done, in the order they may run
CREATE INDEX jobs_waiting ON jobs (run_at, id) WHERE state IN ('ready', 'running');
