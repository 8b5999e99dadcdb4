-- PostgreSQL: the filters of a search (docs/research.md, "Search") as
-- bitmaps beside the GIN index of the words, so that a filtered search
-- visits only the rows that pass both instead of every row holding the
-- words (a common word in 50,000 cases is some 80,000 rows, each a heap
-- visit: hundreds of milliseconds; docs/performance.md, "Full-text
-- search"). SQLite reads the rows from its FTS4 table newest first and
-- stops at the search's limit, so it needs none of these.
CREATE INDEX search_docs_network ON search_docs (network_id);
CREATE INDEX search_docs_kind ON search_docs (kind);
CREATE INDEX search_docs_perspective ON search_docs (perspective);
CREATE INDEX search_docs_outcome ON search_docs (outcome);
CREATE INDEX search_docs_age_band ON search_docs (age_band);
