// Command loadbench measures the request path of the real server: it starts
// the leerlus binary on a free loopback port with a fresh data directory
// and the demo data, signs in as the demo facilitator and drives GET
// /healthz, GET /api/v1/me and three list endpoints of the facilitator's
// network with 50 and 200 concurrent clients, each for a fixed time. It
// prints requests per second, latency percentiles and each endpoint's rate
// as a share of /healthz measured in the same run. At the end it reads the
// server's log and fails when the server answered any request with 500 or
// more or logged an error, also where no client saw it.
//
// All traffic goes to 127.0.0.1; every phase is bounded in time and in
// requests, and the server is stopped at the end. Run it with `make load`.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// options are the command's flags.
type options struct {
	bin         string
	clients     []int
	duration    time.Duration
	warmup      time.Duration
	maxRequests int
	rounds      int
	logLevel    string
	keep        bool
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	var (
		o       options
		clients string
	)
	fs := flag.NewFlagSet("loadbench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.bin, "bin", "bin/leerlus-load", "the leerlus binary to start")
	fs.StringVar(&clients, "clients", "50,200", "comma-separated numbers of concurrent clients")
	fs.DurationVar(&o.duration, "duration", 8*time.Second, "measured time per endpoint and client count (at most 2m)")
	fs.IntVar(&o.rounds, "rounds", 8, "slices each measurement is cut into; the endpoints take turns slice by slice")
	fs.DurationVar(&o.warmup, "warmup", time.Second, "unmeasured time before each measurement (at most 30s)")
	fs.IntVar(&o.maxRequests, "max-requests", 2_000_000, "stop a measurement after this many requests")
	fs.StringVar(&o.logLevel, "log-level", "info", "the server's log level (info logs a line per request, as in production)")
	fs.BoolVar(&o.keep, "keep", false, "keep the server's data directory and log (its path is printed)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	for _, s := range strings.Split(clients, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 || n > 1000 {
			fmt.Fprintf(stderr, "loadbench: clients must be 1 to 1000, not %q\n", s)
			return 2
		}
		o.clients = append(o.clients, n)
	}
	if o.duration <= 0 || o.duration > 2*time.Minute || o.warmup < 0 || o.warmup > 30*time.Second || o.rounds < 1 || o.rounds > 100 || o.maxRequests < o.rounds {
		fmt.Fprintln(stderr, "loadbench: duration must be up to 2m, warmup up to 30s, rounds 1 to 100, max-requests at least rounds")
		return 2
	}
	// A hard bound on the whole run, whatever happens.
	phases := len(o.clients) * endpointCount
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute+time.Duration(phases)*(o.duration+o.warmup+time.Duration(o.rounds)*5*time.Second))
	defer cancel()
	if err := bench(ctx, o, stdout); err != nil {
		fmt.Fprintln(stderr, "loadbench:", err)
		return 1
	}
	return 0
}

func bench(ctx context.Context, o options, stdout io.Writer) error {
	srv, err := startServer(ctx, o.bin, o.logLevel)
	if err != nil {
		return err
	}
	defer func() {
		if o.keep {
			srv.stop()
			fmt.Fprintln(stdout, "server data and log kept in", srv.dir)
		} else {
			srv.remove()
		}
	}()
	c := newClient(srv.base, max(o.clients[0], o.clients[len(o.clients)-1]))
	cookie, err := c.signIn(ctx, demoFacilitator, demoPassword)
	if err != nil {
		return err
	}
	network, err := c.facilitatedNetwork(ctx, cookie)
	if err != nil {
		return err
	}
	endpoints := []endpoint{
		{name: "GET /healthz", path: "/healthz"},
		{name: "GET /api/v1/me", path: "/api/v1/me", cookie: cookie},
		{name: "GET /api/v1/networks/{id}/members", path: "/api/v1/networks/" + network + "/members", cookie: cookie},
		{name: "GET /api/v1/networks/{id}/invitations", path: "/api/v1/networks/" + network + "/invitations", cookie: cookie},
		// Every case list is audited (group commit): the list keeps a write
		// per request on the path.
		{name: "GET /api/v1/networks/{id}/cases", path: "/api/v1/networks/" + network + "/cases", cookie: cookie},
	}
	host, _ := os.Hostname()
	fmt.Fprintf(stdout, "loadbench %s on %s (%d CPUs), %s per endpoint in %d turns after %s warm-up, server log level %s\n",
		time.Now().UTC().Format(time.RFC3339), host, runtime.NumCPU(), o.duration, o.rounds, o.warmup, o.logLevel)
	fmt.Fprintf(stdout, "load average before: %s\n", loadAverage())
	for _, n := range o.clients {
		for _, e := range endpoints {
			if _, err := c.drive(ctx, e, n, o.warmup, o.maxRequests); err != nil {
				return err
			}
		}
		// The endpoints take turns in short slices, so that a change in the
		// machine's other load during the run touches them all alike and
		// the shares of /healthz stay comparable.
		results := make([]result, len(endpoints))
		for range o.rounds {
			for i, e := range endpoints {
				r, err := c.drive(ctx, e, n, o.duration/time.Duration(o.rounds), o.maxRequests/o.rounds)
				if err != nil {
					return err
				}
				results[i].add(r)
			}
		}
		report(stdout, n, results)
	}
	fmt.Fprintf(stdout, "load average after: %s\n", loadAverage())
	// The server's log shows faults no client saw: a request cut off at the
	// end of a slice still runs to its end on the server.
	srv.stop()
	sum, err := summariseLog(srv.dir)
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, sum)
	if sum.serverFault > 0 || sum.errorLines > 0 {
		return fmt.Errorf("the server logged %d answers of 500 or more and %d error lines", sum.serverFault, sum.errorLines)
	}
	return nil
}

// loadAverage is the first line of /proc/loadavg, or "?" off Linux.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	return strings.TrimSpace(string(b))
}
