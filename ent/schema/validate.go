package schema

import (
	"fmt"
	"net/mail"
	"strings"
	"time"
)

// validateEmail accepts one bare address ("a@b.c"), nothing else.
func validateEmail(s string) error {
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || !strings.Contains(s[strings.LastIndex(s, "@")+1:], ".") && !strings.HasSuffix(s, "@localhost") {
		return fmt.Errorf("%q is not an email address", s)
	}
	return nil
}

// validateTimeZone accepts IANA zone names such as "Europe/Berlin".
func validateTimeZone(s string) error {
	if s == "" || s == "Local" {
		return fmt.Errorf("time zone must be an IANA name such as Europe/Berlin")
	}
	if _, err := time.LoadLocation(s); err != nil {
		return fmt.Errorf("unknown time zone %q", s)
	}
	return nil
}
