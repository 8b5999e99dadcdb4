import type { TFunction } from 'i18next';

// The server words its field errors in English fragments ("is required",
// "must be at least 12 characters"). These patterns give them plain Dutch
// (B1) or English from the locale files; a message we do not know is shown
// as the server sent it.
const patterns: [RegExp, string, (m: RegExpMatchArray) => Record<string, unknown>][] = [
  [/^is required\b/, 'fieldErrors.required', () => ({})],
  [/^must be an e-mail address/, 'fieldErrors.email', () => ({})],
  [/^must be at least (\d+) characters/, 'fieldErrors.minLength', (m) => ({ count: Number(m[1]) })],
  [/^must be 1 to (\d+) characters/, 'fieldErrors.length', (m) => ({ count: Number(m[1]) })],
  [/^must be at most (\d+) characters/, 'fieldErrors.maxLength', (m) => ({ count: Number(m[1]) })],
  [/^is too long/, 'fieldErrors.tooLong', () => ({})],
  [/^is too common/, 'fieldErrors.common', () => ({})],
  [/^is not your current password/, 'fieldErrors.currentPassword', () => ({})],
  [/^must be from (\d+) to (\d+)/, 'fieldErrors.range', (m) => ({ min: Number(m[1]), max: Number(m[2]) })],
  [/^is in use already/, 'fieldErrors.inUse', () => ({})],
  [/^is a member already/, 'fieldErrors.memberAlready', () => ({})],
  [/^is not an organisation of this workplace/, 'fieldErrors.organisation', () => ({})],
  [/^is not a known perspective/, 'fieldErrors.choose', () => ({})],
  [/^must be (member|one of)/, 'fieldErrors.choose', () => ({})],
  [/^is not the current version/, 'errors.conflict', () => ({})],
  [/^you cannot remove your own administrator rights/, 'fieldErrors.ownAdmin', () => ({})],
];

/** fieldMessage translates a server field message when we know its pattern. */
export function fieldMessage(t: TFunction, message: string): string {
  for (const [re, key, vars] of patterns) {
    const m = message.match(re);
    if (m) return t(key, vars(m));
  }
  return message;
}
