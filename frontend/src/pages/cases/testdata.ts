import type { Me } from '../../api/types';
import { facilitator } from '../../test/helpers';
import type { Case, CaseSummary, CaseVocabulary } from '../../api/types';

// A part of GET /api/v1/case-vocabulary, with the server's codes and words.
export const vocabulary: CaseVocabulary = {
  lists: [
    { name: 'outcome', terms: [
      { code: 'good', nl: 'goed verlopen', en: 'went well' },
      { code: 'stuck', nl: 'vastgelopen', en: 'got stuck' },
      { code: 'mixed', nl: 'wisselend', en: 'mixed' },
    ] },
    { name: 'age_band', terms: [
      { code: '4-12', nl: '4 tot 12 jaar', en: '4 to 12 years' },
      { code: '12-18', nl: '12 tot 18 jaar', en: '12 to 18 years' },
    ] },
    { name: 'household', terms: [{ code: 'one_parent', nl: 'één ouder', en: 'one parent' }] },
    { name: 'life_domain', terms: [
      { code: 'education_work', nl: 'school en werk', en: 'school and work' },
      { code: 'mental_health', nl: 'psychische gezondheid', en: 'mental health' },
    ] },
    { name: 'service', terms: [
      { code: 'neighbourhood_team', nl: 'wijkteam of toegang', en: 'neighbourhood team or access' },
      { code: 'youth_mental_health', nl: 'jeugd-ggz', en: 'youth mental health care' },
    ] },
    { name: 'duration', terms: [{ code: '1_2y', nl: '1 tot 2 jaar', en: '1 to 2 years' }] },
    { name: 'phase', terms: [
      { code: 'signalling', nl: 'signaleren', en: 'noticing the problem' },
      { code: 'access', nl: 'toegang', en: 'access to help' },
      { code: 'help', nl: 'hulp', en: 'help' },
      { code: 'scaling', nl: 'op- of afschalen', en: 'scaling help up or down' },
      { code: 'closure', nl: 'afsluiting en nazorg', en: 'closing and aftercare' },
    ] },
    { name: 'episode_duration', terms: [{ code: '1_4w', nl: '1 tot 4 weken', en: '1 to 4 weeks' }] },
    { name: 'effect', terms: [
      { code: 'helped', nl: 'hielp', en: 'helped' },
      { code: 'hindered', nl: 'hinderde', en: 'hindered' },
      { code: 'neutral', nl: 'neutraal', en: 'neutral' },
    ] },
  ],
};

const membership = facilitator.memberships[0]!;

/** reviewer is a facilitator of n-fr as GET /me lists one, with the case permissions. */
export const reviewer: Me = {
  ...facilitator,
  memberships: [{ ...membership, permissions: [...membership.permissions, 'cases.read', 'cases.write', 'cases.review'] }],
};

/** researcher reads the network's cases, nothing more. */
export const researcher: Me = {
  ...facilitator,
  id: 'p-res',
  name: 'Rosa Researcher',
  memberships: [{ ...membership, role: 'researcher', perspective: 'onderzoek', permissions: ['network.read', 'cases.read'] }],
};

/** outsider has a role in the network but no case permission (as a role without cases.read would). */
export const outsider: Me = {
  ...facilitator,
  memberships: [{ ...membership, role: 'member', permissions: ['network.read'] }],
};

export const summary: CaseSummary = {
  id: 'c1',
  network_id: 'n-fr',
  status: 'published',
  title: 'Lang wachten op jeugd-ggz',
  outcome: 'stuck',
  start: { year: 2023, quarter: 2 },
  end: { year: 2024, quarter: 1 },
  age_band: '12-18',
  services: ['neighbourhood_team', 'youth_mental_health'],
  episode_count: 2,
  mine: false,
  correction: false,
  updated_at: '2026-02-01T10:00:00Z',
  version: 3,
};

const text = 'Jan (15) kwam 😀 via school bij het wijkteam in Dokkum.';

/** submittedCase has a dismissed name in the summary and a confirmed place, as its facilitators see it. */
export const submittedCase: Case = {
  id: 'c1',
  network_id: 'n-fr',
  status: 'submitted',
  title: 'Lang wachten op jeugd-ggz',
  outcome: 'stuck',
  start: { year: 2023, quarter: 2 },
  end: { year: 2024, quarter: 1 },
  age_band: '12-18',
  household: 'one_parent',
  life_domains: ['education_work', 'mental_health'],
  services: ['neighbourhood_team', 'youth_mental_health'],
  duration: '1_2y',
  summary: text,
  episodes: [
    {
      id: 'e2',
      position: 2,
      phase: 'help',
      what_happened: 'Lange wachtlijst bij de jeugd-ggz.',
      duration: '1_4w',
      effect: 'hindered',
      updated_at: '2026-02-01T10:00:00Z',
      version: 1,
    },
    {
      id: 'e1',
      position: 1,
      phase: 'signalling',
      what_happened: 'De mentor zag dat het niet goed ging.',
      effect: 'helped',
      updated_at: '2026-02-01T10:00:00Z',
      version: 1,
    },
  ],
  can_check: true,
  mine: false,
  author: { id: 'p-lid', name: 'Lotte Lid' },
  marks: [
    { id: 'm-jan', field: '/summary', kind: 'dismissed', type: 'person', start: 0, end: 3 },
    { id: 'm-dokkum', field: '/summary', kind: 'confirmed', type: 'place', start: text.indexOf('Dokkum'), end: text.indexOf('Dokkum') + 6 },
  ],
  correction: false,
  created_at: '2026-01-01T10:00:00Z',
  updated_at: '2026-02-01T10:00:00Z',
  submitted_at: '2026-02-01T10:00:00Z',
  version: 4,
};

/** publishedCase is the same case as a researcher reads it: no author, no marks. */
export const publishedCase: Case = (() => {
  const { author: _author, marks: _marks, ...rest } = submittedCase;
  return { ...rest, status: 'published', published_at: '2026-02-02T10:00:00Z' };
})();
