package policy

// AuditAction names what an audit entry records. Every action is listed
// once, in AuditActions; the OpenAPI document exposes the list as an enum
// (a test keeps the two equal), so the web app can label each one.
type AuditAction string

// The audited actions.
const (
	ActionSessionSignedIn      AuditAction = "session.signed_in"
	ActionSessionSignInFailed  AuditAction = "session.sign_in_failed"
	ActionSessionSignedOut     AuditAction = "session.signed_out"
	ActionPersonCreated        AuditAction = "person.created"
	ActionPersonChanged        AuditAction = "person.changed"
	ActionPersonPasswordChange AuditAction = "person.password_changed"
	ActionPasswordChangeFailed AuditAction = "person.password_change_failed"
	ActionWorkplaceCreated     AuditAction = "workplace.created"
	ActionWorkplaceChanged     AuditAction = "workplace.changed"
	ActionOrganisationCreated  AuditAction = "organisation.created"
	ActionOrganisationChanged  AuditAction = "organisation.changed"
	ActionOrganisationRetired  AuditAction = "organisation.retired"
	ActionNetworkCreated       AuditAction = "network.created"
	ActionNetworkChanged       AuditAction = "network.changed"
	ActionMembershipCreated    AuditAction = "membership.created"
	ActionMembershipChanged    AuditAction = "membership.changed"
	ActionMembershipRemoved    AuditAction = "membership.removed"
	ActionInvitationCreated    AuditAction = "invitation.created"
	ActionInvitationWithdrawn  AuditAction = "invitation.withdrawn"
	ActionInvitationAccepted   AuditAction = "invitation.accepted"
	ActionPasswordResetIssued  AuditAction = "password_reset.issued"
	ActionPasswordResetUsed    AuditAction = "password_reset.used"
	ActionTokenCreated         AuditAction = "token.created"
	ActionTokenRevoked         AuditAction = "token.revoked"
	ActionCaseCreated          AuditAction = "case.created"
	ActionCaseChanged          AuditAction = "case.changed"
	ActionCaseDeleted          AuditAction = "case.deleted"
	ActionCaseSubmitted        AuditAction = "case.submitted"
	ActionCaseWithdrawn        AuditAction = "case.withdrawn"
	ActionCasePublished        AuditAction = "case.published"
	ActionCaseSentBack         AuditAction = "case.sent_back"
	ActionCaseArchived         AuditAction = "case.archived"
	ActionCaseRead             AuditAction = "case.read"
	ActionCasesListed          AuditAction = "cases.listed"
	ActionReflectionCreated    AuditAction = "reflection.created"
	ActionReflectionChanged    AuditAction = "reflection.changed"
	ActionReflectionDeleted    AuditAction = "reflection.deleted"
	ActionReflectionSubmitted  AuditAction = "reflection.submitted"
	ActionReflectionWithdrawn  AuditAction = "reflection.withdrawn"
	ActionReflectionPublished  AuditAction = "reflection.published"
	ActionReflectionSentBack   AuditAction = "reflection.sent_back"
	ActionReflectionRead       AuditAction = "reflection.read"
	ActionReflectionsListed    AuditAction = "reflections.listed"
	ActionItemRecoded          AuditAction = "item.recoded"
	ActionCodebookChanged      AuditAction = "codebook.changed"
	ActionTemplateCreated      AuditAction = "template.created"
	ActionLessonCurated        AuditAction = "lesson.curated"
	ActionLessonsListed        AuditAction = "lessons.listed"
	ActionActionCreated        AuditAction = "action.created"
	ActionActionChanged        AuditAction = "action.changed"
	ActionActionProgress       AuditAction = "action.progress"
	ActionActionRead           AuditAction = "action.read"
	ActionActionsListed        AuditAction = "actions.listed"
	ActionGoalCreated          AuditAction = "goal.created"
	ActionGoalChanged          AuditAction = "goal.changed"
	ActionExportCreated        AuditAction = "export.created"
	ActionSearchQueried        AuditAction = "search.queried"
	ActionPatternsQueried      AuditAction = "patterns.queried"
)

// AuditActions lists every audited action.
var AuditActions = []AuditAction{
	ActionSessionSignedIn, ActionSessionSignInFailed, ActionSessionSignedOut,
	ActionPersonCreated, ActionPersonChanged, ActionPersonPasswordChange, ActionPasswordChangeFailed,
	ActionWorkplaceCreated, ActionWorkplaceChanged,
	ActionOrganisationCreated, ActionOrganisationChanged, ActionOrganisationRetired,
	ActionNetworkCreated, ActionNetworkChanged,
	ActionMembershipCreated, ActionMembershipChanged, ActionMembershipRemoved,
	ActionInvitationCreated, ActionInvitationWithdrawn, ActionInvitationAccepted,
	ActionPasswordResetIssued, ActionPasswordResetUsed,
	ActionTokenCreated, ActionTokenRevoked,
	ActionCaseCreated, ActionCaseChanged, ActionCaseDeleted, ActionCaseSubmitted, ActionCaseWithdrawn,
	ActionCasePublished, ActionCaseSentBack, ActionCaseArchived, ActionCaseRead, ActionCasesListed,
	ActionReflectionCreated, ActionReflectionChanged, ActionReflectionDeleted, ActionReflectionSubmitted, ActionReflectionWithdrawn, ActionReflectionPublished, ActionReflectionSentBack, ActionReflectionRead, ActionReflectionsListed,
	ActionItemRecoded, ActionCodebookChanged, ActionTemplateCreated, ActionLessonCurated, ActionLessonsListed,
	ActionActionCreated, ActionActionChanged, ActionActionProgress, ActionActionRead, ActionActionsListed,
	ActionGoalCreated, ActionGoalChanged,
	ActionExportCreated,
	ActionSearchQueried,
	ActionPatternsQueried,
}

// Valid reports whether a is a known action.
func (a AuditAction) Valid() bool {
	for _, x := range AuditActions {
		if a == x {
			return true
		}
	}
	return false
}
