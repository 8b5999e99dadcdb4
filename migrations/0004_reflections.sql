-- Reflections, the network's codebook and form templates, codings and
-- lessons. Recurring lessons (grouping), improvement actions and the
-- research queries compute on these tables, so every coding and lesson
-- carries its network and case directly: the aggregates join cases once.

-- The codebook: per network, themes with their codes. A key never changes
-- (T1, T1.wachttijd; codes a network adds get a generated key), so codings
-- of networks that started from the same default compare across networks;
-- labels, descriptions and the theme a code sits under may change.
CREATE TABLE codebook_themes (
	id TEXT PRIMARY KEY,
	network_id TEXT NOT NULL REFERENCES networks(id),
	key TEXT NOT NULL,
	label_nl TEXT NOT NULL,
	label_en TEXT NOT NULL,
	description_nl TEXT NOT NULL DEFAULT '',
	description_en TEXT NOT NULL DEFAULT '',
	position INTEGER NOT NULL,
	retired_at {{timestamp}},
	created_at {{timestamp}} NOT NULL,
	updated_at {{timestamp}} NOT NULL,
	version INTEGER NOT NULL DEFAULT 1,
	UNIQUE (network_id, key)
);

CREATE TABLE codebook_codes (
	id TEXT PRIMARY KEY,
	network_id TEXT NOT NULL REFERENCES networks(id),
	theme_id TEXT NOT NULL REFERENCES codebook_themes(id),
	key TEXT NOT NULL,
	label_nl TEXT NOT NULL,
	label_en TEXT NOT NULL,
	description_nl TEXT NOT NULL DEFAULT '',
	description_en TEXT NOT NULL DEFAULT '',
	-- A JSON array of short anonymous example statements.
	examples TEXT NOT NULL DEFAULT '[]',
	position INTEGER NOT NULL,
	-- A merged code keeps its row so that old links and history resolve;
	-- its codings moved to merged_into.
	merged_into TEXT REFERENCES codebook_codes(id),
	-- A retired code is no longer offered but stays readable in old material.
	retired_at {{timestamp}},
	created_at {{timestamp}} NOT NULL,
	updated_at {{timestamp}} NOT NULL,
	version INTEGER NOT NULL DEFAULT 1,
	UNIQUE (network_id, key)
);
CREATE INDEX codebook_codes_theme ON codebook_codes (theme_id, position);

-- Every change of a network's codebook, recoding included: what changed,
-- with before and after labels in detail (JSON). Labels are codebook text,
-- never case text.
CREATE TABLE codebook_changes (
	id TEXT PRIMARY KEY,
	network_id TEXT NOT NULL REFERENCES networks(id),
	theme_id TEXT,
	code_id TEXT,
	action TEXT NOT NULL,
	detail TEXT NOT NULL DEFAULT '{}',
	actor_id TEXT REFERENCES people(id),
	at {{timestamp}} NOT NULL
);
CREATE INDEX codebook_changes_network ON codebook_changes (network_id, at);
CREATE INDEX codebook_changes_code ON codebook_changes (code_id, at);

-- Reflection form templates: immutable versions per network. A reflection
-- keeps the version it was written with and renders with it forever.
CREATE TABLE reflection_templates (
	id TEXT PRIMARY KEY,
	network_id TEXT NOT NULL REFERENCES networks(id),
	version INTEGER NOT NULL,
	definition TEXT NOT NULL, -- JSON, see docs/reflections.md
	created_by TEXT REFERENCES people(id),
	created_at {{timestamp}} NOT NULL,
	UNIQUE (network_id, version)
);

-- One person's look back at a case, from their membership's perspective.
-- One per person per case.
CREATE TABLE reflections (
	id TEXT PRIMARY KEY,
	case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
	network_id TEXT NOT NULL REFERENCES networks(id),
	author_id TEXT NOT NULL REFERENCES people(id),
	perspective TEXT NOT NULL,
	-- The author's organisation when they wrote it (the spread of a
	-- recurring lesson over organisations); never shown beside the text.
	organisation_id TEXT,
	template_id TEXT NOT NULL REFERENCES reflection_templates(id),
	status TEXT NOT NULL, -- draft, submitted, published
	review_comment TEXT NOT NULL DEFAULT '',
	correction BOOLEAN NOT NULL DEFAULT FALSE,
	last_editor_id TEXT NOT NULL REFERENCES people(id),
	published_by TEXT REFERENCES people(id),
	created_at {{timestamp}} NOT NULL,
	updated_at {{timestamp}} NOT NULL,
	submitted_at {{timestamp}},
	published_at {{timestamp}},
	version INTEGER NOT NULL DEFAULT 1,
	UNIQUE (case_id, author_id)
);
CREATE INDEX reflections_case ON reflections (case_id, status);
CREATE INDEX reflections_network_status ON reflections (network_id, status, id);
CREATE INDEX reflections_author ON reflections (author_id, id);

-- Answers to text and rating questions, one row per question.
CREATE TABLE reflection_answers (
	reflection_id TEXT NOT NULL REFERENCES reflections(id) ON DELETE CASCADE,
	question_key TEXT NOT NULL,
	text TEXT NOT NULL DEFAULT '',
	rating INTEGER,
	PRIMARY KEY (reflection_id, question_key)
);

-- The entries of an items question (what worked, what did not): what,
-- why, optionally the key episode it is about.
CREATE TABLE reflection_items (
	id TEXT PRIMARY KEY,
	reflection_id TEXT NOT NULL REFERENCES reflections(id) ON DELETE CASCADE,
	case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
	network_id TEXT NOT NULL REFERENCES networks(id),
	question_key TEXT NOT NULL,
	position INTEGER NOT NULL,
	what TEXT NOT NULL,
	why TEXT NOT NULL DEFAULT '',
	episode_id TEXT REFERENCES case_episodes(id) ON DELETE SET NULL,
	created_at {{timestamp}} NOT NULL,
	updated_at {{timestamp}} NOT NULL
);
CREATE INDEX reflection_items_reflection ON reflection_items (reflection_id, question_key, position);
CREATE INDEX reflection_items_case ON reflection_items (case_id);
-- Deleting a key episode looks up the items about it (partial: most items
-- name none; see lesson_sources below).
CREATE INDEX reflection_items_episode ON reflection_items (episode_id) WHERE episode_id IS NOT NULL;

-- A code on an item, with whether that factor helped or hindered.
CREATE TABLE codings (
	id TEXT PRIMARY KEY,
	item_id TEXT NOT NULL REFERENCES reflection_items(id) ON DELETE CASCADE,
	reflection_id TEXT NOT NULL REFERENCES reflections(id) ON DELETE CASCADE,
	case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
	network_id TEXT NOT NULL REFERENCES networks(id),
	code_id TEXT NOT NULL REFERENCES codebook_codes(id),
	effect TEXT NOT NULL, -- helped, hindered
	coded_by TEXT REFERENCES people(id),
	created_at {{timestamp}} NOT NULL,
	UNIQUE (item_id, code_id)
);
CREATE INDEX codings_code ON codings (code_id, case_id);
CREATE INDEX codings_network_code ON codings (network_id, code_id, effect);
CREATE INDEX codings_reflection ON codings (reflection_id);

-- Lessons: short statements with codes. Authors write them in their
-- reflection; facilitators curate them (accept, reword, merge, reject).
CREATE TABLE lessons (
	id TEXT PRIMARY KEY,
	network_id TEXT NOT NULL REFERENCES networks(id),
	case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
	reflection_id TEXT REFERENCES reflections(id) ON DELETE CASCADE,
	perspective TEXT NOT NULL,
	position INTEGER NOT NULL,
	statement TEXT NOT NULL,
	-- proposed (in a reflection), accepted, rejected, merged (into another)
	status TEXT NOT NULL,
	reject_reason TEXT NOT NULL DEFAULT '',
	merged_into TEXT REFERENCES lessons(id),
	curated_by TEXT REFERENCES people(id),
	curated_at {{timestamp}},
	created_at {{timestamp}} NOT NULL,
	updated_at {{timestamp}} NOT NULL,
	version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX lessons_network_status ON lessons (network_id, status, id);
CREATE INDEX lessons_reflection ON lessons (reflection_id, position);
CREATE INDEX lessons_case ON lessons (case_id);
CREATE INDEX lessons_merged_into ON lessons (merged_into) WHERE merged_into IS NOT NULL;

CREATE TABLE lesson_codes (
	lesson_id TEXT NOT NULL REFERENCES lessons(id) ON DELETE CASCADE,
	code_id TEXT NOT NULL REFERENCES codebook_codes(id),
	PRIMARY KEY (lesson_id, code_id)
);
CREATE INDEX lesson_codes_code ON lesson_codes (code_id, lesson_id);

-- The reflection items a lesson came from, and for a merged lesson the
-- lessons merged into it: an accepted lesson always leads back to its
-- reflections and cases.
CREATE TABLE lesson_sources (
	lesson_id TEXT NOT NULL REFERENCES lessons(id) ON DELETE CASCADE,
	source_lesson_id TEXT REFERENCES lessons(id) ON DELETE CASCADE,
	item_id TEXT REFERENCES reflection_items(id) ON DELETE CASCADE,
	id TEXT PRIMARY KEY
);
CREATE INDEX lesson_sources_lesson ON lesson_sources (lesson_id);
-- Deleting an item or a lesson looks up the sources that name it. The
-- columns are mostly NULL: partial indexes, because with statistics that
-- see one value in nearly every row SQLite would scan a full index instead.
CREATE INDEX lesson_sources_item ON lesson_sources (item_id) WHERE item_id IS NOT NULL;
CREATE INDEX lesson_sources_source ON lesson_sources (source_lesson_id) WHERE source_lesson_id IS NOT NULL;

-- Curation history of lessons: accepted, reworded (before and after),
-- merged, rejected with reason, reopened.
CREATE TABLE lesson_changes (
	id TEXT PRIMARY KEY,
	network_id TEXT NOT NULL REFERENCES networks(id),
	lesson_id TEXT NOT NULL REFERENCES lessons(id) ON DELETE CASCADE,
	action TEXT NOT NULL,
	detail TEXT NOT NULL DEFAULT '{}',
	actor_id TEXT REFERENCES people(id),
	at {{timestamp}} NOT NULL
);
CREATE INDEX lesson_changes_lesson ON lesson_changes (lesson_id, at);

-- The code-suggestion index (code_terms) is created in the dialect files
-- beside this one: each engine stores it so that a suggestion's read of
-- its terms touches the primary key only.

-- Per code and source, the sum of its term counts (terms) and how many
-- texts they came from (texts: the coded items for 'codings'): the lengths
-- the ranking normalises by, kept beside the counts so that a suggestion
-- reads them with the network's codes instead of summing code_terms.
CREATE TABLE code_term_totals (
	network_id TEXT NOT NULL REFERENCES networks(id),
	code_id TEXT NOT NULL REFERENCES codebook_codes(id),
	source TEXT NOT NULL,
	terms INTEGER NOT NULL,
	texts INTEGER NOT NULL,
	PRIMARY KEY (code_id, source)
);

-- Marks of a reflection's texts name the reflection, so that the case's
-- own check reads only the case's marks and each reflection its own.
ALTER TABLE anonymity_marks ADD COLUMN reflection_id TEXT REFERENCES reflections(id) ON DELETE CASCADE;
CREATE INDEX anonymity_marks_reflection ON anonymity_marks (reflection_id) WHERE reflection_id IS NOT NULL;
