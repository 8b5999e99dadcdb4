package policy

import (
	"bufio"
	"crypto/rand"
	"crypto/subtle"
	_ "embed"
	"encoding/base64"
	"fmt"
	"strings"
	"unicode/utf8"

	"leerlus"

	"golang.org/x/crypto/argon2"
)

// PasswordParams are the argon2id cost parameters.
type PasswordParams struct {
	MemoryKiB uint32
	Time      uint32
	Threads   uint8
}

// DefaultPasswordParams follow OWASP's first argon2id recommendation
// (m=46 MiB, t=1, p=1); docs/performance.md has the measured sign-in cost.
var DefaultPasswordParams = PasswordParams{MemoryKiB: 46 * 1024, Time: 1, Threads: 1}

// MinPasswordLength is the shortest password accepted, in characters.
const MinPasswordLength = 12

// maxPasswordBytes bounds hashing work per request.
const maxPasswordBytes = 1024

//go:embed common_passwords.txt
var commonPasswordsText string

// commonPasswords is built once; the list is immutable.
var commonPasswords = func() map[string]bool {
	m := map[string]bool{}
	sc := bufio.NewScanner(strings.NewReader(commonPasswordsText))
	for sc.Scan() {
		if w := strings.TrimSpace(sc.Text()); w != "" && !strings.HasPrefix(w, "#") {
			m[strings.ToLower(w)] = true
		}
	}
	return m
}()

// CheckPassword records on v what is wrong with a new password in field,
// if anything.
func CheckPassword(v *leerlus.Validation, field, password string) {
	switch {
	case utf8.RuneCountInString(password) < MinPasswordLength:
		v.Add(field, leerlus.FieldTooShort, leerlus.Params{"min": MinPasswordLength})
	case len(password) > maxPasswordBytes:
		v.Add(field, leerlus.FieldTooLong, leerlus.Params{"max": maxPasswordBytes})
	case commonPasswords[strings.ToLower(password)]:
		v.Add(field, leerlus.FieldCommonPassword, nil)
	}
}

// HashPassword returns an argon2id hash in the PHC string format, which
// records its own parameters so that they can change later.
func HashPassword(password string, p PasswordParams) (string, error) {
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	key := argon2.IDKey([]byte(password), salt, p.Time, p.MemoryKiB, p.Threads, 32)
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, p.MemoryKiB, p.Time, p.Threads,
		base64.RawStdEncoding.EncodeToString(salt), base64.RawStdEncoding.EncodeToString(key)), nil
}

// VerifyPassword reports whether password matches an argon2id PHC hash.
func VerifyPassword(password, encoded string) bool {
	if len(password) > maxPasswordBytes {
		return false
	}
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false
	}
	var version int
	var p PasswordParams
	if _, err := fmt.Sscanf(parts[2], "v=%d", &version); err != nil || version != argon2.Version {
		return false
	}
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &p.MemoryKiB, &p.Time, &p.Threads); err != nil {
		return false
	}
	salt, err1 := base64.RawStdEncoding.DecodeString(parts[4])
	want, err2 := base64.RawStdEncoding.DecodeString(parts[5])
	if err1 != nil || err2 != nil || len(want) == 0 {
		return false
	}
	got := argon2.IDKey([]byte(password), salt, p.Time, p.MemoryKiB, p.Threads, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1
}
