package leader

import (
	"context"
	"database/sql"
	"os"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tocsin/tocsin/internal/testenv"
)

var env testenv.Env

func TestMain(m *testing.M) { os.Exit(testenv.Run(m, "leader", &env)) }

// Of two processes' loops on one lock (each its own pool) only one works;
// when it stops, the other takes over.
func TestOneLeadsAndAnotherTakesOver(t *testing.T) {
	other, err := sql.Open("postgres", env.DatabaseURL)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	const key = 0x74657374 // "test"
	var first, second atomic.Int64
	ctx1, stop1 := context.WithCancel(context.Background())
	done1 := make(chan struct{})
	go func() {
		Run(ctx1, env.DB, key, 20*time.Millisecond, func(context.Context) { first.Add(1) })
		close(done1)
	}()
	waitFor(t, "the first loop to lead", func() bool { return first.Load() > 0 })

	ctx2, stop2 := context.WithCancel(context.Background())
	defer stop2()
	go Run(ctx2, other, key, 20*time.Millisecond, func(context.Context) { second.Add(1) })
	time.Sleep(200 * time.Millisecond)
	if n := second.Load(); n != 0 {
		t.Fatalf("the second loop worked %d times while the first held the lock", n)
	}

	stop1()
	<-done1
	waitFor(t, "the second loop to take over", func() bool { return second.Load() > 0 })
}

func waitFor(t *testing.T, what string, ok func() bool) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if ok() {
			return
		}
	}
	t.Fatalf("timed out waiting for %s", what)
}
