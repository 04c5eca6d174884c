package fetch

import (
	"bufio"
	"bytes"
	"strconv"
	"strings"
	"time"
)

// Robots is a parsed robots.txt (RFC 9309): the rules of the group that applies to one
// user-agent token.
type Robots struct {
	rules []robotsRule
	// Delay is the group's Crawl-delay, zero when it gives none.
	Delay time.Duration
}

type robotsRule struct {
	allow   bool
	pattern string // may hold "*" and a final "$"
}

// maxRobots is how much of a robots.txt is read (RFC 9309 asks crawlers to read at least 500 KiB).
const maxRobots = 512 << 10

// ParseRobots reads the rules that apply to the user-agent token agent ("crosscheck"): those of
// the groups naming it, or when none does, those of the "*" groups.
func ParseRobots(body []byte, agent string) *Robots {
	if len(body) > maxRobots {
		body = body[:maxRobots]
	}
	agent = strings.ToLower(agent)
	var mine, star Robots
	var haveMine bool
	var agents []string
	inRules := false
	sc := bufio.NewScanner(bytes.NewReader(body))
	sc.Buffer(make([]byte, 0, 4096), maxRobots)
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "#")
		key, value, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		key = strings.ToLower(strings.TrimSpace(key))
		value = strings.TrimSpace(value)
		switch key {
		case "user-agent":
			if inRules {
				agents, inRules = nil, false
			}
			agents = append(agents, strings.ToLower(value))
			continue
		case "allow", "disallow", "crawl-delay":
		default:
			continue
		}
		inRules = true
		for _, a := range agents {
			var g *Robots
			switch {
			case a == "*":
				g = &star
			case a != "" && strings.HasPrefix(agent, a):
				g, haveMine = &mine, true
			default:
				continue
			}
			switch key {
			case "crawl-delay":
				if s, err := strconv.ParseFloat(value, 64); err == nil && s > 0 {
					g.Delay = time.Duration(min(s, 60) * float64(time.Second))
				}
			default:
				if value != "" { // "Disallow:" with no path allows everything
					g.rules = append(g.rules, robotsRule{allow: key == "allow", pattern: value})
				}
			}
		}
	}
	if haveMine {
		return &mine
	}
	return &star
}

// Allowed reports whether path (with its query) may be fetched: the longest matching rule
// decides, and an allow wins a tie.
func (r *Robots) Allowed(path string) bool {
	if r == nil || path == "/robots.txt" {
		return true
	}
	best, allowed := -1, true
	for _, rule := range r.rules {
		if !robotsMatch(rule.pattern, path) {
			continue
		}
		n := len(rule.pattern)
		if n > best || (n == best && rule.allow) {
			best, allowed = n, rule.allow
		}
	}
	return allowed
}

// robotsMatch matches a path against a rule's pattern: a prefix match where "*" stands for any
// run of characters and a final "$" anchors the end.
func robotsMatch(pattern, path string) bool {
	anchored := strings.HasSuffix(pattern, "$")
	pattern = strings.TrimSuffix(pattern, "$")
	parts := strings.Split(pattern, "*")
	if !strings.HasPrefix(path, parts[0]) {
		return false
	}
	rest := path[len(parts[0]):]
	for i, p := range parts[1:] {
		last := i == len(parts)-2
		if last && anchored {
			return strings.HasSuffix(rest, p)
		}
		j := strings.Index(rest, p)
		if j < 0 {
			return false
		}
		rest = rest[j+len(p):]
	}
	return !anchored || rest == ""
}
