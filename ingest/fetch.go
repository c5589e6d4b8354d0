package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"sync"
	"syscall"
	"time"
)

// Fetcher gets documents from http(s) URLs politely and safely: a timeout, a size limit,
// at most one request per host per interval, and no private, loopback or link-local
// addresses unless AllowPrivate (checked on the address actually dialled, so a name that
// resolves to 127.0.0.1 or a redirect to one is refused too).
type Fetcher struct {
	Timeout      time.Duration // whole request; default 30 s
	PerHost      time.Duration // least time between two requests to one host; default 1 s
	AllowPrivate bool
	UserAgent    string

	once   sync.Once
	client *http.Client
	mu     sync.Mutex
	next   map[string]time.Time // host → earliest time of its next request
}

// ErrPrivateAddress is wrapped by the error for a URL that leads to a private address.
var ErrPrivateAddress = errors.New("private, loopback or link-local address refused (use --allow-private)")

func (f *Fetcher) init() {
	f.once.Do(func() {
		if f.Timeout <= 0 {
			f.Timeout = 30 * time.Second
		}
		if f.PerHost <= 0 {
			f.PerHost = time.Second
		}
		if f.UserAgent == "" {
			f.UserAgent = "griot (+https://github.com/griot-project/griot)"
		}
		f.next = map[string]time.Time{}
		d := &net.Dialer{Timeout: 10 * time.Second}
		if !f.AllowPrivate {
			d.Control = func(_, address string, _ syscall.RawConn) error {
				ap, err := netip.ParseAddrPort(address)
				if err != nil {
					return fmt.Errorf("%w: %s", ErrPrivateAddress, address)
				}
				a := ap.Addr().Unmap()
				if a.IsLoopback() || a.IsPrivate() || a.IsLinkLocalUnicast() || a.IsLinkLocalMulticast() || a.IsUnspecified() || a.IsMulticast() {
					return fmt.Errorf("%w: %s", ErrPrivateAddress, a)
				}
				return nil
			}
		}
		tr := &http.Transport{DialContext: d.DialContext, Proxy: nil, TLSHandshakeTimeout: 10 * time.Second, MaxIdleConnsPerHost: 2}
		f.client = &http.Client{Transport: tr, Timeout: f.Timeout, CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) >= 5 {
				return errors.New("more than 5 redirects")
			}
			return nil
		}}
	})
}

// wait blocks until host may be asked again.
func (f *Fetcher) wait(ctx context.Context, host string) error {
	f.mu.Lock()
	now := time.Now()
	at := f.next[host]
	if at.Before(now) {
		at = now
	}
	f.next[host] = at.Add(f.PerHost)
	f.mu.Unlock()
	if d := time.Until(at); d > 0 {
		t := time.NewTimer(d)
		defer t.Stop()
		select {
		case <-t.C:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return nil
}

// IsURL reports whether a path is an http(s) URL.
func IsURL(p string) bool {
	return strings.HasPrefix(p, "http://") || strings.HasPrefix(p, "https://")
}

// Fetch gets a URL and reads what it holds (an HTML page, a feed, text, JSON lines, a
// table, WARC, gzip of any) like a file, calling fn for each document.
func (f *Fetcher) Fetch(ctx context.Context, rawURL string, o Options, fn func(Item) error) error {
	f.init()
	fn = checked(o, fn)
	u, err := url.Parse(rawURL)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return fn(Item{Origin: rawURL, Err: fmt.Errorf("not an http(s) URL")})
	}
	if err := f.wait(ctx, u.Host); err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return fn(Item{Origin: rawURL, Err: err})
	}
	req.Header.Set("User-Agent", f.UserAgent)
	resp, err := f.client.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return fn(Item{Origin: rawURL, Err: fmt.Errorf("fetching: %w", err)})
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fn(Item{Origin: rawURL, Err: fmt.Errorf("fetching: HTTP %s", resp.Status)})
	}
	limit := o.maxBytes() * 4
	if resp.ContentLength > limit {
		return fn(Item{Origin: rawURL, Err: fmt.Errorf("%w: %d bytes, over %d", ErrTooLarge, resp.ContentLength, limit)})
	}
	body := io.LimitReader(resp.Body, limit)
	var format Format
	ct, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	switch {
	case ct == "text/html" || ct == "application/xhtml+xml":
		format = HTML
	case strings.Contains(ct, "rss") || strings.Contains(ct, "atom") || ct == "application/feed+json" || ct == "application/xml" || ct == "text/xml":
		format = Feed
	case ct == "application/warc":
		format = WARC
	}
	final := resp.Request.URL.String()
	if format == HTML {
		d, err := ReadHTML(body, final)
		if err != nil {
			return fn(Item{Origin: rawURL, Err: err})
		}
		return fn(Item{Doc: d, Origin: rawURL})
	}
	return readStream(ctx, body, rawURL, format, &Doc{URL: final}, o, fn)
}
