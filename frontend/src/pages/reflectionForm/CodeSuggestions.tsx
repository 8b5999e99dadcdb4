import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { Button, Paragraph } from '@utrecht/component-library-react';
import { suggestionApi, type CodeSuggestion } from '../../api/suggestions';
import { labelOf } from './codeSearch';
import type { CodeChoice } from './model';
import { langOf } from './template';

/** suggestDelay is how long typing must pause before codes are suggested. */
export const suggestDelay = 600;
/** suggestMin is how many characters a text needs before codes are suggested. */
const suggestMin = 4;
/** suggestMax is how many codes are shown at most: a few good ones, so the entry stays readable on a phone (a few more are asked, for when some are chosen already). */
const suggestMax = 3;

/** useDebounced answers value once it has not changed for ms. */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * useCodeSuggestions asks which codes fit a text being typed, a short
 * while after typing stops. The text stays in memory only; a failure (no
 * connection, the route not there) suggests nothing.
 */
export function useCodeSuggestions(networkId: string, text: string) {
  const settled = useDebounced(text.trim(), suggestDelay);
  return useQuery({
    queryKey: ['network', networkId, 'code-suggestions', settled],
    queryFn: () => suggestionApi.suggest(networkId, settled, suggestMax + 2),
    enabled: settled.length >= suggestMin,
    staleTime: 60_000,
    retry: false,
  });
}

/** reasonOf says in words why a code is suggested: the matching words, and how often it was chosen for such a text before. */
export function reasonOf(s: CodeSuggestion, t: (key: string, options?: Record<string, unknown>) => string): string {
  const parts: string[] = [];
  if (s.reason.words.length) parts.push(t('reflectionForm.suggestions.words', { words: s.reason.words.map((w) => `„${w}”`).join(', ') }));
  if (s.reason.codings > 0) parts.push(t('reflectionForm.suggestions.codings', { count: s.reason.codings }));
  else if (s.reason.codebook) parts.push(t('reflectionForm.suggestions.codebook'));
  return parts.join(' ');
}

export interface CodeSuggestionsProps {
  id: string;
  networkId: string;
  /** text is what the entry says so far (what and why) */
  text: string;
  chosen: readonly string[];
  onPick: (code: CodeChoice) => void;
  full?: boolean;
}

/**
 * CodeSuggestions offers, under an entry, the codes that fit what was
 * typed, each with its reason; one click adds one. How many there are is
 * announced in a polite live region.
 */
export function CodeSuggestions({ id, networkId, text, chosen, onPick, full = false }: CodeSuggestionsProps) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const query = useCodeSuggestions(networkId, text);
  const list = (query.data ?? []).filter((s) => !chosen.includes(s.code_id)).slice(0, suggestMax);
  const shown = !full && text.trim().length >= suggestMin ? list : [];
  const headingId = `${id}-heading`;
  // After a click the list changes under the focus: say what happened, else how many there are.
  const [picked, setPicked] = useState('');
  useEffect(() => setPicked(''), [query.data]);
  const said = picked || (shown.length > 0 ? t('reflectionForm.suggestions.found', { count: shown.length }) : '');
  return (
    <div className="leerlus-suggestions">
      <div role="status" className="leerlus-suggestions__count">
        {said && <span className="leerlus-visually-hidden">{said}</span>}
      </div>
      {shown.length > 0 && (
        <>
          <Paragraph id={headingId} className="leerlus-suggestions__heading">
            {t('reflectionForm.suggestions.title')}
          </Paragraph>
          <ul id={id} aria-labelledby={headingId} className="leerlus-suggestions__list">
            {shown.map((s) => {
              const name = labelOf(s, lang);
              const reasonId = `${id}-${s.code_id}-reason`;
              return (
                <li key={s.code_id} className="leerlus-suggestion">
                  <Button
                    appearance="secondary-action-button"
                    aria-describedby={reasonId}
                    onClick={() => {
                      onPick({ id: s.code_id, label_nl: s.label_nl, label_en: s.label_en });
                      setPicked(t('reflectionForm.picker.picked', { code: name }));
                    }}
                  >
                    {t('reflectionForm.suggestions.add', { code: name })}
                  </Button>{' '}
                  <span id={reasonId} className="leerlus-suggestion__reason">
                    {t('reflectionForm.suggestions.theme', { theme: labelOf(s.theme, lang) })} {reasonOf(s, t)}
                  </span>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </div>
  );
}
