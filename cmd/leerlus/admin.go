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
	db, code := openForCommand(ctx, "admin", fs, &cfg, args[1:], stderr)
	if code != 0 {
		return code
	}
	defer db.Close()
	password := ""
	if fromStdin {
		line, err := bufio.NewReader(stdin).ReadString('\n')
		if err != nil && err != io.EOF {
			return fail(stderr, "admin", err)
		}
		password = strings.TrimRight(line, "\r\n")
	} else {
		password = generatePassword()
	}
	svc := policy.NewService(db, nil, cfg.policyConfig())
	p, err := svc.CreatePerson(ctx, policy.Actor{ClientAddr: "cli"}, policy.NewPerson{Email: email, Name: name, Password: password, IsAdmin: true})
	if err != nil {
		return fail(stderr, "admin", err)
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
