/** researchPath is the pattern dashboard; `search` keeps its filters. */
export function researchPath(search?: URLSearchParams): string {
  const q = search?.toString();
  return `/onderzoek${q ? `?${q}` : ''}`;
}

/** researchSearchPath is the full-text search; `search` keeps its words and filters. */
export function researchSearchPath(search?: URLSearchParams): string {
  const q = search?.toString();
  return `/onderzoek/zoeken${q ? `?${q}` : ''}`;
}
