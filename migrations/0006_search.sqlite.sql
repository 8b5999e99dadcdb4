-- SQLite: the words of each row as Go made them (package search: the
-- Snowball Dutch stem of every word that is not a stop word, and the parts
-- of a compound, "thuiszitter" → thuiszitter thuis zit), in an FTS4 table
-- that reads them from search_docs (external content). The driver's
-- default build has FTS3/4 but not FTS5, which needs a build tag on every
-- go command (docs/research.md). The triggers keep the two in step, also
-- when a case's rows go with the case (ON DELETE CASCADE fires them).
ALTER TABLE search_docs ADD COLUMN terms TEXT NOT NULL DEFAULT '';
CREATE VIRTUAL TABLE search_fts USING fts4(content="search_docs", terms, tokenize=unicode61 "remove_diacritics=0");
CREATE TRIGGER search_docs_insert AFTER INSERT ON search_docs BEGIN
	INSERT INTO search_fts (docid, terms) VALUES (new.id, new.terms);
END;
CREATE TRIGGER search_docs_delete BEFORE DELETE ON search_docs BEGIN
	DELETE FROM search_fts WHERE docid = old.id;
END;
