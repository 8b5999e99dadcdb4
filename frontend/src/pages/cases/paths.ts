/** casePath is where a case is read. */
export function casePath(c: { id: string; network_id: string }): string {
  return `/casussen/${c.id}`;
}
