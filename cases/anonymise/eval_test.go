package anonymise

import (
	"bytes"
	"os"
	"strings"
	"sync"
	"testing"
)

var (
	sharedOnce    sync.Once
	sharedScanner *Scanner
	sharedErr     error
)

// scanner returns one Scanner for all tests: loading the lists once keeps
// the suite fast.
func scanner(tb testing.TB) *Scanner {
	tb.Helper()
	sharedOnce.Do(func() { sharedScanner, sharedErr = New() })
	if sharedErr != nil {
		tb.Fatal(sharedErr)
	}
	return sharedScanner
}

const devSetPath = "../../../shared/eval/pii/dev.jsonl"

func loadSet(tb testing.TB, path string) []LabelledText {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Skipf("labelled set not available: %v", err)
	}
	defer f.Close()
	set, err := ReadJSONL(f)
	if err != nil {
		tb.Fatal(err)
	}
	return set
}

// TestEvaluationReport prints per-type recall and precision for the
// development set and the repository's own test set. Run it with -v.
func TestEvaluationReport(t *testing.T) {
	s := scanner(t)
	for _, set := range []struct{ name, path string }{
		{"dev (shared/eval/pii/dev.jsonl)", devSetPath},
		{"test (cases/anonymise/testdata/test.jsonl)", "testdata/test.jsonl"},
		{"holdout (cases/anonymise/testdata/holdout.jsonl)", "testdata/holdout.jsonl"},
		{"blind (cases/anonymise/testdata/blind.jsonl, scored blind once, then tuned on)", "testdata/blind.jsonl"},
		{"blind2 (cases/anonymise/testdata/blind2.jsonl, scored blind once, then tuned on)", "testdata/blind2.jsonl"},
		{"blind3 (cases/anonymise/testdata/blind3.jsonl, scored blind once, then tuned on)", "testdata/blind3.jsonl"},
		{"blind4 (cases/anonymise/testdata/blind4.jsonl, scored blind once, then tuned on)", "testdata/blind4.jsonl"},
		{"blind5 (cases/anonymise/testdata/blind5.jsonl, scored blind once, then tuned on)", "testdata/blind5.jsonl"},
		{"blind6 (cases/anonymise/testdata/blind6.jsonl, two more writers who never saw the rules: case texts, lessons, actions)", "testdata/blind6.jsonl"},
		{"blind7 (cases/anonymise/testdata/blind7.jsonl, one more writer who never saw the rules: many writers' voices and backgrounds)", "testdata/blind7.jsonl"},
		{"blind8 (cases/anonymise/testdata/blind8.jsonl, one more writer who never saw the rules: forms, identifiers in many formats, names of many origins)", "testdata/blind8.jsonl"},
	} {
		if _, err := os.Stat(set.path); err != nil {
			t.Logf("%s: skipped, %v", set.name, err)
			continue
		}
		var b strings.Builder
		Evaluate(s, loadSet(t, set.path)).WriteTable(&b, set.name)
		t.Log("\n" + b.String())
	}
}

// TestQualityFloor fails the build when quality drops below the figures
// measured when the floors were set (docs/anonymisation.md): direct recall
// was 1.000 on the test and dev sets, so no direct identifier that is found
// today may be missed tomorrow, and no set may lose what it has.
func TestQualityFloor(t *testing.T) {
	floors := []struct {
		name, path                            string
		directRecall, directPrec, quasiRecall float64
	}{
		{"test", "testdata/test.jsonl", 1.0, 0.98, 0.97},
		{"dev", devSetPath, 1.0, 0.98, 0.97},
		{"holdout", "testdata/holdout.jsonl", 1.0, 0.98, 0.96},
		// The blind sets after they were scored once and tuned on; their
		// first, untuned scores are in docs/anonymisation.md.
		{"blind", "testdata/blind.jsonl", 1.0, 0.99, 0.99},
		{"blind2", "testdata/blind2.jsonl", 1.0, 0.985, 0.95},
		{"blind3", "testdata/blind3.jsonl", 0.995, 0.99, 0.98},
		{"blind4", "testdata/blind4.jsonl", 0.995, 0.985, 0.955},
		{"blind5", "testdata/blind5.jsonl", 1.0, 0.985, 0.95},
		// blind6 was scored once and not tuned on: its floor is that score.
		{"blind6", "testdata/blind6.jsonl", 0.984, 0.97, 0.95},
		// blind7 was scored once (482/503 = 0.958, 0.953, 227/239 = 0.950,
		// docs/anonymisation.md) and then tuned on: the tuned figures.
		{"blind7", "testdata/blind7.jsonl", 0.985, 0.97, 0.95},
		// blind8 was scored once (460/466 = 0.966 found, 0.978, 0.926,
		// docs/anonymisation.md) and then tuned on: the tuned figures.
		{"blind8", "testdata/blind8.jsonl", 0.99, 0.98, 0.93},
	}
	for _, fl := range floors {
		t.Run(fl.name, func(t *testing.T) {
			r := Evaluate(scanner(t), loadSet(t, fl.path))
			if got := r.Direct.Recall(); got < fl.directRecall {
				t.Errorf("direct-identifier recall = %.3f, floor %.3f; missed: %q", got, fl.directRecall, r.Misses)
			}
			if got := r.Direct.Precision(); got < fl.directPrec {
				t.Errorf("direct-identifier precision = %.3f, floor %.3f; false alarms: %q", got, fl.directPrec, r.FalseAlarms)
			}
			if got := r.Quasi.Recall(); got < fl.quasiRecall {
				t.Errorf("quasi-identifier recall = %.3f, floor %.3f; missed: %q", got, fl.quasiRecall, r.Misses)
			}
			for _, typ := range []Type{BSN, Phone, Email, IBAN} {
				if sc := r.ByType[typ]; sc.GoldHit != sc.Gold {
					t.Errorf("%s: %d of %d found; none may be missed", typ, sc.GoldHit, sc.Gold)
				}
			}
		})
	}
}

// TestOwnSetsInSync checks that the JSONL files were regenerated from
// their sources (go run ./cases/anonymise/internal/srcjsonl).
func TestOwnSetsInSync(t *testing.T) {
	for _, name := range []string{"test", "holdout", "blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8"} {
		src, err := os.ReadFile("testdata/" + name + ".src.txt")
		if err != nil {
			t.Fatal(err)
		}
		want, err := ParseSource(string(src), name)
		if err != nil {
			t.Fatal(err)
		}
		got := loadSet(t, "testdata/"+name+".jsonl")
		if len(got) != len(want) {
			t.Fatalf("%s.jsonl has %d texts, the source %d: regenerate it", name, len(got), len(want))
		}
		for i := range want {
			if got[i].ID != want[i].ID || got[i].Text != want[i].Text || len(got[i].Entities) != len(want[i].Entities) {
				t.Fatalf("%s differs from the source: regenerate %s.jsonl", want[i].ID, name)
			}
			for k, e := range want[i].Entities {
				if got[i].Entities[k] != e || want[i].Text[e.Start:e.End] != e.Text {
					t.Fatalf("%s entity %d differs", want[i].ID, k)
				}
			}
		}
	}
}

// TestParseSourceMatchesDevSet checks ParseSource against the offsets of the
// shared development set.
func TestParseSourceMatchesDevSet(t *testing.T) {
	src, err := os.ReadFile("../../../shared/eval/pii/dev.src.txt")
	if err != nil {
		t.Fatalf("the shared development set is part of the suite (CI has ../shared beside the repo): %v", err)
	}
	parsed, err := ParseSource(string(src), "dev")
	if err != nil {
		t.Fatal(err)
	}
	dev := loadSet(t, devSetPath)
	if len(parsed) != len(dev) {
		t.Fatalf("parsed %d texts, dev.jsonl has %d", len(parsed), len(dev))
	}
	for i := range dev {
		if !bytes.Equal([]byte(parsed[i].Text), []byte(dev[i].Text)) || len(parsed[i].Entities) != len(dev[i].Entities) {
			t.Fatalf("%s: parse differs", dev[i].ID)
		}
		for k := range dev[i].Entities {
			if parsed[i].Entities[k] != dev[i].Entities[k] {
				t.Fatalf("%s: entity %d: %+v vs %+v", dev[i].ID, k, parsed[i].Entities[k], dev[i].Entities[k])
			}
		}
	}
}
