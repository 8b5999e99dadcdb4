import type { CaseDraft } from './useCaseDraft';
import type { Draft } from './model';
import type { Vocabulary } from '../../api/vocabulary';

/** StepProps is what every step of the form gets. */
export interface StepProps {
  form: CaseDraft;
  draft: Draft;
  vocab: Vocabulary;
  /** errorFor gives the message beside a field (by its request-body name or JSON pointer) */
  errorFor: (field: string) => string | undefined;
}
