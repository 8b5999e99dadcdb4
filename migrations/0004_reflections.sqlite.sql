-- The code-suggestion index: per network and code, each word's match key
-- (review/dutch.Key: the Snowball stem, the parts of a compound, the
-- field's concepts) with how often it occurs in the code's label,
-- description and examples (source 'codebook') and in how many of the
-- network's items coded with it (source 'codings'). Suggestions read it per
-- request, so every instance ranks the same without state in memory.
-- WITHOUT ROWID keeps the rows in primary-key order, so reading a term's
-- rows reads the key alone (no second lookup per row for count).
CREATE TABLE code_terms (
	network_id TEXT NOT NULL REFERENCES networks(id),
	code_id TEXT NOT NULL REFERENCES codebook_codes(id),
	term TEXT NOT NULL,
	source TEXT NOT NULL,
	count INTEGER NOT NULL,
	PRIMARY KEY (network_id, term, code_id, source)
) WITHOUT ROWID;
CREATE INDEX code_terms_code ON code_terms (code_id);
