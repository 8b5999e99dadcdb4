import { useHref, useLinkClickHandler } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Link } from '@utrecht/component-library-react';
import { stepCount } from './problems';

function StepLink({ to, current, onLeave, children }: { to: string; current: boolean; onLeave: () => void; children: string }) {
  const href = useHref(to);
  const handle = useLinkClickHandler<HTMLAnchorElement>(to);
  return (
    <Link
      href={href}
      aria-current={current ? 'step' : undefined}
      onClick={(e) => {
        onLeave();
        handle(e);
      }}
    >
      {children}
    </Link>
  );
}

/**
 * StepNav is the progress indicator: every step as a link, the current
 * one marked with aria-current="step", and "Stap 2 van 5" in words.
 * A step with fields still missing says how many, in its link's name.
 * (RouterLink sets aria-current="page" itself, hence a link of its own.)
 */
export function StepNav({
  step,
  link,
  onLeave,
  missing,
}: {
  step: number;
  link: (n: number) => string;
  onLeave: () => void;
  /** missing counts the fields still to fill in, per step */
  missing?: ReadonlyMap<number, number>;
}) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('caseForm.stepsLabel')} className="leerlus-steps">
      <ol>
        {Array.from({ length: stepCount }, (_, i) => i + 1).map((n) => (
          <li key={n}>
            <StepLink to={link(n)} current={n === step} onLeave={onLeave}>
              {`${n}. ${t(`caseForm.steps.${n}`)}` + (n < stepCount && missing?.get(n) ? ` (${t('caseForm.stepMissing', { count: missing.get(n) })})` : '')}
            </StepLink>
          </li>
        ))}
      </ol>
    </nav>
  );
}
