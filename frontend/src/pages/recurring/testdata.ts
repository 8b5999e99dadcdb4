import type { GroupMatch, RecurringLesson, RecurringLessonDetail, Spread } from '../../api/recurring';
import { caseA, caseB } from '../lessons/testdata';

export const caseC = { id: '00000000-0000-4000-8000-00000000ca5c', title: 'Geen plek op school' };

const spread: Spread = {
  cases: [caseA, caseB, caseC],
  networks: 1,
  organisations: 2,
  perspectives: [
    { perspective: 'jongere', lessons: 1 },
    { perspective: 'ouder', lessons: 1 },
    { perspective: 'professional', lessons: 1 },
  ],
  outcomes: { good: 1, stuck: 2, mixed: 0 },
  stuck_share: 2 / 3,
  baseline_stuck_share: 1 / 3,
  lift: 2,
  first_seen: '2024-Q2',
  last_seen: '2024-Q4',
  quarters: [
    { period: '2024-Q2', cases: 1 },
    { period: '2024-Q3', cases: 0 },
    { period: '2024-Q4', cases: 2 },
  ],
};

/** askGroup is a recurring lesson on three cases, from three perspectives. */
export const askGroup: RecurringLesson = {
  id: 'g-ask',
  network_id: 'n-fr',
  statement: 'Vraag de jongere eerst wat hij zelf wil.',
  statement_edited: false,
  status: 'active',
  lesson_count: 3,
  case_count: 3,
  recurring: true,
  spread,
  version: 4,
};

/** waitGroup is a group on one case: no recurring lesson yet (facilitators see it with all=true). */
export const waitGroup: RecurringLesson = {
  ...askGroup,
  id: 'g-wait',
  statement: 'Overbrug de wachttijd.',
  lesson_count: 2,
  case_count: 1,
  recurring: false,
  spread: { ...spread, cases: [caseA], perspectives: [{ perspective: 'ouder', lessons: 2 }], outcomes: { good: 0, stuck: 1, mixed: 0 }, stuck_share: 1, lift: 3, first_seen: '2024-Q2', last_seen: '2024-Q2', quarters: [{ period: '2024-Q2', cases: 1 }] },
  version: 2,
};

/** askDetail is askGroup as a facilitator reads it, with its lessons. */
export const askDetail: RecurringLessonDetail = {
  ...askGroup,
  lessons: [
    { id: 'l-1', statement: 'Fijn dat ze eerst vroegen wat ik zelf wou.', status: 'accepted', perspective: 'jongere', case: caseA },
    { id: 'l-2', statement: 'Vraag de jongere wat hij nodig heeft voordat je een plan maakt.', status: 'accepted', perspective: 'professional', case: caseB },
    { id: 'l-3', statement: 'Betrek school direct.', status: 'proposed', perspective: 'ouder', case: caseC },
  ],
};

export const closeMatch: GroupMatch = { id: 'g-ask', statement: askGroup.statement, status: 'active', lesson_count: 3, case_count: 3, score: 0.62, version: 4 };
export const looseMatch: GroupMatch = { id: 'g-wait', statement: waitGroup.statement, status: 'active', lesson_count: 2, case_count: 1, score: 0.21, version: 2 };
