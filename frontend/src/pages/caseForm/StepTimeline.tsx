import { useState } from 'react';
import { useListFocus } from '../../components/useListFocus';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { SelectField } from '../../components/fields';
import { ConfirmButton } from '../../components/ConfirmButton';
import { StatusMessage } from '../../components/states';
import { RadioGroup } from './ChoiceFields';
import { ScannedText } from './ScannedText';
import { episodeKey, type EpisodeDraft } from './model';
import type { StepProps } from './stepProps';

interface EpisodeProps extends StepProps {
  episode: EpisodeDraft;
  index: number;
  count: number;
  onMove: (index: number, delta: number) => void;
  onRemove: (id: string) => void;
}

function EpisodeEditor({ form, draft, vocab, errorFor, episode: e, index, count, onMove, onRemove }: EpisodeProps) {
  const { t } = useTranslation();
  const n = index + 1;
  const key = episodeKey(e.id);
  const err = (field: string) => errorFor(`/episodes/${index}/${field}`);
  const headingId = `episode-${e.id}-heading`;
  return (
    <section className="leerlus-episode" aria-labelledby={headingId}>
      <Heading level={3} id={headingId}>
        {t('caseForm.timeline.episode', { n })}
      </Heading>
      <SelectField
        id={`episode-${e.id}-phase`}
        label={t('caseForm.fields.phase')}
        value={e.phase}
        onChange={(v) => form.setEpisodeField(e.id, 'phase', v)}
        emptyLabel={t('form.choose')}
        options={vocab.options('phase')}
        error={err('phase')}
      />
      <ScannedText
        id={`episode-${e.id}-text`}
        label={t('caseForm.fields.whatHappened')}
        description={t('caseForm.fields.whatHappenedHelp')}
        maxLength={2000}
        value={e.what_happened}
        onChange={(v) => form.setText(key, v)}
        scan={form.scans[key]}
        decisions={draft.decisions[key] ?? []}
        onReplace={(x) => form.replace(key, x)}
        onDecide={(x) => form.decideOn(key, x)}
        error={err('what_happened')}
      />
      <SelectField
        id={`episode-${e.id}-duration`}
        label={t('caseForm.fields.episodeDuration')}
        value={e.duration}
        onChange={(v) => form.setEpisodeField(e.id, 'duration', v)}
        emptyLabel={t('form.choose')}
        options={vocab.options('episode_duration')}
        error={err('duration')}
      />
      <RadioGroup
        id={`episode-${e.id}-effect`}
        legend={t('caseForm.fields.effect')}
        options={vocab.options('effect')}
        value={e.effect}
        onChange={(v) => form.setEpisodeField(e.id, 'effect', v)}
        error={err('effect')}
      />
      <div className="leerlus-episode__tools">
        <Button
          id={`episode-${e.id}-up`}
          appearance="secondary-action-button"
          aria-label={t('caseForm.timeline.upNamed', { n })}
          disabled={index === 0}
          onClick={() => onMove(index, -1)}
        >
          {t('caseForm.timeline.up')}
        </Button>
        <Button
          id={`episode-${e.id}-down`}
          appearance="secondary-action-button"
          aria-label={t('caseForm.timeline.downNamed', { n })}
          disabled={index === count - 1}
          onClick={() => onMove(index, 1)}
        >
          {t('caseForm.timeline.down')}
        </Button>
        <ConfirmButton
          label={t('caseForm.timeline.remove')}
          accessibleLabel={t('caseForm.timeline.removeNamed', { n })}
          question={t('caseForm.timeline.removeQuestion', { n })}
          confirmLabel={t('caseForm.timeline.removeYes')}
          onConfirm={() => onRemove(e.id)}
        />
      </div>
    </section>
  );
}

/**
 * StepTimeline is step 3: the key episodes. Adding, moving and removing
 * are saved at once; moving keeps the focus on the button used (or its
 * twin at the end of the list) and says the new place.
 */
export function StepTimeline(props: StepProps) {
  const { t } = useTranslation();
  const { form, draft, errorFor } = props;
  const { message, say: setMessage, focus: setFocusId } = useListFocus(draft.episodes);
  const [busy, setBusy] = useState(false);

  const move = (index: number, delta: number) => {
    const e = draft.episodes[index];
    if (!e) return;
    const to = index + delta;
    const atEnd = to === 0 || to === draft.episodes.length - 1;
    setFocusId(`episode-${e.id}-${atEnd ? (delta < 0 ? 'down' : 'up') : delta < 0 ? 'up' : 'down'}`);
    setMessage(t('caseForm.timeline.moved', { n: to + 1 }));
    void form.move(index, delta);
  };
  const add = async () => {
    setBusy(true);
    const id = await form.addEpisode();
    setBusy(false);
    if (id) {
      setMessage(t('caseForm.timeline.added', { n: draft.episodes.length + 1 }));
      setFocusId(`episode-${id}-phase`);
    }
  };
  const remove = async (id: string) => {
    await form.removeEpisode(id);
    setMessage(t('caseForm.timeline.removed'));
    setFocusId('episode-add');
  };
  return (
    <>
      <Paragraph>{t('caseForm.timeline.intro')}</Paragraph>
      {errorFor('episodes') && (
        <Paragraph className="utrecht-form-field-error-message" id="episodes-error">
          {errorFor('episodes')}
        </Paragraph>
      )}
      {draft.episodes.length === 0 && <Paragraph>{t('caseForm.timeline.empty')}</Paragraph>}
      {draft.episodes.map((e, i) => (
        <EpisodeEditor key={e.id} {...props} episode={e} index={i} count={draft.episodes.length} onMove={move} onRemove={(x) => void remove(x)} />
      ))}
      <Button id="episode-add" appearance="secondary-action-button" busy={busy} onClick={() => void add()}>
        {t('caseForm.timeline.add')}
      </Button>
      <StatusMessage message={message} />
    </>
  );
}
