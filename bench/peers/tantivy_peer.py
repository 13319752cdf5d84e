#!/usr/bin/env python3
"""Tantivy peer (PyPI `tantivy`, the Python binding of the Rust library).

Analysis: a custom analyzer registered as "nl": SimpleTokenizer (splits on
anything not alphanumeric) -> RemoveLong(40) -> LowerCaser -> Stemmer("dutch")
-- tantivy's default text analyzer plus the Dutch Snowball stemmer of
rust-stemmers.  The text field is indexed with positions and stored.  There is
only this one (stemmed) field, so phrases match sequences of stems, not of
exact forms (the usual single-field tantivy setup).

Other fields: `type` (raw tokenizer, one term), `date` (i64 YYYYMMDD, indexed
and fast, for range queries), `pid` (u64 fast field: the passage's line number
in the JSONL, fetched for the top 10 without reading the document store), and
`doc_id`/`passage` stored.  Writer: 2 threads, 256 MB heap, one commit at the
end, then wait for merges so the index on disk is final.

Searching: queries are built from the neutral form (not through the query
parser): word -> TermQuery of its analysed token, phrase -> PhraseQuery of the
analysed words, items joined by Must or Should clauses, filters as Must
clauses scoring nothing (term query for type, range query for date).  BM25.
Count: Searcher.search(count=True), tantivy's Count collector: exact.
"""
import os
import sys

import tantivy
from tantivy import Filter, Occur, Query, SchemaBuilder, TextAnalyzerBuilder, Tokenizer

import peercommon

ENGINE = "tantivy"
ANALYZER = "nl"
HEAP = 256 * 1024 * 1024
THREADS = 2


def make_analyzer():
    return (TextAnalyzerBuilder(Tokenizer.simple())
            .filter(Filter.remove_long(40))
            .filter(Filter.lowercase())
            .filter(Filter.stemmer("dutch"))
            .build())


def make_schema():
    sb = SchemaBuilder()
    sb.add_text_field("text", stored=True, tokenizer_name=ANALYZER, index_option="position")
    sb.add_text_field("type", stored=False, tokenizer_name="raw", index_option="basic")
    sb.add_integer_field("date", stored=False, indexed=True, fast=True)
    sb.add_unsigned_field("pid", stored=False, indexed=False, fast=True)
    sb.add_text_field("doc_id", stored=True, tokenizer_name="raw", index_option="basic")
    sb.add_integer_field("passage", stored=True)
    return sb.build()


def open_index(dirpath, schema=None):
    index = tantivy.Index(schema, path=dirpath) if schema is not None else tantivy.Index.open(dirpath)
    index.register_tokenizer(ANALYZER, make_analyzer())
    return index


def build_index(passages, dirpath):
    schema = make_schema()
    index = open_index(dirpath, schema)
    writer = index.writer(heap_size=HEAP, num_threads=THREADS)
    for ordinal, rec in passages:
        doc = tantivy.Document()
        doc.add_text("text", rec["text"])
        doc.add_unsigned("pid", ordinal)
        doc.add_text("doc_id", rec["doc_id"])
        doc.add_integer("passage", int(rec["passage"]))
        if rec.get("type"):
            doc.add_text("type", rec["type"])
        if rec.get("date"):
            doc.add_integer("date", int(rec["date"].replace("-", "")))
        writer.add_document(doc)
    writer.commit()
    writer.wait_merging_threads()
    return split_sizes(dirpath)


def split_sizes(dirpath):
    """Tantivy segment files by extension: .idx postings, .pos positions, .term dictionary, .store docs."""
    by_ext = {}
    for name in os.listdir(dirpath):
        ext = name.rsplit(".", 1)[-1] if "." in name else name
        by_ext[ext] = by_ext.get(ext, 0) + os.path.getsize(os.path.join(dirpath, name))
    postings = sum(by_ext.get(e, 0) for e in ("idx", "pos", "term"))
    return {"index_bytes_postings_positions": postings, "index_bytes_stored": by_ext.get("store", 0),
            "tantivy_files": by_ext}


class Searcher:
    def __init__(self, dirpath):
        self.index = open_index(dirpath)
        self.schema = self.index.schema
        self.searcher = self.index.searcher()
        self.analyzer = make_analyzer()

    def tokens(self, word):
        return self.analyzer.analyze(word)

    def build(self, query):
        clauses = []
        for item in query["items"]:
            words = [item["word"]] if "word" in item else item["phrase"]
            toks = [t for w in words for t in self.tokens(w)]
            if not toks:
                sub = Query.empty_query()
            elif len(toks) == 1:
                sub = Query.term_query(self.schema, "text", toks[0], index_option="freq" if "word" in item else "position")
            else:
                sub = Query.phrase_query(self.schema, "text", toks)
            clauses.append(sub)
        occur = Occur.Should if query["operator"] == "or" else Occur.Must
        q = clauses[0] if len(clauses) == 1 else Query.boolean_query([(occur, c) for c in clauses])
        flt = query["filter"]
        filters = []
        if flt["doc_type"]:
            filters.append(Query.term_query(self.schema, "type", flt["doc_type"], index_option="basic"))
        if flt["date_from"] or flt["date_to"]:
            lo = int(flt["date_from"].replace("-", "")) if flt["date_from"] else None
            hi = int(flt["date_to"].replace("-", "")) if flt["date_to"] else None
            filters.append(Query.range_query(self.schema, "date", tantivy.FieldType.Integer, lo, hi))
        if filters:
            q = Query.boolean_query([(Occur.Must, q)] +
                                    [(Occur.Must, Query.const_score_query(f, 0.0)) for f in filters])
        return q

    def run(self, query):
        result = self.searcher.search(self.build(query), peercommon.TOP_K, count=True)
        addresses = [addr for _score, addr in result.hits]
        self.last_top = self.searcher.fast_field_values("pid", addresses) if addresses else []
        return result.count, True


def open_searcher(dirpath):
    return Searcher(dirpath)


if __name__ == "__main__":
    peercommon.main(sys.modules[__name__])
