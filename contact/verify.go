package contact

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"time"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/contactmethod"
	"github.com/tocsin/tocsin/notify"
)

// The verification code's limits.
const (
	// CodeTTL is how long a code works.
	CodeTTL = 10 * time.Minute
	// MaxAttempts is how many wrong codes end a code; then a new one must
	// be sent.
	MaxAttempts = 5
	// ResendAfter is the least time between two codes to one contact
	// method, so the button cannot be used to flood a number.
	ResendAfter = 30 * time.Second
)

// SendVerification sends a new 6-digit code to an unverified SMS, voice or
// email contact method: a text, a call reading it, or an email. The code is
// stored only as a hash, valid for CodeTTL and MaxAttempts tries.
func (m *Methods) SendVerification(ctx context.Context, id int) (*ent.ContactMethod, error) {
	if _, err := responder(ctx); err != nil {
		return nil, err
	}
	var out *ent.ContactMethod
	err := m.inTx(ctx, func(ctx context.Context, c *ent.Client) error {
		cm, err := c.ContactMethod.Get(ctx, id)
		if err != nil {
			return err
		}
		switch {
		case !needsCode(cm.Kind):
			return invalid("id", "a "+kindWord(cm.Kind)+" needs no verification")
		case cm.VerifiedAt != nil:
			return invalid("id", "this "+kindWord(cm.Kind)+" is already verified")
		case cm.VerificationExpiresAt != nil && m.now().Before(cm.VerificationExpiresAt.Add(-CodeTTL+ResendAfter)):
			return invalid("id", "a code was sent less than 30 seconds ago; wait for it or try again shortly")
		}
		code, err := newCode()
		if err != nil {
			return err
		}
		if err := m.sendCode(ctx, cm, code); err != nil {
			return err
		}
		out, err = cm.Update().SetVerificationCodeHash(codeHash(cm.ID, code, 0)).
			SetVerificationExpiresAt(m.now().Add(CodeTTL)).Save(ctx)
		return err
	})
	return out, err
}

// Verify checks the code sent to a contact method and, when it matches,
// marks the method verified and gives the owner the default rules they
// lack. Every guess uses up one of MaxAttempts tries before its code is
// compared (takeTry), so guesses sent at once cannot check more codes.
func (m *Methods) Verify(ctx context.Context, id int, code string) (*ent.ContactMethod, error) {
	if _, err := responder(ctx); err != nil {
		return nil, err
	}
	code = strings.ReplaceAll(strings.TrimSpace(code), " ", "")
	cm, taken, err := m.takeTry(ctx, id)
	if err != nil || cm.VerifiedAt != nil {
		return cm, err
	}
	if subtle.ConstantTimeCompare(codeHash(cm.ID, code, 0)[:sha256.Size], taken[:sha256.Size]) != 1 {
		return nil, m.wrongCode(ctx, cm.ID, taken)
	}
	var out *ent.ContactMethod
	err = m.inTx(ctx, func(ctx context.Context, c *ent.Client) error {
		n, err := c.ContactMethod.Update().Where(contactmethod.ID(id), contactmethod.VerificationCodeHashEQ(taken)).
			SetVerifiedAt(m.now()).ClearVerificationCodeHash().ClearVerificationExpiresAt().Save(ctx)
		if err != nil {
			return err
		}
		if n == 0 {
			return invalid("code", "a new code was sent meanwhile; enter that one")
		}
		if out, err = c.ContactMethod.Get(ctx, id); err != nil {
			return err
		}
		return EnsureDefaults(ctx, c, cm.UserID)
	})
	return out, err
}

// takeTry uses up one try of the method's code and returns the method and
// the stored hash as it is after that (with the count of tries in its last
// byte). The count is raised by a compare-and-set on the whole stored
// value, outside the caller's transaction (a GraphQL mutation rolls back on
// the error a wrong code is), so of guesses made at once each takes a
// different try, and none is checked once MaxAttempts are used. A method
// already verified comes back with a nil hash.
func (m *Methods) takeTry(ctx context.Context, id int) (*ent.ContactMethod, []byte, error) {
	for {
		cm, err := m.Client.ContactMethod.Get(ctx, id)
		if err != nil {
			return nil, nil, err
		}
		switch {
		case cm.VerifiedAt != nil:
			return cm, nil, nil
		case cm.VerificationCodeHash == nil || len(*cm.VerificationCodeHash) != sha256.Size+1:
			return nil, nil, invalid("code", "no code was sent, or its last try was used; send a new one")
		case cm.VerificationExpiresAt == nil || !m.now().Before(*cm.VerificationExpiresAt):
			return nil, nil, invalid("code", "the code has expired; send a new one")
		}
		stored := *cm.VerificationCodeHash
		if int(stored[sha256.Size]) >= MaxAttempts {
			return nil, nil, invalid("code", "every try of this code was used; send a new one")
		}
		taken := append(stored[:sha256.Size:sha256.Size], stored[sha256.Size]+1)
		n, err := m.Client.ContactMethod.Update().Where(contactmethod.ID(id), contactmethod.VerificationCodeHashEQ(stored)).
			SetVerificationCodeHash(taken).Save(ctx)
		if err != nil {
			return nil, nil, err
		}
		if n == 1 {
			return cm, taken, nil
		}
		// Another guess (or a new code) changed the row first: look again.
	}
}

// wrongCode says how many tries are left, and ends the code after the
// last (unless a new code replaced it meanwhile).
func (m *Methods) wrongCode(ctx context.Context, id int, taken []byte) error {
	tries := int(taken[sha256.Size])
	if tries < MaxAttempts {
		return invalid("code", fmt.Sprintf("is wrong; %d tries left", MaxAttempts-tries))
	}
	err := m.Client.ContactMethod.Update().Where(contactmethod.ID(id), contactmethod.VerificationCodeHashEQ(taken)).
		ClearVerificationCodeHash().ClearVerificationExpiresAt().Exec(ctx)
	if err != nil {
		return err
	}
	return invalid("code", "is wrong, and that was the last try; send a new code")
}

// newCode is 6 random digits.
func newCode() (string, error) {
	n, err := rand.Int(rand.Reader, big.NewInt(1_000_000))
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%06d", n.Int64()), nil
}

// codeHash is what is stored: SHA-256 of the method's id and the code, then
// one byte counting wrong tries (the schema has no column for it).
func codeHash(id int, code string, tries byte) []byte {
	sum := sha256.Sum256([]byte(strconv.Itoa(id) + ":" + code))
	return append(sum[:], tries)
}

// sendCode sends the code on the method's own channel.
func (m *Methods) sendCode(ctx context.Context, cm *ent.ContactMethod, code string) error {
	ctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	var err error
	switch cm.Kind {
	case contactmethod.KindSMS:
		if m.Channels.SMS == nil {
			return errOff("SMS", "TOCSIN_TWILIO_ACCOUNT_SID")
		}
		_, err = m.Channels.SMS.SendText(ctx, cm.Address, "Your Tocsin verification code is "+code+". It expires in 10 minutes.")
	case contactmethod.KindVOICE:
		if m.Channels.Voice == nil {
			return errOff("voice calls", "TOCSIN_TWILIO_ACCOUNT_SID")
		}
		spoken := strings.Join(strings.Split(code, ""), ", ")
		_, err = m.Channels.Voice.Say(ctx, cm.Address, "This is Tocsin. Your verification code is "+spoken+". Again: "+spoken+". Goodbye.")
	case contactmethod.KindEMAIL:
		if m.Channels.Email == nil {
			return errOff("email", "TOCSIN_SMTP_URL")
		}
		err = m.Channels.Email.Mailer.Send(ctx, notify.Email{
			To:      cm.Address,
			Subject: "Your Tocsin verification code: " + code,
			Text: "Your Tocsin verification code is " + code + ".\n\nEnter it on your profile page to receive pages at " +
				cm.Address + ". It expires in 10 minutes. If you did not ask for it, ignore this email.\n",
		})
	}
	if err != nil {
		return sendFailed("the code could not be sent", err)
	}
	return nil
}

// errOff is a channel this server does not have.
func errOff(what, setting string) error {
	return invalid("id", what+" are not set up on this server ("+setting+"); ask your administrator")
}

// sendFailed explains a provider's refusal as a problem with the input
// (a permanent failure: the address) or a passing one.
func sendFailed(what string, err error) error {
	var ne *notify.Error
	if errors.As(err, &ne) && !ne.Permanent {
		return invalid("id", what+", try again in a minute: "+err.Error())
	}
	return invalid("id", what+": "+err.Error())
}
