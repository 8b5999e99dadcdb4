import { useTranslation } from 'react-i18next';
import type { Spread } from '../../api/recurring';
import { outcomeWords } from './labels';

/**
 * OutcomeBar shows how the trajectories behind a lesson went: a bar in
 * three parts (good, partly, stuck), each with its own pattern as well as
 * colour, and the same in words beside it — the words are what screen
 * readers read; the bar is hidden from them.
 */
export function OutcomeBar({ spread }: { spread: Spread }) {
  const { t } = useTranslation();
  const o = spread.outcomes;
  const total = o.good + o.mixed + o.stuck;
  return (
    <span className="leerlus-outcome">
      {total > 0 && (
        <span className="leerlus-outcome__bar" aria-hidden="true">
          {(['good', 'mixed', 'stuck'] as const).map((k) =>
            o[k] > 0 ? <span key={k} className="leerlus-outcome__part" data-outcome={k} style={{ flexGrow: o[k] }} /> : null,
          )}
        </span>
      )}
      <span className="leerlus-outcome__text">{outcomeWords(t, spread)}</span>
    </span>
  );
}
