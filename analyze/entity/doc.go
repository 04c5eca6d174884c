// Package entity finds the people, organisations and places an article names, with their
// aliases, mentions and roles, from the capitalised runs of its text and the gazetteers
// beside it (gazetteer/); it knows a first name's gender from public name lists and resolves
// a quote's speaker to the person the article names. Rules of our own, values in and values
// out, no I/O.
package entity
