import type { TFunction } from 'i18next';
import type { FieldErrors } from '../../api/problem';

// The server's limits for an action's texts (ProposeActionRequest, ProgressRequest, ActionStatusRequest).
export const titleMin = 3;
export const titleMax = 300;
export const descriptionMax = 4000;
export const progressMin = 3;
export const progressMax = 2000;
export const reasonMin = 3;
export const reasonMax = 500;

/** checkActionTexts checks a title and description before they are sent, in the words the server's limits would give. */
export function checkActionTexts(t: TFunction, texts: { title?: string; description?: string }): FieldErrors {
  const errors: FieldErrors = {};
  if (texts.title !== undefined) {
    if (!texts.title) errors.title = t('fieldErrors.required');
    else if (texts.title.length < titleMin) errors.title = t('fieldErrors.minLength', { count: titleMin });
    else if (texts.title.length > titleMax) errors.title = t('fieldErrors.maxLength', { count: titleMax });
  }
  if (texts.description !== undefined && texts.description.length > descriptionMax) {
    errors.description = t('fieldErrors.maxLength', { count: descriptionMax });
  }
  return errors;
}

/** checkLength checks a required text against its limits. */
export function checkLength(t: TFunction, text: string, min: number, max: number): string | undefined {
  if (!text) return t('fieldErrors.required');
  if (text.length < min) return t('fieldErrors.minLength', { count: min });
  if (text.length > max) return t('fieldErrors.maxLength', { count: max });
  return undefined;
}
