import type { Lesson, LessonSummary } from '../../api/lessons';
import type { CodeRef } from '../../api/reflections';
import { ids } from '../codebook/testdata';

const stamp = '2026-03-01T10:00:00Z';
const ref = (id: string, key: string, nl: string, en: string): CodeRef => ({ id, key, label_nl: nl, label_en: en, retired: false });
export const waitRef = ref(ids.wait, 'T1.wachttijd', 'Wachttijd', 'Waiting time');
export const heardRef = ref(ids.heard, 'T4.stem_jongere', 'Stem van de jongere', "The young person's voice");

export const caseA = { id: '00000000-0000-4000-8000-00000000ca5a', title: 'Lang wachten op jeugd-ggz' };
export const caseB = { id: '00000000-0000-4000-8000-00000000ca5b', title: 'Thuiszitten na de overstap' };

function lesson(id: string, statement: string, extra: Partial<LessonSummary> = {}): LessonSummary {
  return {
    id,
    network_id: 'n-fr',
    status: 'proposed',
    statement,
    codes: [heardRef],
    perspectives: ['ouder'],
    cases: [caseA],
    source_count: 1,
    created_at: stamp,
    updated_at: stamp,
    version: 1,
    ...extra,
  };
}

export const askYoung = lesson('l-ask', 'Vraag de jongere zelf wat hij wil.', { version: 3 });
export const listenYoung = lesson('l-listen', 'Luister eerst naar de jongere.', { perspectives: ['professional'], cases: [caseB], version: 2 });
export const waitLesson = lesson('l-wait', 'Bel de familie als de wachttijd lang is.', { status: 'accepted', codes: [waitRef], version: 4 });
export const rejected = lesson('l-rej', 'Alles ging mis.', { status: 'rejected', reject_reason: 'Dit is geen les.', version: 5 });

/** askYoungRead is askYoung as a facilitator reads it: with its sources, the reflection one click away. */
export const askYoungRead: Lesson = {
  ...askYoung,
  perspectives: ['ouder', 'professional'],
  cases: [caseA, caseB],
  source_count: 2,
  sources: [
    {
      lesson_id: 'l-ask',
      merged: false,
      statement: askYoung.statement,
      perspective: 'ouder',
      case: caseA,
      reflection_id: 'r-parent',
      items: [{ id: 'i-p2', question: 'did_not_work', what: 'Niemand vroeg wat ons kind wilde.', why: 'Alleen wij werden gehoord.' }],
    },
    {
      lesson_id: 'l-listen',
      merged: true,
      statement: listenYoung.statement,
      perspective: 'professional',
      case: caseB,
      reflection_id: 'r-pro',
      items: [{ id: 'i-q1', question: 'worked', what: 'De jongere sprak mee in elk overleg.', why: '' }],
    },
  ],
};
