package statuspage

import (
	"context"
	"slices"
	"sync"
	"testing"
	"time"
)

func TestPublicUpdateRunTwiceEmailsEachSubscriberOnce(t *testing.T) {
	f := newFixture(t, true)
	s, mail := newSubscriptions(t)
	n := &Notifier{Subscriptions: s}
	for _, addr := range []string{"one@example.com", "two@example.com"} {
		env.Client.StatusSubscriber.Create().SetPageID(f.page.ID).SetEmail(addr).SetConfirmedAt(time.Now()).
			SetConfirmTokenHash(hash(randomToken())).SetUnsubscribeTokenHash(hash(s.unsubscribeToken(f.page.ID, addr))).ExecX(f.ctx)
	}
	now := time.Now()
	window := func() []int {
		t.Helper()
		ids, err := n.Unannounced(context.Background(), now.Add(-24*time.Hour), now, now.Add(-7*24*time.Hour), 100)
		if err != nil {
			t.Fatal(err)
		}
		return ids
	}
	if ids := window(); !slices.Equal(ids, []int{f.public.ID}) {
		t.Fatalf("before its emails went out: want the PUBLIC update %d unannounced (only it), got %v", f.public.ID, ids)
	}

	// Two runs at once (a retry while the first is still sending), then one more.
	var wg sync.WaitGroup
	errs := make([]error, 2)
	for i := range errs {
		wg.Go(func() { errs[i] = n.PublicUpdatePosted(context.Background(), f.public.ID) })
	}
	wg.Wait()
	if err := n.PublicUpdatePosted(context.Background(), f.public.ID); err != nil {
		t.Fatal(err)
	}
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	var to []string
	for range 2 {
		to = append(to, mail.Next(t, 5*time.Second).To[0])
	}
	slices.Sort(to)
	if !slices.Equal(to, []string{"one@example.com", "two@example.com"}) {
		t.Fatalf("want one email to each subscriber, got %v", to)
	}
	expectNoMail(t, mail)
	if ids := window(); len(ids) != 0 {
		t.Fatalf("after its emails went out: want nothing unannounced, got %v", ids)
	}
}

func TestUnannouncedLooksBackOnlySoFar(t *testing.T) {
	f := newFixture(t, true)
	s, _ := newSubscriptions(t)
	now := time.Now()
	// The fixture's PUBLIC update is 30 minutes old: outside a 10-minute window.
	ids, err := (&Notifier{Subscriptions: s}).Unannounced(context.Background(), now.Add(-10*time.Minute), now, now.Add(-time.Hour), 100)
	if err != nil || len(ids) != 0 {
		t.Fatalf("want nothing older than the window (update %d is 30 min old), got %v %v", f.public.ID, ids, err)
	}
}
