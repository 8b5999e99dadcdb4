import { useTranslation } from 'react-i18next';
import {
  Heading,
  Paragraph,
  StatusBadge,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { perspectiveLabel } from '../../components/labels';
import { effectSigns } from '../cases/Timeline';
import { effectCountLabel, effectsOf, formatScore, groupCodes, ratingColumns } from './comparison';
import { codeLabel, questionLabel } from './labels';
import type { CodeComparison, RatingComparison } from '../../api/reflections';

/** CodeList shows each code with how every perspective that named it saw it, in words and signs. */
function CodeList({ codes }: { codes: CodeComparison[] }) {
  const { t, i18n } = useTranslation();
  return (
    <UnorderedList className="leerlus-compare__codes">
      {codes.map((c) => (
        <UnorderedListItem key={c.code.id} data-agreement={c.agreement} data-code={c.code.key}>
          <span className="leerlus-compare__code">{codeLabel(c.code, i18n.language)}</span>
          <UnorderedList className="leerlus-inline-list leerlus-compare__views">
            {c.views.map((v) => (
              <UnorderedListItem key={v.perspective} data-perspective={v.perspective}>
                {perspectiveLabel(t, v.perspective)}:{' '}
                {effectsOf(v).map((e, i) => (
                  <span key={e.effect}>
                    {i > 0 && ` ${t('reflections.compare.and')} `}
                    <span className="leerlus-code-tag__effect" data-effect={e.effect}>
                      <span aria-hidden="true">{effectSigns[e.effect]} </span>
                      {effectCountLabel(t, e)}
                    </span>
                  </span>
                ))}
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </UnorderedListItem>
      ))}
    </UnorderedList>
  );
}

/** RatingTable shows each rating question's score per perspective, a difference of two points or more marked in words. */
function RatingTable({ ratings }: { ratings: RatingComparison[] }) {
  const { t, i18n } = useTranslation();
  const columns = ratingColumns(ratings);
  const differs = (r: RatingComparison) =>
    r.agreement === 'differ' ? (
      <StatusBadge status="warning" className="leerlus-badge leerlus-badge--differ">
        {t('reflections.compare.ratingDiffer')}
      </StatusBadge>
    ) : (
      t(r.agreement === 'agree' ? 'reflections.compare.ratingAgree' : 'reflections.compare.ratingSingle')
    );
  return (
    <>
      <Heading level={4}>{t('reflections.compare.ratings')}</Heading>
      <Paragraph>{t('reflections.compare.ratingsIntro')}</Paragraph>
      <div className="leerlus-table-scroll" tabIndex={0} role="region" aria-label={t('reflections.compare.ratings')}>
        <Table className="leerlus-compare__ratings">
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('reflections.compare.question')}</TableHeaderCell>
              {columns.map((p) => (
                <TableHeaderCell key={p} scope="col">
                  {perspectiveLabel(t, p)}
                </TableHeaderCell>
              ))}
              <TableHeaderCell scope="col">{t('reflections.compare.difference')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {ratings.map((r) => (
              <TableRow key={r.question} data-agreement={r.agreement} data-question={r.question}>
                <TableHeaderCell scope="row" data-label={t('reflections.compare.question')}>
                  {questionLabel(t, r.question)}
                </TableHeaderCell>
                {columns.map((p) => {
                  const s = r.scores.find((x) => x.perspective === p);
                  return (
                    <TableCell key={p} data-label={perspectiveLabel(t, p)}>
                      {s ? t('reflections.compare.score', { score: formatScore(i18n.language, s.score) }) : t('reflections.compare.noScore')}
                    </TableCell>
                  );
                })}
                <TableCell data-label={t('reflections.compare.difference')}>{differs(r)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </>
  );
}

/**
 * Comparison shows where the perspectives on a case differ and agree:
 * first the codes one perspective saw as helping and another as hindering,
 * then those they agree on, then those only one named; and the ratings
 * side by side. Only published reflections count (the server says so).
 */
export function Comparison({ codes, ratings }: { codes: CodeComparison[]; ratings: RatingComparison[] }) {
  const { t } = useTranslation();
  const groups = groupCodes(codes);
  return (
    <section aria-labelledby="reflections-compare-title" className="leerlus-compare">
      <Heading level={3} id="reflections-compare-title">
        {t('reflections.compare.title')}
      </Heading>
      <Paragraph>{t('reflections.compare.intro')}</Paragraph>
      {codes.length === 0 && <Paragraph>{t('reflections.compare.noCodes')}</Paragraph>}
      {groups.differ.length > 0 && (
        <div className="leerlus-compare__group" data-agreement="differ">
          <Heading level={4}>{t('reflections.compare.differ')}</Heading>
          <Paragraph>{t('reflections.compare.differIntro')}</Paragraph>
          <CodeList codes={groups.differ} />
        </div>
      )}
      {groups.agree.length > 0 && (
        <div className="leerlus-compare__group" data-agreement="agree">
          <Heading level={4}>{t('reflections.compare.agree')}</Heading>
          <CodeList codes={groups.agree} />
        </div>
      )}
      {groups.single.length > 0 && (
        <details className="leerlus-details leerlus-compare__group" data-agreement="single">
          <summary className="leerlus-details__summary">{t('reflections.compare.single', { count: groups.single.length })}</summary>
          <CodeList codes={groups.single} />
        </details>
      )}
      {ratings.length > 0 && <RatingTable ratings={ratings} />}
    </section>
  );
}
