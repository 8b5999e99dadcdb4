import type { TFunction } from 'i18next';
import type { Perspective, Role } from '../api/types';

/** roleLabel names a role in the UI language (lid, facilitator, …). */
export function roleLabel(t: TFunction, role: Role | string): string {
  return t(`roles.${role}`, { defaultValue: role });
}

/** perspectiveLabel names a perspective in the UI language. */
export function perspectiveLabel(t: TFunction, p: Perspective | string): string {
  return t(`perspectives.${p}`, { defaultValue: p });
}

/** formatDateTime shows a timestamp in the reader's language. */
export function formatDateTime(lang: string, iso: string | undefined | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'nl-NL', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(d);
}

/** formatDate shows a date without the time. */
export function formatDate(lang: string, iso: string | undefined | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'medium' }).format(d);
}
