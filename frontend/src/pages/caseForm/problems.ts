import type { TFunction } from 'i18next';
import { fieldMessages } from '../../api/fieldMessages';
import type { FieldProblems } from '../../api/problem';
import type { Draft } from './model';

export const stepCount = 5;

const caseFieldStep: Record<string, number> = {
  title: 1,
  outcome: 1,
  start: 1,
  end: 1,
  ongoing: 1,
  duration: 1,
  age_band: 2,
  household: 2,
  life_domains: 2,
  services: 2,
  episodes: 3,
  summary: 4,
};

const labelKey: Record<string, string> = {
  title: 'title',
  outcome: 'outcome',
  start: 'start',
  end: 'end',
  ongoing: 'ongoing',
  duration: 'duration',
  age_band: 'ageBand',
  household: 'household',
  life_domains: 'lifeDomains',
  services: 'services',
  summary: 'summary',
  phase: 'phase',
  what_happened: 'whatHappened',
  effect: 'effect',
};

/** stepOf tells in which step of the form a field of the server's errors is filled in. */
export function stepOf(field: string): number {
  if (field.startsWith('/episodes/') || field === 'episodes') return 3;
  const name = field.replace(/^\//, '').split('/')[0] ?? '';
  return caseFieldStep[name] ?? 5;
}

export interface Missing {
  step: number;
  field: string;
  message: string;
}

/**
 * missingPerStep turns the field errors of a refused submit into plain
 * lines per step, e.g. "Moment 2: Wat gebeurde er?: Gebruik minstens 10
 * tekens." A field the form does not know still shows, under step 5.
 */
export function missingPerStep(t: TFunction, problems: FieldProblems): Map<number, Missing[]> {
  const out = new Map<number, Missing[]>();
  for (const [field, list] of Object.entries(problems)) {
    const words = fieldMessages(t, list);
    let message: string;
    const ep = /^\/episodes\/(\d+)\/(\w+)$/.exec(field);
    if (ep) {
      const name = ep[2] === 'duration' ? 'episodeDuration' : (labelKey[ep[2]!] ?? ep[2]!);
      message = `${t('caseForm.review.missing.episodeField', { n: Number(ep[1]) + 1, field: t(`caseForm.fields.${name}`) })}: ${words}`;
    } else if (field === 'episodes' && list.some((p) => p.code === 'required')) {
      message = t('caseForm.review.missing.episodes');
    } else {
      const name = labelKey[field.replace(/^\//, '').split('/')[0] ?? ''];
      message = name ? `${t(`caseForm.fields.${name}`)}: ${words}` : words;
    }
    const step = stepOf(field);
    out.set(step, [...(out.get(step) ?? []), { step, field, message }]);
  }
  return new Map([...out.entries()].sort((a, b) => a[0] - b[0]));
}

/** missingCounts counts the fields still missing per step, for the step list. */
export function missingCounts(problems: FieldProblems): Map<number, number> {
  const out = new Map<number, number>();
  for (const field of Object.keys(problems)) {
    const step = stepOf(field);
    out.set(step, (out.get(step) ?? 0) + 1);
  }
  return out;
}

/** errorLookup gives the message beside one field, by request-body name or pointer. */
export function errorLookup(t: TFunction, ...sources: FieldProblems[]) {
  return (field: string): string | undefined => {
    for (const s of sources) {
      const list = s[field];
      if (list?.length) return fieldMessages(t, list);
    }
    return undefined;
  };
}

/** valueAt reads from a draft what a submit error is about, to tell later whether the author changed it. */
export function valueAt(d: Draft, field: string): string {
  const ep = /^\/episodes\/(\d+)\/(\w+)$/.exec(field);
  if (ep) {
    const e = d.episodes[Number(ep[1])] as Record<string, unknown> | undefined;
    return JSON.stringify(e ? [e.id, e[ep[2]!]] : null);
  }
  const f = d.fields;
  switch (field.replace(/^\//, '').split('/')[0]) {
    case 'episodes':
      return String(d.episodes.length);
    case 'start':
      return `${f.startYear}/${f.startQuarter}`;
    case 'end':
    case 'ongoing':
      return `${f.ongoing}/${f.endYear}/${f.endQuarter}`;
    default:
      return JSON.stringify((f as unknown as Record<string, unknown>)[field] ?? null);
  }
}

/**
 * openProblems keeps the errors of the last submit whose field the author
 * has not changed since, so a filled-in field stops saying "Vul dit in".
 */
export function openProblems(problems: FieldProblems, at: Draft | null, now: Draft): FieldProblems {
  if (!at) return problems;
  return Object.fromEntries(Object.entries(problems).filter(([field]) => valueAt(at, field) === valueAt(now, field)));
}
