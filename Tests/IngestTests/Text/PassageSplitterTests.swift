import Testing
@testable import Ingest

private func words(_ count: Int, _ word: String = "woord") -> String {
    Array(repeating: word, count: count).joined(separator: " ")
}

@Test func shortParagraphsMergeWithTheNext() {
    let blocks = [
        Block(heading: nil, text: words(10), section: 0),
        Block(heading: nil, text: words(35), section: 0),
        Block(heading: nil, text: words(60), section: 0),
    ]
    let passages = PassageSplitter.split(blocks)
    #expect(passages.map { WhiteSpace.wordCount($0.text) } == [45, 60])
    #expect(passages[0].text == words(10) + "\n" + words(35))
}

@Test func aQuestionAndItsAnswerAreNeverMerged() {
    let blocks = [
        Block(heading: "Vraag 1", text: "Bent u bekend met het bericht?", section: 1),
        Block(heading: "Antwoord 1", text: "Ja.", section: 2),
    ]
    let passages = PassageSplitter.split(blocks)
    #expect(passages.map(\.heading) == ["Vraag 1", "Antwoord 1"])
    #expect(passages.map(\.text) == ["Bent u bekend met het bericht?", "Ja."])
}

@Test func longParagraphsSplitAtSentenceEnds() {
    let sentence = "Begin " + words(28) + " eind."
    let text = Array(repeating: sentence, count: 20).joined(separator: " ")  // 600 words, sentences of 30
    let passages = PassageSplitter.split([Block(heading: "Kop", text: text, section: 0)])
    #expect(passages.map { WhiteSpace.wordCount($0.text) } == [240, 240, 120])
    #expect(passages.allSatisfy { $0.text.hasSuffix("eind.") && $0.heading == "Kop" })
}

@Test func offsetsPointIntoTheDocumentText() throws {
    let document = try Fixtures.document(text: "Vraag 1\nKlopt het?\n\nAntwoord 1\nJa, dat klopt, zeker weten.\n")
    let text = Array(document.text.utf8)
    for passage in document.passages {
        #expect(String(decoding: text[passage.start ..< passage.end], as: UTF8.self) == passage.text)
    }
    #expect(document.passages.map(\.start) == [0, 12])
}
