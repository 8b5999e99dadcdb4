-- PostgreSQL: a lesson's membership no longer checks its network against
-- the networks table. The network on a membership is a copy of its
-- group's (which has that foreign key) kept for the network index; the
-- check locked the network's one row again for every membership, and on
-- a first full recompute of 100,000 lessons that was a quarter of the
-- membership insert (0.5 of 2.1 s; docs/performance.md, "Lesson
-- grouping"). SQLite checks a foreign key with an index lookup and no
-- row lock, so it keeps the constraint.
ALTER TABLE lesson_group_members DROP CONSTRAINT lesson_group_members_network_id_fkey;
