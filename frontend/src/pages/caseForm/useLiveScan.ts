import { useCallback, useEffect, useRef, useState } from 'react';
import { caseApi } from '../../api/cases';
import type { Finding } from './findings';
import type { TextKey } from './model';

/**
 * Scan is what the anonymiser found in one text. fresh means it is the
 * answer of the scan endpoint for exactly that text, with every finding
 * (also those the author decided on); a stale one came from elsewhere (a
 * refused write, or findings moved along after a replacement) and is good
 * to show but not to place decisions on.
 */
export interface Scan {
  text: string;
  findings: Finding[];
  fresh: boolean;
}

export type Scans = Partial<Record<TextKey, Scan>>;

/** scanDelay is how long typing must pause before a text is checked. */
export const scanDelay = 400;

/**
 * useLiveScan checks each free text of a case a short while after it
 * changed, and answers the findings per text. scanNow gives a fresh scan
 * of an exact text (used right before saving it).
 */
export function useLiveScan(caseId: string, texts: Partial<Record<TextKey, string>>) {
  const [scans, setScans] = useState<Scans>({});
  const scansRef = useRef(scans);
  scansRef.current = scans;

  const put = useCallback((key: TextKey, scan: Scan) => {
    setScans((s) => ({ ...s, [key]: scan }));
    scansRef.current = { ...scansRef.current, [key]: scan };
  }, []);

  const scanNow = useCallback(
    async (key: TextKey, text: string): Promise<Finding[]> => {
      const known = scansRef.current[key];
      if (known?.fresh && known.text === text) return known.findings;
      const findings = text.trim() === '' ? [] : await caseApi.scan(caseId, text);
      put(key, { text, findings, fresh: true });
      return findings;
    },
    [caseId, put],
  );

  // Texts are compared by value, so a render with the same texts does not restart the timer.
  const signature = JSON.stringify(texts);
  useEffect(() => {
    const changed = (Object.entries(texts) as [TextKey, string][]).filter(([key, text]) => {
      const known = scansRef.current[key];
      return known ? known.text !== text : text.trim() !== '';
    });
    if (changed.length === 0) return;
    const timer = window.setTimeout(() => {
      for (const [key, text] of changed) {
        // A failed check (no connection) shows nothing new; saving will tell.
        scanNow(key, text).catch(() => undefined);
      }
    }, scanDelay);
    return () => window.clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [signature, scanNow]);

  /** known seeds a text whose findings are settled (stored on the server), so it is not checked until it changes. */
  const known = useCallback((key: TextKey, text: string) => put(key, { text, findings: [], fresh: false }), [put]);

  return { scans, scanNow, put, known };
}
