import { describe, expect, it } from 'vitest';
import i18n from '../i18n';
import { fieldMessage } from './fieldMessages';

const nl = i18n.getFixedT('nl');
const en = i18n.getFixedT('en');

describe('fieldMessage', () => {
  it.each([
    ['is required', 'Vul dit in.'],
    ['is required: the version you last saw', 'Vul dit in.'],
    ['must be an e-mail address', 'Vul een goed e-mailadres in, zoals naam@voorbeeld.nl.'],
    ['must be at least 12 characters', 'Gebruik minstens 12 tekens.'],
    ['must be 1 to 100 characters', 'Gebruik 1 tot 100 tekens.'],
    ['is too common; choose another', 'Veel mensen gebruiken dit wachtwoord. Kies een ander wachtwoord.'],
    ['is not your current password', 'Dit is niet je wachtwoord van nu. Probeer het opnieuw.'],
    ['must be from 1 to 365', 'Vul een getal in van 1 tot en met 365.'],
    ['must be member, facilitator, researcher or manager', 'Kies een van de mogelijkheden.'],
  ])('gives "%s" in plain Dutch', (server, dutch) => {
    expect(fieldMessage(nl, server)).toBe(dutch);
  });

  it('speaks English too', () => {
    expect(fieldMessage(en, 'must be at least 12 characters')).toBe('Use at least 12 characters.');
  });

  it('passes unknown messages through', () => {
    expect(fieldMessage(nl, 'Deze naam bestaat al.')).toBe('Deze naam bestaat al.');
  });
});
