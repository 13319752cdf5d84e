// Search: query language, postings iteration, ranking and snippets.
// Built in issue 5; until then this module is empty on purpose.
