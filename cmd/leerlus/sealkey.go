package main

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"leerlus"
	"leerlus/cases"
	"leerlus/cases/anonymise"
	"leerlus/policy"
)

// sealKeyEnv names the environment variable that holds the key of the
// cases' sealed redaction numbering, as hex. Several instances on one
// PostgreSQL database need the same key; one instance on SQLite keeps a
// generated key in its data directory.
const sealKeyEnv = "LEERLUS_SEAL_KEY"

// sealKey returns the key that hashes the names behind a case's tags
// ([PERSOON-1]). It lives outside the database on purpose: with the
// database alone, the stored hashes cannot be tested against a list of
// names.
func (c *config) sealKey() ([]byte, error) {
	if v := strings.TrimSpace(os.Getenv(sealKeyEnv)); v != "" {
		key, err := hex.DecodeString(v)
		if err != nil || len(key) < 32 {
			return nil, fmt.Errorf("%s must be at least 32 bytes as hex", sealKeyEnv)
		}
		return key, nil
	}
	path := filepath.Join(c.DataDir, "seal.key")
	if b, err := os.ReadFile(path); err == nil {
		key, err := hex.DecodeString(strings.TrimSpace(string(b)))
		if err != nil || len(key) < 32 {
			return nil, fmt.Errorf("%s is not a key of at least 32 bytes as hex", path)
		}
		return key, nil
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	key := make([]byte, 32)
	if _, err := rand.Read(key); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(c.DataDir, 0o750); err != nil {
		return nil, err
	}
	// O_EXCL: when two processes start at once, one key wins and the other
	// reads it.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return c.sealKey()
	}
	if err != nil {
		return nil, err
	}
	if _, err := f.WriteString(hex.EncodeToString(key) + "\n"); err != nil {
		f.Close()
		return nil, err
	}
	return key, f.Close()
}

// caseService builds the case service with the scanner and the seal key.
func (c *config) caseService(db *leerlus.DB, svc *policy.Service) (*cases.Service, error) {
	scanner, err := anonymise.New()
	if err != nil {
		return nil, err
	}
	key, err := c.sealKey()
	if err != nil {
		return nil, err
	}
	return cases.NewService(db, nil, svc.AuditLog(), scanner, key), nil
}
