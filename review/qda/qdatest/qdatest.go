// Package qdatest validates REFI-QDA documents against the schemas in
// review/qda/schema with xmllint (Debian's libxml2-utils), for the tests
// of every package that produces them.
package qdatest

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
)

// xmllint finds xmllint, installing libxml2-utils when it is missing and
// the tests run as root (as in CI); it is looked up once per test binary.
var xmllint = sync.OnceValues(func() (string, error) {
	if p, err := exec.LookPath("xmllint"); err == nil {
		return p, nil
	}
	if os.Geteuid() != 0 {
		return "", exec.ErrNotFound
	}
	if _, err := aptGet("install", "-y", "-qq", "--no-install-recommends", "libxml2-utils"); err != nil {
		// A fresh container may have no package lists yet.
		if out, err := aptGet("update", "-qq"); err != nil {
			return "", &installError{out: out}
		}
		if out, err := aptGet("install", "-y", "-qq", "--no-install-recommends", "libxml2-utils"); err != nil {
			return "", &installError{out: out}
		}
	}
	return exec.LookPath("xmllint")
})

func aptGet(args ...string) ([]byte, error) {
	cmd := exec.Command("apt-get", args...)
	cmd.Env = append(os.Environ(), "DEBIAN_FRONTEND=noninteractive")
	return cmd.CombinedOutput()
}

type installError struct{ out []byte }

func (e *installError) Error() string { return "installing libxml2-utils failed: " + string(e.out) }

// Schema is the path of a schema file: "Project.xsd" or "Codebook.xsd".
func Schema(name string) string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "schema", name)
}

// Validate checks doc against the schema, failing the test with
// xmllint's report. Without xmllint (not installed and not root to
// install it) the test is skipped with a clear message.
func Validate(t testing.TB, schema string, doc []byte) {
	t.Helper()
	bin, err := xmllint()
	if err != nil {
		t.Skipf("xmllint is missing (install Debian's libxml2-utils, or run the tests as root so they install it): %v", err)
	}
	f := filepath.Join(t.TempDir(), "doc.xml")
	if err := os.WriteFile(f, doc, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "--noout", "--nonet", "--schema", Schema(schema), f).CombinedOutput()
	if err != nil {
		t.Fatalf("%s does not validate: %v\n%s", schema, err, out)
	}
}

// ValidateProject opens a .qdpx, validates its project.qde against
// Project.xsd, and returns the files it holds by name.
func ValidateProject(t testing.TB, qdpx []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(qdpx), int64(len(qdpx)))
	if err != nil {
		t.Fatalf("not a ZIP: %v", err)
	}
	files := map[string][]byte{}
	for _, f := range zr.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		files[f.Name] = b
	}
	qde, ok := files["project.qde"]
	if !ok {
		t.Fatalf("the ZIP holds no project.qde: %v", names(files))
	}
	Validate(t, "Project.xsd", qde)
	return files
}

func names(m map[string][]byte) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
