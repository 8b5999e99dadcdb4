import { describe, expect, it } from 'vitest';
import i18n from '../i18n';
import { fieldMessage, fieldMessages } from './fieldMessages';
import type { FieldProblem } from './problem';

const nl = i18n.getFixedT('nl');
const en = i18n.getFixedT('en');

function problem(code: FieldProblem['code'], params?: FieldProblem['params']): FieldProblem {
  return { field: 'x', code, params, message: 'the English message' };
}

describe('fieldMessage', () => {
  it.each<[FieldProblem, string]>([
    [problem('required'), 'Vul dit in.'],
    [problem('format', { format: 'email' }), 'Vul een goed e-mailadres in, zoals naam@voorbeeld.nl.'],
    [problem('too_short', { min: 12 }), 'Gebruik minstens 12 tekens.'],
    [problem('too_long', { max: 100 }), 'Gebruik niet meer dan 100 tekens.'],
    [problem('common_password'), 'Veel mensen gebruiken dit wachtwoord. Kies een ander wachtwoord.'],
    [problem('wrong_password'), 'Dit is niet je wachtwoord van nu. Probeer het opnieuw.'],
    [problem('out_of_range', { min: 1, max: 365 }), 'Vul een getal in van 1 tot en met 365.'],
    [problem('one_of', { allowed: ['member', 'facilitator'] }), 'Kies een van de mogelijkheden.'],
  ])('gives %o in plain Dutch', (p, dutch) => {
    expect(fieldMessage(nl, p)).toBe(dutch);
  });

  it('speaks English too', () => {
    expect(fieldMessage(en, problem('too_short', { min: 12 }))).toBe('Use at least 12 characters.');
  });

  it('shows the server message for a code this build does not know', () => {
    expect(fieldMessage(nl, { field: 'x', code: 'from_the_future' as FieldProblem['code'], message: 'is odd' })).toBe('is odd');
  });

  it('joins the words for several errors of one field', () => {
    expect(fieldMessages(en, [problem('too_short', { min: 12 }), problem('common_password')])).toContain('Use at least 12 characters.');
  });
});
