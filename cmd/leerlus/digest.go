package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"mime"
	"net"
	"net/smtp"
	"strings"
	"time"

	"leerlus/review"
)

// digestCheck is how often the server looks whether a network's digest is
// due; the digest itself goes out every --digest-every.
const digestCheck = time.Hour

func digestFlags(fs *flag.FlagSet, cfg *config) {
	fs.StringVar(&cfg.SMTPAddr, "smtp-addr", "", "host:port of an SMTP server for the e-mail digest of actions that need attention (empty: no e-mail)")
	fs.StringVar(&cfg.SMTPFrom, "smtp-from", "", "sender address of the e-mail digest")
	fs.StringVar(&cfg.SMTPUser, "smtp-user", "", "SMTP user name (empty: no authentication)")
	fs.StringVar(&cfg.SMTPPassword, "smtp-password", "", "SMTP password")
	fs.DurationVar(&cfg.DigestEvery, "digest-every", 7*24*time.Hour, "how often a network's managers get the e-mail digest")
	fs.StringVar(&cfg.PublicURL, "public-url", "", "the address users open Leerlus at, for links in e-mail (e.g. https://leerlus.example.nl)")
}

// mailer is the SMTP sender the operator configured, or nil.
func (c *config) mailer() review.Mailer {
	if c.SMTPAddr == "" {
		return nil
	}
	return &smtpMailer{addr: c.SMTPAddr, from: c.SMTPFrom, user: c.SMTPUser, password: c.SMTPPassword}
}

// smtpMailer sends plain-text UTF-8 messages through one SMTP server.
type smtpMailer struct {
	addr, from, user, password string
}

func (m *smtpMailer) Send(ctx context.Context, to []string, subject, body string) error {
	var auth smtp.Auth
	if m.user != "" {
		host, _, err := net.SplitHostPort(m.addr)
		if err != nil {
			return err
		}
		auth = smtp.PlainAuth("", m.user, m.password, host)
	}
	var msg strings.Builder
	fmt.Fprintf(&msg, "From: %s\r\nTo: %s\r\nSubject: %s\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"+
		"Content-Transfer-Encoding: 8bit\r\nDate: %s\r\n\r\n", m.from, strings.Join(to, ", "), mimeWord(subject), time.Now().UTC().Format(time.RFC1123Z))
	msg.WriteString(strings.ReplaceAll(body, "\n", "\r\n"))
	done := make(chan error, 1)
	go func() { done <- smtp.SendMail(m.addr, auth, m.from, to, []byte(msg.String())) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// mimeWord encodes a header value with non-ASCII letters (RFC 2047).
func mimeWord(s string) string {
	for _, r := range s {
		if r > 127 {
			return mime.QEncoding.Encode("utf-8", s)
		}
	}
	return s
}

// mailDigests sends the digests that are due, now and then every check,
// until ctx ends. A failure is logged and tried again at the next check.
func mailDigests(ctx context.Context, svc *review.Service, m review.Mailer, every time.Duration, publicURL string, check time.Duration, log *slog.Logger) {
	link := func(network string) string {
		if publicURL == "" {
			return ""
		}
		return strings.TrimRight(publicURL, "/") + "/netwerk/" + network + "/verbeteracties"
	}
	t := time.NewTicker(check)
	defer t.Stop()
	for {
		n, err := svc.SendDigests(ctx, m, every, link)
		if err != nil {
			log.Warn("e-mail digest", slog.Any("error", err))
		} else if n > 0 {
			log.Info("e-mail digests sent", slog.Int("messages", n))
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
