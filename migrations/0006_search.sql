-- Full-text search over published, anonymised texts (docs/research.md,
-- "Search"). One row per searchable object of a case: the case itself
-- (title, summary, key episodes), each published reflection (items and
-- text answers) and each lesson of a published reflection that is not
-- rejected. Nothing else is ever in here: package search writes the rows
-- of a case inside the transaction that publishes, corrects or archives
-- it, publishes one of its reflections or curates one of its lessons,
-- and leaves none while the case is not published or archived.
--
-- The case's attributes that search filters on are copied into the row,
-- so that a query with filters reads no other table per match; a case
-- cannot change while published (a correction takes it out of the index
-- until it is published again), so the copies stay true. Codes can change
-- on a published reflection (recoding): the code filter reads codings.
-- Each engine adds its own index of the words in the dialect file beside
-- this one: SQLite an FTS4 table of Snowball-Dutch stems made in Go,
-- PostgreSQL a tsvector column with the `dutch` configuration.
CREATE TABLE search_docs (
	id {{serial}},
	network_id TEXT NOT NULL REFERENCES networks(id),
	case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
	kind TEXT NOT NULL, -- case, reflection, lesson
	object_id TEXT NOT NULL,
	-- The perspective of a reflection or lesson; '' for a case.
	perspective TEXT NOT NULL DEFAULT '',
	outcome TEXT NOT NULL,
	age_band TEXT NOT NULL,
	start_period INTEGER NOT NULL,
	end_period INTEGER,
	service_mask INTEGER NOT NULL DEFAULT 0,
	phase_mask INTEGER NOT NULL DEFAULT 0,
	UNIQUE (kind, object_id)
);
CREATE INDEX search_docs_case ON search_docs (case_id);
