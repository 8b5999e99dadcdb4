import type { Codebook, CodebookCode } from '../../api/codebook';
import type { Reflection } from '../../api/reflectionWrite';
import type { Template, TemplateQuestion } from '../../api/templates';
import type { Me } from '../../api/types';
import { facilitator } from '../../test/helpers';

/** A parent member of n-fr who may write reflections. */
export const parent: Me = {
  ...facilitator,
  id: 'p-ouder',
  name: 'Olga Ouder',
  memberships: [
    {
      ...facilitator.memberships[0]!,
      role: 'member',
      perspective: 'ouder',
      permissions: ['cases.read', 'cases.write', 'network.read', 'reflections.read', 'reflections.write'],
    },
  ],
};

const words = (nl: string, en: string, help_nl = '', help_en = '') => ({ nl, en, help_nl, help_en });
const field = (key: string, nl: string, en: string, help_nl = '') => ({ key, ...words(nl, en, help_nl, help_nl) });

const itemsQuestion = (key: string, nl: string, ouder: string, what: string): TemplateQuestion => ({
  key,
  type: 'items',
  required: true,
  ...words(nl, nl, 'Noem een of meer dingen.', 'Name one or more things.'),
  fields: [field('what', what, what), field('why', 'Waarom?', 'Why?'), field('codes', 'Thema', 'Theme', 'Kies een of meer thema’s.')],
  overrides: [{ perspective: 'ouder', ...words(ouder, ouder, 'Denk aan steun voor het gezin.', 'Think of support.') }],
});

/** template is a small form: what worked, what did not, a text, lessons and one rating, as the default has them. */
export const template: Template = {
  id: 't1',
  network_id: 'n-fr',
  version: 1,
  current: true,
  created_at: '2026-01-01T00:00:00Z',
  perspectives: ['jongere', 'ouder', 'professional'],
  question_types: ['items', 'text', 'lessons', 'rating'],
  core_questions: ['worked', 'did_not_work', 'lessons'],
  rating_scale: { min: 1, max: 5 },
  definition: {
    key: 'reflectie',
    ...{ nl: 'Terugkijken op de hulp', en: 'Looking back on the help' },
    intro_nl: 'Kijk met ons terug op deze hulp.',
    intro_en: 'Look back on this help with us.',
    sections: [
      { key: 'worked', ...words('Wat werkte', 'What worked'), questions: [itemsQuestion('worked', 'Wat werkte goed?', 'Wat hielp jullie als gezin?', 'Wat werkte?')] },
      {
        key: 'did_not_work',
        ...words('Wat werkte niet', 'What did not work'),
        questions: [itemsQuestion('did_not_work', 'Wat werkte niet goed?', 'Wat hielp jullie als gezin niet?', 'Wat werkte niet?')],
      },
      {
        key: 'differently',
        ...words('Anders doen', 'Doing it differently'),
        questions: [{ key: 'differently', type: 'text', required: false, ...words('Wat zou je anders doen?', 'What would you do differently?'), fields: [], overrides: [] }],
      },
      {
        key: 'lessons',
        ...words('Lessen', 'Lessons'),
        questions: [
          {
            key: 'lessons',
            type: 'lessons',
            required: false,
            ...words('Welke lessen neem je mee?', 'Which lessons do you take away?'),
            fields: [field('statement', 'Les', 'Lesson'), field('codes', 'Thema', 'Theme')],
            overrides: [],
          },
        ],
      },
      {
        key: 'ratings',
        ...words('Cijfers', 'Ratings'),
        questions: [{ key: 'on_time', type: 'rating', required: false, ...words('De hulp kwam op tijd.', 'The help came on time.'), fields: [], overrides: [] }],
      },
    ],
  },
};

/** draftReflection is the parent's empty draft on case c1. */
export const draftReflection: Reflection = {
  id: 'r1',
  case_id: 'c1',
  network_id: 'n-fr',
  perspective: 'ouder',
  status: 'draft',
  template_version: 1,
  items: [],
  texts: [],
  ratings: [],
  lessons: [],
  mine: true,
  can_check: false,
  marks: [],
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
  version: 1,
};

const code = (id: string, theme: string, position: number, nl: string, en: string, extra: Partial<CodebookCode> = {}): CodebookCode => ({
  id,
  theme_id: theme,
  key: `${theme}.${id}`,
  label_nl: nl,
  label_en: en,
  description_nl: `Uitleg bij ${nl}.`,
  description_en: `About ${en}.`,
  examples: [],
  position,
  offered: true,
  retired: false,
  updated_at: '2026-01-01T00:00:00Z',
  version: 1,
  ...extra,
});

/** codebook has two themes; one code is retired and one merged (never offered). */
export const codebook: Codebook = {
  network_id: 'n-fr',
  themes: [
    {
      id: 'th-toegang',
      key: 'T1',
      label_nl: 'Toegang en wachten',
      label_en: 'Access and waiting',
      description_nl: '',
      description_en: '',
      position: 1,
      updated_at: '2026-01-01T00:00:00Z',
      version: 1,
      codes: [
        code('c-wacht', 'th-toegang', 1, 'Wachttijd', 'Waiting time', { examples: ['lange wachtlijst'] }),
        code('c-oud', 'th-toegang', 2, 'Oude indicatie', 'Old referral', { offered: false, retired: true }),
        code('c-loket', 'th-toegang', 3, 'Eén loket', 'One desk'),
      ],
    },
    {
      id: 'th-samen',
      key: 'T2',
      label_nl: 'Samenwerking',
      label_en: 'Working together',
      description_nl: '',
      description_en: '',
      position: 2,
      updated_at: '2026-01-01T00:00:00Z',
      version: 1,
      codes: [
        code('c-regie', 'th-samen', 1, 'Eén regisseur', 'One coordinator'),
        code('c-weg', 'th-samen', 2, 'Overleg', 'Meetings', { offered: false, merged_into: 'c-regie' }),
        code('c-betrek', 'th-samen', 3, 'Gezin betrokken', 'Family involved'),
      ],
    },
  ],
};
