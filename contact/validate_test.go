package contact_test

import (
	"errors"
	"net/netip"
	"testing"

	"github.com/tocsin/tocsin/contact"
	"github.com/tocsin/tocsin/ent/contactmethod"
	"github.com/tocsin/tocsin/ent/rule"
)

func TestCreateChecksTheAddressOfEachKind(t *testing.T) {
	w := newWorld(t)
	cases := []struct {
		kind    contactmethod.Kind
		address string
		want    string // stored address, or "" when refused
		field   string // the field an error names
	}{
		{contactmethod.KindSMS, "+49 151 1234-5678", "+4915112345678", ""},
		{contactmethod.KindVOICE, "+1 (415) 555.0100", "+14155550100", ""},
		{contactmethod.KindSMS, "015112345678", "", "address"},
		{contactmethod.KindSMS, "+0151123", "", "address"},
		{contactmethod.KindSMS, "+12345678901234567", "", "address"},
		{contactmethod.KindEMAIL, "ann.work@example.com", "ann.work@example.com", ""},
		{contactmethod.KindEMAIL, "Ann <ann@example.com>", "", "address"},
		{contactmethod.KindEMAIL, "ann@localhost", "", "address"},
		{contactmethod.KindEMAIL, "not an email", "", "address"},
		{contactmethod.KindWEBHOOK, "https://hooks.example.com/tocsin", "https://hooks.example.com/tocsin", ""},
		{contactmethod.KindWEBHOOK, "http://93.184.215.14:8080/x", "http://93.184.215.14:8080/x", ""},
		{contactmethod.KindWEBHOOK, "ftp://hooks.example.com/", "", "address"},
		{contactmethod.KindWEBHOOK, "http://127.0.0.1:8080/hook", "", "address"},
		{contactmethod.KindWEBHOOK, "http://[::1]/hook", "", "address"},
		{contactmethod.KindWEBHOOK, "http://localhost:9000/", "", "address"},
		{contactmethod.KindWEBHOOK, "http://10.1.2.3/", "", "address"},
		{contactmethod.KindWEBHOOK, "http://100.64.0.1/", "", "address"},
		{contactmethod.KindWEBHOOK, "http://169.254.169.254/latest/meta-data", "", "address"},
		{contactmethod.KindWEBHOOK, "http://metadata.example.com/", "", "address"},
		{contactmethod.KindWEBHOOK, "https://intranet.example.com/", "", "address"}, // one private answer is enough
		{contactmethod.KindWEBHOOK, "https://nowhere.example.com/", "", "address"},
		{contactmethod.KindWEBHOOK, "http://[fd00::1]/", "", "address"},
		{contactmethod.KindWEBHOOK, "http://0.0.0.0/", "", "address"},
		// Ranges the first check let through (issue 13, item 8).
		{contactmethod.KindWEBHOOK, "http://[64:ff9b::a00:1]/", "", "address"},   // NAT64 of 10.0.0.1
		{contactmethod.KindWEBHOOK, "http://[::10.0.0.1]/", "", "address"},       // IPv4-compatible
		{contactmethod.KindWEBHOOK, "http://[::ffff:127.0.0.1]/", "", "address"}, // IPv4-mapped
		{contactmethod.KindWEBHOOK, "http://198.18.0.1/", "", "address"},
		{contactmethod.KindWEBHOOK, "http://240.0.0.1/", "", "address"},
		{contactmethod.KindWEBHOOK, "http://192.0.0.1/", "", "address"},
		{contactmethod.KindWEBHOOK, "http://255.255.255.255/", "", "address"},
		{contactmethod.KindEMAIL, "", "", "address"},
	}
	for _, c := range cases {
		cm, err := w.m.Create(w.annCtx, contact.MethodInput{Kind: c.kind, Name: "probe", Address: c.address})
		if c.want != "" {
			if err != nil {
				t.Errorf("%s %q: want stored as %q, got error %v", c.kind, c.address, c.want, err)
			} else if cm.Address != c.want {
				t.Errorf("%s %q: want stored as %q, got %q", c.kind, c.address, c.want, cm.Address)
			}
			continue
		}
		var ie *rule.InvalidError
		if !errors.As(err, &ie) || ie.Field != c.field {
			t.Errorf("%s %q: want an invalid %s, got %v (stored %v)", c.kind, c.address, c.field, err, cm)
		}
	}
}

func TestInternalWebhooksNeedTheAllowList(t *testing.T) {
	w := newWorld(t)
	w.egress.Allow = []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32"), netip.MustParsePrefix("10.0.4.0/24")}
	for _, u := range []string{"http://127.0.0.1:9000/hook", "http://10.0.4.7/hooks/tocsin"} {
		cm, err := w.m.Create(w.annCtx, contact.MethodInput{Kind: contactmethod.KindWEBHOOK, Name: u, Address: u})
		if err != nil || cm.VerifiedAt == nil {
			t.Errorf("%s with TOCSIN_WEBHOOK_ALLOW_CIDRS=127.0.0.1/32,10.0.4.0/24: want a verified webhook, got %v, %v", u, cm, err)
		}
	}
	for _, u := range []string{"http://10.0.5.1/", "http://[::1]:9000/", "http://localhost:9000/", "ftp://127.0.0.1/"} {
		if _, err := w.m.Create(w.annCtx, contact.MethodInput{Kind: contactmethod.KindWEBHOOK, Name: u, Address: u}); !isInvalid(err, "address") {
			t.Errorf("%s: the allow-list names networks, not more (localhost has ::1 too, and ftp is no webhook): want an invalid address, got %v", u, err)
		}
	}
}

func TestCreateRefusesDuplicatesMissingNamesAndStrayPlatforms(t *testing.T) {
	w := newWorld(t)
	in := contact.MethodInput{Kind: contactmethod.KindSMS, Name: "Work phone", Address: "+4915112345678"}
	if _, err := w.m.Create(w.annCtx, in); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		in    contact.MethodInput
		field string
	}{
		{contact.MethodInput{Kind: contactmethod.KindSMS, Name: "Again", Address: "+49 151 12345678"}, "address"},
		{contact.MethodInput{Kind: contactmethod.KindSMS, Name: "  ", Address: "+4915199999999"}, "name"},
		{contact.MethodInput{Kind: contactmethod.KindSMS, Name: "x", Address: "+4915199999999", Platform: ptr(contactmethod.PlatformIOS)}, "platform"},
		{contact.MethodInput{Kind: contactmethod.KindPUSH, Name: "Pixel", Address: "fcm-token"}, "platform"},
		{contact.MethodInput{Kind: "FAX", Name: "Fax", Address: "+4915199999999"}, "kind"},
	} {
		_, err := w.m.Create(w.annCtx, c.in)
		var ie *rule.InvalidError
		if !errors.As(err, &ie) || ie.Field != c.field {
			t.Errorf("%+v: want an invalid %s, got %v", c.in, c.field, err)
		}
	}
	// The same number as someone else's is fine: people share phones.
	if _, err := w.m.Create(w.bobCtx, in); err != nil {
		t.Errorf("bob adding ann's number: want allowed, got %v", err)
	}
}
