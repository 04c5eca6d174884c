package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	proc "github.com/crosscheck/crosscheck/internal/process"
	"github.com/crosscheck/crosscheck/postgres"
)

// servedNice is the priority a writer takes by itself when a server on this machine serves its
// store: low enough that the server's requests go first whenever both want the cores.
const servedNice = 10

// niceFlag adds --nice to a verb that writes in the background of a server: its work then
// yields the cores to the server's requests whenever both want them. Unset, the verb takes nice
// 10 by itself when a crosscheck server on this machine serves the same store (see
// markServing), and keeps its priority otherwise.
func niceFlag(fs *flag.FlagSet) *int {
	return fs.Int("nice", -1, "run at this lower priority (0–19, as nice(1) says it), so that a server on the same machine answers first; unset: 10 when a crosscheck server on this machine serves the store, else 0")
}

// beNice lowers the process's priority to nice n, when n is above 0; n of -1 (--nice unset)
// is 10 when a server on this machine serves the store db, said on stderr, and 0 otherwise.
func beNice(n int, db string, stderr io.Writer) error {
	if n == -1 {
		pid := servedBy(db)
		if pid == 0 {
			return nil
		}
		if err := lowerPriority(servedNice); err != nil {
			return nil // the server answers more slowly; the work is the same
		}
		fmt.Fprintf(stderr, "a crosscheck server (process %d) serves %s: running at nice %d so that it answers first (--nice 0 keeps the priority)\n", pid, db, servedNice)
		return nil
	}
	if n == 0 {
		return nil
	}
	if n < 0 || n > 19 {
		return fmt.Errorf("--nice %d: give 1 to 19 (a higher priority is not for crosscheck to take)", n)
	}
	if err := lowerPriority(n); err != nil {
		return fmt.Errorf("--nice %d: %w", n, err)
	}
	return nil
}

// servingMark is the file beside a SQLite store that names the process of a server serving
// it on this machine. A PostgreSQL store has none: its servers and writers are on other
// machines as often as not.
func servingMark(db string) string {
	if db == "" || postgres.IsDSN(db) {
		return ""
	}
	return db + ".serving"
}

// markServing writes the serving mark of the store db with this process's id, and returns
// what removes it (only while it still names this process). A folder that cannot be written
// gets no mark: writers then keep their priority.
func markServing(db string) (remove func()) {
	p := servingMark(db)
	me := strconv.Itoa(os.Getpid())
	if p == "" || os.WriteFile(p, []byte(me+"\n"), 0o644) != nil {
		return func() {}
	}
	return func() {
		if b, err := os.ReadFile(p); err == nil && strings.TrimSpace(string(b)) == me {
			os.Remove(p)
		}
	}
}

// servedBy returns the process id of a running server that marked the store db as served, or
// 0 when none does (no mark, or a mark left by a server that is gone).
func servedBy(db string) int {
	p := servingMark(db)
	if p == "" {
		return 0
	}
	b, err := os.ReadFile(p)
	if err != nil {
		return 0
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil || pid <= 0 || pid == os.Getpid() {
		return 0
	}
	if runs, known := proc.Runs(pid); !runs || !known { // where it cannot be told, writers keep their priority
		return 0
	}
	return pid
}
