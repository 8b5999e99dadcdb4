import type { Me } from '../../api/types';
import type { Codebook, CodebookCode, CodebookTheme } from '../../api/codebookAdmin';
import { checker, member } from '../reflections/testdata';

const stamp = '2026-03-01T10:00:00Z';

/** curator is a facilitator of n-fr who curates lessons and manages the codebook. */
export const curator: Me = {
  ...checker,
  memberships: [
    {
      ...checker.memberships[0]!,
      permissions: [...checker.memberships[0]!.permissions, 'codebook.read', 'codebook.manage', 'lessons.read', 'lessons.curate'],
    },
  ],
};

/** reader is a member of n-fr who reads the codebook and the accepted lessons. */
export const reader: Me = {
  ...member,
  memberships: [{ ...member.memberships[0]!, permissions: [...member.memberships[0]!.permissions, 'codebook.read', 'lessons.read'] }],
};

// Ids are UUIDs, as the list's filters only take ids of that form.
export const ids = {
  t1: '00000000-0000-4000-8000-0000000000a1',
  t4: '00000000-0000-4000-8000-0000000000a4',
  wait: '00000000-0000-4000-8000-0000000000c1',
  fit: '00000000-0000-4000-8000-0000000000c2',
  heard: '00000000-0000-4000-8000-0000000000c3',
  old: '00000000-0000-4000-8000-0000000000c4',
  gone: '00000000-0000-4000-8000-0000000000c5',
};

function code(id: string, themeId: string, key: string, nl: string, en: string, position: number, extra: Partial<CodebookCode> = {}): CodebookCode {
  return {
    id,
    theme_id: themeId,
    key,
    label_nl: nl,
    label_en: en,
    description_nl: `Uitleg bij ${nl}.`,
    description_en: `About ${en}.`,
    examples: [],
    position,
    offered: true,
    retired: false,
    updated_at: stamp,
    version: 2,
    ...extra,
  };
}

export const waitCode = code(ids.wait, ids.t1, 'T1.wachttijd', 'Wachttijd', 'Waiting time', 1, {
  examples: ['We stonden maanden op de wachtlijst.'],
  usage: { codings: 12, helped: 2, hindered: 10, lessons: 3 },
});
export const fitCode = code(ids.fit, ids.t1, 'T1.geen_passend_aanbod', 'Geen passend aanbod', 'No fitting provision', 2, {
  usage: { codings: 5, helped: 0, hindered: 5, lessons: 1 },
});
export const oldCode = code(ids.old, ids.t1, 'T1.oud', 'Oude code', 'Old code', 3, { offered: false, retired: true, usage: { codings: 1, helped: 1, hindered: 0, lessons: 0 } });
export const goneCode = code(ids.gone, ids.t1, 'T1.weg', 'Weggegaan', 'Gone', 4, { offered: false, merged_into: ids.wait });
export const heardCode = code(ids.heard, ids.t4, 'T4.stem_jongere', 'Stem van de jongere', "The young person's voice", 1, {
  usage: { codings: 7, helped: 3, hindered: 4, lessons: 2 },
});

function theme(id: string, key: string, nl: string, en: string, position: number, codes: CodebookCode[]): CodebookTheme {
  return { id, key, label_nl: nl, label_en: en, description_nl: '', description_en: '', position, codes, updated_at: stamp, version: 1 };
}

/** codebook is a network's codebook with usage, as a facilitator reads it: a retired and a merged code among them. */
export const codebook: Codebook = {
  network_id: 'n-fr',
  themes: [
    theme(ids.t1, 'T1', 'Toegang en wachttijden', 'Access and waiting', 1, [waitCode, fitCode, oldCode, goneCode]),
    theme(ids.t4, 'T4', 'Betrokkenheid jongere en gezin', 'Voice and engagement', 2, [heardCode]),
  ],
};

/** withoutUsage is the codebook as anyone but a facilitator reads it. */
export function withoutUsage(cb: Codebook): Codebook {
  return { ...cb, themes: cb.themes.map((x) => ({ ...x, codes: x.codes.map(({ usage: _usage, ...c }) => c) })) };
}
