package mobilepush

import (
	"errors"

	"firebase.google.com/go/v4/messaging"

	"github.com/tocsin/tocsin/notify"
)

// ErrUnregistered means FCM no longer knows the device token (the app was
// uninstalled or the token rotated): delete the device, do not retry.
var ErrUnregistered = errors.New("the device token is no longer registered with FCM")

// IsUnregistered reports whether err says to prune the device token.
func IsUnregistered(err error) bool { return errors.Is(err, ErrUnregistered) }

// fcmRules classify FCM's error codes (FcmError.errorCode), in order.
// Anything else — quota, unavailable, internal, network, OAuth — is
// temporary.
var fcmRules = []struct {
	code      string
	match     func(error) bool
	permanent bool
}{
	{"UNREGISTERED", messaging.IsUnregistered, true},
	{"INVALID_ARGUMENT", messaging.IsInvalidArgument, true},
	{"SENDER_ID_MISMATCH", messaging.IsSenderIDMismatch, true},
	{"THIRD_PARTY_AUTH_ERROR", messaging.IsThirdPartyAuthError, true},
	{"QUOTA_EXCEEDED", messaging.IsQuotaExceeded, false},
	{"UNAVAILABLE", messaging.IsUnavailable, false},
	{"INTERNAL", messaging.IsInternal, false},
}

func classify(err error) error {
	for _, r := range fcmRules {
		if !r.match(err) {
			continue
		}
		if r.code == "UNREGISTERED" {
			err = errors.Join(ErrUnregistered, err)
		}
		if r.permanent {
			return notify.Permanent("push", r.code, err)
		}
		return notify.Temporary("push", r.code, err)
	}
	return notify.Temporary("push", "", err)
}
