package policy

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"strconv"
	"strings"
	"time"
)

// A known device is a browser that signed in to an account before. It
// holds a cookie whose value names the person and when it was issued,
// signed with an HMAC keyed by the person's password hash: the server
// stores nothing more, and changing the password forgets every device.
// During a sign-in back-off, the right password from a known device still
// signs in, so strangers guessing cannot lock the owner out.

// deviceToken returns the known-device cookie value for p, issued at.
func deviceToken(p *Person, at time.Time) string {
	msg := p.ID + "." + strconv.FormatInt(at.Unix(), 10)
	return msg + "." + deviceMAC(p.PasswordHash, msg)
}

func deviceMAC(passwordHash, msg string) string {
	key := sha256.Sum256([]byte("leerlus known device\x00" + passwordHash))
	m := hmac.New(sha256.New, key[:])
	m.Write([]byte(msg))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// knownDevice reports whether token is a current known-device cookie of p.
func (s *Service) knownDevice(p *Person, token string) bool {
	if p.ID == "" || token == "" || len(token) > 200 {
		return false
	}
	i := strings.LastIndexByte(token, '.')
	if i < 0 {
		return false
	}
	msg, mac := token[:i], token[i+1:]
	id, at, _ := strings.Cut(msg, ".")
	unix, err := strconv.ParseInt(at, 10, 64)
	if id != p.ID || err != nil {
		return false
	}
	issued, now := time.Unix(unix, 0), s.clock()
	if issued.After(now.Add(time.Minute)) || !now.Before(issued.Add(s.cfg.KnownDeviceTTL)) {
		return false
	}
	return hmac.Equal([]byte(mac), []byte(deviceMAC(p.PasswordHash, msg)))
}

// deviceKey is the subject that wrong passwords from a known device count
// against, so that a stolen device cookie gets its own back-off.
func deviceKey(token string) string { return "device:" + hashSecret(token) }
