// Command srcjsonl turns a labelled source file ([[type|text]] spans, texts
// separated by "===") into JSONL with UTF-8 byte offsets:
//
//	go run ./cases/anonymise/internal/srcjsonl -prefix test \
//	    < cases/anonymise/testdata/test.src.txt > cases/anonymise/testdata/test.jsonl
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"

	"leerlus/cases/anonymise"
)

func main() {
	prefix := flag.String("prefix", "test", "id prefix")
	flag.Parse()
	if err := run(os.Stdin, os.Stdout, *prefix); err != nil {
		fmt.Fprintln(os.Stderr, "srcjsonl:", err)
		os.Exit(1)
	}
}

func run(r io.Reader, w io.Writer, prefix string) error {
	src, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	set, err := anonymise.ParseSource(string(src), prefix)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for _, lt := range set {
		if err := enc.Encode(lt); err != nil {
			return err
		}
	}
	return bw.Flush()
}
