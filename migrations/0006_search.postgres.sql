-- PostgreSQL: the words of each row as the `dutch` text-search
-- configuration makes them (its Snowball Dutch stemmer, the one package
-- search uses on SQLite), plus the parts of compounds as Go finds them
-- under the `simple` configuration ("thuiszitter" → thuis zit), which
-- PostgreSQL does not split. A GIN index finds the rows of a query.
ALTER TABLE search_docs ADD COLUMN tsv tsvector NOT NULL;
CREATE INDEX search_docs_tsv ON search_docs USING GIN (tsv);
