// Package crosscheck holds the domain of crosscheck: the documents it ingests, the clean
// articles it extracts from them, and the Store that keeps both.
//
// crosscheck reads news from many outlets and tells, story by story, what the sources agree on,
// where they contradict each other, who said what, and which articles are copies of others.
// Data flows one way through pipeline stages that live in their own packages (ingest, extract,
// clean, charset); each takes values and returns values. The Store is the only shared state.
// Nothing in this package imports a database, a network client or an HTTP server: those live at
// the edge (sqlite, postgres, cmd/crosscheck).
package crosscheck
