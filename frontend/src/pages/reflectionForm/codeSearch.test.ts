import { describe, expect, it } from 'vitest';
import { fold, searchCodebook } from './codeSearch';
import { codebook } from './testData';

const ids = (q: string, exclude?: string[]) =>
  searchCodebook(codebook, q, new Set(exclude)).map((m) => [m.theme.id, m.codes.map((c) => c.id)]);

describe('searchCodebook', () => {
  it('lists every offered code under its theme for an empty search, in the codebook order, without retired and merged codes', () => {
    expect(ids('')).toEqual([
      ['th-toegang', ['c-wacht', 'c-loket']],
      ['th-samen', ['c-regie', 'c-betrek']],
    ]);
  });
  it('finds codes by label, description and examples, in both languages, and leaves out themes without a match', () => {
    expect(ids('wachttijd')).toEqual([['th-toegang', ['c-wacht']]]);
    expect(ids('wachtlijst')).toEqual([['th-toegang', ['c-wacht']]]);
    expect(ids('coordinator')).toEqual([['th-samen', ['c-regie']]]);
    expect(ids('niets dergelijks')).toEqual([]);
  });
  it('lists all codes of a theme whose name is searched', () => {
    expect(ids('samenwerking')).toEqual([['th-samen', ['c-regie', 'c-betrek']]]);
  });
  it('needs every word, ignores case and accents', () => {
    expect(ids('EEN loket')).toEqual([['th-toegang', ['c-loket']]]);
    expect(ids('één regisseur')).toEqual([['th-samen', ['c-regie']]]);
    expect(fold('Één Cliënt')).toBe('een client');
  });
  it('never offers a code already chosen, nor a retired one by its name', () => {
    expect(ids('', ['c-wacht', 'c-loket'])).toEqual([['th-samen', ['c-regie', 'c-betrek']]]);
    expect(ids('oude indicatie')).toEqual([]);
  });
});
