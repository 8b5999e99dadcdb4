import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Cooccurrence, Crosstab } from '../../api/research';
import { CooccurrenceSection } from './CooccurrenceSection';
import { TrendSection } from './TrendSection';
import { hidden, shown } from './testdata';

vi.mock('./charts/LineChart', () => ({ default: () => <div data-testid="line-chart" /> }));

const code = (key: string, label: string, cases = shown(10)) => ({ key, label_nl: label, label_en: label, cases });
const cooc: Cooccurrence = {
  networks: [{ id: 'n1', name: 'Netwerk' }],
  k: 5,
  rounded_to: 5,
  cases: shown(55),
  codes: [code('A', 'Wachttijd'), code('B', 'Overdracht'), code('C', 'Stem van de jongere', hidden)],
  pairs: [
    { a: 'A', b: 'B', cases: shown(5), jaccard: 0.5 },
    { a: 'A', b: 'C', cases: hidden, jaccard: null },
    { a: 'B', b: 'C', cases: hidden, jaccard: null },
  ],
};

describe('CooccurrenceSection', () => {
  it('draws the heat map with hatched suppressed cells, names the strongest pair, and lists every pair in a table', async () => {
    render(<CooccurrenceSection data={cooc} headingId="cooc" />);
    const img = screen.getByRole('img', { name: 'Samen genoemd in één casus: de 3 meest genoemde codes' });
    expect(img).toHaveAccessibleDescription('Raster van 3 codes. Het vaakst samen: Wachttijd en Overdracht, in 5 casussen (Jaccard 0,5).');
    // Each pair appears twice in the grid (both halves); the suppressed ones are hatched.
    expect(img.querySelectorAll('[data-suppressed="true"] .leerlus-heatmap__cell--suppressed')).toHaveLength(4);
    await userEvent.click(screen.getByText('Toon als tabel'));
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual(['Wachttijd + Overdracht50,5', 'Wachttijd + Stem van de jongereniet getoond–', 'Overdracht + Stem van de jongereniet getoond–']);
  });
});

const trends: Crosstab = {
  networks: [{ id: 'n1', name: 'Netwerk' }],
  k: 5,
  rounded_to: 5,
  by: 'period',
  values: [
    { value: '2024-Q1', label_nl: '2024 kwartaal 1', label_en: '2024 quarter 1' },
    { value: '2024-Q2', label_nl: '2024 kwartaal 2', label_en: '2024 quarter 2' },
  ],
  cases: { total: shown(30), cells: [shown(20), shown(10)] },
  rows: [{ key: 'A', label_nl: 'Wachttijd', label_en: 'Waiting', total: shown(10), cells: [shown(5), hidden] }],
};

describe('TrendSection', () => {
  it('has one table row per quarter with all cases and each code, suppressed quarters marked', async () => {
    render(<TrendSection data={trends} headingId="trends" />);
    expect(screen.getByRole('img', { name: 'Casussen per kwartaal waarin het traject startte' })).toHaveAccessibleDescription(
      'Lijndiagram over 2 kwartalen, van 2024 kwartaal 1 tot 2024 kwartaal 2. In 2 kwartalen zijn er genoeg casussen om te tonen.',
    );
    await userEvent.click(screen.getByText('Toon als tabel'));
    const table = screen.getByRole('table');
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Kwartaal', 'Alle casussen', 'Wachttijd']);
    const q2 = within(table).getByRole('row', { name: /^2024 kwartaal 2/ });
    expect(within(q2).getAllByRole('cell').map((c) => c.textContent)).toEqual(['10', 'niet getoond']);
    expect(q2.querySelector('[data-suppressed="true"]')).not.toBeNull();
  });
});
