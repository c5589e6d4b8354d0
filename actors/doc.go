// Package actors recognises the people, organisations, countries and places named in an article
// and resolves each mention to an actor: a country (ISO 3166-1 alpha-3 id), a state institution
// (ISO3-SECTOR), a registry person, organisation or collective (slug id), or an unknown name
// found by generic recognition ("x-" + slug).
//
// The registry is a set of tab-separated files in data/ (see docs/ACTORS.md), embedded in the
// binary and loaded once by New. Matching runs over the folded tokens of segment with a token
// n-gram map; resolution within the document links surnames, acronyms, handles, role words
// ("le président russe" → the person in office on the document date) and metonymy (Bamako,
// le Kremlin → the government).
package actors
