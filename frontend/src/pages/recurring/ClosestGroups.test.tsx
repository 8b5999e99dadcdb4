import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ClosestGroups } from './ClosestGroups';
import { json, mockApi, renderPage, sessionFor } from '../../test/helpers';
import { curator } from '../codebook/testdata';
import { askDetail, closeMatch, looseMatch } from './testdata';

afterEach(() => vi.unstubAllGlobals());

function render(onDone = vi.fn()) {
  renderPage(<ClosestGroups networkId="n-fr" lessonId="l-new" level={2} onDone={onDone} />, { session: sessionFor(curator) });
  return onDone;
}

describe('ClosestGroups', () => {
  it('lists the closest groups in words and places the lesson in one click', async () => {
    const { seen } = mockApi({
      'GET /lessons/l-new/closest-groups': () => json({ items: [closeMatch, looseMatch] }),
      'POST /recurring-lessons/g-ask/place': () => json({ ...askDetail, version: 5 }),
    });
    const onDone = render();
    const section = await screen.findByRole('region', { name: 'Past deze les bij een groep?' });
    const items = await within(section).findAllByRole('listitem');
    expect(items[0]).toHaveTextContent('lijkt sterk · 3 casussen');
    expect(items[1]).toHaveTextContent('lijkt een beetje · 1 casus');
    expect(within(items[0]!).getByRole('link', { name: 'Bekijk de groep' })).toHaveAttribute('href', '/netwerk/n-fr/terugkerende-lessen/g-ask');
    await userEvent.click(screen.getByRole('button', { name: `Plaats in de groep: ${closeMatch.statement}` }));
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledWith(`De les staat nu in de groep „${askDetail.statement}”.`));
    expect(seen.find((s) => s.method === 'POST')?.body).toEqual({ version: 4, lesson: 'l-new' });
  });

  it('says so when no group is like the lesson', async () => {
    mockApi({ 'GET /lessons/l-new/closest-groups': () => json({ items: [] }) });
    render();
    expect(await screen.findByText('Er is geen groep die op deze les lijkt.')).toBeInTheDocument();
  });
});
