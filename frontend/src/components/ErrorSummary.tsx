import { useEffect, useRef, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Heading, Link, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';

export interface SummaryItem {
  /** id of the field to jump to; without it the item is plain text. */
  id?: string;
  label?: string;
  message: string;
}

export interface ErrorSummaryProps {
  items: SummaryItem[];
  /** message is a problem with the form as a whole. */
  message?: string | null;
  /** attempt changes on every failed submit, so the summary takes the focus again. */
  attempt: number;
}

/**
 * ErrorSummary lists what to fix at the top of a form, with links to the
 * fields (NL Design System error summary pattern). It takes the focus when
 * it appears, so keyboard and screen reader users hear it first.
 */
export function ErrorSummary({ items, message, attempt }: ErrorSummaryProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const show = items.length > 0 || Boolean(message);
  useEffect(() => {
    if (show && attempt > 0) ref.current?.focus();
  }, [attempt, show]);
  if (!show) return null;
  const jump = (id: string) => (e: MouseEvent<HTMLAnchorElement>) => {
    const el = document.getElementById(id);
    if (!el) return;
    e.preventDefault();
    el.focus();
    el.scrollIntoView?.({ block: 'center' });
  };
  return (
    <div ref={ref} tabIndex={-1} className="leerlus-error-summary" aria-labelledby="error-summary-heading">
      <Alert type="error">
        <Heading level={2} id="error-summary-heading" appearance="utrecht-heading-3">
          {t('form.summaryTitle')}
        </Heading>
        {message && <Paragraph>{message}</Paragraph>}
        {items.length > 0 && (
          <UnorderedList>
            {items.map((item, i) => (
              <UnorderedListItem key={`${item.id ?? 'form'}-${i}`}>
                {item.id ? (
                  <Link href={`#${item.id}`} onClick={jump(item.id)}>
                    {item.label ? `${item.label}: ${item.message}` : item.message}
                  </Link>
                ) : item.label ? (
                  `${item.label}: ${item.message}`
                ) : (
                  item.message
                )}
              </UnorderedListItem>
            ))}
          </UnorderedList>
        )}
      </Alert>
    </div>
  );
}
