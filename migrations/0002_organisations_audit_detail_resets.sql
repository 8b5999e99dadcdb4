-- Organisations can be edited and retired: a retired organisation is no
-- longer offered for new memberships but stays readable on old ones.
ALTER TABLE organisations ADD COLUMN updated_at {{timestamp}};
ALTER TABLE organisations ADD COLUMN retired_at {{timestamp}};
ALTER TABLE organisations ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
UPDATE organisations SET updated_at = created_at;

-- An audit entry can say more about a read or a query (the filters of a
-- list); never any case text.
ALTER TABLE audit_log ADD COLUMN detail TEXT NOT NULL DEFAULT '';

-- Single-use password reset links that an administrator or a facilitator
-- issues; only a hash of the secret is stored.
CREATE TABLE password_resets (
	id TEXT PRIMARY KEY,
	person_id TEXT NOT NULL REFERENCES people(id),
	token_hash TEXT NOT NULL UNIQUE,
	created_by TEXT,
	created_at {{timestamp}} NOT NULL,
	expires_at {{timestamp}} NOT NULL,
	used_at {{timestamp}}
);
CREATE INDEX password_resets_person ON password_resets (person_id);
