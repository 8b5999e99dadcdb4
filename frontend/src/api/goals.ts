import { api, call } from './client';
import type { components } from './schema';

type S = components['schemas'];
export type Goal = S['Goal'];
export type Measurement = S['Measurement'];
export type GoalRequest = S['GoalRequest'];
export type GoalEditRequest = S['GoalEditRequest'];
export type MeasurementRequest = S['MeasurementRequest'];

const path = (id: string) => ({ params: { path: { goal: id } } });
const measurementPath = (goal: string, measurement: string) => ({ params: { path: { goal, measurement } } });

/**
 * goalApi holds every call on a network's countable goals and their
 * measurements. A goal and its measurements change as one: each
 * measurement call carries the goal's version and answers the goal.
 */
export const goalApi = {
  list: (network: string, cursor?: string) =>
    call(api.GET('/api/v1/networks/{network}/goals', { params: { path: { network }, query: { cursor, limit: 200 } } })),
  create: (network: string, body: GoalRequest) => call(api.POST('/api/v1/networks/{network}/goals', { params: { path: { network } }, body })),
  get: (id: string) => call(api.GET('/api/v1/goals/{goal}', path(id))),
  patch: (id: string, body: GoalEditRequest) => call(api.PATCH('/api/v1/goals/{goal}', { ...path(id), body })),
  addMeasurement: (id: string, body: MeasurementRequest) => call(api.POST('/api/v1/goals/{goal}/measurements', { ...path(id), body })),
  patchMeasurement: (id: string, measurement: string, body: MeasurementRequest) =>
    call(api.PATCH('/api/v1/goals/{goal}/measurements/{measurement}', { ...measurementPath(id, measurement), body })),
  deleteMeasurement: (id: string, measurement: string, version: number) =>
    call(
      api.DELETE('/api/v1/goals/{goal}/measurements/{measurement}', {
        params: { path: { goal: id, measurement }, query: { version } },
      }),
    ),
};

/** goalsKey is the cache key of a network's goals. */
export const goalsKey = (networkId: string) => ['network', networkId, 'goals'] as const;

/** goalKey is the cache key of one goal with its measurements. */
export const goalKey = (id: string) => ['goal', id] as const;
