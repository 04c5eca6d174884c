// Package group finds which articles tell the same story. Articles become weighted feature
// vectors (word stems, names, numbers; TF-IDF with the document frequencies seen so far), and
// an incremental clusterer places each new article in the story it is most similar to — the
// cosine with the story's centroid, discounted for a loose story — or starts a story. When
// both are dated, an article published within days of a story needs less similarity to join
// it, and one published months away needs much more. Candidate stories come from an inverted index over the
// stories' heaviest features, never from a scan of all stories. It does no I/O of its own: its
// state is rows behind crosscheck.GroupState (a store's, or a Memory), read as an article
// needs them.
package group
