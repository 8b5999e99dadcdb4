import { api, call } from './client';
import type { components, operations } from './schema';

type S = components['schemas'];
export type Action = S['Action'];
export type ActionSummary = S['ActionSummary'];
export type ActionBoard = S['ActionBoard'];
export type ActionCounts = S['ActionCounts'];
export type ActionStatus = S['ActionStatus'];
export type ActionPhase = S['ActionPhase'];
export type ActionKind = S['ActionKind'];
export type AttentionItem = S['AttentionItem'];
export type AttentionReason = S['AttentionReason'];
export type Progress = S['Progress'];
export type ProgressRequest = S['ProgressRequest'];
export type ProposeActionRequest = S['ProposeActionRequest'];
export type ActionEditRequest = S['ActionEditRequest'];
export type ActionStatusRequest = S['ActionStatusRequest'];
export type ActionEffect = S['ActionEffect'];
export type Effect = S['Effect'];
export type EffectQuarter = S['EffectQuarter'];
export type RunChart = S['RunChart'];
export type RunChartPoint = S['RunChartPoint'];
export type RecurringLessonRef = S['RecurringLessonRef'];

/** ActionBoardQuery narrows the board (status, phase, owner, overdue, stalled, paging). */
export type ActionBoardQuery = NonNullable<operations['listActions']['parameters']['query']>;

export const actionStatuses: ActionStatus[] = ['proposed', 'accepted', 'in_progress', 'done', 'stopped'];
export const actionPhases: ActionPhase[] = ['plan', 'do', 'check', 'act'];
export const actionKinds: ActionKind[] = ['practice', 'training', 'research'];

const path = (id: string) => ({ params: { path: { action: id } } });

/**
 * actionApi holds every call on improvement actions: the network's board
 * and what needs my attention, proposing one, and reading, changing,
 * moving and following up one action. A text the anonymiser refuses
 * throws an ApiError with `findings`; a stale version a 409.
 */
export const actionApi = {
  board: (network: string, query: ActionBoardQuery) =>
    call(api.GET('/api/v1/networks/{network}/actions', { params: { path: { network }, query } })),
  propose: (network: string, body: ProposeActionRequest) =>
    call(api.POST('/api/v1/networks/{network}/actions', { params: { path: { network } }, body })),
  attention: (network: string, cursor?: string) =>
    call(api.GET('/api/v1/networks/{network}/attention', { params: { path: { network }, query: { cursor, limit: 50 } } })),
  get: (id: string) => call(api.GET('/api/v1/actions/{action}', path(id))),
  patch: (id: string, body: ActionEditRequest) => call(api.PATCH('/api/v1/actions/{action}', { ...path(id), body })),
  status: (id: string, body: ActionStatusRequest) => call(api.POST('/api/v1/actions/{action}/status', { ...path(id), body })),
  progress: (id: string, cursor?: string) =>
    call(api.GET('/api/v1/actions/{action}/progress', { params: { path: { action: id }, query: { cursor, limit: 50 } } })),
  addProgress: (id: string, body: ProgressRequest) => call(api.POST('/api/v1/actions/{action}/progress', { ...path(id), body })),
  effect: (id: string) => call(api.GET('/api/v1/actions/{action}/effect', path(id))),
};

/** actionsKey is the cache key of a network's board and attention lists; every change invalidates it. */
export const actionsKey = (networkId: string) => ['network', networkId, 'actions'] as const;

/** actionKey is the cache key of one action, with its progress log and effect under it. */
export const actionKey = (id: string) => ['action', id] as const;
