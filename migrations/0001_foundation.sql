-- Foundation: people, sign-in, workplaces, networks, memberships,
-- invitations and the audit log. Ids are UUID text; times are UTC.

CREATE TABLE people (
	id TEXT PRIMARY KEY,
	email TEXT NOT NULL UNIQUE, -- stored lower-case: unique case-insensitively
	name TEXT NOT NULL,
	password_hash TEXT NOT NULL,
	is_admin BOOLEAN NOT NULL DEFAULT FALSE,
	disabled BOOLEAN NOT NULL DEFAULT FALSE,
	created_at {{timestamp}} NOT NULL,
	updated_at {{timestamp}} NOT NULL,
	version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE sessions (
	id_hash TEXT PRIMARY KEY, -- SHA-256 of the cookie value; the value itself is never stored
	person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	csrf_token TEXT NOT NULL,
	client_addr TEXT NOT NULL,
	created_at {{timestamp}} NOT NULL,
	last_seen_at {{timestamp}} NOT NULL,
	expires_at {{timestamp}} NOT NULL
);
CREATE INDEX sessions_person ON sessions (person_id);

CREATE TABLE access_tokens (
	id TEXT PRIMARY KEY,
	person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	name TEXT NOT NULL,
	secret_hash TEXT NOT NULL UNIQUE,
	created_at {{timestamp}} NOT NULL,
	expires_at {{timestamp}} NOT NULL,
	last_used_at {{timestamp}},
	revoked_at {{timestamp}}
);
CREATE INDEX access_tokens_person ON access_tokens (person_id);

CREATE TABLE sign_in_failures (
	id {{serial}},
	at {{timestamp}} NOT NULL,
	email TEXT NOT NULL,
	client_addr TEXT NOT NULL
);
CREATE INDEX sign_in_failures_email ON sign_in_failures (email, at);
CREATE INDEX sign_in_failures_addr ON sign_in_failures (client_addr, at);

CREATE TABLE workplaces (
	id TEXT PRIMARY KEY,
	name TEXT NOT NULL UNIQUE,
	region TEXT NOT NULL,
	description TEXT NOT NULL,
	created_at {{timestamp}} NOT NULL,
	updated_at {{timestamp}} NOT NULL,
	version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE organisations (
	id TEXT PRIMARY KEY,
	workplace_id TEXT NOT NULL REFERENCES workplaces(id),
	name TEXT NOT NULL,
	kind TEXT NOT NULL,
	created_at {{timestamp}} NOT NULL,
	UNIQUE (workplace_id, name)
);

CREATE TABLE networks (
	id TEXT PRIMARY KEY,
	workplace_id TEXT NOT NULL REFERENCES workplaces(id),
	name TEXT NOT NULL,
	description TEXT NOT NULL,
	created_at {{timestamp}} NOT NULL,
	updated_at {{timestamp}} NOT NULL,
	version INTEGER NOT NULL DEFAULT 1,
	UNIQUE (workplace_id, name)
);

-- One role per person per network: the one source of truth for access.
CREATE TABLE memberships (
	id TEXT PRIMARY KEY,
	network_id TEXT NOT NULL REFERENCES networks(id),
	person_id TEXT NOT NULL REFERENCES people(id),
	role TEXT NOT NULL,
	perspective TEXT NOT NULL,
	organisation_id TEXT REFERENCES organisations(id),
	created_at {{timestamp}} NOT NULL,
	updated_at {{timestamp}} NOT NULL,
	version INTEGER NOT NULL DEFAULT 1,
	UNIQUE (network_id, person_id)
);
CREATE INDEX memberships_person ON memberships (person_id);

CREATE TABLE invitations (
	id TEXT PRIMARY KEY,
	network_id TEXT NOT NULL REFERENCES networks(id),
	email TEXT NOT NULL,
	role TEXT NOT NULL,
	perspective TEXT NOT NULL,
	organisation_id TEXT REFERENCES organisations(id),
	token_hash TEXT NOT NULL UNIQUE,
	created_by TEXT NOT NULL REFERENCES people(id),
	created_at {{timestamp}} NOT NULL,
	expires_at {{timestamp}} NOT NULL,
	accepted_at {{timestamp}},
	accepted_by TEXT REFERENCES people(id),
	withdrawn_at {{timestamp}}
);
CREATE INDEX invitations_network ON invitations (network_id, created_at);

-- Append-only and hash-chained: each row carries the hash of the one before.
-- actor_id has no foreign key so that history outlives the people in it.
CREATE TABLE audit_log (
	seq {{serial}},
	at {{timestamp}} NOT NULL,
	actor_id TEXT,
	action TEXT NOT NULL,
	object_type TEXT NOT NULL,
	object_id TEXT,
	network_id TEXT,
	outcome TEXT NOT NULL,
	client_addr TEXT NOT NULL,
	prev_hash TEXT NOT NULL,
	hash TEXT NOT NULL
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_actor ON audit_log (actor_id, seq);
CREATE INDEX audit_log_network ON audit_log (network_id, seq);

-- The head of the chain. Appending updates this one row first, which
-- serialises concurrent appenders on every engine and every instance.
CREATE TABLE audit_head (
	id INTEGER PRIMARY KEY,
	last_hash TEXT NOT NULL
);
INSERT INTO audit_head (id, last_hash) VALUES (1, '');
