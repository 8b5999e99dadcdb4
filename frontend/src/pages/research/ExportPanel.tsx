import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { toApiError } from '../../api/problem';
import type { ExportKind } from '../../api/research';
import { describeError } from '../../components/errors';
import { exportUrl, type ResearchFilters } from './filters';
import { filenameOf, formatBytes, readWithProgress, saveBlob, type Progress, type RowFormat } from './stream';

interface ExportChoice {
  id: string;
  kind: ExportKind;
  excel?: boolean;
  format: RowFormat;
}

const choices: ExportChoice[] = [
  { id: 'codings-csv', kind: 'codings.csv', format: 'csv' },
  { id: 'codings-excel', kind: 'codings.csv', excel: true, format: 'csv' },
  { id: 'codings-json', kind: 'codings.json', format: 'json' },
  { id: 'lessons-csv', kind: 'lessons.csv', format: 'csv' },
  { id: 'lessons-json', kind: 'lessons.json', format: 'json' },
  { id: 'qdpx', kind: 'project.qdpx', format: 'binary' },
];

type State =
  | { step: 'idle' }
  | { step: 'running'; id: string; progress: Progress }
  | { step: 'done'; id: string; name: string; progress: Progress }
  | { step: 'failed'; id: string; message: string };

/**
 * ExportPanel downloads the published material under the current filters
 * as CSV (also for Excel: a byte-order mark and ";"), JSON or a REFI-QDA
 * project. The download streams through fetch, so the panel shows the
 * bytes and rows received as they come (and a share when the size is
 * known), then saves the file. One export runs at a time; it can be
 * stopped. The server writes every export to the audit log.
 */
export function ExportPanel({ filters, headingId }: { filters: ResearchFilters; headingId: string }) {
  const { t, i18n } = useTranslation();
  const [state, setState] = useState<State>({ step: 'idle' });
  const abort = useRef<AbortController | null>(null);
  const run = async (c: ExportChoice) => {
    const ctl = new AbortController();
    abort.current = ctl;
    setState({ step: 'running', id: c.id, progress: { bytes: 0 } });
    try {
      const res = await fetch(exportUrl(c.kind, filters, c.excel), { credentials: 'same-origin', signal: ctl.signal });
      if (!res.ok) {
        const body: unknown = await res.json().catch(() => undefined);
        throw toApiError(res, body);
      }
      const blob = await readWithProgress(res, c.format, (progress) => setState({ step: 'running', id: c.id, progress }));
      const name = filenameOf(res.headers.get('Content-Disposition'), `leerlus-${c.kind}`);
      saveBlob(blob, name);
      setState((s) => ({ step: 'done', id: c.id, name, progress: s.step === 'running' ? s.progress : { bytes: blob.size } }));
    } catch (e) {
      if (ctl.signal.aborted) {
        setState({ step: 'failed', id: c.id, message: t('research.export.stopped') });
      } else {
        setState({ step: 'failed', id: c.id, message: describeError(t, e) });
      }
    } finally {
      abort.current = null;
    }
  };
  const running = state.step === 'running';
  const progressText = (p: Progress) =>
    [
      t('research.export.bytes', { size: formatBytes(i18n.language, p.bytes) }),
      p.rows !== undefined ? t('research.export.rows', { count: p.rows }) : '',
      p.percent !== undefined ? t('research.export.percent', { percent: p.percent }) : '',
    ]
      .filter(Boolean)
      .join(', ');
  return (
    <section aria-labelledby={headingId} className="leerlus-research-section leerlus-export">
      <Heading level={2} id={headingId}>
        {t('research.export.title')}
      </Heading>
      <Paragraph>{t('research.export.intro')}</Paragraph>
      <ButtonGroup className="leerlus-export__buttons">
        {choices.map((c) => (
          <Button key={c.id} appearance="secondary-action-button" disabled={running} busy={running && state.id === c.id} onClick={() => void run(c)}>
            {t(`research.export.kinds.${c.id}`)}
          </Button>
        ))}
      </ButtonGroup>
      {/* Only the start, the end and a failure are announced; the running figures would be read out on every chunk. */}
      <div role="status" className="leerlus-export__status">
        {state.step === 'running' && <Paragraph>{t('research.export.running', { name: t(`research.export.kinds.${state.id}`) })}</Paragraph>}
        {state.step === 'done' && <Paragraph>{t('research.export.done', { name: state.name, progress: progressText(state.progress) })}</Paragraph>}
        {state.step === 'failed' && <Paragraph className="leerlus-export__error">{state.message}</Paragraph>}
      </div>
      {state.step === 'running' && (
        <div className="leerlus-export__running">
          {state.progress.percent !== undefined ? (
            <progress max={100} value={state.progress.percent} aria-label={t('research.export.progressLabel')} />
          ) : (
            <progress aria-label={t('research.export.progressLabel')} />
          )}
          <Paragraph className="leerlus-export__progress" data-bytes={state.progress.bytes}>
            {progressText(state.progress)}
          </Paragraph>
        </div>
      )}
      {running && (
        <Button appearance="subtle-button" onClick={() => abort.current?.abort()}>
          {t('research.export.stop')}
        </Button>
      )}
    </section>
  );
}
