import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Paragraph } from '@utrecht/component-library-react';
import { matched, segments, type Finding } from './findings';
import './caseForm.css';

export interface FindingListProps {
  /** id of the region, which the text field names in aria-describedby */
  id: string;
  text: string;
  /** the findings still open in text (decided ones left out) */
  open: Finding[];
  decidedCount: number;
  onReplace: (f: Finding) => void;
  onDecide: (f: Finding) => void;
  /** context words what the text belongs to where it matters ("reflection"; a case by default), as an i18next context */
  context?: string | undefined;
}

/**
 * FindingList shows, under a text field, what the anonymiser found: the
 * text with the findings marked, and per finding its type in plain words
 * and one-click answers. Direct identifiers are errors, quasi-identifiers
 * softer warnings — in words as well as colour. A polite live region says
 * how many there are, so screen reader users hear it while they type.
 */
export function FindingList({ id, text, open, decidedCount, onReplace, onDecide, context }: FindingListProps) {
  const { t } = useTranslation();
  const typeLabel = (f: Finding) => t(`caseForm.findingTypes.${f.type}`, { defaultValue: f.type });
  // After findings were there and are all dealt with, say so once.
  const [hadFindings, setHadFindings] = useState(false);
  if (open.length > 0 && !hadFindings) setHadFindings(true);
  const announce = open.length > 0 ? t('caseForm.findings.found', { count: open.length }) : hadFindings ? t('caseForm.findings.cleared') : '';
  return (
    <div id={id} className="leerlus-findings">
      <div role="status" className="leerlus-findings__count">
        {announce && <Paragraph className={open.length ? 'leerlus-findings__alert' : ''}>{announce}</Paragraph>}
      </div>
      {open.length > 0 && (
        <>
          <Paragraph className="leerlus-findings__preview-label">{t('caseForm.findings.preview')}</Paragraph>
          <p className="leerlus-findings__preview">
            {segments(text, open).map((s, i) =>
              s.finding ? (
                <mark key={i} className={s.finding.direct ? 'leerlus-mark leerlus-mark--direct' : 'leerlus-mark leerlus-mark--quasi'}>
                  {s.text}
                  <span className="leerlus-mark__type"> ({typeLabel(s.finding)}, {t(s.finding.direct ? 'caseForm.findings.directMark' : 'caseForm.findings.quasiMark')})</span>
                </mark>
              ) : (
                <span key={i}>{s.text}</span>
              ),
            )}
          </p>
          <ul className="leerlus-findings__list">
            {open.map((f) => (
              <li
                key={`${f.type}-${f.start}-${f.end}`}
                className={f.direct ? 'leerlus-finding leerlus-finding--direct' : 'leerlus-finding leerlus-finding--quasi'}
              >
                <p className="leerlus-finding__what">
                  <strong>{t('caseForm.findings.item', { type: capitalise(typeLabel(f)), text: matched(text, f) })}</strong>
                </p>
                <p className="leerlus-finding__why">{t(f.direct ? 'caseForm.findings.direct' : 'caseForm.findings.quasi', { context })}</p>
                <span className="utrecht-button-group leerlus-finding__actions">
                  {f.tag && (
                    <Button appearance="primary-action-button" onClick={() => onReplace(f)}>
                      {t('caseForm.findings.replace', { tag: f.tag })}
                    </Button>
                  )}
                  <Button appearance="secondary-action-button" onClick={() => onDecide(f)}>
                    {t(f.direct ? 'caseForm.findings.dismiss' : 'caseForm.findings.confirm')}
                  </Button>
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {decidedCount > 0 && (
        <Paragraph className="leerlus-findings__decided">{t('caseForm.findings.decided', { count: decidedCount })}</Paragraph>
      )}
    </div>
  );
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
