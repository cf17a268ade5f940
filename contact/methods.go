package contact

import (
	"context"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/contactmethod"
)

// MethodInput is a new contact method of the viewer's.
type MethodInput struct {
	Kind    contactmethod.Kind
	Name    string
	Address string
	// Platform and CriticalAlerts are for push only (RegisterDevice).
	Platform       *contactmethod.Platform
	CriticalAlerts *bool
}

// MethodUpdate changes a contact method; nil fields stay.
type MethodUpdate struct {
	Name           *string
	Address        *string
	CriticalAlerts *bool
	Disabled       *bool
}

// needsCode is true for the kinds verified with a code.
func needsCode(k contactmethod.Kind) bool {
	return k == contactmethod.KindSMS || k == contactmethod.KindVOICE || k == contactmethod.KindEMAIL
}

// List is the viewer's contact methods, oldest first.
func (m *Methods) List(ctx context.Context, userID int) ([]*ent.ContactMethod, error) {
	return m.client(ctx).ContactMethod.Query().
		Where(contactmethod.UserID(userID)).Order(ent.Asc(contactmethod.FieldID)).All(ctx)
}

// Create adds a contact method for the viewer. SMS, voice and email start
// unverified (SendVerification, Verify); push and webhooks are verified at
// once and may bring the default rules.
func (m *Methods) Create(ctx context.Context, in MethodInput) (*ent.ContactMethod, error) {
	v, err := responder(ctx)
	if err != nil {
		return nil, err
	}
	if contactmethod.KindValidator(in.Kind) != nil {
		return nil, invalid("kind", "must be PUSH, SMS, VOICE, EMAIL or WEBHOOK")
	}
	if in.Kind == contactmethod.KindPUSH {
		if in.Platform == nil {
			return nil, invalid("platform", "is required for a device: ANDROID, IOS or WEB")
		}
		crit := in.CriticalAlerts != nil && *in.CriticalAlerts
		return m.RegisterDevice(ctx, DeviceInput{Token: in.Address, Platform: *in.Platform, Name: in.Name, CriticalAlerts: &crit})
	}
	if in.Platform != nil {
		return nil, invalid("platform", "is only for devices (kind PUSH)")
	}
	nm, err := name(in.Name)
	if err != nil {
		return nil, err
	}
	addr, err := m.address(ctx, in.Kind, in.Address)
	if err != nil {
		return nil, err
	}
	var out *ent.ContactMethod
	err = m.inTx(ctx, func(ctx context.Context, c *ent.Client) error {
		dup, err := c.ContactMethod.Query().
			Where(contactmethod.UserID(v.UserID), contactmethod.KindEQ(in.Kind), contactmethod.Address(addr)).Exist(ctx)
		if err != nil {
			return err
		}
		if dup {
			return invalid("address", "you already have this "+kindWord(in.Kind))
		}
		create := c.ContactMethod.Create().SetUserID(v.UserID).SetKind(in.Kind).SetName(nm).SetAddress(addr)
		if !needsCode(in.Kind) {
			create.SetVerifiedAt(m.now())
		}
		if out, err = create.Save(ctx); err != nil {
			return err
		}
		if out.VerifiedAt != nil {
			return EnsureDefaults(ctx, c, v.UserID)
		}
		return nil
	})
	return out, err
}

// Update renames, re-addresses, enables or disables a contact method. A new
// address of SMS, voice or email must be verified again.
func (m *Methods) Update(ctx context.Context, id int, in MethodUpdate) (*ent.ContactMethod, error) {
	if _, err := responder(ctx); err != nil {
		return nil, err
	}
	var out *ent.ContactMethod
	err := m.inTx(ctx, func(ctx context.Context, c *ent.Client) error {
		cm, err := c.ContactMethod.Get(ctx, id)
		if err != nil {
			return err
		}
		upd := c.ContactMethod.UpdateOne(cm)
		if in.Name != nil {
			nm, err := name(*in.Name)
			if err != nil {
				return err
			}
			upd.SetName(nm)
		}
		if in.Address != nil {
			addr, err := m.address(ctx, cm.Kind, *in.Address)
			if err != nil {
				return err
			}
			if addr != cm.Address {
				upd.SetAddress(addr)
				if needsCode(cm.Kind) {
					upd.ClearVerifiedAt().ClearVerificationCodeHash().ClearVerificationExpiresAt()
				}
			}
		}
		if in.CriticalAlerts != nil {
			if cm.Kind != contactmethod.KindPUSH && *in.CriticalAlerts {
				return invalid("criticalAlerts", "is only for devices (kind PUSH)")
			}
			upd.SetCriticalAlerts(*in.CriticalAlerts)
		}
		if in.Disabled != nil {
			upd.SetDisabled(*in.Disabled)
		}
		out, err = upd.Save(ctx)
		return err
	})
	return out, err
}

// Delete removes a contact method and its rules. One that pages were sent
// to stays for the alerts' history: disable it instead. Whose may be
// removed is ent privacy's (a stakeholder: their own devices only).
func (m *Methods) Delete(ctx context.Context, id int) error {
	if _, err := signedIn(ctx); err != nil {
		return err
	}
	return m.client(ctx).ContactMethod.DeleteOneID(id).Exec(ctx)
}

// DeviceInput is a phone app registering for push.
type DeviceInput struct {
	// Token is the FCM registration token.
	Token    string
	Platform contactmethod.Platform
	// Name is shown on the timeline ("push to Alice's Pixel: sent").
	Name string
	// CriticalAlerts: iOS critical alerts were granted.
	CriticalAlerts *bool
}

// RegisterDevice stores the viewer's device as a verified PUSH contact
// method. The app calls it after sign-in and whenever FCM hands it a new
// token; registering a token the viewer already has updates that device
// (name, platform, critical alerts, enabled again) instead of adding one.
// Stakeholders register too: their devices get the low-urgency pushes
// about the incidents they follow (package stakeholder), and no rules.
func (m *Methods) RegisterDevice(ctx context.Context, in DeviceInput) (*ent.ContactMethod, error) {
	v, err := signedIn(ctx)
	if err != nil {
		return nil, err
	}
	token, err := m.address(ctx, contactmethod.KindPUSH, in.Token)
	if err != nil {
		return nil, err
	}
	if contactmethod.PlatformValidator(in.Platform) != nil {
		return nil, invalid("platform", "must be ANDROID, IOS or WEB")
	}
	nm, err := name(in.Name)
	if err != nil {
		return nil, err
	}
	crit := in.CriticalAlerts != nil && *in.CriticalAlerts
	var out *ent.ContactMethod
	err = m.inTx(ctx, func(ctx context.Context, c *ent.Client) error {
		old, err := c.ContactMethod.Query().
			Where(contactmethod.UserID(v.UserID), contactmethod.KindEQ(contactmethod.KindPUSH), contactmethod.Address(token)).
			First(ctx)
		switch {
		case ent.IsNotFound(err):
			out, err = c.ContactMethod.Create().SetUserID(v.UserID).SetKind(contactmethod.KindPUSH).
				SetAddress(token).SetName(nm).SetPlatform(in.Platform).SetCriticalAlerts(crit).
				SetVerifiedAt(m.now()).Save(ctx)
		case err == nil:
			out, err = old.Update().SetName(nm).SetPlatform(in.Platform).SetCriticalAlerts(crit).
				SetDisabled(false).Save(ctx)
		}
		if err != nil || !v.Role.CanRespond() {
			return err
		}
		return EnsureDefaults(ctx, c, v.UserID)
	})
	return out, err
}

// kindWord is how a sentence names a kind.
func kindWord(k contactmethod.Kind) string {
	return map[contactmethod.Kind]string{
		contactmethod.KindPUSH: "device", contactmethod.KindSMS: "SMS number", contactmethod.KindVOICE: "voice number",
		contactmethod.KindEMAIL: "email address", contactmethod.KindWEBHOOK: "webhook",
	}[k]
}
