import { describe, expect, it } from 'vitest';
import { effectOf, groupByPhase } from './timeline';
import type { Episode } from '../../api/types';

const phases = ['signalling', 'access', 'help', 'scaling', 'closure'];

function episode(position: number, phase?: string, effect?: string): Episode {
  return { id: `e${position}`, position, phase, effect, what_happened: `moment ${position}`, updated_at: '', version: 1 };
}

describe('groupByPhase', () => {
  it('gives every phase a group, in the phase order, episodes by position', () => {
    const groups = groupByPhase([episode(3, 'help'), episode(1, 'signalling'), episode(2, 'help'), episode(4, 'closure')], phases);
    expect(groups.map((g) => [g.phase, g.episodes.map((e) => e.position)])).toEqual([
      ['signalling', [1]],
      ['access', []],
      ['help', [2, 3]],
      ['scaling', []],
      ['closure', [4]],
    ]);
  });

  it('keeps the order of the trajectory when it goes back to an earlier phase', () => {
    const groups = groupByPhase([episode(1, 'help'), episode(2, 'access'), episode(3, 'help')], phases);
    expect(groups.find((g) => g.phase === 'help')?.episodes.map((e) => e.position)).toEqual([1, 3]);
    expect(groups.find((g) => g.phase === 'access')?.episodes.map((e) => e.position)).toEqual([2]);
  });

  it('puts episodes without a known phase last, only when there are any', () => {
    expect(groupByPhase([episode(1, 'help')], phases)).toHaveLength(5);
    const groups = groupByPhase([episode(2), episode(1, 'retired-code'), episode(3, 'help')], phases);
    expect(groups).toHaveLength(6);
    expect(groups[5]).toEqual({ phase: null, episodes: [episode(1, 'retired-code'), episode(2)] });
  });

  it('gives empty groups for a case without episodes', () => {
    expect(groupByPhase([], phases).every((g) => g.episodes.length === 0)).toBe(true);
  });
});

describe('effectOf', () => {
  it('reads the effect, unknown when missing or unexpected', () => {
    expect(effectOf({ effect: 'helped' })).toBe('helped');
    expect(effectOf({ effect: 'hindered' })).toBe('hindered');
    expect(effectOf({ effect: 'neutral' })).toBe('neutral');
    expect(effectOf({})).toBe('unknown');
    expect(effectOf({ effect: 'other' })).toBe('unknown');
  });
});
