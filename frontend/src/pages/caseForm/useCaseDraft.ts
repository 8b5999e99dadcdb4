import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { isApiError, isFindingsError, toFieldProblems, type FieldProblems } from '../../api/problem';
import { caseApi, caseDraftKey, caseKey, casesKey } from '../../api/cases';
import type { Case, CaseChange, EpisodeChange, MarkRequest } from '../../api/types';
import { failReason, initialSave, saveReducer } from './autosave';
import { useAutosaveTimers, useWriteQueue } from './useAutosave';
import { addDecision, decide, markRequests, openFindings, type Finding } from './findings';
import { draftKey, forget, readJSON, restore, unsavedPart, writeJSON, type Stored } from './draftStore';
import {
  casePatch,
  draftFromCase,
  episodeFromServer,
  episodeKey,
  episodePatch,
  hasChanges,
  moveEpisode,
  setEpisode,
  setField,
  type CaseFieldName,
  type CaseFields,
  type Draft,
  type EpisodeFields,
  type TextKey,
} from './model';
import { markDirty, pointerOf, textOf, textsOf, withText } from './texts';
import { useLiveScan } from './useLiveScan';

export { autosaveDelay, retryDelay } from './useAutosave';

/**
 * draftQueryKey is the form's own load of a case, under the case's key: it
 * is read once as the start of the working copy (never refetched under the
 * author's hands), apart from the case page's copy of it.
 */
export const draftQueryKey = caseDraftKey;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Missing is what the server says submitting still needs (Case.missing),
 * with the working copy it was about: a field the author changed since no
 * longer counts (openProblems), until the server is asked again.
 */
export interface Missing {
  problems: FieldProblems;
  at: Draft | null;
}

/** SubmitResult says how submitting went: done, refused with what is missing, or not saved first. */
export type SubmitResult = { ok: true } | { ok: false; problems?: FieldProblems; error?: unknown };

/**
 * mayWrite tells whether the form may save to the case now: a draft
 * always; a published case only once its author has said they want to
 * correct it (the first write sends it back to the check); a submitted
 * case never (it is withdrawn first).
 */
export function mayWrite(status: Case['status'] | undefined, correcting: boolean): boolean {
  return status === 'draft' || (status === 'published' && correcting);
}

/**
 * useCaseDraft holds a case being written: the working copy, live checks
 * of its texts, autosave through one queue (so writes never overtake each
 * other and versions stay in step), and the unsaved part kept on this
 * device until it is saved.
 *
 * A published case is corrected only after the author confirmed it
 * (`confirmed`, or startCorrection): until then nothing is saved. Its
 * first write moves it back to the check (submitted, correction); from
 * then on nothing more is saved until the author withdraws it.
 */
export function useCaseDraft(caseId: string, personId: string, confirmed = false) {
  const qc = useQueryClient();
  const storeKey = draftKey(personId, caseId);
  const query = useQuery({ queryKey: draftQueryKey(caseId), queryFn: () => caseApi.get(caseId), staleTime: Infinity });
  const [draft, setDraftState] = useState<Draft | null>(null);
  const draftRef = useRef<Draft | null>(null);
  const [meta, setMetaState] = useState<Case | null>(null);
  const metaRef = useRef<Case | null>(null);
  const setMeta = useCallback((c: Case) => {
    metaRef.current = c;
    setMetaState(c);
  }, []);
  const [correcting, setCorrecting] = useState(confirmed);
  const correctingRef = useRef(confirmed);
  const writable = useCallback(() => mayWrite(metaRef.current?.status, correctingRef.current), []);
  const [restored, setRestored] = useState(false);
  const [save, dispatch] = useReducer(saveReducer, initialSave);
  const [edits, setEdits] = useState(0);
  const [fieldProblems, setFieldProblems] = useState<FieldProblems>({});
  const [missing, setMissing] = useState<Missing>({ problems: {}, at: null });
  /** heard keeps what the server said is missing, about the working copy as it is now. */
  const heard = useCallback((c: Case, at: Draft | null = draftRef.current) => setMissing({ problems: toFieldProblems(c.missing), at }), []);
  const texts = useMemo(() => (draft ? textsOf(draft) : {}), [draft]);
  const scan = useLiveScan(caseId, texts);

  const update = useCallback((fn: (d: Draft) => Draft) => {
    if (!draftRef.current) return;
    draftRef.current = fn(draftRef.current);
    setDraftState(draftRef.current);
  }, []);
  const touch = useCallback(() => {
    dispatch({ type: 'edit' });
    setEdits((n) => n + 1);
  }, []);

  // The choices of each episode as the server has them, so a text held back for findings sends nothing when nothing else changed.
  const serverChoices = useRef(new Map<string, string>());
  const adopt = useCallback(
    (c: Case, stored: Stored | null) => {
      const base = draftFromCase(c);
      for (const e of base.episodes) serverChoices.current.set(e.id, JSON.stringify(episodePatch(e)));
      for (const [key, text] of Object.entries(textsOf(base)) as [TextKey, string][]) scan.known(key, text);
      const { draft: d, restored: any } = restore(base, stored);
      draftRef.current = d;
      setDraftState(d);
      setMeta(c);
      // What is missing is about the stored case: what was put back from this device may have filled it in.
      heard(c, base);
      if (any) touch();
      return any;
    },
    [scan, touch, heard, setMeta],
  );

  // The first answer from the server starts the working copy, with what an earlier visit left unsaved.
  useEffect(() => {
    if (query.data && !draftRef.current && adopt(query.data, readJSON<Stored>(storeKey))) setRestored(true);
  }, [query.data, adopt, storeKey]);

  // Whatever is not saved yet is kept on this device, so a reload or a refusal loses nothing.
  useEffect(() => {
    if (!draft) return;
    const part = unsavedPart(draft, Date.now());
    if (part) writeJSON(storeKey, part);
    else forget(storeKey);
  }, [draft, storeKey]);

  // One queue for every write of this case.
  const run = useWriteQueue();

  const lastSaved = useRef<number | undefined>(undefined);

  /** saveCase sends the dirty case fields; texts with open findings or too short are held back. */
  const saveCase = useCallback(async (): Promise<'findings' | 'invalid' | null> => {
    const d = draftRef.current!;
    const fields = d.fields;
    const dirty = [...d.dirty];
    const body: CaseChange = { ...casePatch(fields, dirty), version: d.version };
    const marks = { dismissed: [] as MarkRequest[], confirmed: [] as MarkRequest[] };
    const heldNames: CaseFieldName[] = [];
    let held: 'findings' | 'invalid' | null = null;
    for (const key of ['title', 'summary'] as const) {
      if (!dirty.includes(key)) continue;
      const text = fields[key];
      if (key === 'title' && text.trim().length < 3) {
        heldNames.push(key);
        held ??= 'invalid';
        continue;
      }
      const findings = await scan.scanNow(key, text);
      const decisions = draftRef.current!.decisions[key] ?? [];
      if (openFindings(text, findings, decisions).length > 0) {
        heldNames.push(key);
        held = 'findings';
        continue;
      }
      body[key] = text;
      const m = markRequests(pointerOf(key), text, findings, decisions);
      marks.dismissed.push(...m.dismissed);
      marks.confirmed.push(...m.confirmed);
    }
    if (marks.dismissed.length) body.dismissed = marks.dismissed;
    if (marks.confirmed.length) body.confirmed = marks.confirmed;
    const sent = dirty.filter((n) => !heldNames.includes(n));
    if (sent.length === 0) return held;
    let c: Case;
    try {
      c = await caseApi.patch(caseId, body);
    } catch (e) {
      if (isFindingsError(e)) {
        for (const key of ['title', 'summary'] as const) {
          const list = e.findings.filter((f) => f.field === `/${key}`);
          if (list.length && body[key] !== undefined) scan.put(key, { text: body[key]!, findings: list, fresh: false });
        }
      }
      throw e;
    }
    update((cur) => ({
      ...cur,
      version: c.version,
      dirty: cur.dirty.filter((n) => !sent.includes(n) || !same(cur.fields[n], fields[n])),
    }));
    setMeta(c);
    heard(c);
    if (c.status !== 'draft') {
      // A correction left the network's list: the lists and the case page change with it.
      void qc.invalidateQueries({ queryKey: casesKey(c.network_id) });
      void qc.invalidateQueries({ queryKey: caseKey(c.id), exact: true });
    }
    return held;
  }, [caseId, scan, update, heard, setMeta, qc]);

  /**
   * afterTimelineChange: an episode write on a published case moved it back
   * to the check and raised the case's version, which the episode routes do
   * not answer: read the case again for its status and version.
   */
  const afterTimelineChange = useCallback(
    async (wasPublished: boolean) => {
      if (!wasPublished) return;
      const c = await caseApi.get(caseId);
      setMeta(c);
      update((cur) => ({ ...cur, version: c.version }));
      heard(c);
      void qc.invalidateQueries({ queryKey: casesKey(c.network_id) });
      void qc.invalidateQueries({ queryKey: caseKey(c.id), exact: true });
    },
    [caseId, heard, qc, setMeta, update],
  );

  /** saveEpisode sends one dirty episode; its text is held back while it has open findings. */
  const saveEpisode = useCallback(
    async (id: string): Promise<'findings' | null> => {
      const e = draftRef.current!.episodes.find((x) => x.id === id);
      if (!e) {
        update((cur) => ({ ...cur, dirtyEpisodes: cur.dirtyEpisodes.filter((x) => x !== id) }));
        return null;
      }
      const key = episodeKey(id);
      const text = e.what_happened;
      const findings = await scan.scanNow(key, text);
      const decisions = draftRef.current!.decisions[key] ?? [];
      const body: EpisodeChange = { ...episodePatch(e), version: e.version };
      const held = openFindings(text, findings, decisions).length > 0;
      if (held && serverChoices.current.get(id) === JSON.stringify(episodePatch(e))) return 'findings';
      if (!held) {
        body.what_happened = text;
        const m = markRequests('/what_happened', text, findings, decisions);
        if (m.dismissed.length) body.dismissed = m.dismissed;
        if (m.confirmed.length) body.confirmed = m.confirmed;
      }
      let saved;
      try {
        saved = await caseApi.patchEpisode(caseId, id, body);
      } catch (err) {
        if (isFindingsError(err)) scan.put(key, { text, findings: err.findings, fresh: false });
        throw err;
      }
      serverChoices.current.set(id, JSON.stringify(episodePatch(e)));
      update((cur) => ({
        ...cur,
        episodes: cur.episodes.map((x) => (x.id === id ? { ...x, version: saved.version } : x)),
        dirtyEpisodes: cur.dirtyEpisodes.filter((x) => {
          if (x !== id || held) return true;
          const now = cur.episodes.find((y) => y.id === id);
          return !now || !same(episodePatch(now), episodePatch(e)) || now.what_happened !== text;
        }),
      }));
      return held ? 'findings' : null;
    },
    [caseId, scan, update],
  );

  const saveOnce = useCallback(async () => {
    // Not now (a published case not yet confirmed, a submitted one): the changes wait on this device.
    if (!writable()) return;
    if (!draftRef.current || !hasChanges(draftRef.current)) {
      dispatch({ type: 'done', at: lastSaved.current ?? Date.now(), clean: true });
      return;
    }
    dispatch({ type: 'start' });
    setFieldProblems({});
    const held = new Set<string>();
    try {
      if (draftRef.current.dirty.length) {
        const h = await saveCase();
        if (h) held.add(h);
      }
      for (const id of [...draftRef.current.dirtyEpisodes]) {
        // A correction is one write: after it the case waits for its check (withdraw to go on).
        if (!writable()) break;
        const wasPublished = metaRef.current?.status === 'published';
        const before = draftRef.current.episodes.find((x) => x.id === id)?.version;
        const h = await saveEpisode(id);
        if (h) held.add(h);
        if (draftRef.current.episodes.find((x) => x.id === id)?.version !== before) await afterTimelineChange(wasPublished);
      }
      lastSaved.current = Date.now();
      if (held.size) dispatch({ type: 'fail', reason: held.has('findings') ? 'findings' : 'invalid' });
      else dispatch({ type: 'done', at: lastSaved.current, clean: !hasChanges(draftRef.current!) });
    } catch (e) {
      if (isApiError(e) && e.hasFieldErrors && e.status !== 409) setFieldProblems(e.fieldProblems);
      dispatch({ type: 'fail', reason: failReason(e) });
    }
  }, [saveCase, saveEpisode, writable, afterTimelineChange]);

  const saveNow = useCallback(() => run(saveOnce), [run, saveOnce]);

  // Autosave: a pause in typing, then save; a save that failed for want of a connection is tried again by itself.
  useAutosaveTimers(save, edits, saveNow);

  const setCaseField = useCallback(
    <K extends CaseFieldName>(name: K, value: CaseFields[K]) => {
      update((d) => setField(d, name, value));
      touch();
    },
    [update, touch],
  );
  const setEpisodeField = useCallback(
    <K extends keyof EpisodeFields>(id: string, name: K, value: EpisodeFields[K]) => {
      update((d) => setEpisode(d, id, name, value));
      touch();
    },
    [update, touch],
  );
  const setText = useCallback(
    (key: TextKey, text: string) => {
      update((d) => withText(d, key, text));
      touch();
    },
    [update, touch],
  );

  /** replace puts a finding's tag in its place, in one click. */
  const replace = useCallback(
    (key: TextKey, f: Finding) => scan.replace(key, textOf(draftRef.current!, key), f, (text) => setText(key, text)),
    [scan, setText],
  );

  /** decideOn records a dismissal or confirmation; it goes with the next save of that text. */
  const decideOn = useCallback(
    (key: TextKey, f: Finding) => {
      update((d) => {
        const next = markDirty(d, key);
        return { ...next, decisions: { ...next.decisions, [key]: addDecision(d.decisions[key] ?? [], decide(textOf(d, key), f)) } };
      });
      touch();
    },
    [update, touch],
  );

  const structural = useCallback(
    async <T,>(fn: () => Promise<T>): Promise<T | undefined> => {
      try {
        return await run(async () => {
          if (!writable()) return undefined;
          const wasPublished = metaRef.current?.status === 'published';
          const out = await fn();
          await afterTimelineChange(wasPublished);
          return out;
        });
      } catch (e) {
        dispatch({ type: 'fail', reason: failReason(e) });
        return undefined;
      }
    },
    [run, writable, afterTimelineChange],
  );

  /** addEpisode adds an empty key episode at the end and answers its id. */
  const addEpisode = useCallback(
    () =>
      structural(async () => {
        const ep = await caseApi.addEpisode(caseId, {});
        scan.known(episodeKey(ep.id), ep.what_happened);
        serverChoices.current.set(ep.id, JSON.stringify(episodePatch(episodeFromServer(ep))));
        update((d) => ({ ...d, episodes: [...d.episodes, episodeFromServer(ep)] }));
        return ep.id;
      }),
    [caseId, scan, structural, update],
  );

  const removeEpisode = useCallback(
    (id: string) =>
      structural(async () => {
        const e = draftRef.current!.episodes.find((x) => x.id === id);
        if (!e) return;
        await caseApi.removeEpisode(caseId, id, e.version);
        update((d) => ({
          ...d,
          episodes: d.episodes.filter((x) => x.id !== id),
          dirtyEpisodes: d.dirtyEpisodes.filter((x) => x !== id),
        }));
      }),
    [caseId, structural, update],
  );

  /** move moves an episode up (-1) or down (+1) at once, and saves the order. */
  const move = useCallback(
    (index: number, delta: number) => {
      update((d) => ({ ...d, episodes: moveEpisode(d.episodes, index, delta) }));
      return structural(async () => {
        const d = draftRef.current!;
        const c = await caseApi.order(
          caseId,
          d.episodes.map((e) => e.id),
          d.version,
        );
        update((cur) => ({ ...cur, version: c.version }));
        setMeta(c);
        heard(c);
      });
    },
    [caseId, structural, update, heard, setMeta],
  );

  /** reload settles a conflict: take the stored case, or keep my unsaved input on top of it and save again. */
  const reload = useCallback(
    async (keepMine: boolean) => {
      const c = await qc.fetchQuery({ queryKey: draftQueryKey(caseId), queryFn: () => caseApi.get(caseId), staleTime: 0 });
      const mine = keepMine && draftRef.current ? unsavedPart(draftRef.current, Date.now()) : null;
      adopt(c, mine);
      if (!keepMine) {
        forget(storeKey);
        dispatch({ type: 'done', at: lastSaved.current ?? Date.now(), clean: true });
      } else void saveNow();
    },
    [adopt, caseId, qc, saveNow, storeKey],
  );

  /**
   * checkMissing saves what is left and asks the server what submitting
   * still needs, for the review step to show before the author tries.
   */
  const checkMissing = useCallback(
    () =>
      run(async () => {
        await saveOnce();
        try {
          heard(await caseApi.get(caseId));
        } catch {
          // Not told now: submitting will say it.
        }
      }),
    [caseId, heard, run, saveOnce],
  );

  /** submit saves what is left and hands the case in; a 400 names what is still missing. */
  const submit = useCallback(
    (): Promise<SubmitResult> =>
      run(async () => {
        await saveOnce();
        const d = draftRef.current;
        if (!d || hasChanges(d)) return { ok: false };
        // A correction went back to the check with its first save: that was the submit.
        if (metaRef.current?.status === 'submitted') {
          forget(storeKey);
          return { ok: true };
        }
        try {
          const c = await caseApi.submit(caseId, d.version);
          setMeta(c);
          update((cur) => ({ ...cur, version: c.version }));
          forget(storeKey);
          void qc.invalidateQueries({ queryKey: casesKey(c.network_id) });
          void qc.invalidateQueries({ queryKey: caseKey(c.id) });
          return { ok: true };
        } catch (e) {
          if (isApiError(e) && e.status === 400 && e.hasFieldErrors) return { ok: false, problems: e.fieldProblems };
          return { ok: false, error: e };
        }
      }),
    [caseId, qc, run, saveOnce, storeKey, update, setMeta],
  );

  /** startCorrection: the author said yes to correcting a published case; what waits is saved now. */
  const startCorrection = useCallback(() => {
    correctingRef.current = true;
    setCorrecting(true);
    if (draftRef.current && hasChanges(draftRef.current)) void saveNow();
  }, [saveNow]);

  /**
   * withdraw takes a submitted case (or correction) back to a draft, so
   * the author can go on; what was not saved yet is kept and saved then.
   */
  const withdraw = useCallback(
    () =>
      run(async () => {
        const d = draftRef.current;
        if (!d) return;
        const c = await caseApi.withdraw(caseId, d.version);
        adopt(c, unsavedPart(draftRef.current!, Date.now()));
        void qc.invalidateQueries({ queryKey: casesKey(c.network_id) });
        void qc.invalidateQueries({ queryKey: caseKey(c.id), exact: true });
        if (hasChanges(draftRef.current!)) await saveOnce();
      }),
    [adopt, caseId, qc, run, saveOnce],
  );

  return {
    correcting,
    startCorrection,
    withdraw,
    query,
    draft,
    meta,
    restored,
    save,
    fieldProblems,
    missing,
    checkMissing,
    scans: scan.scans,
    setCaseField,
    setEpisodeField,
    setText,
    replace,
    decideOn,
    addEpisode,
    removeEpisode,
    move,
    reload,
    saveNow,
    submit,
  };
}

export type CaseDraft = ReturnType<typeof useCaseDraft>;
