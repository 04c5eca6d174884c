// Package group finds which articles tell the same story. Articles become weighted feature
// vectors (word stems, names, numbers; TF-IDF with the document frequencies seen so far), and
// an incremental clusterer places each new article in the story whose centroid it is most
// similar to, or starts a story. Candidate stories come from an inverted index over the
// stories' heaviest features, never from a scan of all stories. It does no I/O.
package group
