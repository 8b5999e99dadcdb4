import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { markedParts, Snippet } from './Snippet';

describe('Snippet', () => {
  it('marks the found words, counting UTF-16 units as the API does', () => {
    const text = '…een traject voor thuiszitters 👍 en thuis';
    const start = text.indexOf('thuiszitters');
    const last = text.lastIndexOf('thuis');
    render(<Snippet snippet={{ field: 'summary', text, highlights: [{ start, end: start + 12 }, { start: last, end: last + 5 }] }} label="Samenvatting:" />);
    expect(screen.getAllByRole('mark').map((m) => m.textContent)).toEqual(['thuiszitters', 'thuis']);
    expect(screen.getByText(/Samenvatting:/).parentElement).toHaveTextContent(`Samenvatting: ${text}`);
  });

  it('never loses text to overlapping or out-of-range spans', () => {
    const parts = markedParts('abcdef', [{ start: 4, end: 9 }, { start: 1, end: 3 }, { start: 2, end: 5 }]);
    expect(parts.map((p) => p.text).join('')).toBe('abcdef');
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['bc', 'de', 'f']);
  });
});
