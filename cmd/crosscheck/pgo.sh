#!/bin/sh
# Makes default.pgo, the processor profile the go command optimises crosscheck with when it
# builds it (profile-guided optimisation, https://go.dev/doc/pgo: the hot calls of the profile
# are inlined and devirtualised). The profile is of the main job: crosscheck built without one
# ingests Reuters-21578 and the seeds into a new store, then the events with their reports.
# Run it from this directory (go generate does) after a change that moves where the time goes;
# a profile of older code still helps, the go command matching it by function.
#
#   sh pgo.sh [CORPUS]     CORPUS: the shared corpora, ../../../shared/corpus by default
set -eu
corpus=${1:-../../../shared/corpus}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -pgo=off -o "$tmp/crosscheck" .
CROSSCHECK_CPUPROFILE="$tmp/ingest.prof" "$tmp/crosscheck" ingest --db "$tmp/r.db" \
	"$corpus/bulk/reuters21578.jsonl.gz" "$corpus/seeds" >/dev/null 2>&1
CROSSCHECK_CPUPROFILE="$tmp/reports.prof" "$tmp/crosscheck" ingest --reports --db "$tmp/e.db" \
	"$corpus/events" >/dev/null 2>&1
go tool pprof -proto "$tmp/ingest.prof" "$tmp/reports.prof" >default.pgo
echo "default.pgo: $(wc -c <default.pgo) bytes"
