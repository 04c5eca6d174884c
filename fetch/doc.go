// Package fetch reads pages and feeds from the web the way a careful crawler does: one shared
// HTTP client with a timeout on every phase, a size limit, bounded redirects, gzip and deflate,
// conditional GET, retries with backoff on 5xx and 429 (honouring Retry-After), one request at
// a time per host with a delay, robots.txt honoured and cached, and a User-Agent that names
// crosscheck. Its guard refuses every connection to a loopback, private, link-local,
// multicast, unspecified or cloud-metadata address, checked on the resolved address at connect
// time, so that neither a redirect nor a DNS answer gets around it. URLs are normalised
// (tracking parameters, fragments, default ports, AMP variants, the page's rel=canonical) so
// that one article fetched twice is one article.
package fetch
