/// The API's OpenAPI 3.1 description, written by hand next to the code it describes.
/// `Tests/ServerTests` validates real responses of every endpoint against these schemas, so
/// a change to a response that is not made here too fails a test. Schemas list exactly the
/// fields sent today (`additionalProperties: false`); clients should still ignore fields
/// they do not know, since fields may be added (docs/ARCHITECTURE.md).
enum OpenAPIDocument {
    static let json = #"""
    {
      "openapi": "3.1.0",
      "info": {
        "title": "kamerzoek",
        "version": "1.0.0",
        "description": "Full-text search in Dutch parliamentary documents. Every endpoint answers GET, and HEAD with the same status and headers and no body; OPTIONS on an existing path is 204 with Allow, any other method 405 (components/responses/MethodNotAllowed). Errors have the body {\"error\": \"…\"}. Under /api and /feeds, responses carry CORS headers and preflights are answered. Bodies of JSON, HTML and other text from 1 KB are gzipped for clients that send Accept-Encoding: gzip. Answers from one commit of the index carry a weak ETag and Cache-Control; If-None-Match with that tag is answered 304. docs/HTTP.md says more."
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
              {"name": "sort", "in": "query", "description": "relevance; date: newest first; date_asc: oldest first. Undated documents come last in both date orders, ties go by relevance.", "schema": {"type": "string", "enum": ["relevance", "date", "date_asc"], "default": "relevance"}},
              {"name": "per_doc", "in": "query", "description": "Passages shown per document.", "schema": {"type": "integer", "minimum": 1, "maximum": 10, "default": 1}},
              {"name": "exact_total", "in": "query", "description": "Count every matching passage. By default counting may stop past 10,000 matching passages: `total` is then a lower bound and `total_is_exact` false.", "schema": {"type": "boolean", "default": false}},
              {"name": "fold", "in": "query", "description": "Fold a result whose passage is (nearly) the same text as a better-ranked result's into that one (`similar`, `similar_passages`); false lists every document.", "schema": {"type": "boolean", "default": true}},
              {"name": "some_words", "in": "query", "description": "When an AND of two or more words has fewer documents than the page reaches, go on with documents that have some of the words (`all_words` false on their hits). `total` and `documents` count only documents with every word. false: only documents with every word.", "schema": {"type": "boolean", "default": true}},
              {"name": "type", "in": "query", "description": "Only documents of this type (brief, motie, …; any case), read as the query's soort: is. A value outside the vocabulary of docs/DOCUMENT_TYPES.md is a 400.", "schema": {"type": "string"}},
              {"name": "dossier", "in": "query", "description": "Only documents in this dossier (36658, 36 658, 36600-VI), read as the query's dossier: is. A value that is not a dossier number is a 400.", "schema": {"type": "string"}},
              {"name": "from", "in": "query", "description": "Only documents dated on or after this day (yyyy-mm-dd; yyyy-mm or yyyy: its first day), read as the query's datum: is; undated documents are left out.", "schema": {"type": "string"}},
              {"name": "to", "in": "query", "description": "Only documents dated on or before this day (yyyy-mm-dd; yyyy-mm or yyyy: its last day); undated documents are left out.", "schema": {"type": "string"}},
              {"name": "facets", "in": "query", "description": "Comma-separated fields among type, year and dossier: count the matching documents (those `documents` counts, after the filters, before paging) per value of each (`facets`, `facets_exact`). Unknown names are a 400.", "schema": {"type": "string", "pattern": "^(type|year|dossier)?(,(type|year|dossier)?)*$"}, "example": "type,year,dossier"}
            ],
            "responses": {
              "200": {
                "description": "The results. When the time budget ran out, `partial` is true and `total_is_exact` false (and Cache-Control is no-store, without an ETag). Past 10,000 matching passages counting may stop (unless `exact_total=true`): `total` and `documents` are then lower bounds and `total_is_exact` false, while `partial` stays false.",
                "headers": {"Kamerzoek-Generation": {"$ref": "#/components/headers/Generation"}, "ETag": {"$ref": "#/components/headers/ETag"}, "Cache-Control": {"$ref": "#/components/headers/CacheControl"}, "Vary": {"$ref": "#/components/headers/Vary"}, "Content-Encoding": {"$ref": "#/components/headers/ContentEncoding"}, "Access-Control-Allow-Origin": {"$ref": "#/components/headers/AllowOrigin"}, "Access-Control-Expose-Headers": {"$ref": "#/components/headers/ExposeHeaders"}},
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SearchResult"}}}
              },
              "304": {"$ref": "#/components/responses/NotModified"},
              "400": {"$ref": "#/components/responses/BadRequest"},
              "503": {"$ref": "#/components/responses/UnavailableOrBusy"},
              "500": {"$ref": "#/components/responses/InternalError"}
            }
          },
          "options": {"operationId": "searchPreflight", "summary": "CORS preflight.", "responses": {"204": {"$ref": "#/components/responses/Preflight"}}}
        },
        "/api/search.csv": {
          "get": {
            "operationId": "searchCSV",
            "summary": "The results of /api/search for the same parameters as CSV (RFC 4180; the CSV of `kamerzoek search --csv`), to save as a file: a header `doc_id,title,date,type,dossier,url,passage,score,snippet`, then a row per hit, in the order of `results`. Lines end in CRLF; fields with a comma, quote, CR or LF are quoted, quotes doubled; UTF-8 without byte-order mark; absent values are empty fields; `snippet` is plain text (no HTML, no <mark>).",
            "parameters": [
              {"name": "q", "in": "query", "required": true, "description": "As for /api/search.", "schema": {"type": "string", "maxLength": 1000}},
              {"name": "limit", "in": "query", "description": "Documents to export (more than /api/search allows). With per_doc=N a document has up to N rows.", "schema": {"type": "integer", "minimum": 1, "maximum": 1000, "default": 1000}},
              {"name": "offset", "in": "query", "description": "As for /api/search.", "schema": {"type": "integer", "minimum": 0, "maximum": 10000, "default": 0}},
              {"name": "sort", "in": "query", "description": "As for /api/search.", "schema": {"type": "string", "enum": ["relevance", "date", "date_asc"], "default": "relevance"}},
              {"name": "per_doc", "in": "query", "description": "Rows (passages) per document.", "schema": {"type": "integer", "minimum": 1, "maximum": 10, "default": 1}},
              {"name": "exact_total", "in": "query", "description": "As for /api/search (the CSV has no totals; it changes nothing in the rows).", "schema": {"type": "boolean", "default": false}},
              {"name": "fold", "in": "query", "description": "As for /api/search.", "schema": {"type": "boolean", "default": true}},
              {"name": "some_words", "in": "query", "description": "As for /api/search.", "schema": {"type": "boolean", "default": true}},
              {"name": "type", "in": "query", "description": "As for /api/search.", "schema": {"type": "string"}},
              {"name": "dossier", "in": "query", "description": "As for /api/search.", "schema": {"type": "string"}},
              {"name": "from", "in": "query", "description": "As for /api/search (yyyy-mm-dd, yyyy-mm or yyyy). Undated documents are left out.", "schema": {"type": "string"}},
              {"name": "to", "in": "query", "description": "As for /api/search (yyyy-mm-dd, yyyy-mm or yyyy). Undated documents are left out.", "schema": {"type": "string"}},
              {"name": "facets", "in": "query", "description": "Checked as for /api/search (an unknown name is a 400), otherwise ignored: the CSV has no facets, and none are counted.", "schema": {"type": "string", "pattern": "^(type|year|dossier)?(,(type|year|dossier)?)*$"}}
            ],
            "responses": {
              "200": {
                "description": "The CSV. When the time budget ran out, the rows found until then, with Cache-Control no-store and without an ETag.",
                "headers": {
                  "Content-Disposition": {"description": "Always `attachment; filename=\"kamerzoek.csv\"`.", "schema": {"type": "string"}},
                  "Kamerzoek-Generation": {"$ref": "#/components/headers/Generation"}, "ETag": {"$ref": "#/components/headers/ETag"}, "Cache-Control": {"$ref": "#/components/headers/CacheControl"}, "Vary": {"$ref": "#/components/headers/Vary"}, "Content-Encoding": {"$ref": "#/components/headers/ContentEncoding"}, "Access-Control-Allow-Origin": {"$ref": "#/components/headers/AllowOrigin"}, "Access-Control-Expose-Headers": {"$ref": "#/components/headers/ExposeHeaders"}
                },
                "content": {"text/csv": {"schema": {"type": "string", "pattern": "^doc_id,title,date,type,dossier,url,passage,score,snippet\\r\\n"}}}
              },
              "304": {"$ref": "#/components/responses/NotModified"},
              "400": {"$ref": "#/components/responses/BadRequest"},
              "503": {"$ref": "#/components/responses/UnavailableOrBusy"},
              "500": {"$ref": "#/components/responses/InternalError"}
            }
          },
          "options": {"operationId": "searchCSVPreflight", "summary": "CORS preflight.", "responses": {"204": {"$ref": "#/components/responses/Preflight"}}}
        },
        "/feeds/search.atom": {
          "get": {
            "operationId": "searchFeed",
            "summary": "A search as an Atom 1.0 feed (RFC 4287), for alerts: the newest 50 dated documents that match, newest first, one entry per document. Entry ids are `tag:` URIs of the document id (the same across requests and re-indexing); `updated` and `published` are the document's date (midnight UTC); each entry links to the document's page and, with `rel=\"related\"`, to the official publication when there is one; the summary is the best passage's snippet as text. The feed's `updated` is its newest entry's, or the index's commit time when it has none.",
            "parameters": [
              {"name": "q", "in": "query", "required": true, "description": "As for /api/search. Documents with only some of the words are never listed (some_words is false).", "schema": {"type": "string", "maxLength": 1000}},
              {"name": "type", "in": "query", "description": "As for /api/search.", "schema": {"type": "string"}},
              {"name": "dossier", "in": "query", "description": "As for /api/search.", "schema": {"type": "string"}},
              {"name": "from", "in": "query", "description": "As for /api/search (yyyy-mm-dd, yyyy-mm or yyyy).", "schema": {"type": "string"}},
              {"name": "to", "in": "query", "description": "As for /api/search (yyyy-mm-dd, yyyy-mm or yyyy).", "schema": {"type": "string"}},
              {"name": "fold", "in": "query", "description": "As for /api/search.", "schema": {"type": "boolean", "default": true}},
              {"name": "limit", "in": "query", "description": "Checked as for /api/search, otherwise ignored (as are offset, sort, per_doc, exact_total, some_words and facets, which a feed never counts): a feed is always the newest 50.", "schema": {"type": "integer", "minimum": 1, "maximum": 100}},
              {"name": "facets", "in": "query", "description": "Checked as for /api/search (an unknown name is a 400), otherwise ignored: a feed has no facets, and none are counted.", "schema": {"type": "string", "pattern": "^(type|year|dossier)?(,(type|year|dossier)?)*$"}}
            ],
            "responses": {
              "200": {
                "description": "The feed. Documents without a date are left out: an entry needs a date that stays the same while the document does. When the time budget ran out, the entries found until then, with Cache-Control no-store and without an ETag.",
                "headers": {"Kamerzoek-Generation": {"$ref": "#/components/headers/Generation"}, "ETag": {"$ref": "#/components/headers/ETag"}, "Cache-Control": {"$ref": "#/components/headers/CacheControl"}, "Vary": {"$ref": "#/components/headers/Vary"}, "Content-Encoding": {"$ref": "#/components/headers/ContentEncoding"}, "Access-Control-Allow-Origin": {"$ref": "#/components/headers/AllowOrigin"}, "Access-Control-Expose-Headers": {"$ref": "#/components/headers/ExposeHeaders"}},
                "content": {"application/atom+xml": {"schema": {"type": "string", "pattern": "^<\\?xml version=\"1\\.0\" encoding=\"utf-8\"\\?>\\n<feed xmlns=\"http://www\\.w3\\.org/2005/Atom\""}}}
              },
              "304": {"$ref": "#/components/responses/NotModified"},
              "400": {"$ref": "#/components/responses/BadRequest"},
              "503": {"$ref": "#/components/responses/UnavailableOrBusy"},
              "500": {"$ref": "#/components/responses/InternalError"}
            }
          },
          "options": {"operationId": "searchFeedPreflight", "summary": "CORS preflight.", "responses": {"204": {"$ref": "#/components/responses/Preflight"}}}
        },
        "/api/documents/{id}": {
          "get": {
            "operationId": "document",
            "summary": "A stored document: metadata and passages, numbered as search hits number them.",
            "parameters": [
              {"name": "id", "in": "path", "required": true, "description": "The document id (`doc_id` of a hit). Ids may contain `/`: send it as is or as %2F.", "schema": {"type": "string"}}
            ],
            "responses": {
              "200": {"$ref": "#/components/responses/Document"},
              "304": {"$ref": "#/components/responses/NotModified"},
              "404": {"$ref": "#/components/responses/NotFound"},
              "503": {"$ref": "#/components/responses/Unavailable"},
              "500": {"$ref": "#/components/responses/InternalError"}
            }
          },
          "options": {"operationId": "documentPreflight", "summary": "CORS preflight.", "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}], "responses": {"204": {"$ref": "#/components/responses/Preflight"}}}
        },
        "/api/stats": {
          "get": {
            "operationId": "stats",
            "summary": "What the index holds (the JSON of `kamerzoek stats --json`).",
            "responses": {
              "200": {"$ref": "#/components/responses/Stats"},
              "304": {"$ref": "#/components/responses/NotModified"},
              "503": {"$ref": "#/components/responses/Unavailable"},
              "500": {"$ref": "#/components/responses/InternalError"}
            }
          },
          "options": {"operationId": "statsPreflight", "summary": "CORS preflight.", "responses": {"204": {"$ref": "#/components/responses/Preflight"}}}
        },
        "/health": {
          "get": {
            "operationId": "health",
            "summary": "200 while there is an index to answer from.",
            "responses": {
              "200": {"description": "Serving.", "headers": {"Cache-Control": {"description": "no-cache: always asked afresh.", "schema": {"const": "no-cache"}}, "Kamerzoek-Generation": {"$ref": "#/components/headers/Generation"}, "Vary": {"$ref": "#/components/headers/Vary"}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Health"}}}},
              "503": {"$ref": "#/components/responses/Unavailable"}
            }
          }
        },
        "/openapi.json": {
          "get": {
            "operationId": "openapi",
            "summary": "This document.",
            "responses": {"200": {"description": "OpenAPI 3.1", "headers": {"Vary": {"$ref": "#/components/headers/Vary"}, "Content-Encoding": {"$ref": "#/components/headers/ContentEncoding"}}, "content": {"application/json": {"schema": {"type": "object"}}}}}
          }
        },
        "/": {
          "get": {
            "operationId": "page",
            "summary": "The search page (HTML); takes the parameters of /api/search, none required.",
            "responses": {
              "200": {"description": "The page.", "headers": {"Kamerzoek-Generation": {"$ref": "#/components/headers/Generation"}, "ETag": {"$ref": "#/components/headers/ETag"}, "Cache-Control": {"$ref": "#/components/headers/CacheControl"}, "Vary": {"$ref": "#/components/headers/Vary"}, "Content-Encoding": {"$ref": "#/components/headers/ContentEncoding"}}, "content": {"text/html": {"schema": {"type": "string"}}}},
              "304": {"$ref": "#/components/responses/NotModified"},
              "400": {"description": "The page, showing (in Dutch) what is wrong with a parameter or the query.", "headers": {"Vary": {"$ref": "#/components/headers/Vary"}, "Content-Encoding": {"$ref": "#/components/headers/ContentEncoding"}}, "content": {"text/html": {"schema": {"type": "string"}}}},
              "503": {"description": "The page, saying (in Dutch) that there is no index yet, or that there are too many searches at once (then with Retry-After).", "headers": {"Retry-After": {"$ref": "#/components/headers/RetryAfter"}, "Cache-Control": {"$ref": "#/components/headers/NoStore"}, "Vary": {"$ref": "#/components/headers/Vary"}, "Content-Encoding": {"$ref": "#/components/headers/ContentEncoding"}}, "content": {"text/html": {"schema": {"type": "string"}}}}
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
              "200": {"description": "The page.", "headers": {"Kamerzoek-Generation": {"$ref": "#/components/headers/Generation"}, "ETag": {"$ref": "#/components/headers/ETag"}, "Cache-Control": {"$ref": "#/components/headers/CacheControl"}, "Vary": {"$ref": "#/components/headers/Vary"}, "Content-Encoding": {"$ref": "#/components/headers/ContentEncoding"}}, "content": {"text/html": {"schema": {"type": "string"}}}},
              "304": {"$ref": "#/components/responses/NotModified"},
              "404": {"description": "A page saying (in Dutch) that there is no such document.", "headers": {"Vary": {"$ref": "#/components/headers/Vary"}, "Content-Encoding": {"$ref": "#/components/headers/ContentEncoding"}}, "content": {"text/html": {"schema": {"type": "string"}}}}
            }
          }
        }
      },
      "components": {
        "responses": {
          "Document": {
            "description": "The document.",
            "headers": {"Kamerzoek-Generation": {"$ref": "#/components/headers/Generation"}, "ETag": {"$ref": "#/components/headers/ETag"}, "Cache-Control": {"$ref": "#/components/headers/CacheControl"}, "Vary": {"$ref": "#/components/headers/Vary"}, "Content-Encoding": {"$ref": "#/components/headers/ContentEncoding"}, "Access-Control-Allow-Origin": {"$ref": "#/components/headers/AllowOrigin"}, "Access-Control-Expose-Headers": {"$ref": "#/components/headers/ExposeHeaders"}},
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Document"}}}
          },
          "Stats": {
            "description": "Figures of the commit being served.",
            "headers": {"Kamerzoek-Generation": {"$ref": "#/components/headers/Generation"}, "ETag": {"$ref": "#/components/headers/ETag"}, "Cache-Control": {"$ref": "#/components/headers/CacheControl"}, "Vary": {"$ref": "#/components/headers/Vary"}, "Content-Encoding": {"$ref": "#/components/headers/ContentEncoding"}, "Access-Control-Allow-Origin": {"$ref": "#/components/headers/AllowOrigin"}, "Access-Control-Expose-Headers": {"$ref": "#/components/headers/ExposeHeaders"}},
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Stats"}}}
          },
          "NotModified": {
            "description": "If-None-Match holds the ETag of what this URL answers from the commit being served: no body.",
            "headers": {"ETag": {"$ref": "#/components/headers/ETag"}, "Cache-Control": {"$ref": "#/components/headers/CacheControl"}, "Kamerzoek-Generation": {"$ref": "#/components/headers/Generation"}, "Vary": {"$ref": "#/components/headers/Vary"}, "Access-Control-Allow-Origin": {"$ref": "#/components/headers/AllowOrigin"}, "Access-Control-Expose-Headers": {"$ref": "#/components/headers/ExposeHeaders"}}
          },
          "Preflight": {
            "description": "CORS preflight (OPTIONS with Access-Control-Request-Method) on an existing path; an OPTIONS that is not a preflight gets Allow only.",
            "headers": {
              "Allow": {"$ref": "#/components/headers/Allow"},
              "Access-Control-Allow-Origin": {"$ref": "#/components/headers/AllowOrigin"},
              "Access-Control-Expose-Headers": {"$ref": "#/components/headers/ExposeHeaders"},
              "Access-Control-Allow-Methods": {"description": "What the paths answer.", "schema": {"const": "GET, HEAD, OPTIONS"}},
              "Access-Control-Allow-Headers": {"description": "The headers the preflight asked for (Access-Control-Request-Headers); absent when it asked for none.", "schema": {"type": "string"}},
              "Access-Control-Max-Age": {"description": "Seconds a browser may reuse this answer.", "schema": {"const": "600"}},
              "Vary": {"$ref": "#/components/headers/Vary"}
            }
          },
          "MethodNotAllowed": {
            "description": "A method other than GET, HEAD and OPTIONS on an existing path (any path of this document).",
            "headers": {"Allow": {"$ref": "#/components/headers/Allow"}, "Access-Control-Allow-Origin": {"$ref": "#/components/headers/AllowOrigin"}, "Access-Control-Expose-Headers": {"$ref": "#/components/headers/ExposeHeaders"}, "Vary": {"$ref": "#/components/headers/Vary"}},
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
          },
          "BadRequest": {"description": "A parameter or the query cannot be read.", "headers": {"Access-Control-Allow-Origin": {"$ref": "#/components/headers/AllowOrigin"}, "Access-Control-Expose-Headers": {"$ref": "#/components/headers/ExposeHeaders"}, "Vary": {"$ref": "#/components/headers/Vary"}, "Content-Encoding": {"$ref": "#/components/headers/ContentEncoding"}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "NotFound": {"description": "No such document or endpoint.", "headers": {"Access-Control-Allow-Origin": {"$ref": "#/components/headers/AllowOrigin"}, "Access-Control-Expose-Headers": {"$ref": "#/components/headers/ExposeHeaders"}, "Vary": {"$ref": "#/components/headers/Vary"}, "Content-Encoding": {"$ref": "#/components/headers/ContentEncoding"}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "Unavailable": {"description": "No index has been committed yet.", "headers": {"Access-Control-Allow-Origin": {"$ref": "#/components/headers/AllowOrigin"}, "Access-Control-Expose-Headers": {"$ref": "#/components/headers/ExposeHeaders"}, "Vary": {"$ref": "#/components/headers/Vary"}, "Content-Encoding": {"$ref": "#/components/headers/ContentEncoding"}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "UnavailableOrBusy": {"description": "No index has been committed yet; or too many searches at once (fair use: this client already has its share running, or every turn is taken and the queue is full or was waited in too long), and then with Retry-After.", "headers": {"Retry-After": {"$ref": "#/components/headers/RetryAfter"}, "Cache-Control": {"$ref": "#/components/headers/NoStore"}, "Access-Control-Allow-Origin": {"$ref": "#/components/headers/AllowOrigin"}, "Access-Control-Expose-Headers": {"$ref": "#/components/headers/ExposeHeaders"}, "Vary": {"$ref": "#/components/headers/Vary"}, "Content-Encoding": {"$ref": "#/components/headers/ContentEncoding"}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "InternalError": {"description": "The server failed; details are in its log, not here.", "headers": {"Access-Control-Allow-Origin": {"$ref": "#/components/headers/AllowOrigin"}, "Access-Control-Expose-Headers": {"$ref": "#/components/headers/ExposeHeaders"}, "Vary": {"$ref": "#/components/headers/Vary"}, "Content-Encoding": {"$ref": "#/components/headers/ContentEncoding"}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
        },
        "headers": {
          "Generation": {"description": "The index commit that answered (Kamerzoek-Generation).", "schema": {"type": "string", "pattern": "^[1-9][0-9]*$"}},
          "ETag": {"description": "Weak, the same for every answer to this URL from this commit: W/\"generation-commit-url\". Send it as If-None-Match to get a 304 while the commit is served.", "schema": {"type": "string", "pattern": "^W/\"[1-9][0-9]*-[0-9a-f]{16}-[0-9a-f]{16}\"$"}},
          "CacheControl": {"description": "public, max-age=60 for the answers of a commit; no-store for a search cut short by its time budget.", "schema": {"enum": ["public, max-age=60", "no-store"]}},
          "Vary": {"description": "Accept-Encoding on compressible responses; Origin under /api when the server allows one origin rather than *; Access-Control-Request-Headers on preflights.", "schema": {"type": "string", "pattern": "^(Accept-Encoding|Origin|Access-Control-Request-Headers)(, ?(Accept-Encoding|Origin|Access-Control-Request-Headers))*$"}},
          "ContentEncoding": {"description": "gzip when the client accepts it and the body is JSON, HTML or other text of at least 1 KB; absent otherwise.", "schema": {"const": "gzip"}},
          "AllowOrigin": {"description": "Under /api (and /feeds): the origin of `kamerzoek serve --cors-origin`, * by default.", "schema": {"type": "string"}},
          "ExposeHeaders": {"description": "Headers scripts of other origins may read.", "schema": {"const": "ETag, Kamerzoek-Generation"}},
          "RetryAfter": {"description": "On a 503 for too many searches at once: seconds to wait before trying again.", "schema": {"type": "string", "pattern": "^[1-9][0-9]*$"}},
          "NoStore": {"description": "On a 503 for too many searches at once: nothing may keep it.", "schema": {"const": "no-store"}},
          "Allow": {"description": "The methods every path answers.", "schema": {"const": "GET, HEAD, OPTIONS"}}
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
            "required": ["documents", "passages", "terms", "segments", "bytes_on_disk", "analyzer", "generation", "fingerprint"],
            "properties": {
              "documents": {"type": "integer", "minimum": 0},
              "passages": {"type": "integer", "minimum": 0},
              "terms": {"type": "integer", "minimum": 0},
              "segments": {"type": "integer", "minimum": 0},
              "bytes_on_disk": {"type": "integer", "minimum": 0},
              "analyzer": {"type": "string"},
              "generation": {"type": "integer", "minimum": 1},
              "fingerprint": {"type": "string", "pattern": "^[0-9a-f]{1,16}$", "description": "A hash of the live documents' ids and content hashes: the same for two commits that hold the same documents in the same versions, however their segments are laid out."}
            }
          },
          "Health": {
            "type": "object",
            "additionalProperties": false,
            "required": ["status", "generation", "documents"],
            "properties": {
              "status": {"const": "ok"},
              "generation": {"type": "integer", "minimum": 1},
              "documents": {"type": "integer", "minimum": 0},
              "version": {"type": "string", "description": "The server's version (kamerzoek --version)."}
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
