import { useCallback, useEffect, useRef, useState } from 'react';
import { caseApi } from '../../api/cases';
import { replaceFinding, type Finding } from './findings';
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

export type Scans<K extends string = TextKey> = Partial<Record<K, Scan>>;

/** scanDelay is how long typing must pause before a text is checked. */
export const scanDelay = 400;

/**
 * useLiveScan checks each free text of a case a short while after it
 * changed, with the case's numbering of tags.
 */
export function useLiveScan(caseId: string, texts: Partial<Record<TextKey, string>>) {
  const scanText = useCallback((text: string) => caseApi.scan(caseId, text), [caseId]);
  return useTextScan<TextKey>(scanText, texts);
}

/**
 * useTextScan checks each free text of a form a short while after it
 * changed, and answers the findings per text (by the form's own keys).
 * scanText asks the server (the case's or the reflection's scan route);
 * scanNow gives a fresh scan of an exact text (used right before saving
 * it).
 */
export function useTextScan<K extends string>(scanText: (text: string) => Promise<Finding[]>, texts: Partial<Record<K, string>>) {
  const [scans, setScans] = useState<Scans<K>>({});
  const scansRef = useRef(scans);
  scansRef.current = scans;

  const put = useCallback((key: K, scan: Scan) => {
    setScans((s) => ({ ...s, [key]: scan }));
    scansRef.current = { ...scansRef.current, [key]: scan };
  }, []);

  const scanNow = useCallback(
    async (key: K, text: string): Promise<Finding[]> => {
      const known = scansRef.current[key];
      if (known?.fresh && known.text === text) return known.findings;
      const findings = text.trim() === '' ? [] : await scanText(text);
      put(key, { text, findings, fresh: true });
      return findings;
    },
    [scanText, put],
  );

  // Texts are compared by value, so a render with the same texts does not restart the timer.
  const signature = JSON.stringify(texts);
  useEffect(() => {
    const changed = (Object.entries(texts) as [K, string][]).filter(([key, text]) => {
      const known: Scan | undefined = scansRef.current[key];
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
  const known = useCallback((key: K, text: string) => put(key, { text, findings: [], fresh: false }), [put]);

  /**
   * replace puts a finding's tag in place of its words in text (the text's
   * words now) and hands the new text to write; the other findings move
   * along and stay shown until the new text is checked.
   */
  const replace = useCallback(
    (key: K, text: string, f: Finding, write: (text: string) => void) => {
      const s = scansRef.current[key];
      if (!s || s.text !== text) return;
      const r = replaceFinding(text, f, s.findings);
      write(r.text);
      put(key, { text: r.text, findings: r.findings, fresh: false });
      scanNow(key, r.text).catch(() => undefined);
    },
    [put, scanNow],
  );

  return { scans, scanNow, put, known, replace };
}
