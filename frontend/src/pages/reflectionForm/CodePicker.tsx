import { useEffect, useMemo, useRef, useState, type ChangeEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, FormField, Paragraph, Textbox } from '@utrecht/component-library-react';
import { useQuery } from '@tanstack/react-query';
import { codebookApi, codebookKey, type CodebookCode } from '../../api/codebook';
import { describedBy, FieldParts } from '../../components/fields';
import { choiceOf, descriptionOf, labelOf, searchCodebook } from './codeSearch';
import type { CodeChoice } from './model';
import { langOf } from './template';

/** useCodebook loads the network's codebook once per visit: it changes seldom, and a new code shows after a reload. */
export function useCodebook(networkId: string) {
  return useQuery({ queryKey: codebookKey(networkId), queryFn: () => codebookApi.get(networkId), staleTime: Infinity, retry: false });
}

export interface CodePickerProps {
  /** id of the search box; the list and its options are named after it */
  id: string;
  networkId: string;
  label: string;
  description?: string | undefined;
  error?: string | undefined;
  /** chosen are the ids already chosen: not offered again */
  chosen: readonly string[];
  onPick: (code: CodeChoice) => void;
  /** full says no more codes can be added (the most per entry) */
  full?: boolean;
}

/**
 * CodePicker finds a code in the network's two-level codebook: a search
 * box (combobox) with a list (listbox) of themes as groups and their codes
 * as options. Arrow keys move through the codes across themes, Enter
 * chooses, Escape closes; the number found is announced politely. Retired
 * and merged codes are not offered.
 */
export function CodePicker({ id, networkId, label, description, error, chosen, onPick, full = false }: CodePickerProps) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const codebook = useCodebook(networkId);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState<string | null>(null);
  const [said, setSaid] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const listId = `${id}-list`;
  const optionId = (codeId: string) => `${id}-option-${codeId}`;

  const matches = useMemo(() => (codebook.data ? searchCodebook(codebook.data, query, new Set(chosen)) : []), [codebook.data, query, chosen]);
  const flat = useMemo(() => matches.flatMap((m) => m.codes), [matches]);
  const activeCode = flat.find((c) => c.id === active);
  const shown = open && codebook.isSuccess;

  useEffect(() => {
    if (active) document.getElementById(optionId(active))?.scrollIntoView?.({ block: 'nearest' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [active]);

  const show = (q: string) => {
    setOpen(true);
    setActive(null);
    if (codebook.data) setSaid(t('reflectionForm.picker.found', { count: searchCodebook(codebook.data, q, new Set(chosen)).reduce((n, m) => n + m.codes.length, 0) }));
  };
  const close = () => {
    setOpen(false);
    setActive(null);
  };
  const pick = (c: CodebookCode) => {
    onPick(choiceOf(c));
    setQuery('');
    close();
    setSaid(t('reflectionForm.picker.picked', { code: labelOf(c, lang) }));
    input.current?.focus();
  };
  const step = (delta: number) => {
    if (!flat.length) return;
    const at = active ? flat.findIndex((c) => c.id === active) : -1;
    const next = at < 0 ? (delta > 0 ? 0 : flat.length - 1) : (at + delta + flat.length) % flat.length;
    setActive(flat[next]!.id);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        e.preventDefault();
        if (!open) show(query);
        else step(e.key === 'ArrowDown' ? 1 : -1);
        break;
      case 'Enter':
        // Never submits the form: Enter here chooses.
        e.preventDefault();
        if (open && activeCode) pick(activeCode);
        break;
      case 'Escape':
        if (open) {
          e.preventDefault();
          close();
        } else if (query) setQuery('');
        break;
    }
  };

  const helpId = `${id}-help`;
  return (
    <div className="leerlus-picker">
      <FormField invalid={Boolean(error)} type="text">
        <FieldParts id={id} label={label} description={description} error={error} />
        <div className="utrecht-form-field__input leerlus-picker__box">
          <Textbox
            ref={input}
            id={id}
            name={id}
            type="text"
            role="combobox"
            autoComplete="off"
            aria-autocomplete="list"
            aria-expanded={shown}
            aria-controls={listId}
            aria-activedescendant={shown && active ? optionId(active) : undefined}
            aria-describedby={[describedBy(id, description, error), helpId].filter(Boolean).join(' ')}
            disabled={full}
            value={query}
            onChange={(e: ChangeEvent<HTMLInputElement>) => {
              setQuery(e.target.value);
              show(e.target.value);
            }}
            onKeyDown={onKeyDown}
            onBlur={close}
          />
          <Button
            appearance="secondary-action-button"
            tabIndex={-1}
            aria-label={t('reflectionForm.picker.showAll', { field: label })}
            aria-expanded={shown}
            aria-controls={listId}
            disabled={full}
            // The search box keeps the focus, so the list stays open.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => {
              if (open) close();
              else show(query);
              input.current?.focus();
            }}
          >
            {t('reflectionForm.picker.list')}
          </Button>
        </div>
      </FormField>
      <Paragraph id={helpId} className="leerlus-picker__help">
        {full ? t('reflectionForm.picker.full') : t('reflectionForm.picker.help')}
      </Paragraph>
      {codebook.isError && <Paragraph className="leerlus-picker__problem">{t('reflectionForm.picker.unavailable')}</Paragraph>}
      <div id={listId} role="listbox" aria-label={label} hidden={!shown} className="leerlus-picker__list">
        {shown &&
          matches.map(({ theme, codes }) => (
            <ul key={theme.id} role="group" aria-labelledby={`${id}-theme-${theme.id}`}>
              <li role="presentation" id={`${id}-theme-${theme.id}`} className="leerlus-picker__theme">
                {labelOf(theme, lang)}
              </li>
              {codes.map((c) => (
                <li
                  key={c.id}
                  id={optionId(c.id)}
                  role="option"
                  aria-selected={c.id === active}
                  className={c.id === active ? 'leerlus-picker__option leerlus-picker__option--active' : 'leerlus-picker__option'}
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => pick(c)}
                >
                  {labelOf(c, lang)}
                </li>
              ))}
            </ul>
          ))}
      </div>
      {shown && activeCode && descriptionOf(activeCode, lang) && (
        <Paragraph className="leerlus-picker__description">{descriptionOf(activeCode, lang)}</Paragraph>
      )}
      {shown && flat.length === 0 && <Paragraph className="leerlus-picker__none">{t('reflectionForm.picker.none')}</Paragraph>}
      <div role="status" className="leerlus-picker__status">
        {said && <span className="leerlus-visually-hidden">{said}</span>}
      </div>
    </div>
  );
}
