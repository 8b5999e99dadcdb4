package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"sync"
	"sync/atomic"
	"text/tabwriter"
	"time"
)

// endpoint is one request the load repeats.
type endpoint struct {
	name   string
	path   string
	cookie string // the session cookie value, or "" for anonymous
}

// endpointCount is how many endpoints each client count drives.
const endpointCount = 4

// client sends the load over one keep-alive transport.
type client struct {
	base string
	http *http.Client
}

func newClient(base string, conns int) *client {
	t := &http.Transport{MaxIdleConns: conns, MaxIdleConnsPerHost: conns, MaxConnsPerHost: conns,
		IdleConnTimeout: time.Minute, DisableCompression: true}
	return &client{base: base, http: &http.Client{Transport: t, Timeout: 10 * time.Second}}
}

// signIn returns the session cookie value.
func (c *client) signIn(ctx context.Context, email, password string) (string, error) {
	body, _ := json.Marshal(map[string]string{"email": email, "password": password})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/api/v1/session", bytes.NewReader(body))
	if err != nil {
		return "", err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.http.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	io.Copy(io.Discard, resp.Body) //nolint:errcheck // only the cookie matters
	if resp.StatusCode != http.StatusCreated && resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("sign in: %s", resp.Status)
	}
	for _, ck := range resp.Cookies() {
		if ck.Name == "leerlus_session" {
			return ck.Value, nil
		}
	}
	return "", errors.New("sign in: no session cookie")
}

// facilitatedNetwork returns the id of a network where the signed-in
// person is facilitator, from GET /api/v1/me.
func (c *client) facilitatedNetwork(ctx context.Context, cookie string) (string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base+"/api/v1/me", nil)
	if err != nil {
		return "", err
	}
	req.AddCookie(&http.Cookie{Name: "leerlus_session", Value: cookie})
	resp, err := c.http.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var me struct {
		Memberships []struct {
			Role    string `json:"role"`
			Network struct {
				ID string `json:"id"`
			} `json:"network"`
		} `json:"memberships"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&me); err != nil {
		return "", fmt.Errorf("GET /api/v1/me: %s: %w", resp.Status, err)
	}
	for _, m := range me.Memberships {
		if m.Role == "facilitator" {
			return m.Network.ID, nil
		}
	}
	return "", errors.New("the demo facilitator facilitates no network")
}

// result is one measurement.
type result struct {
	endpoint  string
	requests  int
	errors    int
	elapsed   time.Duration
	latencies []time.Duration // sorted
}

// add merges another slice of the same endpoint's measurement.
func (r *result) add(o result) {
	r.endpoint = o.endpoint
	r.requests += o.requests
	r.errors += o.errors
	r.elapsed += o.elapsed
	r.latencies = append(r.latencies, o.latencies...)
	slices.Sort(r.latencies)
}

func (r result) rate() float64 { return float64(r.requests) / r.elapsed.Seconds() }

func (r result) percentile(p float64) time.Duration {
	if len(r.latencies) == 0 {
		return 0
	}
	return r.latencies[min(len(r.latencies)-1, int(p*float64(len(r.latencies))))]
}

// drive runs n clients that each send e's request as soon as the previous
// answer is read, for d or until maxRequests requests were sent.
func (c *client) drive(ctx context.Context, e endpoint, n int, d time.Duration, maxRequests int) (result, error) {
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	var (
		sent     atomic.Int64
		failures atomic.Int64
		mu       sync.Mutex
		all      []time.Duration
		wg       sync.WaitGroup
		firstErr error
	)
	start := time.Now()
	for range n {
		wg.Go(func() {
			lat := make([]time.Duration, 0, 4096)
			for ctx.Err() == nil && sent.Add(1) <= int64(maxRequests) {
				t := time.Now()
				err := c.get(ctx, e)
				if ctx.Err() != nil {
					break // cut off by the end of the measurement
				}
				lat = append(lat, time.Since(t))
				if err != nil {
					if failures.Add(1) == 1 {
						mu.Lock()
						firstErr = err
						mu.Unlock()
					}
				}
			}
			mu.Lock()
			all = append(all, lat...)
			mu.Unlock()
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	if err := context.Cause(ctx); err != nil && !errors.Is(err, context.DeadlineExceeded) {
		return result{}, err
	}
	if f := failures.Load(); f > 0 && f*100 > int64(len(all)) {
		return result{}, fmt.Errorf("%s: %d of %d requests failed, first: %v", e.name, f, len(all), firstErr)
	}
	slices.Sort(all)
	return result{endpoint: e.name, requests: len(all), errors: int(failures.Load()), elapsed: elapsed, latencies: all}, nil
}

func (c *client) get(ctx context.Context, e endpoint) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base+e.path, nil)
	if err != nil {
		return err
	}
	if e.cookie != "" {
		req.AddCookie(&http.Cookie{Name: "leerlus_session", Value: e.cookie})
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	_, err = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s: %s", e.path, resp.Status)
	}
	return nil
}

// report prints one table per client count; the first result is /healthz.
func report(w io.Writer, clients int, rs []result) {
	fmt.Fprintf(w, "\n%d concurrent clients\n", clients)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "endpoint\trequests\treq/s\tp50\tp95\tp99\tmax\terrors\tof /healthz\t")
	for _, r := range rs {
		fmt.Fprintf(tw, "%s\t%d\t%.0f\t%s\t%s\t%s\t%s\t%d\t%.0f %%\t\n", r.endpoint, r.requests, r.rate(),
			ms(r.percentile(0.50)), ms(r.percentile(0.95)), ms(r.percentile(0.99)), ms(r.percentile(1)),
			r.errors, 100*r.rate()/rs[0].rate())
	}
	tw.Flush()
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000) }
