import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { isApiError, isFindingsError, type FieldProblems } from '../../api/problem';
import { myReflectionKey, reflectionWriteApi, type Reflection } from '../../api/reflectionWrite';
import type { TemplateDefinition } from '../../api/templates';
import { caseKey } from '../../api/cases';
import { failReason, initialSave, saveReducer } from '../caseForm/autosave';
import { forget, writeJSON } from '../caseForm/draftStore';
import { addDecision, decide, type Finding } from '../caseForm/findings';
import { useAutosaveTimers, useWriteQueue } from '../caseForm/useAutosave';
import { useTextScan } from '../caseForm/useLiveScan';
import type { Submitted } from '../caseForm/SubmitSummary';
import { draftFromReflection, textOf, textsOf, withDecisions, withText, type ReflectionDraft } from './model';
import { buildRequest, dirtyUnits, localProblems, signatures, textsOfUnits, type Built, type Signatures } from './payload';
import { readStored, reflectionDraftKey, restoreDraft, type StoredReflection } from './storage';


/** start reads the server's reflection into a working copy, with what this device kept unsaved. */
function start(r: Reflection, def: TemplateDefinition, stored: StoredReflection | null) {
  const server = draftFromReflection(r, def);
  return { server, draft: restoreDraft(server, stored, def), saved: signatures(server) };
}

/**
 * useReflectionDraft holds the caller's reflection while they write it,
 * as useCaseDraft holds a case: the working copy, live checks of its texts
 * with the case's tags, autosave through one queue of the units that
 * changed (entries keep their ids), the unsaved part kept on this device,
 * submitting and withdrawing.
 */
export function useReflectionDraft(initial: Reflection, def: TemplateDefinition, personId: string) {
  const qc = useQueryClient();
  const storeKey = reflectionDraftKey(personId, initial.case_id);
  const [first] = useState(() => start(initial, def, readStored(storeKey, initial.id)));
  const [draft, setDraftState] = useState(first.draft);
  const draftRef = useRef(first.draft);
  const saved = useRef<Signatures>(first.saved);
  const [meta, setMetaState] = useState(initial);
  const metaRef = useRef(initial);
  const [restored] = useState(() => dirtyUnits(first.draft, first.saved).length > 0);
  const [save, dispatch] = useReducer(saveReducer, initialSave);
  const [edits, setEdits] = useState(0);
  const [fieldProblems, setFieldProblems] = useState<FieldProblems>({});
  const run = useWriteQueue();
  const lastSaved = useRef<number | undefined>(undefined);

  const scanText = useCallback((text: string) => reflectionWriteApi.scan(initial.id, text), [initial.id]);
  const texts = useMemo(() => textsOf(draft), [draft]);
  const scan = useTextScan<string>(scanText, texts);

  const setMeta = useCallback(
    (r: Reflection) => {
      metaRef.current = r;
      setMetaState(r);
      qc.setQueryData(myReflectionKey(r.case_id), r);
    },
    [qc],
  );
  const update = useCallback((fn: (d: ReflectionDraft) => ReflectionDraft) => {
    draftRef.current = fn(draftRef.current);
    setDraftState(draftRef.current);
  }, []);
  const touch = useCallback(() => {
    dispatch({ type: 'edit' });
    setEdits((n) => n + 1);
  }, []);
  /** adopt starts again from the server's reflection, with my unsaved copy on top when given. */
  const adopt = useCallback(
    (r: Reflection, mine: ReflectionDraft | null) => {
      const server = draftFromReflection(r, def);
      for (const [key, text] of Object.entries(textsOf(server))) scan.known(key, text);
      saved.current = signatures(server);
      draftRef.current = mine ? { ...mine, version: r.version } : server;
      setDraftState(draftRef.current);
      setMeta(r);
    },
    [def, scan, setMeta],
  );

  // The texts as the server has them are settled: not checked again until they change. Restored input is saved at once.
  useEffect(() => {
    for (const [key, text] of Object.entries(textsOf(first.server))) scan.known(key, text);
    if (restored) touch();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Whatever is not saved yet is kept on this device, so a reload or a refusal loses nothing.
  useEffect(() => {
    if (dirtyUnits(draft, saved.current).length > 0) writeJSON(storeKey, { at: Date.now(), reflectionId: initial.id, draft });
    else forget(storeKey);
  }, [draft, storeKey, initial.id, save]);

  /** showRefused shows the findings of a refused write at the texts they are in. */
  const showRefused = useCallback(
    (findings: readonly (Finding & { field: string })[], b: Built, d: ReflectionDraft) => {
      const byKey = new Map<string, Finding[]>();
      for (const f of findings) {
        const place = b.places[f.field];
        if (!place) continue;
        byKey.set(place.key, [...(byKey.get(place.key) ?? []), { ...f, start: f.start + place.lead, end: f.end + place.lead }]);
      }
      for (const [key, list] of byKey) scan.put(key, { text: textOf(d, key), findings: list, fresh: false });
    },
    [scan],
  );

  const saveOnce = useCallback(async () => {
    const m = metaRef.current;
    const d = draftRef.current;
    const which = dirtyUnits(d, saved.current);
    if (m.status !== 'draft' || which.length === 0) {
      if (m.status === 'draft') dispatch({ type: 'done', at: lastSaved.current ?? Date.now(), clean: true });
      return;
    }
    dispatch({ type: 'start' });
    let b: Built | null = null;
    try {
      // A fresh check of exactly the texts about to be sent places the author's decisions.
      const found = new Map<string, Finding[]>();
      await Promise.all(Object.entries(textsOfUnits(d, which)).map(async ([key, text]) => found.set(key, await scan.scanNow(key, text))));
      b = buildRequest(d, def, which, (key) => found.get(key) ?? []);
      const built = b;
      setFieldProblems(built.problems);
      if (built.sent.length > 0) {
        let r: Reflection;
        try {
          r = await reflectionWriteApi.patch(m.id, { ...built.body, version: d.version });
        } catch (e) {
          if (isFindingsError(e)) showRefused(e.findings, built, d);
          throw e;
        }
        for (const u of built.sent) saved.current[u] = signatures(d)[u];
        // New entries get their ids from the answer, in the order they were sent.
        const ids = [...r.items].sort((x, y) => x.position - y.position).map((x) => x.id);
        update((cur) => ({
          ...cur,
          version: r.version,
          items: cur.items.map((it) => {
            const i = built.items.indexOf(it.key);
            return i >= 0 && ids[i] ? { ...it, id: ids[i] } : it;
          }),
        }));
        setMeta(r);
        lastSaved.current = Date.now();
      }
      const held = Object.values(built.held);
      if (held.length) dispatch({ type: 'fail', reason: held.includes('findings') ? 'findings' : 'invalid' });
      else dispatch({ type: 'done', at: lastSaved.current ?? Date.now(), clean: dirtyUnits(draftRef.current, saved.current).length === 0 });
    } catch (e) {
      if (isApiError(e) && e.hasFieldErrors && e.status !== 409) setFieldProblems(localProblems(e.fieldProblems, b, def));
      dispatch({ type: 'fail', reason: failReason(e) });
    }
  }, [def, scan, showRefused, update, setMeta]);

  const saveNow = useCallback(() => run(saveOnce), [run, saveOnce]);
  useAutosaveTimers(save, edits, saveNow);

  /** change edits the working copy; autosave follows. */
  const change = useCallback(
    (fn: (d: ReflectionDraft) => ReflectionDraft) => {
      update(fn);
      touch();
    },
    [update, touch],
  );

  const setText = useCallback((key: string, text: string) => change((d) => withText(d, key, text)), [change]);

  /** replace puts a finding's tag in its place, in one click. */
  const replace = useCallback(
    (key: string, f: Finding) => scan.replace(key, textOf(draftRef.current, key), f, (text) => setText(key, text)),
    [scan, setText],
  );

  /** decideOn records a dismissal or confirmation; it goes with the next save of that text. */
  const decideOn = useCallback(
    (key: string, f: Finding) => change((d) => withDecisions(d, key, addDecision(d.decisions[key] ?? [], decide(textOf(d, key), f)))),
    [change],
  );

  /** reload settles a conflict: take the stored reflection, or keep my input on top of it and save again. */
  const reload = useCallback(
    async (keepMine: boolean) => {
      const r = await reflectionWriteApi.get(metaRef.current.id);
      adopt(r, keepMine ? draftRef.current : null);
      if (keepMine) void saveNow();
      else {
        forget(storeKey);
        dispatch({ type: 'done', at: lastSaved.current ?? Date.now(), clean: true });
      }
    },
    [adopt, saveNow, storeKey],
  );

  const afterStep = useCallback(
    (r: Reflection) => {
      setMeta(r);
      update((cur) => ({ ...cur, version: r.version }));
      void qc.invalidateQueries({ queryKey: [...caseKey(r.case_id), 'reflections'] });
    },
    [qc, setMeta, update],
  );

  /** submit saves what is left and hands the reflection in; a 400 names the questions still unanswered. */
  const submit = useCallback(
    (): Promise<Submitted> =>
      run(async () => {
        await saveOnce();
        if (dirtyUnits(draftRef.current, saved.current).length > 0) return { ok: false };
        try {
          afterStep(await reflectionWriteApi.submit(metaRef.current.id, draftRef.current.version));
          forget(storeKey);
          return { ok: true };
        } catch (e) {
          if (isApiError(e) && e.status === 400 && e.hasFieldErrors) return { ok: false, problems: localProblems(e.fieldProblems, null, def) };
          return { ok: false, error: e };
        }
      }),
    [afterStep, def, run, saveOnce, storeKey],
  );

  /** withdraw takes a submitted reflection back to a draft; what was not saved yet is saved then. */
  const withdraw = useCallback(
    () =>
      run(async () => {
        afterStep(await reflectionWriteApi.withdraw(metaRef.current.id, draftRef.current.version));
        if (dirtyUnits(draftRef.current, saved.current).length > 0) await saveOnce();
      }),
    [afterStep, run, saveOnce],
  );

  /**
   * discard deletes the draft for good, on the server and in this browser,
   * after any save still on its way (so the version is the last one).
   */
  const discard = useCallback(
    () =>
      run(async () => {
        await reflectionWriteApi.remove(metaRef.current.id, draftRef.current.version);
        forget(storeKey);
        void qc.invalidateQueries({ queryKey: [...caseKey(metaRef.current.case_id), 'reflections'] });
        qc.removeQueries({ queryKey: myReflectionKey(metaRef.current.case_id) });
      }),
    [qc, run, storeKey],
  );

  return {
    meta,
    draft,
    restored,
    save,
    fieldProblems,
    scans: scan.scans,
    change,
    setText,
    replace,
    decideOn,
    reload,
    saveNow,
    submit,
    withdraw,
    discard,
  };
}

export type ReflectionForm = ReturnType<typeof useReflectionDraft>;
