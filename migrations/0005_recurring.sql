-- Recurring lessons (groups of lessons that say the same across cases),
-- improvement actions that follow them up, and countable network goals.
-- The grouping state lives here, not in a process's memory, so that
-- several instances on one database agree (docs/lessons.md,
-- docs/actions.md).

-- A group becomes a recurring lesson when its lessons span at least this
-- many distinct cases.
ALTER TABLE networks ADD COLUMN recurring_min_cases INTEGER NOT NULL DEFAULT 3;
-- Names the grouping last stored for the network: an instance that keeps
-- a grouping in memory uses it only while this token is the one it wrote
-- (review/group_incremental.go).
ALTER TABLE networks ADD COLUMN grouping_token TEXT NOT NULL DEFAULT '';

-- A group of lessons that say the same thing. The anchor is the group's
-- oldest lesson: it gives the group its identity across recomputations, so
-- that an edited statement, a dismissal and the actions linked to it
-- survive. The anchor has no foreign key: its lesson may go with its case,
-- and the grouping then re-anchors the group.
CREATE TABLE lesson_groups (
	id TEXT PRIMARY KEY,
	network_id TEXT NOT NULL REFERENCES networks(id),
	anchor_lesson_id TEXT NOT NULL,
	statement TEXT NOT NULL,
	-- A facilitator wrote the statement; recomputation keeps it.
	statement_edited BOOLEAN NOT NULL DEFAULT FALSE,
	status TEXT NOT NULL DEFAULT 'active', -- active, dismissed
	dismiss_reason TEXT NOT NULL DEFAULT '',
	-- Kept with the group so that the list of recurring lessons (at least
	-- N distinct cases) needs no count per group.
	lesson_count INTEGER NOT NULL DEFAULT 0,
	case_count INTEGER NOT NULL DEFAULT 0,
	created_at {{timestamp}} NOT NULL,
	updated_at {{timestamp}} NOT NULL,
	version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX lesson_groups_network ON lesson_groups (network_id, status, case_count);
CREATE INDEX lesson_groups_anchor ON lesson_groups (anchor_lesson_id);

-- The lessons of a group; a lesson is in at most one group.
CREATE TABLE lesson_group_members (
	lesson_id TEXT PRIMARY KEY REFERENCES lessons(id) ON DELETE CASCADE,
	group_id TEXT NOT NULL REFERENCES lesson_groups(id) ON DELETE CASCADE,
	network_id TEXT NOT NULL REFERENCES networks(id)
);
CREATE INDEX lesson_group_members_group ON lesson_group_members (group_id, lesson_id);
CREATE INDEX lesson_group_members_network ON lesson_group_members (network_id, group_id);

-- What facilitators taught the grouping of their network: a merge keeps
-- two lessons 'together', a split keeps them 'apart'. One decision per
-- pair (the later one replaces the earlier), the smaller id first.
CREATE TABLE grouping_constraints (
	id TEXT PRIMARY KEY,
	network_id TEXT NOT NULL REFERENCES networks(id),
	lesson_id TEXT NOT NULL REFERENCES lessons(id) ON DELETE CASCADE,
	other_lesson_id TEXT NOT NULL REFERENCES lessons(id) ON DELETE CASCADE,
	kind TEXT NOT NULL, -- together, apart
	created_by TEXT REFERENCES people(id),
	created_at {{timestamp}} NOT NULL,
	CHECK (lesson_id < other_lesson_id),
	UNIQUE (lesson_id, other_lesson_id)
);
CREATE INDEX grouping_constraints_network ON grouping_constraints (network_id, lesson_id);
CREATE INDEX grouping_constraints_other ON grouping_constraints (other_lesson_id);

-- A countable network goal ("0 thuiszitters"): managers enter dated
-- measurements. The baseline may be unknown when the goal is set.
CREATE TABLE goals (
	id TEXT PRIMARY KEY,
	network_id TEXT NOT NULL REFERENCES networks(id),
	name TEXT NOT NULL,
	unit TEXT NOT NULL,
	baseline DOUBLE PRECISION,
	target DOUBLE PRECISION NOT NULL,
	created_at {{timestamp}} NOT NULL,
	updated_at {{timestamp}} NOT NULL,
	version INTEGER NOT NULL DEFAULT 1,
	UNIQUE (network_id, name)
);

-- One measurement per goal and date (YYYY-MM-DD).
CREATE TABLE goal_measurements (
	id TEXT PRIMARY KEY,
	goal_id TEXT NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
	measured_on TEXT NOT NULL,
	value DOUBLE PRECISION NOT NULL,
	entered_by TEXT REFERENCES people(id),
	entered_at {{timestamp}} NOT NULL,
	UNIQUE (goal_id, measured_on)
);

-- An improvement action (verbeteractie). Dates are YYYY-MM-DD text, which
-- sorts and compares as dates on both engines. owner_id is a manager of
-- the network, NULL while proposed. accepted_at starts the stall clock
-- until the first progress entry; started_on is the day the change began
-- in practice, from which the effect chart compares.
CREATE TABLE improvement_actions (
	id TEXT PRIMARY KEY,
	network_id TEXT NOT NULL REFERENCES networks(id),
	title TEXT NOT NULL,
	description TEXT NOT NULL DEFAULT '',
	kind TEXT NOT NULL, -- practice, training, research
	owner_id TEXT REFERENCES people(id),
	phase TEXT NOT NULL DEFAULT 'plan', -- plan, do, check, act
	status TEXT NOT NULL DEFAULT 'proposed', -- proposed, accepted, in_progress, done, stopped
	stop_reason TEXT NOT NULL DEFAULT '',
	due_on TEXT,
	started_on TEXT,
	goal_id TEXT REFERENCES goals(id) ON DELETE SET NULL,
	proposed_by TEXT REFERENCES people(id),
	proposed_automatically BOOLEAN NOT NULL DEFAULT FALSE,
	-- The group an automatic proposal was made for: at most one per group,
	-- however many instances notice the group crossing the threshold.
	auto_group_id TEXT REFERENCES lesson_groups(id) ON DELETE SET NULL,
	accepted_at {{timestamp}},
	last_progress_at {{timestamp}},
	created_at {{timestamp}} NOT NULL,
	updated_at {{timestamp}} NOT NULL,
	version INTEGER NOT NULL DEFAULT 1
);
-- The board: a page of a network's actions by id, and the counts per
-- status and phase (with the overdue and stalled columns) from the index
-- alone.
CREATE INDEX improvement_actions_network ON improvement_actions (network_id, id);
CREATE INDEX improvement_actions_board ON improvement_actions (network_id, status, phase, due_on, last_progress_at, accepted_at, owner_id);
CREATE INDEX improvement_actions_owner ON improvement_actions (owner_id, status) WHERE owner_id IS NOT NULL;
CREATE INDEX improvement_actions_goal ON improvement_actions (goal_id) WHERE goal_id IS NOT NULL;
CREATE UNIQUE INDEX improvement_actions_auto_group ON improvement_actions (auto_group_id) WHERE auto_group_id IS NOT NULL;

-- What an action follows up: recurring lessons (groups), cases, and the
-- organisations involved.
CREATE TABLE action_lessons (
	action_id TEXT NOT NULL REFERENCES improvement_actions(id) ON DELETE CASCADE,
	group_id TEXT NOT NULL REFERENCES lesson_groups(id) ON DELETE CASCADE,
	PRIMARY KEY (action_id, group_id)
);
CREATE INDEX action_lessons_group ON action_lessons (group_id);

CREATE TABLE action_cases (
	action_id TEXT NOT NULL REFERENCES improvement_actions(id) ON DELETE CASCADE,
	case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
	PRIMARY KEY (action_id, case_id)
);
CREATE INDEX action_cases_case ON action_cases (case_id);

CREATE TABLE action_organisations (
	action_id TEXT NOT NULL REFERENCES improvement_actions(id) ON DELETE CASCADE,
	organisation_id TEXT NOT NULL REFERENCES organisations(id),
	PRIMARY KEY (action_id, organisation_id)
);
CREATE INDEX action_organisations_organisation ON action_organisations (organisation_id);

-- The dated progress log of an action, each entry in the PDCA phase it
-- was written in.
CREATE TABLE action_progress (
	id TEXT PRIMARY KEY,
	action_id TEXT NOT NULL REFERENCES improvement_actions(id) ON DELETE CASCADE,
	network_id TEXT NOT NULL REFERENCES networks(id),
	written_by TEXT REFERENCES people(id),
	written_at {{timestamp}} NOT NULL,
	phase TEXT NOT NULL,
	text TEXT NOT NULL
);
CREATE INDEX action_progress_action ON action_progress (action_id, written_at);

-- When each network's follow-up digest was last e-mailed to its managers
-- (only when the operator configured SMTP): with several instances, the
-- one that takes the network's lock first sends, the others see the row.
CREATE TABLE digest_runs (
	network_id TEXT PRIMARY KEY REFERENCES networks(id),
	sent_at {{timestamp}} NOT NULL
);
