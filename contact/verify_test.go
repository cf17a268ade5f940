package contact_test

import (
	"errors"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tocsin/tocsin/contact"
	"github.com/tocsin/tocsin/ent/contactmethod"
	"github.com/tocsin/tocsin/ent/rule"
	"github.com/tocsin/tocsin/viewer"
)

func TestSMSCodeVerifiesTheNumber(t *testing.T) {
	w := newWorld(t)
	cm, err := w.m.Create(w.annCtx, contact.MethodInput{Kind: contactmethod.KindSMS, Name: "Work phone", Address: "+4915112345678"})
	if err != nil || cm.VerifiedAt != nil {
		t.Fatalf("want an unverified SMS number, got %+v, %v", cm, err)
	}
	if _, err := w.m.SendVerification(w.annCtx, cm.ID); err != nil {
		t.Fatal(err)
	}
	sent := w.twilio.sent()
	if len(sent) != 1 || sent[0].Path != "/2010-04-01/Accounts/"+twilioSID+"/Messages.json" {
		t.Fatalf("want one POST to Messages.json, got %+v", sent)
	}
	f := sent[0].Form
	code := codeIn(t, f.Get("Body"))
	want := "Your Tocsin verification code is " + code + ". It expires in 10 minutes."
	if f.Get("To") != "+4915112345678" || f.Get("From") != twilioFrom || f.Get("Body") != want ||
		f.Get("StatusCallback") != "https://tocsin.example.com/hooks/twilio/status" {
		t.Errorf("want To, From, Body %q and StatusCallback, got %v", want, f)
	}
	stored := env.Client.ContactMethod.GetX(viewer.System(t.Context()), cm.ID)
	if stored.VerificationCodeHash == nil || strings.Contains(string(*stored.VerificationCodeHash), code) ||
		!stored.VerificationExpiresAt.Equal(w.now.Add(10*time.Minute)) {
		t.Errorf("want the code stored hashed until %v, got %x until %v", w.now.Add(10*time.Minute), *stored.VerificationCodeHash, stored.VerificationExpiresAt)
	}

	if _, err := w.m.Verify(w.annCtx, cm.ID, wrong(code)); !isInvalid(err, "code") || !strings.Contains(err.Error(), "4 tries left") {
		t.Errorf("wrong code: want code is wrong; 4 tries left, got %v", err)
	}
	got, err := w.m.Verify(w.annCtx, cm.ID, " "+code+" ")
	if err != nil || got.VerifiedAt == nil || !got.VerifiedAt.Equal(w.now) || hasCode(got) {
		t.Fatalf("right code: want verified now and the hash gone, got %+v, %v", got, err)
	}
	if got := ruleSentences(t, w, w.ann.ID); got != "HIGH Work phone +2m" {
		t.Errorf("after the first verified number: want the default high-urgency rule SMS at 2 min, got %q", got)
	}
}

func TestVoiceCodeIsReadOutInACall(t *testing.T) {
	w := newWorld(t)
	cm, _ := w.m.Create(w.annCtx, contact.MethodInput{Kind: contactmethod.KindVOICE, Name: "Desk", Address: "+14155550100"})
	if _, err := w.m.SendVerification(w.annCtx, cm.ID); err != nil {
		t.Fatal(err)
	}
	sent := w.twilio.sent()
	if len(sent) != 1 || !strings.HasSuffix(sent[0].Path, "/Calls.json") {
		t.Fatalf("want one POST to Calls.json, got %+v", sent)
	}
	f := sent[0].Form
	twiml := f.Get("Twiml")
	code := codeIn(t, strings.ReplaceAll(strings.Split(strings.Split(twiml, "code is ")[1], ".")[0], ", ", ""))
	spoken := strings.Join(strings.Split(code, ""), ", ")
	want := `<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<Response><Say>This is Tocsin. Your verification code is ` + spoken +
		`. Again: ` + spoken + `. Goodbye.</Say><Hangup></Hangup></Response>`
	if twiml != want || f.Get("To") != "+14155550100" || f.Get("From") != twilioFrom || f.Get("Url") != "" {
		t.Errorf("want inline TwiML\n%s\nto +14155550100 from %s, got %v", want, twilioFrom, f)
	}
	if _, err := w.m.Verify(w.annCtx, cm.ID, code); err != nil {
		t.Errorf("the spoken code: want verified, got %v", err)
	}
}

func TestEmailCodeVerifiesAndBringsDefaultsForBothUrgencies(t *testing.T) {
	w := newWorld(t)
	cm, _ := w.m.Create(w.annCtx, contact.MethodInput{Kind: contactmethod.KindEMAIL, Name: "Work mail", Address: "ann.work@example.com"})
	if _, err := w.m.SendVerification(w.annCtx, cm.ID); err != nil {
		t.Fatal(err)
	}
	msg := w.smtp.Next(t, 5*time.Second)
	if len(msg.To) != 1 || msg.To[0] != "ann.work@example.com" || !strings.Contains(msg.Data, "Subject: Your Tocsin verification code: ") {
		t.Fatalf("want the code mailed to ann.work@example.com, got %+v", msg)
	}
	code := codeIn(t, msg.Data[strings.Index(msg.Data, "Subject: "):])
	if _, err := w.m.Verify(w.annCtx, cm.ID, code); err != nil {
		t.Fatal(err)
	}
	if got := ruleSentences(t, w, w.ann.ID); got != "HIGH Work mail +0m; LOW Work mail +0m" {
		t.Errorf("email only: want email at once for both urgencies, got %q", got)
	}
}

func TestWrongCodesRunOutAndCodesExpire(t *testing.T) {
	w := newWorld(t)
	cm, _ := w.m.Create(w.annCtx, contact.MethodInput{Kind: contactmethod.KindSMS, Name: "Work phone", Address: "+4915112345678"})
	if _, err := w.m.Verify(w.annCtx, cm.ID, "123456"); !isInvalid(err, "code") || !strings.Contains(err.Error(), "no code was sent") {
		t.Errorf("before any code: want no code was sent, got %v", err)
	}
	w.m.SendVerification(w.annCtx, cm.ID)
	code := codeIn(t, w.twilio.sent()[0].Form.Get("Body"))
	for i := 1; i <= contact.MaxAttempts; i++ {
		_, err := w.m.Verify(w.annCtx, cm.ID, wrong(code))
		if !isInvalid(err, "code") {
			t.Fatalf("wrong try %d: want invalid code, got %v", i, err)
		}
		if i == contact.MaxAttempts && !strings.Contains(err.Error(), "last try") {
			t.Errorf("try %d: want the last try, got %v", i, err)
		}
	}
	if _, err := w.m.Verify(w.annCtx, cm.ID, code); !isInvalid(err, "code") || !strings.Contains(err.Error(), "no code was sent") {
		t.Errorf("the right code after %d wrong ones: want refused (send a new one), got %v", contact.MaxAttempts, err)
	}

	if _, err := w.m.SendVerification(w.annCtx, cm.ID); err != nil {
		t.Fatalf("after the tries ran out: want a new code, got %v", err)
	}
	if _, err := w.m.SendVerification(w.annCtx, cm.ID); !isInvalid(err, "id") || !strings.Contains(err.Error(), "30 seconds") {
		t.Errorf("a second code at once: want wait 30 seconds, got %v", err)
	}
	code = codeIn(t, w.twilio.sent()[1].Form.Get("Body"))
	w.now = w.now.Add(10 * time.Minute)
	if _, err := w.m.Verify(w.annCtx, cm.ID, code); !isInvalid(err, "code") || !strings.Contains(err.Error(), "expired") {
		t.Errorf("after 10 minutes: want expired, got %v", err)
	}
	if n := len(w.twilio.sent()); n != 2 {
		t.Errorf("want 2 messages sent, got %d", n)
	}
}

func TestCodeThatCannotBeSentIsNotStored(t *testing.T) {
	w := newWorld(t)
	cm, _ := w.m.Create(w.annCtx, contact.MethodInput{Kind: contactmethod.KindSMS, Name: "Old phone", Address: "+4915112345678"})
	w.twilio.answer(http.StatusBadRequest, `{"code":21211,"message":"The 'To' number +4915112345678 is not a valid phone number.","status":400}`)
	_, err := w.m.SendVerification(w.annCtx, cm.ID)
	if !isInvalid(err, "id") || !strings.Contains(err.Error(), "is not a valid phone number") {
		t.Errorf("Twilio 21211: want an error naming the reason, got %v", err)
	}
	if got := env.Client.ContactMethod.GetX(viewer.System(t.Context()), cm.ID); hasCode(got) {
		t.Errorf("a code that was not sent: want nothing stored, got %x", *got.VerificationCodeHash)
	}
}

func TestChangingTheNumberNeedsANewVerification(t *testing.T) {
	w := newWorld(t)
	cm := verifiedSMS(t, w, "Work phone", "+4915112345678")
	got, err := w.m.Update(w.annCtx, cm.ID, contact.MethodUpdate{Name: ptr("Old phone"), Address: ptr("+49 151 12345678")})
	if err != nil || got.VerifiedAt == nil || got.Name != "Old phone" {
		t.Errorf("same number, new name: want still verified, got %+v, %v", got, err)
	}
	got, err = w.m.Update(w.annCtx, cm.ID, contact.MethodUpdate{Address: ptr("+4915199999999")})
	if err != nil || got.VerifiedAt != nil {
		t.Errorf("new number: want unverified, got %+v, %v", got, err)
	}
	if _, err := w.m.SendVerification(w.annCtx, cm.ID); err != nil {
		t.Errorf("new number: want a code sent, got %v", err)
	}
}

func TestPushAndWebhooksNeedNoCode(t *testing.T) {
	w := newWorld(t)
	wh, err := w.m.Create(w.annCtx, contact.MethodInput{Kind: contactmethod.KindWEBHOOK, Name: "Home automation", Address: "https://hooks.example.com/x"})
	if err != nil || wh.VerifiedAt == nil {
		t.Fatalf("webhook: want verified on creation, got %+v, %v", wh, err)
	}
	if _, err := w.m.SendVerification(w.annCtx, wh.ID); !isInvalid(err, "id") {
		t.Errorf("a code for a webhook: want refused, got %v", err)
	}
	if len(w.twilio.sent()) != 0 {
		t.Errorf("want nothing sent, got %+v", w.twilio.sent())
	}
}

// verifiedSMS adds ann's number and verifies it with the code sent.
func verifiedSMS(t *testing.T, w *world, name, number string) *contactmethodT {
	t.Helper()
	cm, err := w.m.Create(w.annCtx, contact.MethodInput{Kind: contactmethod.KindSMS, Name: name, Address: number})
	if err != nil {
		t.Fatal(err)
	}
	w.now = w.now.Add(time.Minute)
	if _, err := w.m.SendVerification(w.annCtx, cm.ID); err != nil {
		t.Fatal(err)
	}
	sent := w.twilio.sent()
	if cm, err = w.m.Verify(w.annCtx, cm.ID, codeIn(t, sent[len(sent)-1].Form.Get("Body"))); err != nil {
		t.Fatal(err)
	}
	return cm
}

// wrong is a code that is not c.
func wrong(c string) string {
	if c == "000000" {
		return "000001"
	}
	return "000000"
}

func isInvalid(err error, field string) bool {
	var ie *rule.InvalidError
	return errors.As(err, &ie) && ie.Field == field
}

// hasCode is true when a code hash is stored (ent reads NULL bytea as an
// empty slice).
func hasCode(cm *contactmethodT) bool {
	return cm.VerificationCodeHash != nil && len(*cm.VerificationCodeHash) > 0
}

// 40 guesses at once check at most MaxAttempts codes: every guess takes
// its try in the database before its code is compared.
func TestParallelGuessesCheckAtMostMaxAttemptsCodes(t *testing.T) {
	w := newWorld(t)
	cm, _ := w.m.Create(w.annCtx, contact.MethodInput{Kind: contactmethod.KindSMS, Name: "Work phone", Address: "+4915112345678"})
	if _, err := w.m.SendVerification(w.annCtx, cm.ID); err != nil {
		t.Fatal(err)
	}
	code := codeIn(t, w.twilio.sent()[0].Form.Get("Body"))
	const guesses = 40
	errs := make([]error, guesses)
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range guesses {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			_, errs[i] = w.m.Verify(w.annCtx, cm.ID, wrong(code))
		}()
	}
	close(start)
	wg.Wait()
	checked := 0
	for _, err := range errs {
		if !isInvalid(err, "code") {
			t.Fatalf("every guess: want a refusal about the code, got %v", err)
		}
		if strings.Contains(err.Error(), "is wrong") {
			checked++
		}
	}
	if checked != contact.MaxAttempts {
		t.Fatalf("want exactly %d of %d parallel guesses checked, got %d", contact.MaxAttempts, guesses, checked)
	}
	if _, err := w.m.Verify(w.annCtx, cm.ID, code); !isInvalid(err, "code") {
		t.Fatalf("after the last try even the right code must be refused until a new one is sent, got %v", err)
	}
}
