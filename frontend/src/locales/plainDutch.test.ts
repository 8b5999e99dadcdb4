import { describe, expect, it } from 'vitest';
import nl from './nl.json';

// Plain Dutch (B1), see docs/frontend.md "Plain Dutch (B1)". Parents and
// young people fill in the forms, so the Dutch texts keep to rules a test can
// check without a word list: short sentences, "je" instead of "u", and none
// of the official words we replaced by everyday ones.

/** texts lists every Dutch string with its key path. */
function texts(o: unknown, path = ''): [string, string][] {
  if (typeof o === 'string') return [[path, o]];
  if (Array.isArray(o)) return o.flatMap((v, i) => texts(v, `${path}[${i}]`));
  if (typeof o === 'object' && o !== null) {
    return Object.entries(o).flatMap(([k, v]) => texts(v, path ? `${path}.${k}` : k));
  }
  return [];
}

/** sentences splits a text on . ? ! : ; followed by a space or the end, after
 * replacing each {{placeholder}} by one word. Abbreviations with a dot
 * ("ATLAS.ti", "2.1") have no space after the dot, so they stay whole. */
function sentences(text: string): string[] {
  return text
    .replace(/\{\{[^}]+\}\}/g, 'X')
    .split(/[.?!:;](?:\s+|$)/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function words(sentence: string): number {
  return sentence.split(/\s+/).length;
}

const maxWords = 15;

// Words that are not B1, with what we write instead (in the message).
const avoid: Record<string, string> = {
  u: 'je',
  uw: 'je, jouw',
  instantie: 'organisatie',
  instanties: 'organisaties',
  indien: 'als',
  middels: 'met',
  teneinde: 'om',
  reeds: 'al',
  dient: 'moet',
  alvorens: 'voordat',
  betreffende: 'over',
  pseudonimiseren: 'namen vervangen',
  autorisatie: 'toestemming',
  configureren: 'instellen',
};

const all = texts(nl);

describe('plain Dutch (B1)', () => {
  it('splits sentences the way the rules count them', () => {
    expect(sentences('Kies een thema. Weet je het niet? Laat het leeg.')).toEqual(['Kies een thema', 'Weet je het niet', 'Laat het leeg']);
    expect(sentences('Voor ATLAS.ti en WCAG 2.1: {{count}} keer')).toEqual(['Voor ATLAS.ti en WCAG 2.1', 'X keer']);
  });

  it(`keeps every sentence at ${maxWords} words or fewer`, () => {
    expect(all.length).toBeGreaterThan(1500);
    const long = all.flatMap(([key, text]) =>
      sentences(text)
        .filter((s) => words(s) > maxWords)
        .map((s) => `${key}: ${words(s)} words: ${s}`),
    );
    expect(long).toEqual([]);
  });

  it('says "je", not "u", and avoids official words', () => {
    const found = all.flatMap(([key, text]) =>
      text
        .toLowerCase()
        .split(/[^\p{L}]+/u)
        .filter((w) => w in avoid)
        .map((w) => `${key}: "${w}" (write "${avoid[w]}")`),
    );
    expect(found).toEqual([]);
  });

  it('would catch a text that breaks the rules', () => {
    const bad = 'Indien u het formulier wilt indienen, dient u eerst de gegevens van de betrokken instantie in te vullen en op te slaan.';
    expect(sentences(bad).some((s) => words(s) > maxWords)).toBe(true);
    expect(bad.toLowerCase().split(/[^\p{L}]+/u).filter((w) => w in avoid)).toEqual(['indien', 'u', 'dient', 'u', 'instantie']);
  });
});
