// Lucene 8 peer for kamerzoek's benchmarks (bench/peers). See README.md in this folder.
//
//   index  --passages FILE.jsonl --dir DIR [--threads N]
//   search --dir DIR --queries QUERIES.json --rounds N [--warmup N] [--query-cache]
//
// Only the JDK and the Lucene jars (core, analyzers-common) are used; JSON is read and
// written by the small classes at the bottom of this file.

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Version;

public final class LucenePeer {

    static final String ENGINE = "lucene-" + Version.LATEST;
    static final String F_TEXT = "text";
    static final String F_TYPE = "type";
    static final String F_DATE = "date";
    static final String F_DOC_ID = "doc_id";
    static final String F_PASSAGE = "passage";
    static final int DEFAULT_WARMUP_ROUNDS = 3;
    static final int TOP_N = 10;

    /** A user error: bad arguments or bad input. Printed on stderr, exit status 2. */
    static final class UsageError extends Exception {
        UsageError(String message) { super(message); }
    }

    public static void main(String[] args) {
        try {
            if (args.length == 0) throw new UsageError("missing command (index or search)");
            Map<String, String> options = parseOptions(Arrays.copyOfRange(args, 1, args.length));
            switch (args[0]) {
                case "index": runIndex(options); break;
                case "search": runSearch(options); break;
                case "-h": case "--help": case "help":
                    System.out.println(usage());
                    return;
                default: throw new UsageError("unknown command '" + args[0] + "' (index or search)");
            }
        } catch (UsageError e) {
            System.err.println("lucene-peer: " + e.getMessage());
            System.err.println(usage());
            System.exit(2);
        } catch (Exception e) {
            System.err.println("lucene-peer: failed: " + e);
            e.printStackTrace(System.err);
            System.exit(1);
        }
    }

    static String usage() {
        return "usage: lucene_peer.sh index  --passages FILE.jsonl --dir DIR [--threads N]\n"
             + "       lucene_peer.sh search --dir DIR --queries QUERIES.json --rounds N [--warmup N] [--query-cache]";
    }

    static Map<String, String> parseOptions(String[] args) throws UsageError {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!name.startsWith("--") || name.length() == 2) throw new UsageError("unexpected argument '" + name + "'");
            String key = name.substring(2);
            if (key.equals("query-cache")) { options.put(key, "true"); continue; }
            if (i + 1 >= args.length) throw new UsageError("option " + name + " needs a value");
            if (options.containsKey(key)) throw new UsageError("option " + name + " given twice");
            options.put(key, args[++i]);
        }
        return options;
    }

    static String required(Map<String, String> options, String key) throws UsageError {
        String value = options.remove(key);
        if (value == null) throw new UsageError("missing --" + key);
        return value;
    }

    static int positiveInt(String name, String value) throws UsageError {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1) return n;
        } catch (NumberFormatException ignored) { }
        throw new UsageError("--" + name + " must be a positive integer, not '" + value + "'");
    }

    static void rejectLeftovers(Map<String, String> options) throws UsageError {
        if (!options.isEmpty()) throw new UsageError("unknown option --" + options.keySet().iterator().next());
    }

    // ------------------------------------------------------------------ index

    static void runIndex(Map<String, String> options) throws Exception {
        Path passages = Paths.get(required(options, "passages"));
        Path dir = Paths.get(required(options, "dir"));
        String threadsOption = options.remove("threads");
        int threads = threadsOption == null ? 2 : positiveInt("threads", threadsOption);
        rejectLeftovers(options);
        if (!Files.isRegularFile(passages) || !Files.isReadable(passages))
            throw new UsageError("cannot read passages file " + passages);
        prepareIndexDir(dir);

        long start = System.nanoTime();
        IndexWriterConfig config = new IndexWriterConfig(new DutchAnalyzer());
        config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
        config.setRAMBufferSizeMB(256);
        // Plain per-format files instead of compound .cfs files, so that the sizes of
        // postings and stored fields can be told apart. The bytes are the same either way.
        config.setUseCompoundFile(false);
        TieredMergePolicy mergePolicy = new TieredMergePolicy();
        mergePolicy.setNoCFSRatio(0.0);
        config.setMergePolicy(mergePolicy);

        AtomicLong passageCount = new AtomicLong();
        AtomicLong textBytes = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        int segments;
        Directory directory = FSDirectory.open(dir);
        IndexWriter writer = new IndexWriter(directory, config);
        boolean committed = false;
        try {
            BlockingQueue<List<Line>> queue = new ArrayBlockingQueue<>(threads * 4);
            List<Line> poison = new ArrayList<>();
            Thread[] workers = new Thread[threads];
            for (int t = 0; t < threads; t++) {
                workers[t] = new Thread(() -> {
                    try {
                        long count = 0, bytes = 0;
                        while (true) {
                            List<Line> batch = queue.take();
                            if (batch == poison) break;
                            if (failure.get() != null) continue; // drain so the reader never blocks
                            for (Line line : batch) {
                                Document doc = new Document();
                                bytes += toDocument(line, doc);
                                writer.addDocument(doc);
                                count++;
                            }
                        }
                        passageCount.addAndGet(count);
                        textBytes.addAndGet(bytes);
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                        // keep draining until the poison pill so that the reader finishes
                        try {
                            while (queue.take() != poison) { }
                        } catch (InterruptedException ignored) { }
                    }
                }, "indexer-" + t);
                workers[t].start();
            }

            try (BufferedReader reader = Files.newBufferedReader(passages, StandardCharsets.UTF_8)) {
                List<Line> batch = new ArrayList<>(256);
                long lineNumber = 0;
                String text;
                while ((text = reader.readLine()) != null) {
                    lineNumber++;
                    if (text.isBlank()) continue;
                    batch.add(new Line(lineNumber, text));
                    if (batch.size() == 256) {
                        queue.put(batch);
                        batch = new ArrayList<>(256);
                    }
                    if (failure.get() != null) break;
                }
                if (!batch.isEmpty()) queue.put(batch);
            } finally {
                for (int t = 0; t < threads; t++) queue.put(poison);
                for (Thread worker : workers) worker.join();
            }
            Throwable error = failure.get();
            if (error instanceof UsageError) throw (UsageError) error;
            if (error instanceof Exception) throw (Exception) error;
            if (error != null) throw new RuntimeException(error);
            writer.commit();
            writer.close();
            committed = true;
        } finally {
            // On failure, leave no half-written commit behind (close() would commit).
            if (!committed) writer.rollback();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        segments = SegmentInfos.readLatestCommit(directory).size();
        directory.close();

        Map<String, Long> byExtension = new TreeMap<>();
        long total = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                if (!Files.isRegularFile(file)) continue;
                long size = Files.size(file);
                total += size;
                String name = file.getFileName().toString();
                int dot = name.lastIndexOf('.');
                String extension = dot < 0 ? name.replaceAll("_[0-9]+$", "") : name.substring(dot + 1);
                byExtension.merge(extension, size, Long::sum);
            }
        }
        long postings = 0, stored = 0;
        for (String extension : new String[] {"doc", "pos", "pay", "tim", "tip", "tmd"})
            postings += byExtension.getOrDefault(extension, 0L);
        for (String extension : new String[] {"fdt", "fdx", "fdm"})
            stored += byExtension.getOrDefault(extension, 0L);

        JsonWriter out = new JsonWriter();
        out.beginObject();
        out.key("engine").value(ENGINE);
        out.key("passages").value(passageCount.get());
        out.key("text_bytes").value(textBytes.get());
        out.key("seconds").value(Math.round(seconds * 1000) / 1000.0);
        out.key("index_bytes_total").value(total);
        out.key("index_bytes_postings_positions").value(postings);
        out.key("index_bytes_stored").value(stored);
        out.key("index_bytes_by_extension").beginObject();
        for (Map.Entry<String, Long> entry : byExtension.entrySet()) out.key(entry.getKey()).value(entry.getValue());
        out.endObject();
        out.key("segments").value(segments);
        out.key("threads").value(threads);
        out.key("ram_buffer_mb").value(256);
        out.endObject();
        printLine(out.toString());
    }

    static final class Line {
        final long number;
        final String text;
        Line(long number, String text) { this.number = number; this.text = text; }
    }

    /** The index directory must be missing, empty, or hold only Lucene's files (an index, or what a failed run left), which are deleted. */
    static void prepareIndexDir(Path dir) throws IOException, UsageError {
        if (!Files.exists(dir)) {
            Files.createDirectories(dir);
            return;
        }
        if (!Files.isDirectory(dir)) throw new UsageError("--dir " + dir + " exists and is not a directory");
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path file : stream) files.add(file);
        }
        if (files.isEmpty()) return;
        for (Path file : files) {
            String name = file.getFileName().toString();
            boolean luceneFile = name.startsWith("segments") || name.startsWith("_") || name.equals("write.lock")
                    || name.startsWith("pending_segments");
            if (!luceneFile || !Files.isRegularFile(file))
                throw new UsageError("--dir " + dir + " is not empty and is not a Lucene index (found " + name
                        + "); give a new or empty directory");
        }
        for (Path file : files) Files.delete(file);
    }

    /** Fills doc from one JSONL line; returns the UTF-8 byte count of its text. */
    static long toDocument(Line line, Document doc) throws UsageError {
        Object parsed;
        try {
            parsed = new JsonReader(line.text).readDocument();
        } catch (JsonReader.JsonError e) {
            throw new UsageError("passages line " + line.number + ": bad JSON: " + e.getMessage());
        }
        if (!(parsed instanceof Map)) throw new UsageError("passages line " + line.number + ": not a JSON object");
        Map<?, ?> object = (Map<?, ?>) parsed;
        String docId = stringField(object, "doc_id", false, line);
        Object passage = object.get("passage");
        if (!(passage instanceof Long)) throw new UsageError("passages line " + line.number + ": \"passage\" must be an integer");
        String text = stringField(object, "text", false, line);
        String type = stringField(object, "type", true, line);
        String date = stringField(object, "date", true, line);

        doc.add(new StoredField(F_DOC_ID, docId));
        doc.add(new StoredField(F_PASSAGE, (Long) passage));
        doc.add(new TextField(F_TEXT, text, Field.Store.YES));
        if (type != null) doc.add(new StringField(F_TYPE, type, Field.Store.NO));
        if (date != null) {
            int yyyymmdd = parseDate(date);
            if (yyyymmdd < 0) throw new UsageError("passages line " + line.number + ": bad date '" + date + "'");
            doc.add(new IntPoint(F_DATE, yyyymmdd));
        }
        return utf8Length(text);
    }

    static String stringField(Map<?, ?> object, String key, boolean nullable, Line line) throws UsageError {
        Object value = object.get(key);
        if (value instanceof String) return (String) value;
        if (value == null && nullable) return null;
        throw new UsageError("passages line " + line.number + ": \"" + key + "\" must be a string"
                + (nullable ? " or null" : ""));
    }

    /** yyyy-mm-dd → yyyymmdd, or -1 when the text is not of that shape. */
    static int parseDate(String date) {
        if (date.length() != 10 || date.charAt(4) != '-' || date.charAt(7) != '-') return -1;
        int value = 0;
        for (int i = 0; i < 10; i++) {
            if (i == 4 || i == 7) continue;
            char c = date.charAt(i);
            if (c < '0' || c > '9') return -1;
            value = value * 10 + (c - '0');
        }
        int month = value / 100 % 100, day = value % 100;
        if (month < 1 || month > 12 || day < 1 || day > 31) return -1;
        return value;
    }

    /** UTF-8 length of a Java string; a lone surrogate counts as U+FFFD (3 bytes), as Lucene stores it. */
    static long utf8Length(String s) {
        long bytes = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) bytes += 1;
            else if (c < 0x800) bytes += 2;
            else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else bytes += 3;
        }
        return bytes;
    }

    // ----------------------------------------------------------------- search

    static final class BenchQuery {
        String type;
        String text;
        boolean or;
        List<Object> items = new ArrayList<>(); // String (a word) or List<String> (a phrase)
        String docType;
        int dateFrom = Integer.MIN_VALUE, dateTo = Integer.MAX_VALUE;
        boolean hasDate;
        long[] samples;
        long hits = -1;
        boolean hitsExact;
        long count;
    }

    static void runSearch(Map<String, String> options) throws Exception {
        Path dir = Paths.get(required(options, "dir"));
        Path queriesFile = Paths.get(required(options, "queries"));
        int rounds = positiveInt("rounds", required(options, "rounds"));
        boolean queryCache = options.remove("query-cache") != null;
        String warmupOption = options.remove("warmup");
        int warmupRounds = DEFAULT_WARMUP_ROUNDS;
        if (warmupOption != null) {
            warmupRounds = warmupOption.equals("0") ? 0 : positiveInt("warmup", warmupOption);
        }
        rejectLeftovers(options);
        if (!Files.isDirectory(dir)) throw new UsageError("index directory " + dir + " does not exist");
        if (!Files.isRegularFile(queriesFile) || !Files.isReadable(queriesFile))
            throw new UsageError("cannot read queries file " + queriesFile);
        List<BenchQuery> queries = readQueries(queriesFile);
        if (queries.isEmpty()) throw new UsageError("queries file " + queriesFile + " holds no queries");

        Analyzer analyzer = new DutchAnalyzer();
        try (Directory directory = FSDirectory.open(dir);
             DirectoryReader reader = openReader(directory, dir)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            if (!queryCache) searcher.setQueryCache(null);
            for (BenchQuery q : queries) q.samples = new long[rounds];

            long sink = 0;
            System.err.println("lucene-peer: " + warmupRounds + " warm-up rounds (not measured), then "
                    + rounds + " measured rounds over " + queries.size() + " queries");
            for (int round = 0; round < warmupRounds + rounds; round++) {
                boolean measured = round >= warmupRounds;
                for (BenchQuery q : queries) {
                    long t0 = System.nanoTime();
                    Query query = buildQuery(q, analyzer);
                    TopDocs top = searcher.search(query, TOP_N);
                    for (ScoreDoc hit : top.scoreDocs) sink += hit.doc;
                    long elapsed = System.nanoTime() - t0;
                    if (measured) q.samples[round - warmupRounds] = elapsed;
                    long hits = top.totalHits.value;
                    boolean exact = top.totalHits.relation == TotalHits.Relation.EQUAL_TO;
                    if (q.hits >= 0 && (q.hits != hits || q.hitsExact != exact))
                        throw new IllegalStateException("query '" + q.text + "' changed its hit count between rounds");
                    q.hits = hits;
                    q.hitsExact = exact;
                }
            }
            if (sink == 42) System.err.print(""); // keeps the doc-id reads alive

            // The exact number of matching passages, counted once after the measured rounds
            // (not timed), so that hit counts can be compared with other engines beyond 1000.
            for (BenchQuery q : queries) q.count = searcher.count(buildQuery(q, analyzer));

            Map<String, List<Long>> byType = new LinkedHashMap<>();
            Map<String, Integer> queriesByType = new LinkedHashMap<>();
            for (BenchQuery q : queries) {
                List<Long> all = byType.computeIfAbsent(q.type, k -> new ArrayList<>());
                for (long sample : q.samples) all.add(sample);
                queriesByType.merge(q.type, 1, Integer::sum);
            }

            JsonWriter out = new JsonWriter();
            out.beginObject();
            out.key("engine").value(ENGINE);
            out.key("rounds").value(rounds);
            out.key("warmup_rounds").value(warmupRounds);
            out.key("query_cache").value(queryCache);
            out.key("segments").value(reader.leaves().size());
            out.key("by_type").beginObject();
            for (Map.Entry<String, List<Long>> entry : byType.entrySet()) {
                long[] samples = entry.getValue().stream().mapToLong(Long::longValue).toArray();
                Arrays.sort(samples);
                double sum = 0;
                for (long s : samples) sum += s;
                out.key(entry.getKey()).beginObject();
                out.key("n").value(samples.length);
                out.key("queries").value(queriesByType.get(entry.getKey()));
                out.key("mean_us").value(micros(sum / samples.length));
                out.key("p50_us").value(micros(percentile(samples, 0.50)));
                out.key("p95_us").value(micros(percentile(samples, 0.95)));
                out.key("p99_us").value(micros(percentile(samples, 0.99)));
                out.endObject();
            }
            out.endObject();
            out.key("queries").beginArray();
            for (BenchQuery q : queries) {
                long[] samples = q.samples.clone();
                Arrays.sort(samples);
                out.beginObject();
                out.key("type").value(q.type);
                out.key("query").value(q.text);
                out.key("hits").value(q.hits);
                out.key("hits_exact").value(q.hitsExact);
                out.key("count").value(q.count);
                out.key("p50_us").value(micros(percentile(samples, 0.50)));
                out.endObject();
            }
            out.endArray();
            out.endObject();
            printLine(out.toString());
        }
    }

    static DirectoryReader openReader(Directory directory, Path dir) throws IOException, UsageError {
        if (!DirectoryReader.indexExists(directory)) throw new UsageError("no Lucene index in " + dir);
        return DirectoryReader.open(directory);
    }

    static long percentile(long[] sorted, double p) {
        int n = sorted.length;
        return sorted[Math.min(n - 1, (int) Math.floor(n * p))];
    }

    static double micros(double nanos) {
        return Math.round(nanos / 100.0) / 10.0;
    }

    /**
     * The benchmark's query as a Lucene query: each item analysed by the DutchAnalyzer; a
     * word with no tokens (a stop word) is dropped, one token is a TermQuery, several a
     * PhraseQuery; a phrase is a PhraseQuery at the positions the analyzer reports (stop
     * words leave gaps). "and" → MUST, "or" → SHOULD (in a nested query, so that filters
     * cannot make the SHOULD clauses optional). Filters are FILTER clauses. When no text
     * clause is left, the query matches nothing.
     */
    static Query buildQuery(BenchQuery q, Analyzer analyzer) throws IOException {
        List<Query> clauses = new ArrayList<>(q.items.size());
        for (Object item : q.items) {
            String text = item instanceof String ? (String) item : String.join(" ", castList(item));
            Query clause = analysedQuery(text, analyzer);
            if (clause != null) clauses.add(clause);
        }
        if (clauses.isEmpty()) return new MatchNoDocsQuery("every word is a stop word");

        Query textQuery;
        if (clauses.size() == 1) {
            textQuery = clauses.get(0);
        } else {
            BooleanQuery.Builder builder = new BooleanQuery.Builder();
            BooleanClause.Occur occur = q.or ? BooleanClause.Occur.SHOULD : BooleanClause.Occur.MUST;
            for (Query clause : clauses) builder.add(clause, occur);
            textQuery = builder.build();
        }
        if (q.docType == null && !q.hasDate) return textQuery;

        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        builder.add(textQuery, BooleanClause.Occur.MUST);
        if (q.docType != null) builder.add(new TermQuery(new Term(F_TYPE, q.docType)), BooleanClause.Occur.FILTER);
        if (q.hasDate) builder.add(IntPoint.newRangeQuery(F_DATE, q.dateFrom, q.dateTo), BooleanClause.Occur.FILTER);
        return builder.build();
    }

    @SuppressWarnings("unchecked")
    static List<String> castList(Object item) {
        return (List<String>) item;
    }

    /** null when the text analyses to no tokens. */
    static Query analysedQuery(String text, Analyzer analyzer) throws IOException {
        List<String> terms = new ArrayList<>(4);
        List<Integer> positions = new ArrayList<>(4);
        try (TokenStream stream = analyzer.tokenStream(F_TEXT, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken()) {
                position += increment.getPositionIncrement();
                terms.add(term.toString());
                positions.add(position);
            }
            stream.end();
        }
        if (terms.isEmpty()) return null;
        if (terms.size() == 1) return new TermQuery(new Term(F_TEXT, terms.get(0)));
        PhraseQuery.Builder builder = new PhraseQuery.Builder();
        int first = positions.get(0);
        for (int i = 0; i < terms.size(); i++) builder.add(new Term(F_TEXT, terms.get(i)), positions.get(i) - first);
        return builder.build();
    }

    static List<BenchQuery> readQueries(Path file) throws IOException, UsageError {
        String json = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        Object parsed;
        try {
            parsed = new JsonReader(json).readDocument();
        } catch (JsonReader.JsonError e) {
            throw new UsageError("queries file " + file + ": bad JSON: " + e.getMessage());
        }
        if (!(parsed instanceof List)) throw new UsageError("queries file " + file + ": expected a JSON list");
        List<BenchQuery> queries = new ArrayList<>();
        int index = 0;
        for (Object entry : (List<?>) parsed) {
            String where = "queries file " + file + ", entry " + index++;
            if (!(entry instanceof Map)) throw new UsageError(where + ": not an object");
            Map<?, ?> object = (Map<?, ?>) entry;
            BenchQuery q = new BenchQuery();
            q.type = requireString(object, "type", where);
            q.text = requireString(object, "query", where);
            String operator = object.get("operator") == null ? "and" : requireString(object, "operator", where);
            if (!operator.equals("and") && !operator.equals("or"))
                throw new UsageError(where + ": operator must be \"and\" or \"or\", not \"" + operator + "\"");
            q.or = operator.equals("or");
            Object items = object.get("items");
            if (!(items instanceof List)) throw new UsageError(where + ": \"items\" must be a list");
            for (Object item : (List<?>) items) {
                if (!(item instanceof Map)) throw new UsageError(where + ": each item must be an object");
                Map<?, ?> itemObject = (Map<?, ?>) item;
                if (itemObject.get("word") instanceof String) {
                    q.items.add(itemObject.get("word"));
                } else if (itemObject.get("phrase") instanceof List) {
                    List<String> words = new ArrayList<>();
                    for (Object word : (List<?>) itemObject.get("phrase")) {
                        if (!(word instanceof String)) throw new UsageError(where + ": a phrase holds strings only");
                        words.add((String) word);
                    }
                    q.items.add(words);
                } else {
                    throw new UsageError(where + ": an item needs \"word\" (a string) or \"phrase\" (a list of strings)");
                }
            }
            Object filter = object.get("filter");
            if (filter != null) {
                if (!(filter instanceof Map)) throw new UsageError(where + ": \"filter\" must be an object or null");
                Map<?, ?> filterObject = (Map<?, ?>) filter;
                Object docType = filterObject.get("doc_type");
                if (docType != null && !(docType instanceof String)) throw new UsageError(where + ": doc_type must be a string or null");
                q.docType = (String) docType;
                Object from = filterObject.get("date_from"), to = filterObject.get("date_to");
                if (from != null) {
                    q.dateFrom = filterDate(from, where);
                    q.hasDate = true;
                }
                if (to != null) {
                    q.dateTo = filterDate(to, where);
                    q.hasDate = true;
                }
            }
            queries.add(q);
        }
        return queries;
    }

    static int filterDate(Object value, String where) throws UsageError {
        int date = value instanceof String ? parseDate((String) value) : -1;
        if (date < 0) throw new UsageError(where + ": a filter date must be \"yyyy-mm-dd\", not " + value);
        return date;
    }

    static String requireString(Map<?, ?> object, String key, String where) throws UsageError {
        Object value = object.get(key);
        if (!(value instanceof String)) throw new UsageError(where + ": \"" + key + "\" must be a string");
        return (String) value;
    }

    static void printLine(String line) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.println(line);
        out.flush();
    }

    // ------------------------------------------------------------------- JSON

    /**
     * Reads one JSON value (RFC 8259): objects → LinkedHashMap, arrays → ArrayList, strings,
     * integers → Long, other numbers → Double, true/false → Boolean, null → null.
     */
    static final class JsonReader {
        static final class JsonError extends Exception {
            JsonError(String message) { super(message); }
        }

        private final String s;
        private int i;
        private final StringBuilder buffer = new StringBuilder();

        JsonReader(String s) { this.s = s; }

        Object readDocument() throws JsonError {
            if (s.startsWith("\uFEFF")) i = 1;
            Object value = readValue(0);
            skipSpace();
            if (i != s.length()) throw error("unexpected text after the value");
            return value;
        }

        private JsonError error(String message) {
            return new JsonError(message + " at character " + i);
        }

        private void skipSpace() {
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r') i++;
                else break;
            }
        }

        private Object readValue(int depth) throws JsonError {
            if (depth > 512) throw error("nesting too deep");
            skipSpace();
            if (i >= s.length()) throw error("unexpected end of input");
            char c = s.charAt(i);
            switch (c) {
                case '{': return readObject(depth);
                case '[': return readArray(depth);
                case '"': return readString();
                case 't': expectWord("true"); return Boolean.TRUE;
                case 'f': expectWord("false"); return Boolean.FALSE;
                case 'n': expectWord("null"); return null;
                default:
                    if (c == '-' || (c >= '0' && c <= '9')) return readNumber();
                    throw error("unexpected character '" + c + "'");
            }
        }

        private void expectWord(String word) throws JsonError {
            if (!s.startsWith(word, i)) throw error("expected " + word);
            i += word.length();
        }

        private Map<String, Object> readObject(int depth) throws JsonError {
            Map<String, Object> object = new LinkedHashMap<>();
            i++; // {
            skipSpace();
            if (i < s.length() && s.charAt(i) == '}') { i++; return object; }
            while (true) {
                skipSpace();
                if (i >= s.length() || s.charAt(i) != '"') throw error("expected a string key");
                String key = readString();
                skipSpace();
                if (i >= s.length() || s.charAt(i) != ':') throw error("expected ':'");
                i++;
                object.put(key, readValue(depth + 1));
                skipSpace();
                if (i >= s.length()) throw error("unexpected end of input in an object");
                char c = s.charAt(i++);
                if (c == '}') return object;
                if (c != ',') { i--; throw error("expected ',' or '}'"); }
            }
        }

        private List<Object> readArray(int depth) throws JsonError {
            List<Object> array = new ArrayList<>();
            i++; // [
            skipSpace();
            if (i < s.length() && s.charAt(i) == ']') { i++; return array; }
            while (true) {
                array.add(readValue(depth + 1));
                skipSpace();
                if (i >= s.length()) throw error("unexpected end of input in an array");
                char c = s.charAt(i++);
                if (c == ']') return array;
                if (c != ',') { i--; throw error("expected ',' or ']'"); }
            }
        }

        private String readString() throws JsonError {
            i++; // opening quote
            buffer.setLength(0);
            int runStart = i;
            while (true) {
                if (i >= s.length()) throw error("unterminated string");
                char c = s.charAt(i);
                if (c == '"') {
                    buffer.append(s, runStart, i);
                    i++;
                    return buffer.toString();
                }
                if (c < 0x20) throw error("unescaped control character in a string");
                if (c != '\\') { i++; continue; }
                buffer.append(s, runStart, i);
                i++;
                if (i >= s.length()) throw error("unterminated escape");
                char e = s.charAt(i++);
                switch (e) {
                    case '"': buffer.append('"'); break;
                    case '\\': buffer.append('\\'); break;
                    case '/': buffer.append('/'); break;
                    case 'b': buffer.append('\b'); break;
                    case 'f': buffer.append('\f'); break;
                    case 'n': buffer.append('\n'); break;
                    case 'r': buffer.append('\r'); break;
                    case 't': buffer.append('\t'); break;
                    case 'u':
                        // Each \\uXXXX is one UTF-16 unit; a surrogate pair written as two
                        // escapes therefore becomes the right Java (UTF-16) string as is.
                        if (i + 4 > s.length()) throw error("short \\u escape");
                        int code = 0;
                        for (int k = 0; k < 4; k++) {
                            int digit = Character.digit(s.charAt(i + k), 16);
                            if (digit < 0) throw error("bad hex digit in \\u escape");
                            code = code * 16 + digit;
                        }
                        i += 4;
                        buffer.append((char) code);
                        break;
                    default:
                        i--;
                        throw error("bad escape '\\" + e + "'");
                }
                runStart = i;
            }
        }

        private Object readNumber() throws JsonError {
            int start = i;
            if (s.charAt(i) == '-') i++;
            if (i >= s.length()) throw error("bad number");
            if (s.charAt(i) == '0') i++;
            else if (s.charAt(i) >= '1' && s.charAt(i) <= '9') { while (i < s.length() && isDigit(s.charAt(i))) i++; }
            else throw error("bad number");
            boolean integral = true;
            if (i < s.length() && s.charAt(i) == '.') {
                integral = false;
                i++;
                if (i >= s.length() || !isDigit(s.charAt(i))) throw error("bad number: digits must follow '.'");
                while (i < s.length() && isDigit(s.charAt(i))) i++;
            }
            if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
                integral = false;
                i++;
                if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
                if (i >= s.length() || !isDigit(s.charAt(i))) throw error("bad number: digits must follow the exponent");
                while (i < s.length() && isDigit(s.charAt(i))) i++;
            }
            String text = s.substring(start, i);
            if (integral) {
                try {
                    return Long.parseLong(text);
                } catch (NumberFormatException tooBig) {
                    return Double.parseDouble(text);
                }
            }
            return Double.parseDouble(text);
        }

        private static boolean isDigit(char c) { return c >= '0' && c <= '9'; }
    }

    /** A minimal JSON writer: keys and values in order, commas placed automatically. */
    static final class JsonWriter {
        private final StringBuilder out = new StringBuilder();
        private boolean needComma;

        JsonWriter beginObject() { comma(); out.append('{'); needComma = false; return this; }
        JsonWriter endObject() { out.append('}'); needComma = true; return this; }
        JsonWriter beginArray() { comma(); out.append('['); needComma = false; return this; }
        JsonWriter endArray() { out.append(']'); needComma = true; return this; }

        JsonWriter key(String key) {
            comma();
            string(key);
            out.append(':');
            needComma = false;
            return this;
        }

        JsonWriter value(String value) { comma(); if (value == null) out.append("null"); else string(value); needComma = true; return this; }
        JsonWriter value(long value) { comma(); out.append(value); needComma = true; return this; }
        JsonWriter value(boolean value) { comma(); out.append(value); needComma = true; return this; }

        JsonWriter value(double value) {
            comma();
            if (Double.isNaN(value) || Double.isInfinite(value)) out.append("null");
            else if (value == Math.rint(value) && Math.abs(value) < 1e15) out.append((long) value).append(".0");
            else out.append(value);
            needComma = true;
            return this;
        }

        private void comma() {
            if (needComma) out.append(',');
        }

        private void string(String s) {
            out.append('"');
            for (int k = 0; k < s.length(); k++) {
                char c = s.charAt(k);
                switch (c) {
                    case '"': out.append("\\\""); break;
                    case '\\': out.append("\\\\"); break;
                    case '\n': out.append("\\n"); break;
                    case '\r': out.append("\\r"); break;
                    case '\t': out.append("\\t"); break;
                    default:
                        if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
                        else out.append(c);
                }
            }
            out.append('"');
        }

        @Override public String toString() { return out.toString(); }
    }
}
