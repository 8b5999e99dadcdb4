/** reflectionFormPath is where a member writes (or goes on with) their reflection on a case. */
export function reflectionFormPath(networkId: string, caseId: string): string {
  return `/netwerk/${networkId}/casussen/${caseId}/reflectie`;
}

/** reflectionReviewPath is where a facilitator checks a submitted reflection, inside its network. */
export function reflectionReviewPath(r: { id: string; network_id: string }): string {
  return `/netwerk/${r.network_id}/reflecties/${r.id}`;
}

/** reviewQueuePath is a network's queue of what waits for the four-eyes check (cases and reflections). */
export function reviewQueuePath(networkId: string): string {
  return `/netwerk/${networkId}/controleren`;
}
