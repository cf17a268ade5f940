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
