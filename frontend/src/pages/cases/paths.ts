/** casePath is where a case is read: inside its network, so the menu keeps the network. */
export function casePath(c: { id: string; network_id: string }): string {
  return `/netwerk/${c.network_id}/casussen/${c.id}`;
}
