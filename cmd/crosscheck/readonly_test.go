package main

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
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
	os.Remove(db + "-wal")
	os.Remove(db + "-shm")
	before, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
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
		os.Chmod(note, 0o644)
	} else {
		os.Chmod(db, 0o444)
		os.Chmod(dir, 0o555)
		t.Cleanup(func() { os.Chmod(dir, 0o755) })
	}
	crosscheck := func(args ...string) (int, string, string) {
		cmd := exec.Command(bin, args...)
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
	for _, args := range [][]string{{"reanalyze", "--db", db}, {"ingest", "--db", db, note}} {
		code, _, errOut := crosscheck(args...)
		if code == 0 || !strings.Contains(errOut, "read-only") {
			t.Errorf("%s on a read-only store: exit %d, %q; want an error that says the store is read-only", args[0], code, errOut)
		}
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
