/** recurringListPath is a network's recurring lessons. */
export function recurringListPath(networkId: string): string {
  return `/netwerk/${networkId}/terugkerende-lessen`;
}

/** recurringPath is one recurring lesson with its cases and lessons, inside its network. */
export function recurringPath(networkId: string, groupId: string): string {
  return `/netwerk/${networkId}/terugkerende-lessen/${groupId}`;
}
