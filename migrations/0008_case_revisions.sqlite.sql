-- SQLite only: a counter per network that moves on with every write to its
-- cases, in the same transaction (the triggers below), so that a case list
-- page can be kept in memory and still never be served stale: a list reads
-- the counter first and uses a kept page only when it was made at the same
-- count. It holds for writes that bypass the cases package too (the demo's
-- bulk load, an operator's SQL). A network without a row has count 0.
-- Cases never move between networks.
--
-- Not on PostgreSQL: there the counter row was a second row every case
-- write locks, beside the audit log's head, and transactions that take
-- the two in different orders deadlocked (the demo's concurrent
-- reflections did). SQLite has one writer at a time, so no order of locks
-- can cross; and reading a page is what costs there (a call into C per
-- row and column).
CREATE TABLE case_revisions (
	network_id TEXT PRIMARY KEY,
	revision BIGINT NOT NULL
);

-- One upsert per written case row (SQLite has row triggers only).
CREATE TRIGGER cases_revision_insert AFTER INSERT ON cases BEGIN
	INSERT INTO case_revisions (network_id, revision) VALUES (new.network_id, 1)
	ON CONFLICT (network_id) DO UPDATE SET revision = revision + 1;
END;
CREATE TRIGGER cases_revision_update AFTER UPDATE ON cases BEGIN
	INSERT INTO case_revisions (network_id, revision) VALUES (new.network_id, 1)
	ON CONFLICT (network_id) DO UPDATE SET revision = revision + 1;
END;
CREATE TRIGGER cases_revision_delete AFTER DELETE ON cases BEGIN
	INSERT INTO case_revisions (network_id, revision) VALUES (old.network_id, 1)
	ON CONFLICT (network_id) DO UPDATE SET revision = revision + 1;
END;
