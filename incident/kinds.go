package incident

// Timeline event kinds written by this package.
const (
	KindCreated            = "CREATED"
	KindDeduplicated       = "DEDUPLICATED"
	KindAcknowledged       = "ACKNOWLEDGED"
	KindUnacknowledged     = "UNACKNOWLEDGED"
	KindClosed             = "CLOSED"
	KindSnoozed            = "SNOOZED"
	KindNoteAdded          = "NOTE_ADDED"
	KindAssigned           = "ASSIGNED"
	KindEscalated          = "ESCALATED"
	KindPriorityChanged    = "PRIORITY_CHANGED"
	KindMessageChanged     = "MESSAGE_CHANGED"
	KindDescriptionChanged = "DESCRIPTION_CHANGED"
	KindInMaintenance      = "IN_MAINTENANCE"
	// KindDeliveryStatus is a provider's word on a page after it was sent
	// ("SMS to Work phone: delivered", "voice call to Desk: failed (busy)").
	KindDeliveryStatus = "DELIVERY_STATUS"
)

// Timeline event kinds the paging engine writes (package escalation).
const (
	// KindStepFired: an escalation step fired; data: round, step, paged
	// (names), pages (count), next_at (RFC 3339, absent after the last).
	KindStepFired = "ESCALATION_STEP"
	// KindPageSent / KindPageFailed: one delivery; data: summary, channel,
	// and for failures reason and permanent.
	KindPageSent   = "PAGE_SENT"
	KindPageFailed = "PAGE_FAILED"
)

// Timeline event kinds of incidents (events with incident_id). Visibility:
// declare, severity, status and the stakeholder/public updates are seen by
// stakeholders; the rest is INTERNAL.
const (
	// KindIncidentDeclared: data title, severity, status.
	KindIncidentDeclared = "INCIDENT_DECLARED"
	// KindAlertLinked: an alert joined the incident (on both timelines);
	// data incident_id, alert_id, message.
	KindAlertLinked = "ALERT_LINKED"
	// KindAlertUnlinked: an alert linked by mistake left the incident (on
	// both timelines); data incident_id, alert_id, message.
	KindAlertUnlinked = "ALERT_UNLINKED"
	// KindServicesAdded: services became affected after the declaration
	// (stakeholder-visible: subscribers of a service follow its incidents).
	KindServicesAdded = "SERVICES_ADDED"
	// KindServicesRemoved: services were marked as no longer affected
	// (stakeholder-visible).
	KindServicesRemoved = "SERVICES_REMOVED"
	// KindSeverityChanged / KindStatusChanged: data from, to.
	KindSeverityChanged = "SEVERITY_CHANGED"
	KindStatusChanged   = "STATUS_CHANGED"
	// KindRoleAssigned: data role, user_id, user, and replaced (a name)
	// when someone held the role before.
	KindRoleAssigned = "ROLE_ASSIGNED"
	// KindResponderAdded: data user_id, user, alert_id (the page's alert).
	KindResponderAdded = "RESPONDER_ADDED"
	// KindStakeholderAdded / KindStakeholderRemoved: data user_id, user.
	KindStakeholderAdded   = "STAKEHOLDER_ADDED"
	KindStakeholderRemoved = "STAKEHOLDER_REMOVED"
	// KindStatusUpdate: a status update was posted, visible to its
	// audience; data update_id, message, status, audience.
	KindStatusUpdate = "STATUS_UPDATE"
	// KindUpdateOverdue: the stakeholder update is overdue and the comms
	// lead (else the commander) was reminded; data due_at, reminded, user_id.
	KindUpdateOverdue = "UPDATE_OVERDUE"
)
