import { describe, expect, it } from 'vitest';
import nl from './nl.json';
import en from './en.json';

function keys(o: unknown, prefix = ''): string[] {
  if (typeof o !== 'object' || o === null) return [prefix];
  return Object.entries(o).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('locales', () => {
  it('have the same keys in Dutch and English', () => {
    expect(keys(en).sort()).toEqual(keys(nl).sort());
  });
  it('have no empty texts', () => {
    for (const [name, tree] of [['nl', nl], ['en', en]] as const) {
      const empty = keys(tree).filter((k) => {
        const v = k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], tree);
        return typeof v !== 'string' || v.trim() === '';
      });
      expect(empty, name).toEqual([]);
    }
  });
});

describe('audit labels', () => {
  it('name every audited action in both languages', async () => {
    const { auditActions } = await import('../api/types');
    for (const tree of [nl, en]) {
      const labels = tree.audit.actions as Record<string, string>;
      for (const a of auditActions) expect(labels[a.replace('.', '_')], a).toBeTruthy();
    }
  });
});
