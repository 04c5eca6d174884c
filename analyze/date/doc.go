// Package date finds the temporal expressions of a text and resolves them, TIMEX3-style, to
// calendar values against the article's date: "last Tuesday", "the third quarter", "five
// years", and reads the timeline of an article, where a phrase refers back to the quarter or
// the year the sentence before named. Values in and values out, no I/O.
package date
