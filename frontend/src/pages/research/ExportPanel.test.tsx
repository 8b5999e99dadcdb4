import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ExportPanel } from './ExportPanel';
import { emptyResearchFilters } from './filters';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('ExportPanel', () => {
  it('streams an export, shows the bytes and rows received while it runs, then saves the file', async () => {
    // The body arrives in two parts; the second waits until the test has seen the first.
    let release: () => void = () => {};
    const gate = new Promise<void>((ok) => (release = ok));
    const body = new ReadableStream<Uint8Array>({
      async start(ctl) {
        ctl.enqueue(new TextEncoder().encode('network_id,case_id\nn1,c1\n'));
        await gate;
        ctl.enqueue(new TextEncoder().encode('n1,c2\nn1,c3\n'));
        ctl.close();
      },
    });
    const fetchMock = vi.fn(async () => new Response(body, { headers: { 'Content-Type': 'text/csv', 'Content-Disposition': 'attachment; filename="leerlus-codings.csv"' } }));
    vi.stubGlobal('fetch', fetchMock);
    const created = vi.fn(() => 'blob:leerlus');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: created, revokeObjectURL: vi.fn() }));
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});

    render(<ExportPanel filters={{ ...emptyResearchFilters, outcome: 'stuck' }} headingId="export" />);
    await userEvent.click(screen.getByRole('button', { name: 'Coderingen voor Excel (CSV)' }));
    expect(fetchMock).toHaveBeenCalledWith('/api/v1/exports/codings.csv?outcome=stuck&excel=true', expect.objectContaining({ credentials: 'same-origin' }));
    expect(await screen.findByText('0 KB ontvangen, 1 rij')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Bezig met downloaden: Coderingen voor Excel (CSV).');
    // One export at a time: the buttons wait, and it can be stopped.
    expect(screen.getByRole('button', { name: 'Coderingen (JSON)' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Stop de download' })).toBeInTheDocument();
    release();
    expect(await screen.findByText(/Klaar: leerlus-codings\.csv is opgeslagen \(0 KB ontvangen, 3 rijen\)\./)).toBeInTheDocument();
    expect(created).toHaveBeenCalledTimes(1);
    expect(click).toHaveBeenCalledTimes(1);
  });

  it('says why an export was refused', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify({ type: 'about:blank', title: 'Forbidden', status: 403 }), { status: 403, headers: { 'Content-Type': 'application/problem+json' } })),
    );
    render(<ExportPanel filters={emptyResearchFilters} headingId="export" />);
    await userEvent.click(screen.getByRole('button', { name: 'Project voor ATLAS.ti, NVivo, MAXQDA (QDPX)' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Dit mag je niet doen met jouw rol.');
    // Nothing is saved.
    expect(screen.queryByText(/Klaar:/)).not.toBeInTheDocument();
  });
});
