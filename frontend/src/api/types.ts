import type { components } from './schema';

type S = components['schemas'];
export type Session = S['Session'];
export type Me = S['Me'];
export type MyMembership = S['MyMembership'];
export type Role = S['Role'];
export type Perspective = S['Perspective'];
export type Token = S['AccessToken'];
export type NewToken = S['NewToken'];
export type Workplace = S['Workplace'];
export type Organisation = S['Organisation'];
export type OrganisationKind = S['OrganisationKind'];
export type Network = S['Network'];
export type Membership = S['Membership'];
export type Invitation = S['Invitation'];
export type NewInvitation = S['NewInvitation'];
export type InvitationPreview = S['InvitationToken'];
export type Person = S['Person'];
export type AuditEntry = S['AuditEntry'];
export type AuditAction = S['AuditAction'];
export type Permission = S['Permission'];
export type Site = S['Site'];

// Cases: one anonymised care trajectory, in full and in a list.
export type Case = S['Case'];
export type CaseSummary = S['CaseSummary'];
export type CaseList = S['CaseList'];
export type CaseStatus = S['CaseStatus'];
export type CaseOutcome = S['CaseOutcome'];
export type Episode = S['Episode'];
export type Mark = S['Mark'];
export type MarkRequest = S['MarkRequest'];
export type Period = S['Period'];
export type CaseFinding = S['CaseFinding'];
export type FindingType = S['FindingType'];
export type NewCase = S['NewCaseRequest'];
export type CaseChange = S['CaseChangeRequest'];
export type EpisodeChange = S['EpisodeRequest'];
export type CaseVocabulary = S['CaseVocabulary'];
export type VocabularyListName = CaseVocabulary['lists'][number]['name'];

export const caseStatuses: CaseStatus[] = ['draft', 'submitted', 'published', 'archived'];
export const caseOutcomes: CaseOutcome[] = ['good', 'stuck', 'mixed'];

export const roles: Role[] = ['member', 'facilitator', 'researcher', 'manager'];
export const perspectives: Perspective[] = [
  'jongere',
  'ouder',
  'professional',
  'beleid',
  'onderwijs',
  'management',
  'onderzoek',
  'anders',
];
export const organisationKinds: OrganisationKind[] = [
  'care_provider',
  'municipality',
  'school',
  'university',
  'other',
];
// Every audited action, in the order the log filter offers them. Typed by
// the API document's enum; a locale test checks each has a label.
export const auditActions: AuditAction[] = [
  'session.signed_in',
  'session.sign_in_failed',
  'session.signed_out',
  'person.created',
  'person.changed',
  'person.password_changed',
  'person.password_change_failed',
  'token.created',
  'token.revoked',
  'invitation.created',
  'invitation.accepted',
  'invitation.withdrawn',
  'password_reset.issued',
  'password_reset.used',
  'membership.created',
  'membership.changed',
  'membership.removed',
  'workplace.created',
  'workplace.changed',
  'network.created',
  'network.changed',
  'organisation.created',
  'organisation.changed',
  'organisation.retired',
  'case.created',
  'case.changed',
  'case.deleted',
  'case.submitted',
  'case.withdrawn',
  'case.published',
  'case.sent_back',
  'case.archived',
  'case.read',
  'cases.listed',
  'reflection.created',
  'reflection.changed',
  'reflection.deleted',
  'reflection.submitted',
  'reflection.withdrawn',
  'reflection.published',
  'reflection.sent_back',
  'reflection.read',
  'reflections.listed',
  'item.recoded',
  'codebook.changed',
  'template.created',
  'lesson.curated',
  'lessons.listed',
  'action.created',
  'action.changed',
  'action.progress',
  'action.read',
  'actions.listed',
  'goal.created',
  'goal.changed',
  'export.created',
  'search.queried',
  'patterns.queried',
];
