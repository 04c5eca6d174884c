package web

import (
	"fmt"
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
		if err != nil || pid == os.Getpid() || alive(pid) {
			continue
		}
		os.RemoveAll(d)
	}
}
