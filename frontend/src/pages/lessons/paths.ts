/** lessonsPath is a network's lessons: the list members read and facilitators curate; `search` narrows it (e.g. case=…). */
export function lessonsPath(networkId: string, search?: URLSearchParams): string {
  const q = search?.toString();
  return `/netwerk/${networkId}/lessen${q ? `?${q}` : ''}`;
}

/** lessonPath is one lesson with the reflections it comes from, inside its network. */
export function lessonPath(networkId: string, lessonId: string): string {
  return `/netwerk/${networkId}/lessen/${lessonId}`;
}

/** lessonsOfCasePath lists the lessons that lead back to one case. */
export function lessonsOfCasePath(networkId: string, caseId: string): string {
  return lessonsPath(networkId, new URLSearchParams({ case: caseId }));
}
