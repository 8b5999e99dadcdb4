import { useTranslation } from 'react-i18next';
import { markSegments } from './highlight';
import { findingTypeLabel } from './labels';
import type { Mark } from '../../api/types';

/**
 * MarkedText shows a case text with the author's decisions on the
 * anonymiser's findings in place: a dismissed identifier stands out (the
 * facilitator checks it), a confirmed quasi-identifier is shown softer.
 * The kind is said in words for screen readers and shown by border and
 * tag, not by colour alone.
 */
export function MarkedText({ text, marks }: { text: string; marks?: readonly Mark[] | undefined }) {
  const { t } = useTranslation();
  if (!marks?.length) return <>{text}</>;
  return (
    <>
      {markSegments(text, marks).map((s, i) => {
        if (!s.mark) return <span key={i}>{s.text}</span>;
        const type = findingTypeLabel(t, s.mark.type);
        const said = t(s.mark.kind === 'dismissed' ? 'cases.marks.dismissed' : 'cases.marks.confirmed', { type });
        return (
          <mark
            key={i}
            className={`leerlus-mark leerlus-mark--${s.mark.kind}`}
            data-mark-id={s.mark.id}
            data-kind={s.mark.kind}
            title={said}
          >
            <span className="leerlus-visually-hidden">{`[${said}] `}</span>
            {s.text}
            <span className="leerlus-mark__tag" aria-hidden="true">
              {type}
            </span>
          </mark>
        );
      })}
    </>
  );
}
