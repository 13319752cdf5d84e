#!/usr/bin/env python3
"""SQLite FTS5 peer (Python's built-in sqlite3 module).

Schema: an FTS5 table `p(text)` with tokenizer `unicode61 remove_diacritics 2`
(FTS5 has no Dutch stemmer, so words match only in their written form, folded
to lower case without diacritics).  rowid = the passage's line number in the
JSONL.  A plain table `meta(id INTEGER PRIMARY KEY, doc_id, passage, type, date)`
holds the fields used as filters; a filtered query walks the FTS5 matches and
looks each one up in `meta` by rowid (a CROSS JOIN fixes that order: SQLite's
planner otherwise starts from a type index and runs the match once per row).  The FTS table
keeps its own copy of the text (the default "content" mode), so the index size
includes stored text.

Query: every word and phrase becomes an FTS5 string ("..." with inner quotes
doubled, so no user text is read as FTS5 syntax), joined with AND or OR.
Ranking by bm25() through FTS5's `rank` column.  Filters join `meta` on rowid.
Top 10 = rowids; the count is a separate COUNT(*) over the same match, so it
is exact.
"""
import sqlite3
import sys

import peercommon

ENGINE = "fts5"
DB_NAME = "fts5.db"


def _fts_string(text):
    return '"' + text.replace('"', '""') + '"'


def match_expression(query):
    parts = []
    for item in query["items"]:
        if "word" in item:
            parts.append(_fts_string(item["word"]))
        else:
            parts.append(_fts_string(" ".join(item["phrase"])))
    joiner = " OR " if query["operator"] == "or" else " AND "
    return joiner.join(parts)


def build_index(passages, dirpath):
    path = dirpath + "/" + DB_NAME
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=OFF")
    db.execute("PRAGMA synchronous=OFF")
    db.execute("PRAGMA page_size=4096")
    db.execute("CREATE VIRTUAL TABLE p USING fts5(text, tokenize='unicode61 remove_diacritics 2')")
    db.execute("CREATE TABLE meta(id INTEGER PRIMARY KEY, doc_id TEXT, passage INTEGER, type TEXT, date TEXT)")
    db.execute("BEGIN")
    batch_p, batch_m = [], []

    def flush():
        db.executemany("INSERT INTO p(rowid, text) VALUES (?, ?)", batch_p)
        db.executemany("INSERT INTO meta(id, doc_id, passage, type, date) VALUES (?, ?, ?, ?, ?)", batch_m)
        del batch_p[:], batch_m[:]

    for ordinal, rec in passages:
        rowid = ordinal + 1
        batch_p.append((rowid, rec["text"]))
        batch_m.append((rowid, rec["doc_id"], rec["passage"], rec.get("type"), rec.get("date")))
        if len(batch_p) >= 5000:
            flush()
    flush()
    db.execute("COMMIT")
    split = table_bytes(db)
    db.close()
    return split


def table_bytes(db):
    """Bytes per table from the dbstat virtual table (pages, so incl. free space in them)."""
    sizes = {}
    try:
        for name, size in db.execute("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name"):
            sizes[name] = size
    except sqlite3.OperationalError:
        return {"index_bytes_postings_positions": None, "index_bytes_stored": None}
    postings = sizes.get("p_data", 0) + sizes.get("p_idx", 0)       # doclists with positions + segment index
    stored = sizes.get("p_content", 0) + sizes.get("meta", 0)
    return {"index_bytes_postings_positions": postings, "index_bytes_stored": stored,
            "sqlite_tables": sizes}


class Searcher:
    def __init__(self, dirpath):
        self.db = sqlite3.connect("file:%s/%s?mode=ro" % (dirpath, DB_NAME), uri=True)
        self.db.execute("PRAGMA cache_size=-262144")   # 256 MB page cache

    def run(self, query):
        expr = match_expression(query)
        flt = query["filter"]
        where, params = ["p MATCH ?"], [expr]
        join = ""
        if flt["doc_type"] or flt["date_from"] or flt["date_to"]:
            join = " CROSS JOIN meta m ON m.id = p.rowid"   # CROSS JOIN: FTS5 drives, meta is looked up per match
            if flt["doc_type"]:
                where.append("m.type = ?")
                params.append(flt["doc_type"])
            if flt["date_from"]:
                where.append("m.date >= ?")
                params.append(flt["date_from"])
            if flt["date_to"]:
                where.append("m.date <= ?")
                params.append(flt["date_to"])
        cond = " AND ".join(where)
        top = self.db.execute(
            "SELECT p.rowid FROM p%s WHERE %s ORDER BY p.rank LIMIT %d" % (join, cond, peercommon.TOP_K),
            params).fetchall()
        (count,) = self.db.execute("SELECT COUNT(*) FROM p%s WHERE %s" % (join, cond), params).fetchone()
        self.last_top = [r[0] for r in top]
        return count, True


def open_searcher(dirpath):
    return Searcher(dirpath)


if __name__ == "__main__":
    peercommon.main(sys.modules[__name__])
