import type { Me } from '../../api/types';
import { facilitator, json } from '../../test/helpers';
import type { Case, CaseFinding } from '../../api/types';

/** A member who may write cases in n-fr, as GET /me answers. */
export const writer: Me = {
  ...facilitator,
  id: 'p-mem',
  name: 'Mila Lid',
  memberships: [{ ...facilitator.memberships[0]!, role: 'member', permissions: ['cases.read', 'cases.write', 'network.read'] }],
};

export const vocabulary = {
  lists: [
    { name: 'outcome', terms: [{ code: 'good', nl: 'goed verlopen', en: 'went well' }, { code: 'stuck', nl: 'vastgelopen', en: 'got stuck' }] },
    { name: 'duration', terms: [{ code: '1_2y', nl: '1 tot 2 jaar', en: '1 to 2 years' }] },
    { name: 'age_band', terms: [{ code: '12-18', nl: '12 tot 18 jaar', en: '12 to 18 years' }] },
    { name: 'household', terms: [{ code: 'one_parent', nl: 'één ouder', en: 'one parent' }] },
    { name: 'life_domain', terms: [{ code: 'education_work', nl: 'school en werk', en: 'school and work' }] },
    { name: 'service', terms: [{ code: 'gp', nl: 'huisarts', en: 'GP' }] },
    { name: 'phase', terms: [{ code: 'access', nl: 'toegang', en: 'access' }] },
    { name: 'episode_duration', terms: [{ code: '1_4w', nl: '1 tot 4 weken', en: '1 to 4 weeks' }] },
    { name: 'effect', terms: [{ code: 'helped', nl: 'hielp', en: 'helped' }, { code: 'hindered', nl: 'hinderde', en: 'hindered' }] },
  ],
};

export const draftCase: Case = {
  id: 'c1',
  network_id: 'n-fr',
  status: 'draft',
  title: 'Lang wachten',
  life_domains: [],
  services: [],
  summary: '',
  episodes: [{ id: 'e1', position: 1, what_happened: '', updated_at: '', version: 1 }],
  mine: true,
  can_check: false,
  correction: false,
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
  version: 3,
  marks: [],
};

/** fakeScan finds the names the tests use, the way the server answers (UTF-16 offsets, the case's tags). */
export function fakeScan(text: string, field = '/text'): CaseFinding[] {
  const out: CaseFinding[] = [];
  const words: [RegExp, CaseFinding['type'], string, boolean][] = [
    [/Jan de Vries/g, 'person', '[PERSOON-1]', true],
    [/Margriet/g, 'person', '[PERSOON-2]', true],
    [/\b\d{9}\b/g, 'bsn', '[BSN-1]', true],
    [/Leeuwarden/g, 'place', '[PLAATS-1]', false],
  ];
  for (const [re, type, tag, direct] of words) {
    for (const m of text.matchAll(re)) out.push({ field, type, start: m.index, end: m.index + m[0].length, direct, tag });
  }
  return out.sort((a, b) => a.start - b.start);
}

export const scanHandler = (req: { body: unknown }) => json({ findings: fakeScan((req.body as { text: string }).text) });
