// Package lex splits an article's clean text into sentences and words, and holds the word
// lists and word-level helpers the other analysis packages share: stems, stop words,
// abbreviations, month names and possessives. Values in and values out, no I/O; spans are
// byte offsets into the text.
package lex
