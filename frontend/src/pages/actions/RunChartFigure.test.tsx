import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { RunChartFigure, niceCeil, runsOf } from './RunChartFigure';
import { analyse } from './runchart';
import { startIndex } from './EffectSection';

const values = [9, 9, 8, 9, 9, 9, 3, 2, 2, 3, 2, 3, 1, 2];
const labels = values.map((_, i) => `${2023 + Math.floor(i / 4)} Q${(i % 4) + 1}`);

describe('RunChartFigure', () => {
  it("draws shift points as squares and the action's start, and names the marked stretches in words", () => {
    const chart = analyse(labels, values);
    render(<RunChartFigure chart={chart} title="Aantal per kwartaal" format={String} startAt={5.5} target={0} />);
    const img = screen.getByRole('img', { name: 'Aantal per kwartaal' });
    expect(img.querySelectorAll('rect')).toHaveLength(chart.points.filter((p) => p.shift).length);
    expect(img.querySelectorAll('.leerlus-runchart__start line')).toHaveLength(1);
    // Six above the median make a shift; the five below, with points on the median between them, do not.
    expect(img).toHaveAccessibleDescription('14 punten. Middellijn: 3. Verschuiving: 2023 Q1 – 2024 Q2. Trend: geen.');
    // Never every label: they would overlap on a phone.
    expect(img.querySelectorAll('.leerlus-runchart__label').length).toBeLessThan(values.length);
    expect(screen.getByText('Stippellijn: de start van de actie')).toBeInTheDocument();
  });

  it('reads runs of marked points as first – last', () => {
    const p = (label: string, shift: boolean) => ({ label, value: 0, side: 1 as const, shift, trend: false });
    expect(runsOf([p('a', true), p('b', true), p('c', false), p('d', true)], 'shift')).toEqual(['a – b', 'd – d']);
  });

  it('rounds the top of the scale to a round number', () => {
    expect([niceCeil(13.2), niceCeil(0.4), niceCeil(100), niceCeil(0)]).toEqual([20, 0.5, 100, 1]);
  });
});

describe('startIndex', () => {
  const q = (period: string, when: 'before' | 'during' | 'after', cases: number) => ({ period, when, cases, with_lesson: 0, ...(cases ? { rate: 0 } : {}) });
  const effect = (quarters: ReturnType<typeof q>[]) => {
    const withCases = quarters.filter((x) => x.cases > 0);
    return {
      verdict: 'too_few' as const,
      quarters,
      chart: analyse(withCases.map((x) => x.period), withCases.map(() => 0)),
      before: { cases: 0, with_lesson: 0 },
      after: { cases: 0, with_lesson: 0 },
    };
  };

  it('marks the start on its quarter, between the points around it, or after the last point', () => {
    expect(startIndex(effect([q('2024 Q1', 'before', 2), q('2024 Q2', 'during', 1), q('2024 Q3', 'after', 1)]))).toBe(1);
    expect(startIndex(effect([q('2024 Q1', 'before', 2), q('2024 Q2', 'during', 0), q('2024 Q3', 'after', 1)]))).toBe(0.5);
    expect(startIndex(effect([q('2024 Q1', 'before', 2), q('2024 Q2', 'before', 1), q('2024 Q3', 'during', 0)]))).toBe(1.5);
  });
});
