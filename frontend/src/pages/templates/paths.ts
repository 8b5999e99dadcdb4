/** templatePath is where a network's facilitators manage its reflection form. */
export function templatePath(networkId: string): string {
  return `/netwerk/${networkId}/formulier`;
}
