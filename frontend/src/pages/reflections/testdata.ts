import type { Me } from '../../api/types';
import type { CaseReflections, CodeRef, Reflection } from '../../api/reflections';
import { facilitator } from '../../test/helpers';

const membership = facilitator.memberships[0]!;

/** member reads the network's cases and reflections and writes their own. */
export const member: Me = {
  ...facilitator,
  id: 'p-mem',
  name: 'Mila Lid',
  memberships: [
    { ...membership, role: 'member', perspective: 'ouder', permissions: ['network.read', 'cases.read', 'cases.write', 'reflections.read', 'reflections.write'] },
  ],
};

/** researcher reads, nothing more. */
export const researcher: Me = {
  ...facilitator,
  id: 'p-res',
  name: 'Rosa Researcher',
  memberships: [{ ...membership, role: 'researcher', perspective: 'onderzoek', permissions: ['network.read', 'cases.read', 'reflections.read'] }],
};

/** checker is a facilitator of n-fr with the case and reflection permissions. */
export const checker: Me = {
  ...facilitator,
  memberships: [
    {
      ...membership,
      permissions: [
        ...membership.permissions,
        'cases.read',
        'cases.write',
        'cases.review',
        'reflections.read',
        'reflections.write',
        'reflections.review',
        'codings.recode',
      ],
    },
  ],
};

const code = (id: string, key: string, nl: string, en: string): CodeRef => ({ id, key, label_nl: nl, label_en: en, retired: false });
export const heard = code('k-heard', 'T4.stem_jongere', 'Stem van de jongere', "The young person's voice");
export const waiting = code('k-wait', 'T1.wachttijd', 'Wachttijd', 'Waiting time');
export const trust = code('k-trust', 'T4.vertrouwensrelatie', 'Vertrouwensrelatie', 'Trust');

const stamp = '2026-03-01T10:00:00Z';

/** parent is a published reflection from a parent, as a member reads it: no author, no marks. */
export const parent: Reflection = {
  id: 'r-parent',
  case_id: 'c1',
  network_id: 'n-fr',
  perspective: 'ouder',
  status: 'published',
  template_version: 1,
  items: [
    // The server sends items by question key, then position.
    { id: 'i-p2', question: 'did_not_work', position: 2, what: 'Niemand vroeg wat ons kind wilde.', why: 'Alleen wij werden gehoord.', codes: [{ code: heard, effect: 'hindered' }] },
    { id: 'i-p1', question: 'worked', position: 1, what: 'Een vaste begeleider.', why: '', codes: [{ code: trust, effect: 'helped' }] },
  ],
  texts: [{ question: 'differently', text: 'Eerder naar ons kind luisteren.' }],
  ratings: [
    { question: 'on_time', rating: 2 },
    { question: 'young_person_heard', rating: 1 },
  ],
  lessons: [{ id: 'l-p1', statement: 'Vraag de jongere zelf wat hij wil.', status: 'proposed', codes: [heard], sources: ['i-p2'] }],
  mine: false,
  can_check: false,
  created_at: stamp,
  updated_at: stamp,
  published_at: stamp,
  version: 3,
};

/** professional is a published reflection from a professional. */
export const professional: Reflection = {
  ...parent,
  id: 'r-pro',
  perspective: 'professional',
  items: [
    { id: 'i-q1', question: 'worked', position: 1, what: 'De jongere sprak mee in elk overleg.', why: 'We vroegen het hem steeds.', codes: [{ code: heard, effect: 'helped' }, { code: trust, effect: 'helped' }] },
    { id: 'i-q2', question: 'worked', position: 2, what: 'Snel een plek bij de jeugd-ggz.', why: '', codes: [{ code: waiting, effect: 'helped' }] },
  ],
  texts: [],
  ratings: [
    { question: 'on_time', rating: 3 },
    { question: 'young_person_heard', rating: 4 },
  ],
  lessons: [],
};

/**
 * caseReflections is GET /cases/c1/reflections for a member. The codes come
 * in an order the page must not rely on: it shows differences first.
 */
export const caseReflections: CaseReflections = {
  reflections: [professional, parent],
  codes: [
    { code: waiting, views: [{ perspective: 'professional', helped: 1, hindered: 0 }], agreement: 'single' },
    {
      code: trust,
      views: [
        { perspective: 'professional', helped: 1, hindered: 0 },
        { perspective: 'ouder', helped: 1, hindered: 0 },
      ],
      agreement: 'agree',
    },
    {
      code: heard,
      views: [
        { perspective: 'professional', helped: 1, hindered: 0 },
        { perspective: 'ouder', helped: 0, hindered: 2 },
      ],
      agreement: 'differ',
    },
  ],
  ratings: [
    {
      question: 'on_time',
      scores: [
        { perspective: 'ouder', score: 2 },
        { perspective: 'professional', score: 3 },
      ],
      agreement: 'agree',
    },
    {
      question: 'young_person_heard',
      scores: [
        { perspective: 'ouder', score: 1 },
        { perspective: 'professional', score: 4.5 },
      ],
      agreement: 'differ',
    },
  ],
};

const what = 'Juf Anna belde ons elke week.';

/**
 * submitted is a reflection at the four-eyes check, as a facilitator reads
 * it: its author, a name the author dismissed in an item, a place kept in
 * the text answer, and a dismissed name in a lesson.
 */
export const submitted: Reflection = {
  ...parent,
  id: 'r-sub',
  status: 'submitted',
  published_at: undefined,
  submitted_at: stamp,
  items: [{ id: 'i-s1', question: 'worked', position: 1, what, why: '', codes: [] }],
  texts: [{ question: 'differently', text: 'Eerder hulp in Dokkum.' }],
  ratings: [],
  lessons: [{ id: 'l-s1', statement: 'Bel zoals Anna elke week.', status: 'proposed', codes: [], sources: ['i-s1'] }],
  author: { id: 'p-ouder', name: 'Otto Ouder' },
  can_check: true,
  marks: [
    { id: 'm-anna', field: '/items/0/what', kind: 'dismissed', type: 'person', start: 4, end: 8 },
    { id: 'm-dokkum', field: '/texts/0/text', kind: 'confirmed', type: 'place', start: 15, end: 21 },
    { id: 'm-anna2', field: '/lessons/0/statement', kind: 'dismissed', type: 'person', start: 10, end: 14 },
  ],
};
