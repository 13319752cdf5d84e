/// The API's OpenAPI 3.1 description, written by hand next to the code it describes.
/// `Tests/ServerTests` validates real responses of every endpoint against these schemas, so
/// a change to a response that is not made here too fails a test. Schemas list exactly the
/// fields sent today (`additionalProperties: false`); clients should still ignore fields
/// they do not know, since fields may be added (ARCHITECTURE.md, "Contracts").
enum OpenAPIDocument {
    static let json = #"""
    {
      "openapi": "3.1.0",
      "info": {
        "title": "kamerzoek",
        "version": "1.0.0",
        "description": "Full-text search in Dutch parliamentary documents. Every endpoint answers GET; errors have the body {\"error\": \"…\"}."
      },
      "paths": {
        "/api/search": {
          "get": {
            "operationId": "search",
            "summary": "Search: best passages first, grouped per document (the JSON of `kamerzoek search --json`).",
            "parameters": [
              {"name": "q", "in": "query", "required": true, "description": "The query, in the language of docs/QUERY.md; at most 1000 characters. Empty matches nothing.", "schema": {"type": "string", "maxLength": 1000}},
              {"name": "limit", "in": "query", "description": "Documents per page.", "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 10}},
              {"name": "offset", "in": "query", "description": "Documents to skip.", "schema": {"type": "integer", "minimum": 0, "maximum": 10000, "default": 0}},
              {"name": "sort", "in": "query", "schema": {"type": "string", "enum": ["relevance", "date"], "default": "relevance"}},
              {"name": "per_doc", "in": "query", "description": "Passages shown per document.", "schema": {"type": "integer", "minimum": 1, "maximum": 10, "default": 1}},
              {"name": "exact_total", "in": "query", "description": "Count every matching passage. By default counting may stop past 10,000 matching passages: `total` is then a lower bound and `total_is_exact` false.", "schema": {"type": "boolean", "default": false}},
              {"name": "fold", "in": "query", "description": "Fold a result whose passage is (nearly) the same text as a better-ranked result's into that one (`similar`, `similar_passages`); false lists every document.", "schema": {"type": "boolean", "default": true}},
              {"name": "some_words", "in": "query", "description": "When an AND of two or more words has fewer documents than the page reaches, go on with documents that have some of the words (`all_words` false on their hits). `total` and `documents` count only documents with every word. false: only documents with every word.", "schema": {"type": "boolean", "default": true}},
              {"name": "type", "in": "query", "description": "Only documents of this type (brief, motie, …).", "schema": {"type": "string"}},
              {"name": "dossier", "in": "query", "description": "Only documents in this dossier (36658, 36600-VI).", "schema": {"type": "string"}},
              {"name": "from", "in": "query", "description": "Only documents dated on or after this day; undated documents are left out.", "schema": {"type": "string", "format": "date"}},
              {"name": "to", "in": "query", "description": "Only documents dated on or before this day; undated documents are left out.", "schema": {"type": "string", "format": "date"}},
              {"name": "facets", "in": "query", "description": "Comma-separated fields among type, year and dossier: count the matching documents (those `documents` counts, after the filters, before paging) per value of each (`facets`, `facets_exact`). Unknown names are a 400.", "schema": {"type": "string", "pattern": "^(type|year|dossier)?(,(type|year|dossier)?)*$"}, "example": "type,year,dossier"}
            ],
            "responses": {
              "200": {
                "description": "The results. When the time budget ran out, `partial` is true and `total_is_exact` false. Past 10,000 matching passages counting may stop (unless `exact_total=true`): `total` and `documents` are then lower bounds and `total_is_exact` false, while `partial` stays false.",
                "headers": {"Kamerzoek-Generation": {"description": "The index commit that answered.", "schema": {"type": "integer", "minimum": 1}}},
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SearchResult"}}}
              },
              "400": {"$ref": "#/components/responses/BadRequest"},
              "503": {"$ref": "#/components/responses/Unavailable"},
              "500": {"$ref": "#/components/responses/InternalError"}
            }
          }
        },
        "/api/search.csv": {
          "get": {
            "operationId": "searchCSV",
            "summary": "The results of /api/search for the same parameters as CSV (RFC 4180; the CSV of `kamerzoek search --csv`), to save as a file: a header `doc_id,title,date,type,dossier,url,passage,score,snippet`, then a row per hit, in the order of `results`. Lines end in CRLF; fields with a comma, quote, CR or LF are quoted, quotes doubled; UTF-8 without byte-order mark; absent values are empty fields; `snippet` is plain text (no HTML, no <mark>).",
            "parameters": [
              {"name": "q", "in": "query", "required": true, "description": "As for /api/search.", "schema": {"type": "string", "maxLength": 1000}},
              {"name": "limit", "in": "query", "description": "Documents to export (more than /api/search allows). With per_doc=N a document has up to N rows.", "schema": {"type": "integer", "minimum": 1, "maximum": 1000, "default": 1000}},
              {"name": "offset", "in": "query", "description": "As for /api/search.", "schema": {"type": "integer", "minimum": 0, "maximum": 10000, "default": 0}},
              {"name": "sort", "in": "query", "schema": {"type": "string", "enum": ["relevance", "date"], "default": "relevance"}},
              {"name": "per_doc", "in": "query", "description": "Rows (passages) per document.", "schema": {"type": "integer", "minimum": 1, "maximum": 10, "default": 1}},
              {"name": "exact_total", "in": "query", "description": "As for /api/search (the CSV has no totals; it changes nothing in the rows).", "schema": {"type": "boolean", "default": false}},
              {"name": "fold", "in": "query", "description": "As for /api/search.", "schema": {"type": "boolean", "default": true}},
              {"name": "some_words", "in": "query", "description": "As for /api/search.", "schema": {"type": "boolean", "default": true}},
              {"name": "type", "in": "query", "schema": {"type": "string"}},
              {"name": "dossier", "in": "query", "schema": {"type": "string"}},
              {"name": "from", "in": "query", "description": "Undated documents are left out.", "schema": {"type": "string", "format": "date"}},
              {"name": "to", "in": "query", "description": "Undated documents are left out.", "schema": {"type": "string", "format": "date"}}
            ],
            "responses": {
              "200": {
                "description": "The CSV.",
                "headers": {
                  "Content-Disposition": {"description": "Always `attachment; filename=\"kamerzoek.csv\"`.", "schema": {"type": "string"}},
                  "Kamerzoek-Generation": {"description": "The index commit that answered.", "schema": {"type": "integer", "minimum": 1}}
                },
                "content": {"text/csv": {"schema": {"type": "string", "pattern": "^doc_id,title,date,type,dossier,url,passage,score,snippet\\r\\n"}}}
              },
              "400": {"$ref": "#/components/responses/BadRequest"},
              "503": {"$ref": "#/components/responses/Unavailable"},
              "500": {"$ref": "#/components/responses/InternalError"}
            }
          }
        },
        "/feeds/search.atom": {
          "get": {
            "operationId": "searchFeed",
            "summary": "A search as an Atom 1.0 feed (RFC 4287), for alerts: the newest 50 dated documents that match, newest first, one entry per document. Entry ids are `tag:` URIs of the document id (the same across requests and re-indexing); `updated` and `published` are the document's date (midnight UTC); each entry links to the document's page and, with `rel=\"related\"`, to the official publication when there is one; the summary is the best passage's snippet as text. The feed's `updated` is its newest entry's, or the index's commit time when it has none.",
            "parameters": [
              {"name": "q", "in": "query", "required": true, "description": "As for /api/search. Documents with only some of the words are never listed (some_words is false).", "schema": {"type": "string", "maxLength": 1000}},
              {"name": "type", "in": "query", "schema": {"type": "string"}},
              {"name": "dossier", "in": "query", "schema": {"type": "string"}},
              {"name": "from", "in": "query", "schema": {"type": "string", "format": "date"}},
              {"name": "to", "in": "query", "schema": {"type": "string", "format": "date"}},
              {"name": "fold", "in": "query", "description": "As for /api/search.", "schema": {"type": "boolean", "default": true}},
              {"name": "limit", "in": "query", "description": "Checked as for /api/search, otherwise ignored (as are offset, sort, per_doc, exact_total and some_words): a feed is always the newest 50.", "schema": {"type": "integer", "minimum": 1, "maximum": 100}}
            ],
            "responses": {
              "200": {
                "description": "The feed. Documents without a date are left out: an entry needs a date that stays the same while the document does.",
                "headers": {"Kamerzoek-Generation": {"description": "The index commit that answered.", "schema": {"type": "integer", "minimum": 1}}},
                "content": {"application/atom+xml": {"schema": {"type": "string", "pattern": "^<\\?xml version=\"1\\.0\" encoding=\"utf-8\"\\?>\\n<feed xmlns=\"http://www\\.w3\\.org/2005/Atom\""}}}
              },
              "400": {"$ref": "#/components/responses/BadRequest"},
              "503": {"$ref": "#/components/responses/Unavailable"},
              "500": {"$ref": "#/components/responses/InternalError"}
            }
          }
        },
        "/api/documents/{id}": {
          "get": {
            "operationId": "document",
            "summary": "A stored document: metadata and passages, numbered as search hits number them.",
            "parameters": [
              {"name": "id", "in": "path", "required": true, "description": "The document id (`doc_id` of a hit). Ids may contain `/`: send it as is or as %2F.", "schema": {"type": "string"}}
            ],
            "responses": {
              "200": {"description": "The document.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Document"}}}},
              "404": {"$ref": "#/components/responses/NotFound"},
              "503": {"$ref": "#/components/responses/Unavailable"},
              "500": {"$ref": "#/components/responses/InternalError"}
            }
          }
        },
        "/api/stats": {
          "get": {
            "operationId": "stats",
            "summary": "What the index holds (the JSON of `kamerzoek stats --json`).",
            "responses": {
              "200": {"description": "Figures of the commit being served.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Stats"}}}},
              "503": {"$ref": "#/components/responses/Unavailable"},
              "500": {"$ref": "#/components/responses/InternalError"}
            }
          }
        },
        "/health": {
          "get": {
            "operationId": "health",
            "summary": "200 while there is an index to answer from.",
            "responses": {
              "200": {"description": "Serving.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Health"}}}},
              "503": {"$ref": "#/components/responses/Unavailable"}
            }
          }
        },
        "/openapi.json": {
          "get": {
            "operationId": "openapi",
            "summary": "This document.",
            "responses": {"200": {"description": "OpenAPI 3.1", "content": {"application/json": {"schema": {"type": "object"}}}}}
          }
        },
        "/": {
          "get": {
            "operationId": "page",
            "summary": "The search page (HTML); takes the parameters of /api/search, none required.",
            "responses": {
              "200": {"description": "The page.", "content": {"text/html": {"schema": {"type": "string"}}}},
              "400": {"description": "The page, showing what is wrong with a parameter or the query.", "content": {"text/html": {"schema": {"type": "string"}}}}
            }
          }
        },
        "/documents/{id}": {
          "get": {
            "operationId": "documentPage",
            "summary": "A stored document as a page (HTML); passage n has the anchor #pn.",
            "parameters": [
              {"name": "id", "in": "path", "required": true, "description": "As for /api/documents/{id}.", "schema": {"type": "string"}}
            ],
            "responses": {
              "200": {"description": "The page.", "content": {"text/html": {"schema": {"type": "string"}}}},
              "404": {"description": "A page saying there is no such document.", "content": {"text/html": {"schema": {"type": "string"}}}}
            }
          }
        }
      },
      "components": {
        "responses": {
          "BadRequest": {"description": "A parameter or the query cannot be read.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "NotFound": {"description": "No such document or endpoint.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "Unavailable": {"description": "No index has been committed yet.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "InternalError": {"description": "The server failed; details are in its log, not here.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
        },
        "schemas": {
          "SearchResult": {
            "type": "object",
            "additionalProperties": false,
            "required": ["query", "total", "total_is_exact", "documents", "took_ms", "partial", "results"],
            "properties": {
              "query": {"type": "string"},
              "total": {"type": "integer", "minimum": 0, "description": "Matching passages."},
              "total_is_exact": {"type": "boolean"},
              "documents": {"type": "integer", "minimum": 0, "description": "Documents with a matching passage (what pages count)."},
              "took_ms": {"type": "number", "minimum": 0},
              "partial": {"type": "boolean", "description": "The time budget ran out; these are the results found until then."},
              "results": {"type": "array", "items": {"$ref": "#/components/schemas/SearchHit"}},
              "facets": {
                "type": "object",
                "additionalProperties": false,
                "description": "Only with the parameter facets: per field asked for, the matching documents counted per value. type and dossier: most documents first, ties by value, at most 20 values; year: newest first, at most 100 years, undated documents in none. A document in several dossiers counts in each.",
                "properties": {
                  "type": {"$ref": "#/components/schemas/FacetValues"},
                  "year": {"$ref": "#/components/schemas/FacetValues"},
                  "dossier": {"$ref": "#/components/schemas/FacetValues"}
                }
              },
              "facets_exact": {"type": "boolean", "description": "Only with facets: true when they count every matching document; false when counting stopped at 10,000 matching passages (as `total_is_exact` says) or at the time budget, and they count the documents counted until then."},
              "suggestion": {"type": "string", "description": "Did you mean: the query with its misspelt words replaced by close, far more frequent words of the index (docs/SEARCH.md). Looked for only when fewer than 10 documents match; absent when there is none."}
            }
          },
          "FacetValues": {
            "type": "array",
            "maxItems": 100,
            "items": {
              "type": "object",
              "additionalProperties": false,
              "required": ["value", "count"],
              "properties": {
                "value": {"type": "string", "description": "The type, the year (yyyy) or the dossier number, as the filters type, from/to and dossier take it."},
                "count": {"type": "integer", "minimum": 1, "description": "Matching documents with this value."}
              }
            }
          },
          "SearchHit": {
            "type": "object",
            "additionalProperties": false,
            "required": ["doc_id", "passage", "score", "title", "date", "type", "dossier", "heading", "source", "url", "snippet", "similar", "similar_passages", "all_words"],
            "properties": {
              "doc_id": {"type": "string"},
              "passage": {"type": "integer", "minimum": 0, "description": "Index into the document's passages."},
              "score": {"type": "number"},
              "title": {"type": ["string", "null"]},
              "date": {"type": ["string", "null"], "format": "date"},
              "type": {"type": "string"},
              "dossier": {"type": ["string", "null"]},
              "heading": {"type": ["string", "null"]},
              "source": {"type": "string", "description": "The file's path relative to the indexed folder."},
              "url": {"type": ["string", "null"], "format": "uri", "description": "The official publication, when its identifier says where it is."},
              "snippet": {"type": "string", "description": "HTML: escaped text with the hits in <mark>."},
              "similar": {"type": "integer", "minimum": 0, "description": "Passages of lower-ranked documents with (nearly) the same text, folded into this result (on a document's first hit only; 0 with fold=false)."},
              "similar_passages": {"type": "array", "items": {"$ref": "#/components/schemas/SimilarPassage"}, "description": "Those passages, in rank order."},
              "all_words": {"type": "boolean", "description": "False for the documents after those with every word of an AND query, which have only some of them."}
            }
          },
          "SimilarPassage": {
            "type": "object",
            "additionalProperties": false,
            "required": ["doc_id", "passage", "title", "date", "type", "url"],
            "properties": {
              "doc_id": {"type": "string"},
              "passage": {"type": "integer", "minimum": 0},
              "title": {"type": ["string", "null"]},
              "date": {"type": ["string", "null"], "format": "date"},
              "type": {"type": "string"},
              "url": {"type": ["string", "null"], "format": "uri"}
            }
          },
          "Document": {
            "type": "object",
            "additionalProperties": false,
            "required": ["id", "title", "date", "type", "dossier", "dossiers", "number", "ministry", "authors", "identifiers", "url", "source", "content_hash", "format", "warnings", "passages"],
            "properties": {
              "id": {"type": "string"},
              "title": {"type": ["string", "null"]},
              "date": {"type": ["string", "null"], "format": "date"},
              "type": {"type": "string"},
              "dossier": {"type": ["string", "null"], "description": "The first of `dossiers`."},
              "dossiers": {"type": "array", "items": {"type": "string"}},
              "number": {"type": ["string", "null"]},
              "ministry": {"type": ["string", "null"]},
              "authors": {"type": "array", "items": {"type": "string"}},
              "identifiers": {"type": "array", "items": {"type": "string"}},
              "url": {"type": ["string", "null"], "format": "uri", "description": "The official publication, when its identifier says where it is."},
              "source": {"type": "string", "description": "The file's path relative to the indexed folder."},
              "content_hash": {"type": "string", "description": "SHA-256 of the source file, hex."},
              "format": {"type": "string", "enum": ["text", "markdown", "xml"]},
              "warnings": {"type": "array", "items": {"type": "string"}, "description": "What extraction repaired or could not read."},
              "passages": {
                "type": "array",
                "description": "Body passages, then one per footnote.",
                "items": {
                  "type": "object",
                  "additionalProperties": false,
                  "required": ["passage", "heading", "text"],
                  "properties": {
                    "passage": {"type": "integer", "minimum": 0},
                    "heading": {"type": ["string", "null"]},
                    "text": {"type": "string"}
                  }
                }
              }
            }
          },
          "Stats": {
            "type": "object",
            "additionalProperties": false,
            "required": ["documents", "passages", "terms", "segments", "bytes_on_disk", "analyzer", "generation"],
            "properties": {
              "documents": {"type": "integer", "minimum": 0},
              "passages": {"type": "integer", "minimum": 0},
              "terms": {"type": "integer", "minimum": 0},
              "segments": {"type": "integer", "minimum": 0},
              "bytes_on_disk": {"type": "integer", "minimum": 0},
              "analyzer": {"type": "string"},
              "generation": {"type": "integer", "minimum": 1}
            }
          },
          "Health": {
            "type": "object",
            "additionalProperties": false,
            "required": ["status", "generation", "documents"],
            "properties": {
              "status": {"const": "ok"},
              "generation": {"type": "integer", "minimum": 1},
              "documents": {"type": "integer", "minimum": 0}
            }
          },
          "Error": {
            "type": "object",
            "additionalProperties": false,
            "required": ["error"],
            "properties": {
              "error": {"type": "string", "description": "What is wrong, for a person."},
              "position": {"type": "integer", "minimum": 0, "description": "For a query that cannot be read: where, in Unicode scalars from the start (0-based); the message gives it 1-based."}
            }
          }
        }
      }
    }
    """#
}
