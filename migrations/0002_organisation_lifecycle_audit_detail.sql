-- Organisations can be edited and retired: a retired organisation is no
-- longer offered for new memberships but stays readable on old ones.
ALTER TABLE organisations ADD COLUMN updated_at {{timestamp}};
ALTER TABLE organisations ADD COLUMN retired_at {{timestamp}};
ALTER TABLE organisations ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
UPDATE organisations SET updated_at = created_at;

-- An audit entry can say more about a read or a query (the filters of a
-- list); never any case text.
ALTER TABLE audit_log ADD COLUMN detail TEXT NOT NULL DEFAULT '';
