import type { components } from '../../api/schema';

type S = components['schemas'];
export type Case = S['Case'];
export type CaseSummary = S['CaseSummary'];
export type CaseList = S['CaseList'];
export type CaseStatus = S['CaseStatus'];
export type CaseOutcome = S['CaseOutcome'];
export type Episode = S['Episode'];
export type Mark = S['Mark'];
export type Period = S['Period'];
export type CaseFinding = S['CaseFinding'];
export type FindingType = S['FindingType'];
export type CaseVocabulary = S['CaseVocabulary'];
export type VocabularyListName = CaseVocabulary['lists'][number]['name'];

export const caseStatuses: CaseStatus[] = ['draft', 'submitted', 'published', 'archived'];
export const caseOutcomes: CaseOutcome[] = ['good', 'stuck', 'mixed'];
