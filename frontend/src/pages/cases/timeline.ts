import type { Episode } from '../../api/types';

/** PhaseGroup holds the key episodes of one phase, in timeline order. */
export interface PhaseGroup {
  /** phase is a code of the phase list, or null for episodes without a known phase. */
  phase: string | null;
  episodes: Episode[];
}

/**
 * groupByPhase places the key episodes under the phases of the trajectory,
 * in the order of the phase list (signaleren → … → afsluiting). Every phase
 * gets a group, empty or not, so the picture always shows the whole line;
 * episodes without a known phase come last, in a group of their own, only
 * when there are any. Within a group episodes keep their position order.
 */
export function groupByPhase(episodes: readonly Episode[], phaseOrder: readonly string[]): PhaseGroup[] {
  const sorted = [...episodes].sort((a, b) => a.position - b.position);
  const groups: PhaseGroup[] = phaseOrder.map((phase) => ({ phase, episodes: [] }));
  const other: PhaseGroup = { phase: null, episodes: [] };
  for (const e of sorted) {
    const g = groups.find((g) => g.phase === e.phase) ?? other;
    g.episodes.push(e);
  }
  return other.episodes.length ? [...groups, other] : groups;
}

/** Effect is how a key episode worked out; "unknown" when it was not given. */
export type Effect = 'helped' | 'hindered' | 'neutral' | 'unknown';

/** effectOf reads an episode's effect code, mapping anything unexpected to unknown. */
export function effectOf(e: Pick<Episode, 'effect'>): Effect {
  return e.effect === 'helped' || e.effect === 'hindered' || e.effect === 'neutral' ? e.effect : 'unknown';
}
