#!/usr/bin/python3
"""Xapian peer (Debian's python3-xapian; run it with /usr/bin/python3).

Indexing: xapian.TermGenerator with the Dutch Snowball stemmer and the default
STEM_SOME strategy, so every word is indexed twice: its lower-cased form with
positions (used by phrases) and its stem with a "Z" prefix (used by plain
words).  The document type is a boolean term "XT<type>", the date is value
slot 0 as "YYYYMMDD", "doc_id<TAB>passage" is value slot 1 (the id fetched for
the top 10) and the passage text is the document data (stored text).
Documents are added in one transaction-less run and committed once at the end;
Xapian flushes every XAPIAN_FLUSH_THRESHOLD documents (default 10,000).

Searching: the neutral query is built directly (no QueryParser): a word is
the term "Z"+stem(lower(word)), a phrase is OP_PHRASE over the lower-cased
unstemmed words, items are joined with OP_AND or OP_OR; filters are added with
OP_FILTER (type term) and OP_VALUE_RANGE (date).  BM25 (Xapian's default).
The count: get_mset(0, 10, checkatleast=doccount) makes Xapian count every
match, so get_matches_estimated() is exact (checked: lower bound == upper
bound); hits_exact is reported from that check.
"""
import os
import sys

import xapian

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peercommon  # noqa: E402

ENGINE = "xapian"
SLOT_DATE = 0
SLOT_ID = 1


def build_index(passages, dirpath):
    db = xapian.WritableDatabase(dirpath, xapian.DB_CREATE_OR_OVERWRITE)
    tg = xapian.TermGenerator()
    tg.set_stemmer(xapian.Stem("dutch"))
    tg.set_stemming_strategy(xapian.TermGenerator.STEM_SOME)
    for ordinal, rec in passages:
        doc = xapian.Document()
        tg.set_document(doc)
        tg.index_text(rec["text"])
        if rec.get("type"):
            doc.add_boolean_term("XT" + rec["type"])
        if rec.get("date"):
            doc.add_value(SLOT_DATE, rec["date"].replace("-", ""))
        doc.add_value(SLOT_ID, "%s\t%s" % (rec["doc_id"], rec["passage"]))
        doc.set_data(rec["text"])
        db.add_document(doc)          # docid = ordinal + 1 (documents come in order)
    db.commit()
    db.close()
    return split_sizes(dirpath)


def split_sizes(dirpath):
    """Glass backend files: postlist (postings, also values and doc lengths), position, docdata (stored)."""
    def size(name):
        path = os.path.join(dirpath, name)
        return os.path.getsize(path) if os.path.exists(path) else 0
    postings = size("postlist.glass") + size("position.glass")
    stored = size("docdata.glass")
    if not os.path.exists(os.path.join(dirpath, "postlist.glass")):
        return {"index_bytes_postings_positions": None, "index_bytes_stored": None}
    return {"index_bytes_postings_positions": postings, "index_bytes_stored": stored,
            "xapian_tables": {n: size(n) for n in sorted(os.listdir(dirpath)) if n.endswith(".glass")}}


class Searcher:
    def __init__(self, dirpath):
        self.db = xapian.Database(dirpath)
        self.stem = xapian.Stem("dutch")
        self.doccount = self.db.get_doccount()

    def build(self, query):
        subs = []
        for item in query["items"]:
            if "word" in item:
                subs.append(xapian.Query(b"Z" + self.stem(item["word"].lower())))
            else:
                words = [w.lower() for w in item["phrase"]]
                subs.append(xapian.Query(xapian.Query.OP_PHRASE, words) if len(words) > 1
                            else xapian.Query(words[0]))
        op = xapian.Query.OP_OR if query["operator"] == "or" else xapian.Query.OP_AND
        q = subs[0] if len(subs) == 1 else xapian.Query(op, subs)
        flt = query["filter"]
        if flt["doc_type"]:
            q = xapian.Query(xapian.Query.OP_FILTER, q, xapian.Query("XT" + flt["doc_type"]))
        if flt["date_from"] or flt["date_to"]:
            lo = (flt["date_from"] or "0000-01-01").replace("-", "")
            hi = (flt["date_to"] or "9999-12-31").replace("-", "")
            q = xapian.Query(xapian.Query.OP_FILTER, q,
                             xapian.Query(xapian.Query.OP_VALUE_RANGE, SLOT_DATE, lo, hi))
        return q

    def run(self, query):
        enquire = xapian.Enquire(self.db)
        enquire.set_query(self.build(query))
        mset = enquire.get_mset(0, peercommon.TOP_K, self.doccount)
        self.last_top = [m.document.get_value(SLOT_ID) for m in mset]
        exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound()
        return mset.get_matches_estimated(), exact


def open_searcher(dirpath):
    return Searcher(dirpath)


if __name__ == "__main__":
    peercommon.main(sys.modules[__name__])
