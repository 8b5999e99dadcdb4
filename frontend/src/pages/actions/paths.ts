/** actionsPath is a network's action board; `search` keeps its view and filters. */
export function actionsPath(networkId: string, search?: URLSearchParams): string {
  const q = search?.toString();
  return `/netwerk/${networkId}/verbeteracties${q ? `?${q}` : ''}`;
}

/** actionPath is one improvement action with its progress log and effect. */
export function actionPath(networkId: string, actionId: string): string {
  return `/netwerk/${networkId}/verbeteracties/${actionId}`;
}

/**
 * proposeActionPath is the form to propose an action; the recurring
 * lessons given (ids) are linked to it unless the proposer takes them off.
 * A recurring lesson's page can link here, passing `{ lessons: [{ id,
 * statement }] }` as the navigation state so the form names them.
 */
export function proposeActionPath(networkId: string, lessonIds: string[] = []): string {
  const q = new URLSearchParams(lessonIds.map((id) => ['les', id])).toString();
  return `/netwerk/${networkId}/verbeteracties/nieuw${q ? `?${q}` : ''}`;
}

/** attentionPath lists what needs my attention: my overdue and stalled actions, and proposals to accept. */
export function attentionPath(networkId: string): string {
  return `/netwerk/${networkId}/verbeteracties/aandacht`;
}

/** goalsPath is a network's countable goals. */
export function goalsPath(networkId: string): string {
  return `/netwerk/${networkId}/doelen`;
}

/** goalPath is one goal with its measurements over time. */
export function goalPath(networkId: string, goalId: string): string {
  return `/netwerk/${networkId}/doelen/${goalId}`;
}
