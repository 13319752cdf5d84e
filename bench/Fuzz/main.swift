// A seeded in-process fuzzer for the parts that read untrusted input: the query parser,
// the analyzer, text extraction and the XML readers. Inputs are random bytes and
// mutations of real samples (Corpus/ and a few XML skeletons); every target must return
// normally (a value, a skip, a warning or a thrown error) and never trap or hang.
//
//   swift run -c release --package-path bench Fuzz [--inputs 1000000] [--seed 1] [--target all|query|analyzer|text|xml]
//
// A trap stops the process with the input's seed and number printed first, so that it
// can be replayed and turned into a regression test.
import Analysis
import Foundation
import Ingest
import Search
import SeededRandom


var inputs = 1_000_000
var seed: UInt64 = 1
var target = "all"
var arguments = Array(CommandLine.arguments.dropFirst())
while let argument = arguments.first {
    arguments.removeFirst()
    switch argument {
    case "--inputs": inputs = Int(arguments.removeFirst()) ?? inputs
    case "--seed": seed = UInt64(arguments.removeFirst()) ?? seed
    case "--target": target = arguments.removeFirst()
    default:
        FileHandle.standardError.write(Data("unknown argument \(argument)\n".utf8))
        exit(2)
    }
}

var samples: [[UInt8]] = []
if let names = try? FileManager.default.contentsOfDirectory(atPath: "Corpus") {
    for name in names.sorted() where !name.hasPrefix("README") {
        if let data = FileManager.default.contents(atPath: "Corpus/\(name)") { samples.append([UInt8](data.prefix(4096))) }
    }
}
let xmlSamples: [[UInt8]] = [
    "<?xml version=\"1.0\"?><officiele-publicatie><kamerstuk><dossier><dossiernummer><dossiernr>34 851</dossiernr></dossiernummer></dossier><stuk><titel>Brief<noot><noot.nr>1</noot.nr><noot.al>noot</noot.al></noot></titel><al>Tekst <nadruk>vet</nadruk> en meer.</al></stuk></kamerstuk></officiele-publicatie>",
    "<TEI><teiHeader><title>Verslag</title></teiHeader><text><body><div type=\"debateSection\"><head>Kop</head><u who=\"#a\"><seg>Woorden</seg></u></div></body></text></TEI>",
    "<open-rechtspraak><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"></rdf:RDF><uitspraak><para>Tekst</para></uitspraak></open-rechtspraak>",
    "<toestand><wetgeving><citeertitel>Wet</citeertitel><artikel><kop>1</kop><lid><al>Lid.</al></lid></artikel></wetgeving></toestand>",
].map { Array($0.utf8) }
let queryPieces = ["geweld", "\"", "(", ")", "OR", "NOT", "-", "*", "~", "titel:", "soort:", "dossier:", "datum:", "jaar:", "2024", "..", " ", "é", "\u{0}", "’"]

func mutate(_ input: [UInt8], _ random: inout SeededGenerator) -> [UInt8] {
    var bytes = input
    for _ in 0 ..< Int.random(in: 1 ... 8, using: &random) {
        let position = bytes.isEmpty ? 0 : Int.random(in: 0 ... bytes.count, using: &random)
        switch Int.random(in: 0 ..< 5, using: &random) {
        case 0 where position < bytes.count: bytes.remove(at: position)
        case 1: bytes.insert(UInt8.random(in: 0 ... 255, using: &random), at: position)
        case 2 where position < bytes.count: bytes[position] ^= UInt8(1) << UInt8.random(in: 0 ..< 8, using: &random)
        case 3 where position < bytes.count:
            let end = min(bytes.count, position + Int.random(in: 1 ... 64, using: &random))
            bytes.insert(contentsOf: bytes[position ..< end], at: position)
        default: bytes = Array(bytes.prefix(position))
        }
    }
    return bytes
}

func randomBytes(_ random: inout SeededGenerator, maximum: Int) -> [UInt8] {
    (0 ..< Int.random(in: 0 ... maximum, using: &random)).map { _ in UInt8.random(in: 0 ... 255, using: &random) }
}

let analyzer = try Analyzer()
let extractor = Extractor()
var random = SeededGenerator(seed: seed)
let targets = target == "all" ? ["query", "analyzer", "text", "xml"] : [target]
for name in targets {
    let clock = ContinuousClock()
    let started = clock.now
    var errors = 0
    for number in 0 ..< inputs {
        // Printed before each input only when asked, so a trap can be replayed cheaply.
        if ProcessInfo.processInfo.environment["FUZZ_TRACE"] != nil { print("\(name) \(seed) \(number)") }
        switch name {
        case "query":
            var text = ""
            if Bool.random(using: &random) {
                for _ in 0 ..< Int.random(in: 0 ... 12, using: &random) { text += queryPieces.randomElement(using: &random)! }
            } else {
                text = String(decoding: randomBytes(&random, maximum: 64), as: UTF8.self)
            }
            do { _ = try QueryParser.parse(text) } catch { errors += 1 }
        case "analyzer":
            let bytes = Bool.random(using: &random) || samples.isEmpty ? randomBytes(&random, maximum: 256) : mutate(samples.randomElement(using: &random)!, &random)
            var tokens: [Token] = []
            try analyzer.analyze(utf8: bytes.span, into: &tokens)
            for token in tokens where token.start > token.end || token.end > bytes.count {
                print("analyzer: bad offsets for seed \(seed) input \(number)")
                exit(1)
            }
        case "text":
            let bytes = samples.isEmpty ? randomBytes(&random, maximum: 512) : mutate(samples.randomElement(using: &random)!, &random)
            _ = extractor.extract(bytes: bytes, path: "fuzz.txt", relativeTo: nil)
        default:
            let bytes = mutate(xmlSamples.randomElement(using: &random)!, &random)
            _ = extractor.extract(bytes: bytes, path: "fuzz.xml", relativeTo: nil)
        }
    }
    let elapsed = clock.now - started
    print("\(name): \(inputs) inputs (seed \(seed)) in \(elapsed), no trap\(name == "query" ? ", \(errors) rejected with a parse error" : "")")
}
