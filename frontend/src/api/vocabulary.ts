import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { vocabularyQuery } from './cases';
import type { CaseVocabulary, VocabularyListName } from './types';

/** Option is one code of a fixed list with its words, as a select or radio offers it. */
export interface Option {
  value: string;
  label: string;
}

/** Vocabulary gives the words of the case's fixed lists in one language. */
export interface Vocabulary {
  /** options lists a fixed list's codes with their words, in the list's order. */
  options(list: VocabularyListName): Option[];
  /** label names a code; an unknown code is shown as it is, none as ''. */
  label(list: VocabularyListName, code: string | undefined | null): string;
  /** codes lists a fixed list's codes in order. */
  codes(list: VocabularyListName): string[];
}

/** makeVocabulary reads the server's lists in the UI language (English or Dutch). */
export function makeVocabulary(data: CaseVocabulary, language: string): Vocabulary {
  const en = language === 'en';
  const terms = (list: VocabularyListName) => data.lists.find((l) => l.name === list)?.terms ?? [];
  return {
    options: (list) => terms(list).map((term) => ({ value: term.code, label: en ? term.en : term.nl })),
    label: (list, code) => {
      if (!code) return '';
      const term = terms(list).find((x) => x.code === code);
      return term ? (en ? term.en : term.nl) : code;
    },
    codes: (list) => terms(list).map((term) => term.code),
  };
}

/**
 * useVocabulary loads the fixed lists once and reads them in the current
 * language; `vocabulary` is there once they are loaded.
 */
export function useVocabulary() {
  const { i18n } = useTranslation();
  const query = useQuery(vocabularyQuery);
  const vocabulary = query.data ? makeVocabulary(query.data, i18n.language) : undefined;
  return { query, vocabulary };
}
