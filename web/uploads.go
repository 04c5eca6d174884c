package web

import (
	"fmt"
	"github.com/crosscheck/crosscheck/internal/process"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// uploadPrefix names the folders uploads are saved in while they are ingested; the process's
// id follows it, so that a server can tell the folders a killed server left behind.
const uploadPrefix = "crosscheck-upload-"

// uploadDir makes a folder for one request's uploads.
func uploadDir() (string, error) {
	return os.MkdirTemp("", fmt.Sprintf("%s%d-", uploadPrefix, os.Getpid()))
}

// removeStaleUploads removes the upload folders of servers that are no longer running: one
// killed while it ingested leaves its folder behind.
func removeStaleUploads() {
	dirs, _ := filepath.Glob(filepath.Join(os.TempDir(), uploadPrefix+"*"))
	for _, d := range dirs {
		pid, err := strconv.Atoi(strings.SplitN(strings.TrimPrefix(filepath.Base(d), uploadPrefix), "-", 2)[0])
		if err != nil || pid == os.Getpid() || running(pid) {
			continue
		}
		os.RemoveAll(d)
	}
}

// running reports whether a process of that id runs; where the system cannot tell, every
// process is taken to run, so that no other server's uploads are removed.
func running(pid int) bool {
	runs, known := process.Runs(pid)
	return runs || !known
}
