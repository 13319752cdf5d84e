#!/usr/bin/env bash
# Lucene 8 peer for kamerzoek's benchmarks. See README.md in this folder.
#
#   lucene_peer.sh index  --passages FILE.jsonl --dir DIR [--threads N]
#   lucene_peer.sh search --dir DIR --queries QUERIES.json --rounds N [--warmup N] [--query-cache]
#   lucene_peer.sh build      (only compile; do this before measuring peak RSS)
#
# Compiles LucenePeer.java into build/ (git-ignored) when the class is missing or older
# than the source, then runs it with the Lucene jars of Debian's liblucene8-java.
#
# JVM flags: -Xms256m -Xmx2g -XX:+UseG1GC (the JDK 17 default collector, named so it
# stays the same on smaller machines). Override with LUCENE_PEER_JAVA_OPTS.
# Jar folder: /usr/share/java, or LUCENE_JAR_DIR.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source_file="$here/LucenePeer.java"
build_dir="$here/build"
jar_dir="${LUCENE_JAR_DIR:-/usr/share/java}"
java_opts="${LUCENE_PEER_JAVA_OPTS:--Xms256m -Xmx2g -XX:+UseG1GC}"

find_jar() {
    # Debian's 8.8.1 package names its jars lucene-core-8.7.0.jar etc.; take any version.
    local name="$1" jar
    for jar in "$jar_dir/$name.jar" "$jar_dir/$name"-8*.jar; do
        if [[ -f "$jar" ]]; then
            printf '%s\n' "$jar"
            return 0
        fi
    done
    return 1
}

if ! core_jar="$(find_jar lucene-core)" || ! analyzers_jar="$(find_jar lucene-analyzers-common)"; then
    echo "lucene-peer: Lucene 8 jars not found in $jar_dir (need lucene-core and lucene-analyzers-common)." >&2
    echo "lucene-peer: install them with: apt-get install -y liblucene8-java" >&2
    exit 2
fi
classpath="$core_jar:$analyzers_jar"

for tool in java javac; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "lucene-peer: '$tool' not found; install a JDK (e.g. apt-get install -y openjdk-17-jdk-headless)" >&2
        exit 2
    fi
done

class_file="$build_dir/LucenePeer.class"
if [[ ! -f "$class_file" || "$source_file" -nt "$class_file" ]]; then
    mkdir -p "$build_dir"
    # Compile into a fresh folder and move the classes in, so that a run started at the
    # same time never sees half-written classes.
    staging="$(mktemp -d "$build_dir/.compile.XXXXXX")"
    trap 'rm -rf "$staging"' EXIT
    if ! javac -nowarn -encoding UTF-8 --release 17 -cp "$classpath" -d "$staging" "$source_file" >&2; then
        echo "lucene-peer: compiling $source_file failed" >&2
        exit 2
    fi
    for compiled in "$staging"/*.class; do
        mv -f "$compiled" "$build_dir/"
    done
    # The main class last, so that its timestamp says the build is complete.
    touch "$class_file"
    rm -rf "$staging"
    trap - EXIT
fi

if [[ "${1:-}" == "build" ]]; then
    exit 0
fi

# shellcheck disable=SC2086  # java_opts is a list of flags
exec java $java_opts -cp "$build_dir:$classpath" LucenePeer "$@"
