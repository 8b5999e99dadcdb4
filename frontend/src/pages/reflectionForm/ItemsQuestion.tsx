import { useTranslation } from 'react-i18next';
import { Button, Paragraph } from '@utrecht/component-library-react';
import { StatusMessage } from '../../components/states';
import { ItemEntry } from './ItemEntry';
import { addItem, moveItem, newKey, questionKey, removeItem, type ItemDraft } from './model';
import { QuestionHeading } from './QuestionHeading';
import type { QuestionProps } from './questionProps';
import { useListFocus } from '../../components/useListFocus';

/** maxItems is how many entries a reflection holds at most, over all its list questions (as the server allows). */
export const maxItems = 40;

/**
 * ItemsQuestion is a question answered with a list of entries (what
 * worked, what did not): add, move and remove entries. Adding puts the
 * focus in the new entry; moving keeps it on the button used and says the
 * new place.
 */
export function ItemsQuestion(props: QuestionProps) {
  const { t } = useTranslation();
  const { form, draft, question: q } = props;
  const { message, say, focus } = useListFocus(draft.items);
  const items = draft.items.filter((it) => it.question === q.key);
  const addId = `${q.key}-add`;

  const add = () => {
    const key = newKey();
    form.change((d) => addItem(d, q.key, key));
    say(t('reflectionForm.items.added', { n: items.length + 1 }));
    focus(`item-${key}-what`);
  };
  const move = (it: ItemDraft, delta: number) => {
    const to = items.indexOf(it) + delta;
    const atEnd = to === 0 || to === items.length - 1;
    form.change((d) => moveItem(d, it.key, delta));
    say(t('reflectionForm.items.moved', { n: to + 1 }));
    focus(`item-${it.key}-${atEnd ? (delta < 0 ? 'down' : 'up') : delta < 0 ? 'up' : 'down'}`);
  };
  const remove = (it: ItemDraft) => {
    form.change((d) => removeItem(d, it.key));
    say(t('reflectionForm.items.removed'));
    focus(addId);
  };
  return (
    <section className="leerlus-question" aria-labelledby={`${q.key}-heading`}>
      <QuestionHeading {...props} error={props.errorFor(questionKey(q.key))} />
      {items.length === 0 && <Paragraph>{t('reflectionForm.items.empty')}</Paragraph>}
      {items.map((it, i) => (
        <ItemEntry key={it.key} {...props} item={it} index={i} count={items.length} onMove={move} onRemove={remove} />
      ))}
      <Button id={addId} appearance="secondary-action-button" disabled={draft.items.length >= maxItems} onClick={add}>
        {t(items.length ? 'reflectionForm.items.addMore' : 'reflectionForm.items.add')}
      </Button>
      <StatusMessage message={message} />
    </section>
  );
}
