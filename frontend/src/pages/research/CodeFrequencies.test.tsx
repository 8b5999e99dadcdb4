import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CodeFrequencies } from './CodeFrequencies';
import { codePatterns } from './testdata';

// uPlot draws on a canvas, which jsdom lacks; the chart's frame, legend and table are what is tested here.
vi.mock('./charts/BarChart', () => ({ default: () => <div data-testid="bar-chart" /> }));

describe('CodeFrequencies', () => {
  it('names the chart as an image with a summary, and says how many cases it rests on', async () => {
    render(<CodeFrequencies data={codePatterns} headingId="codes" />);
    const img = screen.getByRole('img', { name: 'De 2 codes die in de meeste casussen voorkomen' });
    expect(img).toHaveAccessibleDescription(/2 van de 2 codes hebben genoeg casussen om te tonen\. Het meest genoemd: Wachttijd \(15\), Stem van de jongere \(10\)\./);
    expect(await within(img).findByTestId('bar-chart')).toBeInTheDocument();
    expect(screen.getByText(/^Gebaseerd op 55 casussen \(afgerond op 5\)\./)).toHaveTextContent('Netwerk: Leernetwerk Integraal werken.');
  });

  it('has a real table as the alternative, with suppressed cells marked in words and explained', async () => {
    render(<CodeFrequencies data={codePatterns} headingId="codes" />);
    await userEvent.click(screen.getByText('Toon als tabel'));
    const table = screen.getByRole('table');
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Code',
      'Casussen',
      'Goed verlopen',
      'Vastgelopen',
      'Wisselend',
      'Hielp',
      'Hinderde',
      'Lift (vastgelopen ÷ goed)',
      'Odds ratio (95%-BI)',
      'p (Fisher)',
    ]);
    const waiting = within(table).getByRole('row', { name: /^Wachttijd/ });
    expect(within(waiting).getAllByRole('cell').map((c) => c.textContent)).toEqual(['15', '5', '10', '5', 'niet getoond', '15', '2', '2,5 (0,7–9,1)', '0,21']);
    const voice = within(table).getByRole('row', { name: /^Stem van de jongere/ });
    const marked = voice.querySelectorAll('[data-suppressed="true"]');
    expect(marked).toHaveLength(4);
    marked.forEach((m) => expect(m).toHaveTextContent('niet getoond'));
    // Without shown outcome counts there is no contrast: dashes, not zeros.
    expect(within(voice).getAllByRole('cell').slice(6).map((c) => c.textContent)).toEqual(['–', '–', '–']);
    expect(screen.getByText(/Niet getoond: minder dan 5 casussen\./)).toBeInTheDocument();
  });
});
