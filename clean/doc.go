// Package clean turns the text of one article into its clean body: it repairs mojibake,
// normalises characters and white space, removes page furniture (breadcrumbs, share bars,
// comment forms, labels glued onto sentences, lines the site repeats on every page), keeps a
// paragraph printed twice once, drops the title repeated in the body, and turns bylines and
// credit lines into metadata. Every change is recorded with the rule that made it, and the
// clean text keeps a map back to the source. It does no I/O.
package clean
