package main

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"io"
	"strings"

	"leerlus/policy"
)

func runAdmin(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] != "create" {
		fmt.Fprintln(stderr, "usage: leerlus admin create --email E --name N [--password-stdin]")
		return 2
	}
	var cfg config
	var email, name string
	var fromStdin bool
	fs := newFlags("admin create", &cfg, stderr)
	fs.StringVar(&email, "email", "", "e-mail address of the administrator")
	fs.StringVar(&name, "name", "", "display name")
	fs.BoolVar(&fromStdin, "password-stdin", false, "read the password from the first line of stdin instead of generating one")
	if err := parse(fs, args[1:]); err != nil {
		return 2
	}
	log, err := cfg.logger(stderr)
	if err != nil {
		fmt.Fprintln(stderr, "leerlus:", err)
		return 2
	}
	password := ""
	if fromStdin {
		line, err := bufio.NewReader(stdin).ReadString('\n')
		if err != nil && err != io.EOF {
			fmt.Fprintln(stderr, "leerlus admin: read password:", err)
			return 1
		}
		password = strings.TrimRight(line, "\r\n")
	} else {
		password = generatePassword()
	}
	db, err := cfg.openDatabase(ctx, log)
	if err != nil {
		fmt.Fprintln(stderr, "leerlus admin:", err)
		return 1
	}
	defer db.Close()
	svc := policy.NewService(db, nil, cfg.policyConfig())
	p, err := svc.CreatePerson(ctx, policy.Actor{ClientAddr: "cli"}, policy.NewPerson{Email: email, Name: name, Password: password, IsAdmin: true})
	if err != nil {
		fmt.Fprintln(stderr, "leerlus admin:", err)
		return 1
	}
	fmt.Fprintf(stdout, "administrator created: %s <%s>\n", p.Name, p.Email)
	if !fromStdin {
		fmt.Fprintf(stdout, "password (shown once): %s\n", password)
	}
	return 0
}

// generatePassword returns 20 random URL-safe characters (120 bits).
func generatePassword() string {
	b := make([]byte, 15)
	rand.Read(b) //nolint:errcheck // crypto/rand does not fail
	return base64.RawURLEncoding.EncodeToString(b)
}
