package main

import (
	"io"
	"os"
	"path/filepath"
	"testing"
)

// TestSiteTexts: the public texts come from files and a flag (or their
// LEERLUS_* variables); unset ones stay empty, a missing file is an error.
func TestSiteTexts(t *testing.T) {
	dir := t.TempDir()
	privacy := filepath.Join(dir, "privacy.txt")
	if err := os.WriteFile(privacy, []byte("\nWij bewaren weinig.\n\nVraag het ons.\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("LEERLUS_CONTACT", "Mail naar info@example.org")

	var cfg config
	fs := newFlags("serve", &cfg, io.Discard)
	siteFlags(fs, &cfg)
	if err := parse(fs, []string{"--privacy-statement-file", privacy}); err != nil {
		t.Fatal(err)
	}
	site, err := cfg.site()
	if err != nil {
		t.Fatal(err)
	}
	if site.PrivacyStatement != "Wij bewaren weinig.\n\nVraag het ons." {
		t.Errorf("privacy = %q", site.PrivacyStatement)
	}
	if site.AccessibilityStatement != "" {
		t.Errorf("accessibility = %q, want empty (the app's default)", site.AccessibilityStatement)
	}
	if site.Contact != "Mail naar info@example.org" {
		t.Errorf("contact = %q", site.Contact)
	}

	cfg.AccessibilityStatementFile = filepath.Join(dir, "missing.txt")
	if _, err := cfg.site(); err == nil {
		t.Error("a missing statement file must stop the server")
	}
}
