import { useTranslation } from 'react-i18next';
import { RouterLink } from '../../components/RouterLink';
import { stepCount } from './problems';

/**
 * StepNav is the progress indicator: every step as a link, the current
 * one marked with aria-current="step", and "Stap 2 van 5" in words.
 */
export function StepNav({ step, link, onLeave }: { step: number; link: (n: number) => string; onLeave: () => void }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('caseForm.stepsLabel')} className="leerlus-steps">
      <ol>
        {Array.from({ length: stepCount }, (_, i) => i + 1).map((n) => (
          <li key={n}>
            <RouterLink to={link(n)} aria-current={n === step ? 'step' : undefined} onClick={onLeave}>
              {`${n}. ${t(`caseForm.steps.${n}`)}`}
            </RouterLink>
          </li>
        ))}
      </ol>
    </nav>
  );
}
