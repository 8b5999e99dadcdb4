import { useEffect, useRef } from 'react';
import { useHref, useLinkClickHandler } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button, Link } from '@utrecht/component-library-react';

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
 * StepNav is the progress indicator of a form in steps (the case form, the
 * reflection form): every step as a link, the current one marked with
 * aria-current="step", and "Stap 2 van 5" in words. A step with fields
 * still missing says how many, in its link's name; the last step, where
 * the form is handed in, never does.
 * (RouterLink sets aria-current="page" itself, hence a link of its own.)
 */
export function StepNav({
  names,
  label,
  step,
  link,
  onLeave,
  missing,
}: {
  /** names are the steps' names, in order (step 1 first) */
  names: readonly string[];
  /** label names the navigation ("Stappen van de casus") */
  label: string;
  step: number;
  link: (n: number) => string;
  onLeave: () => void;
  /** missing counts the fields still to fill in, per step */
  missing?: ReadonlyMap<number, number>;
}) {
  const { t } = useTranslation();
  const count = names.length;
  return (
    <nav aria-label={label} className="leerlus-steps">
      <ol>
        {names.map((name, i) => {
          const n = i + 1;
          const left = n < count ? missing?.get(n) : undefined;
          return (
            <li key={n}>
              <StepLink to={link(n)} current={n === step} onLeave={onLeave}>
                {`${n}. ${name}` + (left ? ` (${t('caseForm.stepMissing', { count: left })})` : '')}
              </StepLink>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

/**
 * useStepHeading gives the ref of a step's heading, which takes the focus
 * when the step changes: ?stap= changes only the search, not the path, so
 * Layout does not move the focus itself.
 */
export function useStepHeading(step: number) {
  const heading = useRef<HTMLHeadingElement>(null);
  const shown = useRef(step);
  useEffect(() => {
    if (shown.current !== step) heading.current?.focus();
    shown.current = step;
  }, [step]);
  return heading;
}

/** StepButtons are "Vorige stap" and "Volgende stap" under a step (none before the first, none after the last). */
export function StepButtons({ step, count, go }: { step: number; count: number; go: (n: number) => void }) {
  const { t } = useTranslation();
  return (
    <div className="leerlus-step-buttons">
      {step > 1 ? (
        <Button appearance="secondary-action-button" onClick={() => go(step - 1)}>
          {t('caseForm.back')}
        </Button>
      ) : (
        <span />
      )}
      {step < count && (
        <Button appearance="primary-action-button" onClick={() => go(step + 1)}>
          {t('caseForm.next')}
        </Button>
      )}
    </div>
  );
}
