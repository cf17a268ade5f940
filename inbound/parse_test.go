package inbound

import (
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		name, raw                    string
		subject, body, thread, msgID string
	}{
		{
			name:    "thread root is the first of References",
			raw:     "Subject: Re: x\r\nMessage-ID: <c@h>\r\nIn-Reply-To: <b@h>\r\nReferences: <a@h>\r\n <b@h>\r\n\r\nhi",
			subject: "Re: x", body: "hi", thread: "a@h", msgID: "c@h",
		},
		{
			name:    "In-Reply-To without References",
			raw:     "Subject: Re: x\r\nMessage-ID: <c@h>\r\nIn-Reply-To: <b@h>\r\n\r\nhi",
			subject: "Re: x", body: "hi", thread: "b@h", msgID: "c@h",
		},
		{
			name:    "no ids at all",
			raw:     "Subject: x\r\n\r\nhi",
			subject: "x", body: "hi",
		},
		{
			name: "mixed with an alternative inside and an attachment",
			raw: "Subject: x\r\nMessage-ID: <m@h>\r\nContent-Type: multipart/mixed; boundary=out\r\n\r\n" +
				"--out\r\nContent-Type: text/plain; name=log.txt\r\nContent-Disposition: attachment\r\n\r\nnot the body\r\n" +
				"--out\r\nContent-Type: multipart/alternative; boundary=in\r\n\r\n" +
				"--in\r\nContent-Type: text/html\r\n\r\n<p>html</p>\r\n" +
				"--in\r\nContent-Type: text/plain\r\n\r\nthe plain body\r\n--in--\r\n--out--\r\n",
			subject: "x", body: "the plain body", thread: "m@h", msgID: "m@h",
		},
		{
			name:    "latin-1 quoted-printable",
			raw:     "Subject: x\r\nContent-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nTemp=E9rature =\r\n=E9lev=E9e \x93ok\x94",
			subject: "x", body: "Température élevée “ok”",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e, err := Parse(strings.NewReader(tc.raw))
			if err != nil {
				t.Fatal(err)
			}
			if e.Subject != tc.subject || e.Body != tc.body || e.Thread != tc.thread || e.MessageID != tc.msgID {
				t.Fatalf("want subject %q body %q thread %q id %q, got %q %q %q %q",
					tc.subject, tc.body, tc.thread, tc.msgID, e.Subject, e.Body, e.Thread, e.MessageID)
			}
		})
	}
}

func TestStripHTML(t *testing.T) {
	got := stripHTML("<div>Line&nbsp;one<br>line   two</div>\n<script>x()</script><ul><li>a</li><li>b</li></ul>")
	if want := "Line one\nline two\na\nb"; got != want {
		t.Fatalf("want %q, got %q", want, got)
	}
}

func TestMaskKeyHidesTheKey(t *testing.T) {
	key := "0123abcd-0000-4000-8000-000000000000"
	got := maskKey("Ops <"+strings.ToUpper(key)+"@d>, "+key+"@d", key)
	if want := "Ops <0123abcd…@d>, 0123abcd…@d"; got != want {
		t.Fatalf("want %q, got %q", want, got)
	}
}
