package main

import (
	"context"
	"fmt"

	"github.com/crosscheck/crosscheck/pipeline"
	"github.com/crosscheck/crosscheck/render"
)

func (m *Main) report(ctx context.Context, args []string) error {
	fs := m.flags("report", "[--format json|md|html] STORY", `Prints what the articles of a story agree on and where they conflict, how each outlet
worded each quote, which articles derive from which, and what does not fit — every finding
with the sentence it comes from. STORY is a story id or the id of one of its articles. The
report is stored and made again only when the story's articles change.
The JSON is documented in docs/report.md.`,
		`  crosscheck report 001_4ca82ed4cbe05626
  crosscheck report --format html story-000_6f7de8062ea9ba3a > story.html
  crosscheck report --format json 001_4ca82ed4cbe05626 | jq '.facts[] | select(.verdict == "conflict")'`)
	db := m.dbFlag(fs)
	format := fs.String("format", "md", "json, md (Markdown) or html")
	ids, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(ids) != 1 || (*format != "json" && *format != "md" && *format != "html") {
		fmt.Fprintln(m.Stderr, "crosscheck report: name one story (see crosscheck stories) and a format of json, md or html")
		return errUsage
	}
	store, err := m.openExisting(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	r, err := pipeline.StoryReport(ctx, store, ids[0])
	if err != nil {
		return err
	}
	switch *format {
	case "json":
		enc := newEncoder(m.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(r)
	case "html":
		var ids []string
		for _, a := range r.Articles {
			ids = append(ids, a.ID)
		}
		articles, err := pipeline.Articles(ctx, store, ids)
		if err != nil {
			return err
		}
		return render.HTML(m.Stdout, r, articles)
	}
	return render.Markdown(m.Stdout, r)
}
