/** codebookPath is a network's codebook: read by everyone in it, managed by its facilitators. */
export function codebookPath(networkId: string): string {
  return `/netwerk/${networkId}/codeboek`;
}

/** codebookHistoryPath is the codebook's history, of one code when given. */
export function codebookHistoryPath(networkId: string, codeId?: string): string {
  return `/netwerk/${networkId}/codeboek/geschiedenis${codeId ? `?code=${encodeURIComponent(codeId)}` : ''}`;
}
