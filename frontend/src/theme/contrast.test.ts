import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Reads the Leerlus palette from the token file and checks the WCAG 2.1
// contrast of the pairs the theme uses for text and controls.
const css = readFileSync(join(__dirname, 'leerlus-tokens.css'), 'utf8');

function token(name: string): [number, number, number] {
  const m = css.match(new RegExp(`--${name}:\\s*hsl\\(([\\d.]+)\\s+([\\d.]+)%\\s+([\\d.]+)%\\)`));
  if (!m) throw new Error(`token ${name} not found as hsl()`);
  return hslToRgb(Number(m[1]), Number(m[2]) / 100, Number(m[3]) / 100);
}

function hslToRgb(h: number, s: number, l: number): [number, number, number] {
  const k = (n: number) => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => l - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)));
  return [f(0) * 255, f(8) * 255, f(4) * 255];
}

function luminance([r, g, b]: [number, number, number]): number {
  const c = [r, g, b].map((v) => {
    const x = v / 255;
    return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * c[0]! + 0.7152 * c[1]! + 0.0722 * c[2]!;
}

function contrast(a: [number, number, number], b: [number, number, number]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const white: [number, number, number] = [255, 255, 255];

describe('Leerlus theme contrast (WCAG 2.1 AA)', () => {
  it.each([
    ['body text on white', 'leerlus-color-ink', white, 4.5],
    ['links and primary buttons on white', 'leerlus-color-petrol-25', white, 4.5],
    ['hover colour on white', 'leerlus-color-petrol-30', white, 4.5],
    ['muted text on white', 'leerlus-color-grey-40', white, 4.5],
    ['error text on white', 'leerlus-color-red-35', white, 4.5],
    ['form control border on white (non-text, 3:1)', 'leerlus-color-grey-40', white, 3],
  ] as const)('%s', (_, fg, bg, min) => {
    expect(contrast(token(fg), bg)).toBeGreaterThanOrEqual(min);
  });

  it.each([
    ['links in the header', 'leerlus-color-petrol-25', 'leerlus-color-sand-96'],
    ['heading colour in the header', 'leerlus-color-petrol-15', 'leerlus-color-sand-96'],
    ['error text in an error alert', 'leerlus-color-ink', 'leerlus-color-red-95'],
    ['text in an ok alert', 'leerlus-color-ink', 'leerlus-color-green-95'],
    ['text on the focus colour', 'leerlus-color-ink', 'leerlus-color-focus'],
    ['text in a panel', 'leerlus-color-ink', 'leerlus-color-petrol-95'],
  ])('%s', (_, fg, bg) => {
    expect(contrast(token(fg), token(bg))).toBeGreaterThanOrEqual(4.5);
  });

  it('white footer text on petrol', () => {
    expect(contrast(white, token('leerlus-color-petrol-15'))).toBeGreaterThanOrEqual(4.5);
  });
});
