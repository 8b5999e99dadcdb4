import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { vocabularyQuery, type VocabularyName } from './api';

export interface Option {
  value: string;
  label: string;
}

/** useVocabulary gives the fixed lists of a case with the words in the reader's language (the server holds them). */
export function useVocabulary() {
  const { i18n } = useTranslation();
  const query = useQuery(vocabularyQuery);
  const en = i18n.language === 'en';
  const options = (name: VocabularyName): Option[] =>
    (query.data?.lists.find((l) => l.name === name)?.terms ?? []).map((t) => ({ value: t.code, label: en ? t.en : t.nl }));
  const label = (name: VocabularyName, code: string | undefined): string =>
    code ? (options(name).find((o) => o.value === code)?.label ?? code) : '';
  return { query, options, label };
}

export type VocabularyWords = ReturnType<typeof useVocabulary>;
