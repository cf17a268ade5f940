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
