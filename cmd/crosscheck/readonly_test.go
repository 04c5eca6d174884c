package main

import (
	"bytes"
	"context"
	"database/sql"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestReadOnlyStoreServesReads makes a store the running user may read but not write — as
// root, by running crosscheck as nobody; otherwise by taking the write bits away — and shows
// that the reading verbs answer, the writing verbs say the store is read-only, and the file
// is left as it was.
func TestReadOnlyStoreServesReads(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "store.db")
	if code, _, errOut := run(t, "", "demo", "--db", db); code != 0 {
		t.Fatalf("demo: %d %s", code, errOut)
	}
	followed := "https://example.org/rss.xml" // a followed feed, for feeds remove to be refused
	if sdb, err := sql.Open("sqlite", db); err != nil {
		t.Fatal(err)
	} else {
		if _, err := sdb.Exec(`INSERT INTO feeds (url, added) VALUES (?, '2026-01-01T00:00:00Z')`, followed); err != nil {
			t.Fatal(err)
		}
		sdb.Close()
	}
	os.Remove(db + "-wal")
	os.Remove(db + "-shm")
	before, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	// a copy whose schema lacks this version's last migration: a writer must bring it up to date
	old := filepath.Join(dir, "old.db")
	copyFile(t, db, old)
	if sdb, err := sql.Open("sqlite", old); err != nil {
		t.Fatal(err)
	} else {
		if _, err := sdb.Exec(`DELETE FROM schema_migrations WHERE version = (SELECT MAX(version) FROM schema_migrations)`); err != nil {
			t.Fatal(err)
		}
		sdb.Close()
	}
	os.Remove(old + "-wal")
	os.Remove(old + "-shm")
	note := filepath.Join(dir, "note.txt")
	os.WriteFile(note, []byte("A short note about the Sarn dam.\n\nThe talks went on for three hours."), 0o644)

	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	bin := self
	var cred *syscall.Credential
	if os.Geteuid() == 0 {
		// root writes whatever the mode bits say: run as nobody, from a copy nobody may run
		bin = filepath.Join(dir, "crosscheck")
		copyFile(t, self, bin)
		cred = &syscall.Credential{Uid: 65534, Gid: 65534}
		for p := dir; p != "/" && p != filepath.Dir(p); p = filepath.Dir(p) {
			if info, err := os.Stat(p); err == nil && info.Mode().Perm()&0o005 != 0o005 {
				os.Chmod(p, info.Mode().Perm()|0o005) // nobody may pass through, not write
			}
		}
		os.Chmod(bin, 0o755)
		os.Chmod(db, 0o644)
		os.Chmod(old, 0o644)
		os.Chmod(note, 0o644)
	} else {
		os.Chmod(db, 0o444)
		os.Chmod(old, 0o444)
		os.Chmod(dir, 0o555)
		t.Cleanup(func() { os.Chmod(dir, 0o755) })
	}
	crosscheckWithin := func(limit time.Duration, args ...string) (int, string, string) {
		ctx, cancel := context.WithTimeout(context.Background(), limit)
		defer cancel()
		cmd := exec.CommandContext(ctx, bin, args...)
		cmd.Env = append(os.Environ(), "CROSSCHECK_AS_MAIN=1", "HOME="+dir)
		if cred != nil {
			cmd.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
		}
		var out, errOut bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errOut
		err := cmd.Run()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		return code, out.String(), errOut.String()
	}
	crosscheck := func(args ...string) (int, string, string) { return crosscheckWithin(time.Minute, args...) }

	code, out, errOut := crosscheck("stories", "--db", db)
	if code != 0 || !strings.Contains(out, "Sarn dam") {
		t.Fatalf("stories on a read-only store: %d\n%s\n%s", code, out, errOut)
	}
	story := strings.Fields(strings.Split(out, "\n")[1])[0]
	if code, out, errOut := crosscheck("report", "--db", db, "--format", "md", story); code != 0 || !strings.Contains(out, "Sarn") {
		t.Errorf("report on a read-only store: %d\n%s\n%s", code, out, errOut)
	}
	if code, out, errOut := crosscheck("articles", "--db", db); code != 0 || !strings.Contains(out, "coastline-post") {
		t.Errorf("articles on a read-only store: %d\n%s\n%s", code, out, errOut)
	}
	for _, args := range [][]string{{"reanalyze", "--db", db}, {"ingest", "--db", db, note}, {"feeds", "remove", "--db", db, followed}} {
		code, _, errOut := crosscheck(args...)
		if code == 0 || !strings.Contains(errOut, "read-only") {
			t.Errorf("%s on a read-only store: exit %d, %q; want an error that says the store is read-only", args[0], code, errOut)
		}
	}
	// a server that follows feeds writes each round: over a read-only store it is refused at
	// once (the deadline stops a server that starts instead)
	if code, _, errOut := crosscheckWithin(20*time.Second, "serve", "--db", db, "--follow", "--addr", "127.0.0.1:0"); code <= 0 || !strings.Contains(errOut, "read-only") {
		t.Errorf("serve --follow on a read-only store: exit %d, %q; want an error that says the store is read-only", code, errOut)
	}
	if code, _, errOut := crosscheck("stories", "--db", old); code == 0 || !strings.Contains(errOut, "older than this crosscheck's") {
		t.Errorf("stories on a read-only store of an older schema: exit %d, %q; want an error that says the schema is out of date", code, errOut)
	}
	after, _ := os.ReadFile(db)
	if !bytes.Equal(before, after) {
		t.Error("the read-only store's file changed")
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	in, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}
