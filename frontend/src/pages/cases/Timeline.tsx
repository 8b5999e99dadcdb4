import { useTranslation } from 'react-i18next';
import { Heading, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { MarkedText } from './MarkedText';
import { marksOf } from './highlight';
import { effectOf, groupByPhase, type Effect } from './timeline';
import type { Episode } from '../../api/types';
import type { Vocabulary } from '../../api/vocabulary';

/** effectSigns: each effect has its own shape and sign, so colour is never the only cue (also for the codes of a reflection). */
export const effectSigns: Record<Effect, string> = { helped: '✓', hindered: '✕', neutral: '–', unknown: '?' };

function EffectWords({ episode, vocabulary }: { episode: Episode; vocabulary: Vocabulary }) {
  const { t } = useTranslation();
  const effect = effectOf(episode);
  return (
    <span className="leerlus-effect" data-effect={effect}>
      <span className="leerlus-effect__sign" aria-hidden="true">
        {effectSigns[effect]}
      </span>{' '}
      {effect === 'unknown' ? t('cases.timeline.effectUnknown') : vocabulary.label('effect', effect)}
    </span>
  );
}

/**
 * TimelinePicture draws the key episodes on a line, under their phase.
 * It repeats what the table below says, so it is hidden from screen
 * readers; the table is the accessible (and printed) form.
 */
function TimelinePicture({ episodes, vocabulary }: { episodes: Episode[]; vocabulary: Vocabulary }) {
  const { t } = useTranslation();
  const groups = groupByPhase(episodes, vocabulary.codes('phase'));
  return (
    <div className="leerlus-timeline" aria-hidden="true" data-testid="timeline-picture">
      <ol className="leerlus-timeline__line">
        {groups.map((g) => (
          <li key={g.phase ?? 'none'} className="leerlus-timeline__phase" data-phase={g.phase ?? 'none'}>
            <span className="leerlus-timeline__phase-name">{g.phase ? vocabulary.label('phase', g.phase) : t('cases.timeline.noPhase')}</span>
            <span className="leerlus-timeline__episodes">
              {g.episodes.map((e) => (
                <span key={e.id} className="leerlus-timeline__episode" data-effect={effectOf(e)}>
                  <span className="leerlus-timeline__marker">
                    <span>{e.position}</span>
                  </span>
                  <EffectWords episode={e} vocabulary={vocabulary} />
                </span>
              ))}
            </span>
          </li>
        ))}
      </ol>
      <p className="leerlus-timeline__legend">
        {(['helped', 'hindered', 'neutral'] as const).map((effect) => (
          <span key={effect} className="leerlus-effect" data-effect={effect}>
            <span className="leerlus-timeline__marker leerlus-timeline__marker--small" data-effect={effect} />
            {effectSigns[effect]} {vocabulary.label('effect', effect)}
          </span>
        ))}
      </p>
    </div>
  );
}

/** Timeline shows a case's key episodes as a picture by phase and as a table. */
export function Timeline({ episodes, vocabulary }: { episodes: Episode[]; vocabulary: Vocabulary }) {
  const { t } = useTranslation();
  const sorted = [...episodes].sort((a, b) => a.position - b.position);
  return (
    <section aria-labelledby="case-timeline-title" className="leerlus-case-timeline">
      <Heading level={2} id="case-timeline-title">
        {t('cases.timeline.title')}
      </Heading>
      {sorted.length === 0 ? (
        <Paragraph>{t('cases.timeline.none')}</Paragraph>
      ) : (
        <>
          <Paragraph>{t('cases.timeline.intro')}</Paragraph>
          <TimelinePicture episodes={sorted} vocabulary={vocabulary} />
          <div className="leerlus-table-scroll" tabIndex={0} role="region" aria-label={t('cases.timeline.tableLabel')}>
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('cases.timeline.number')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('cases.timeline.phase')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('cases.timeline.whatHappened')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('cases.timeline.duration')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('cases.timeline.effect')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {sorted.map((e) => (
                  <TableRow key={e.id} data-effect={effectOf(e)}>
                    <TableCell data-label={t('cases.timeline.number')}>{e.position}</TableCell>
                    <TableCell data-label={t('cases.timeline.phase')}>
                      {e.phase ? vocabulary.label('phase', e.phase) : t('cases.timeline.noPhase')}
                    </TableCell>
                    <TableCell data-label={t('cases.timeline.whatHappened')} className="leerlus-case-text">
                      <MarkedText text={e.what_happened} marks={marksOf(e.marks, '/what_happened')} />
                    </TableCell>
                    <TableCell data-label={t('cases.timeline.duration')}>
                      {vocabulary.label('episode_duration', e.duration) || t('cases.unknown')}
                    </TableCell>
                    <TableCell data-label={t('cases.timeline.effect')}>
                      <EffectWords episode={e} vocabulary={vocabulary} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </>
      )}
    </section>
  );
}
