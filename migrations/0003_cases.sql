-- Case reviews: anonymised care trajectories with their key episodes.
-- Periods are stored as year * 10 + quarter (20243 = 2024 Q3), so that they
-- sort and compare as numbers; exact dates are never stored.

CREATE TABLE cases (
	id TEXT PRIMARY KEY,
	network_id TEXT NOT NULL REFERENCES networks(id),
	author_id TEXT NOT NULL REFERENCES people(id),
	status TEXT NOT NULL, -- draft, submitted, published, archived
	title TEXT NOT NULL,
	outcome TEXT NOT NULL, -- good, stuck, mixed
	start_period INTEGER NOT NULL,
	end_period INTEGER,
	age_band TEXT NOT NULL,
	household TEXT NOT NULL,
	duration TEXT NOT NULL,
	summary TEXT NOT NULL,
	-- The case's redaction numbering ([PERSOON-1] …), sealed: keyed hashes
	-- only, never the names themselves.
	numbering TEXT NOT NULL DEFAULT '',
	-- What the facilitator wrote when sending the case back (anonymised too).
	review_comment TEXT NOT NULL DEFAULT '',
	-- The submitted text corrects a case that was published before.
	correction BOOLEAN NOT NULL DEFAULT FALSE,
	-- Who last changed the text: four eyes means the publisher is someone else.
	last_editor_id TEXT NOT NULL REFERENCES people(id),
	published_by TEXT REFERENCES people(id),
	created_at {{timestamp}} NOT NULL,
	updated_at {{timestamp}} NOT NULL,
	submitted_at {{timestamp}},
	published_at {{timestamp}},
	archived_at {{timestamp}},
	-- The services and the phases of the key episodes as bits (bit i is
	-- the i-th code of the fixed list): the list filters read them from an
	-- index instead of joining case_services and case_episodes per row.
	service_mask INTEGER NOT NULL DEFAULT 0,
	phase_mask INTEGER NOT NULL DEFAULT 0,
	-- Kept with the case so that a list page needs no count per case.
	episode_count INTEGER NOT NULL DEFAULT 0,
	version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX cases_network_status ON cases (network_id, status, id);
-- Covers every list filter, so the counts per outcome read the index only.
CREATE INDEX cases_network_filters ON cases (network_id, status, outcome, age_band, start_period, end_period, service_mask, phase_mask);
CREATE INDEX cases_author ON cases (author_id, id);
CREATE INDEX cases_status_period ON cases (status, start_period);

-- The services and life domains of a case, one row each: filters and the
-- research crosstabs join on them.
CREATE TABLE case_services (
	case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
	service TEXT NOT NULL,
	PRIMARY KEY (case_id, service)
);
CREATE INDEX case_services_service ON case_services (service, case_id);

CREATE TABLE case_life_domains (
	case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
	life_domain TEXT NOT NULL,
	PRIMARY KEY (case_id, life_domain)
);
CREATE INDEX case_life_domains_domain ON case_life_domains (life_domain, case_id);

-- Key episodes (cruciale momenten): their own resources with their own
-- version, so that edits of two episodes never collide.
CREATE TABLE case_episodes (
	id TEXT PRIMARY KEY,
	case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
	position INTEGER NOT NULL,
	phase TEXT NOT NULL,
	what_happened TEXT NOT NULL,
	duration TEXT NOT NULL,
	effect TEXT NOT NULL, -- helped, hindered, neutral
	created_at {{timestamp}} NOT NULL,
	updated_at {{timestamp}} NOT NULL,
	version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX case_episodes_case ON case_episodes (case_id, position);
CREATE INDEX case_episodes_phase ON case_episodes (phase, case_id);

-- An author's decisions on the anonymiser's findings, stored with the text
-- as a place (object, field, offsets in UTF-16 units) and a type — never
-- the matched text. "dismissed": a direct identifier the author calls a
-- false alarm; "confirmed": a quasi-identifier the author keeps. The
-- facilitator's verdict at the four-eyes check: accepted or
-- real_identifier.
CREATE TABLE anonymity_marks (
	id TEXT PRIMARY KEY,
	case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
	object_id TEXT NOT NULL,
	field TEXT NOT NULL,
	kind TEXT NOT NULL,
	finding_type TEXT NOT NULL,
	start_at INTEGER NOT NULL,
	end_at INTEGER NOT NULL,
	verdict TEXT NOT NULL DEFAULT '',
	created_at {{timestamp}} NOT NULL
);
CREATE INDEX anonymity_marks_object ON anonymity_marks (object_id);
CREATE INDEX anonymity_marks_case ON anonymity_marks (case_id);

-- Counts for the anonymiser's quality report: what it flagged and what
-- people decided, per network and type; no text, no offsets.
CREATE TABLE anonymiser_tallies (
	id {{serial}},
	at {{timestamp}} NOT NULL,
	network_id TEXT NOT NULL,
	finding_type TEXT NOT NULL,
	event TEXT NOT NULL, -- replaced, dismissed, confirmed, dismissal_accepted, real_identifier
	count INTEGER NOT NULL
);
CREATE INDEX anonymiser_tallies_at ON anonymiser_tallies (at);
