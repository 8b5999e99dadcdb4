import { useTranslation } from 'react-i18next';
import { effectSigns } from '../cases/Timeline';
import { codeLabel, effectLabel } from './labels';
import type { CodeRef, CodingEffect } from '../../api/reflections';

/**
 * CodeTag shows a code of the codebook as a tag; with an effect, it says in
 * words (and with a sign, not by colour alone) whether it helped or
 * hindered. A retired code stays readable in old material, marked as such.
 */
export function CodeTag({ code, effect }: { code: CodeRef; effect?: CodingEffect }) {
  const { t, i18n } = useTranslation();
  return (
    <span className="leerlus-code-tag" data-effect={effect} data-code={code.key}>
      {effect && (
        <span className="leerlus-effect__sign" aria-hidden="true">
          {effectSigns[effect]}{' '}
        </span>
      )}
      {codeLabel(code, i18n.language)}
      {code.retired && ` (${t('reflections.retired')})`}
      {effect && (
        <>
          {': '}
          <span className="leerlus-code-tag__effect">{effectLabel(t, effect)}</span>
        </>
      )}
    </span>
  );
}

/** CodeTags lists the codes of an item (with their effect) or of a lesson, named as codes for screen readers. */
export function CodeTags({ tags }: { tags: readonly { code: CodeRef; effect?: CodingEffect }[] }) {
  const { t } = useTranslation();
  if (tags.length === 0) return null;
  return (
    <span className="leerlus-code-tags">
      <span className="leerlus-visually-hidden">{t('reflections.codes')}: </span>
      {tags.map((c) => (
        <CodeTag key={c.code.id} code={c.code} {...(c.effect ? { effect: c.effect } : {})} />
      ))}
    </span>
  );
}
