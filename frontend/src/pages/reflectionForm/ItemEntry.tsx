import { useTranslation } from 'react-i18next';
import { Button, Heading } from '@utrecht/component-library-react';
import { SelectField } from '../../components/fields';
import { ScannedText } from '../caseForm/ScannedText';
import { CodePicker } from './CodePicker';
import { CodeSuggestions } from './CodeSuggestions';
import { CodeTags } from './CodeTags';
import { RemoveButton } from './RemoveButton';
import { addItemCode, isBlankItem, itemKey, removeItemCode, setItemEffect, setItemEpisode, type ItemDraft } from './model';
import { scannedProps, type QuestionProps } from './questionProps';
import { fieldWording, langOf } from './template';

/** episodeLabel names a key episode in a list: its place and the start of what happened. */
function episodeLabel(t: (key: string, o?: Record<string, unknown>) => string, e: { position: number; what_happened: string }): string {
  let text = e.what_happened;
  if (text.length > 60) {
    // Cut at a word's end, not in the middle of one.
    const cut = text.slice(0, 58);
    const end = cut.lastIndexOf(' ');
    text = `${(end > 30 ? cut.slice(0, end) : cut).replace(/[\s,;:.]+$/, '')}…`;
  }
  return t('reflectionForm.items.episodeOption', { n: e.position, text });
}

/** maxCodes is how many codes an entry or a lesson takes at most (as the server allows). */
export const maxCodes = 5;

interface ItemEntryProps extends QuestionProps {
  item: ItemDraft;
  /** index is the entry's place among the entries of its question (0 first) */
  index: number;
  count: number;
  onMove: (item: ItemDraft, delta: number) => void;
  onRemove: (item: ItemDraft) => void;
}

/**
 * ItemEntry is one entry of what worked or what did not: what, why (both
 * checked for what identifies someone) and codes, chosen in the picker or
 * from the suggestions for what was typed.
 */
export function ItemEntry(props: ItemEntryProps) {
  const { form, draft, question: q, networkId, episodes, errorFor, item: it, index, count, onMove, onRemove } = props;
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const n = index + 1;
  const base = `item-${it.key}`;
  const words = (field: string, fallback: string) => fieldWording(q, field, lang) ?? { text: t(fallback), help: '' };
  const what = words('what', 'reflectionForm.items.what');
  const why = words('why', 'reflectionForm.items.why');
  const codes = words('codes', 'reflectionForm.items.codes');
  const chosen = it.codes.map((c) => c.id);
  const full = it.codes.length >= maxCodes;
  const pickerId = `${base}-codes`;
  const add = (code: Parameters<typeof addItemCode>[2]) => {
    form.change((d) => addItemCode(d, it.key, code));
    document.getElementById(pickerId)?.focus();
  };
  return (
    <section className="leerlus-entry" aria-labelledby={`${base}-heading`}>
      <Heading level={4} id={`${base}-heading`}>
        {t('reflectionForm.items.entry', { n })}
      </Heading>
      <ScannedText
        {...scannedProps(form, draft, itemKey(it.key, 'what'))}
        id={`${base}-what`}
        label={what.text}
        description={what.help || undefined}
        rows={2}
        maxLength={500}
        error={errorFor(itemKey(it.key, 'what'))}
      />
      <ScannedText
        {...scannedProps(form, draft, itemKey(it.key, 'why'))}
        id={`${base}-why`}
        label={why.text}
        description={why.help || undefined}
        rows={3}
        maxLength={1000}
        error={errorFor(itemKey(it.key, 'why'))}
      />
      {episodes.length > 0 && (
        <SelectField
          id={`${base}-episode`}
          label={t('reflectionForm.items.episode')}
          description={t('reflectionForm.items.episodeHelp')}
          value={it.episode_id ?? ''}
          onChange={(v) => form.change((d) => setItemEpisode(d, it.key, v))}
          emptyLabel={t('reflectionForm.items.episodeNone')}
          options={episodes.map((e) => ({ value: e.id, label: episodeLabel(t, e) }))}
        />
      )}
      <CodeSuggestions id={`${base}-suggestions`} networkId={networkId} text={`${it.what}\n${it.why}`} chosen={chosen} onPick={add} full={full} />
      <CodePicker
        id={pickerId}
        networkId={networkId}
        label={codes.text}
        description={codes.help || undefined}
        error={errorFor(itemKey(it.key, 'codes'))}
        chosen={chosen}
        full={full}
        onPick={add}
      />
      <CodeTags
        id={`${base}-tags`}
        label={t('reflectionForm.tags.label', { n })}
        codes={it.codes}
        onRemove={(id) => {
          form.change((d) => removeItemCode(d, it.key, id));
          document.getElementById(pickerId)?.focus();
        }}
        onEffect={(id, effect) => form.change((d) => setItemEffect(d, it.key, id, effect))}
      />
      <div className="leerlus-entry__tools">
        <Button
          id={`${base}-up`}
          appearance="secondary-action-button"
          aria-label={t('reflectionForm.items.upNamed', { n })}
          disabled={index === 0}
          onClick={() => onMove(it, -1)}
        >
          {t('caseForm.timeline.up')}
        </Button>
        <Button
          id={`${base}-down`}
          appearance="secondary-action-button"
          aria-label={t('reflectionForm.items.downNamed', { n })}
          disabled={index === count - 1}
          onClick={() => onMove(it, 1)}
        >
          {t('caseForm.timeline.down')}
        </Button>
        <RemoveButton
          blank={isBlankItem(it)}
          name={t('reflectionForm.items.removeNamed', { n })}
          question={t('reflectionForm.items.removeQuestion', { n })}
          onRemove={() => onRemove(it)}
        />
      </div>
    </section>
  );
}
