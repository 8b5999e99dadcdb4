import type { Me } from '../../api/types';
import type { Action, ActionBoard, ActionEffect, ActionSummary } from '../../api/actions';
import type { Goal } from '../../api/goals';
import { facilitator } from '../../test/helpers';

const network = facilitator.memberships[0]!;
const stamp = '2026-03-01T10:00:00Z';

/** manager owns and follows up n-fr's actions and goals. */
export const manager: Me = {
  ...facilitator,
  id: 'p-man',
  name: 'Mara Manager',
  memberships: [
    {
      ...network,
      role: 'manager',
      perspective: 'management',
      permissions: ['network.read', 'cases.read', 'actions.read', 'actions.propose', 'actions.manage', 'goals.read', 'goals.manage'],
    },
  ],
};

/** proposer is a member of n-fr who reads actions and goals and proposes actions. */
export const proposer: Me = {
  ...facilitator,
  id: 'p-mem',
  name: 'Mila Lid',
  memberships: [{ ...network, role: 'member', perspective: 'ouder', permissions: ['network.read', 'cases.read', 'actions.read', 'actions.propose', 'goals.read'] }],
};

export const ids = {
  auto: '00000000-0000-4000-8000-0000000000e1',
  late: '00000000-0000-4000-8000-0000000000e2',
  group: '00000000-0000-4000-8000-0000000000f1',
  goal: '00000000-0000-4000-8000-0000000000d1',
};

function summary(id: string, title: string, extra: Partial<ActionSummary> = {}): ActionSummary {
  return {
    id,
    network_id: 'n-fr',
    title,
    kind: 'practice',
    status: 'proposed',
    phase: 'plan',
    proposed_automatically: false,
    overdue: false,
    stalled: false,
    created_at: stamp,
    updated_at: stamp,
    version: 1,
    ...extra,
  };
}

export const autoAction = summary(ids.auto, 'Vraag de jongere wat hij nodig heeft.', { proposed_automatically: true, version: 2 });
export const lateAction = summary(ids.late, 'Bel de school binnen een week.', {
  status: 'in_progress',
  phase: 'do',
  owner: { id: 'p-man', name: 'Mara Manager' },
  due_on: '2025-01-15',
  started_on: '2025-01-02',
  overdue: true,
  stalled: true,
  accepted_at: stamp,
  version: 4,
});

export const board: ActionBoard = {
  items: [autoAction, lateAction],
  counts: {
    by_status: { proposed: 1, accepted: 0, in_progress: 1, done: 0, stopped: 0 },
    by_phase: { plan: 1, do: 1, check: 0, act: 0 },
    total: 2,
    overdue: 1,
    stalled: 1,
  },
  stalled_after_days: 60,
};

/** autoRead is the automatic proposal as one action, with its recurring lesson and case. */
export const autoRead: Action = {
  ...autoAction,
  description: 'De les komt in drie casussen terug.',
  lessons: [{ id: ids.group, statement: 'Vraag de jongere wat hij nodig heeft.' }],
  cases: [{ id: '00000000-0000-4000-8000-00000000ca5a', title: 'Lang wachten op jeugd-ggz' }],
  organisations: [],
  stalled_after_days: 60,
  next_statuses: ['accepted', 'stopped'],
};

/** lateRead is the overdue, stalled action in progress. */
export const lateRead: Action = {
  ...lateAction,
  description: '',
  lessons: [{ id: ids.group, statement: 'Vraag de jongere wat hij nodig heeft.' }],
  cases: [],
  organisations: [{ id: 'o1', name: 'Jeugdteam Noord' }],
  stalled_after_days: 60,
  next_statuses: ['done', 'stopped'],
};

const point = (label: string, value: number, side: -1 | 0 | 1, shift = false, trend = false) => ({ label, value, side, shift, trend });

/** tooFew is an effect with too few cases after the start to conclude anything. */
export const tooFew: ActionEffect = {
  action_id: ids.late,
  started_on: '2025-01-02',
  lessons: lateRead.lessons,
  effect: {
    verdict: 'too_few',
    quarters: [
      { period: '2024 Q3', cases: 4, with_lesson: 2, rate: 0.5, when: 'before' },
      { period: '2024 Q4', cases: 2, with_lesson: 0, rate: 0, when: 'before' },
      { period: '2025 Q1', cases: 0, with_lesson: 0, when: 'during' },
      { period: '2025 Q2', cases: 3, with_lesson: 1, rate: 1 / 3, when: 'after' },
    ],
    chart: { median: 1 / 3, useful: 2, too_few: true, points: [point('2024 Q3', 0.5, 1), point('2024 Q4', 0, -1), point('2025 Q2', 1 / 3, 0)] },
    before: { cases: 6, with_lesson: 2, rate: 1 / 3 },
    after: { cases: 3, with_lesson: 1, rate: 1 / 3 },
  },
};

/** zeroGoal is C4Youth's kind of goal, with three measurements. */
export const zeroGoal: Goal = {
  id: ids.goal,
  network_id: 'n-fr',
  name: '0 jongeren verzuimen op school',
  unit: 'jongeren',
  baseline: 14,
  target: 0,
  measurements: [
    { id: 'm1', measured_on: '2026-01-15', value: 12, entered_at: stamp },
    { id: 'm2', measured_on: '2026-04-15', value: 9, entered_at: stamp },
    { id: 'm3', measured_on: '2026-07-15', value: 7.5, entered_at: stamp },
  ],
  created_at: stamp,
  updated_at: stamp,
  version: 5,
};
