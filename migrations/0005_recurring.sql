-- Recurring lessons: groups of lessons that say the same thing. The
-- grouping state lives here, not in a process, so that several instances
-- on one database agree; every regrouping of a network runs under a lock
-- on the network's row.
CREATE TABLE lesson_groups (
	id TEXT PRIMARY KEY,
	network_id TEXT NOT NULL REFERENCES networks(id),
	-- The group's oldest lesson when it was formed; informative only: the
	-- identity passes on by overlap (review/group_match.go).
	anchor_lesson_id TEXT NOT NULL,
	-- The representative statement: chosen by the grouping until a
	-- facilitator edits it; an edited statement is kept through regroupings.
	statement TEXT NOT NULL,
	statement_edited BOOLEAN NOT NULL DEFAULT FALSE,
	status TEXT NOT NULL DEFAULT 'active', -- active, dismissed
	dismiss_reason TEXT NOT NULL DEFAULT '',
	-- Kept with the group so that the list of recurring lessons (at least
	-- N distinct cases) reads an index instead of counting per group.
	lesson_count INTEGER NOT NULL DEFAULT 0,
	case_count INTEGER NOT NULL DEFAULT 0,
	created_at {{timestamp}} NOT NULL,
	updated_at {{timestamp}} NOT NULL,
	version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX lesson_groups_network ON lesson_groups (network_id, status, case_count);

-- A lesson is in at most one group.
CREATE TABLE lesson_group_members (
	lesson_id TEXT PRIMARY KEY REFERENCES lessons(id) ON DELETE CASCADE,
	group_id TEXT NOT NULL REFERENCES lesson_groups(id) ON DELETE CASCADE,
	network_id TEXT NOT NULL REFERENCES networks(id)
);
CREATE INDEX lesson_group_members_group ON lesson_group_members (group_id);

-- What facilitators teach the grouping: two lessons belong together (a
-- merge of groups, a lesson placed in a group) or apart (a split). Later
-- regroupings of the network respect every pair.
CREATE TABLE grouping_constraints (
	id TEXT PRIMARY KEY,
	network_id TEXT NOT NULL REFERENCES networks(id),
	lesson_id TEXT NOT NULL REFERENCES lessons(id) ON DELETE CASCADE,
	other_lesson_id TEXT NOT NULL REFERENCES lessons(id) ON DELETE CASCADE,
	kind TEXT NOT NULL, -- together, apart
	created_by TEXT REFERENCES people(id),
	created_at {{timestamp}} NOT NULL,
	UNIQUE (lesson_id, other_lesson_id)
);
CREATE INDEX grouping_constraints_network ON grouping_constraints (network_id);
CREATE INDEX grouping_constraints_other ON grouping_constraints (other_lesson_id);

-- A group becomes a recurring lesson from this many distinct cases.
ALTER TABLE networks ADD COLUMN recurring_min_cases INTEGER NOT NULL DEFAULT 3;
-- Names the grouping last stored for the network: an instance that keeps
-- a grouping in memory uses it only while this token is the one it wrote.
ALTER TABLE networks ADD COLUMN grouping_token TEXT NOT NULL DEFAULT '';

-- TEMPORARY (replaced by the actions branch's full table at merge).
CREATE TABLE action_lessons (
	action_id TEXT NOT NULL,
	group_id TEXT NOT NULL REFERENCES lesson_groups(id) ON DELETE CASCADE,
	PRIMARY KEY (action_id, group_id)
);
