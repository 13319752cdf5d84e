import Foundation
import Indexer

/// Shows indexing progress on standard error: a bar redrawn in place on a terminal, plain
/// lines every few seconds otherwise (logs, CI), nothing with `quiet`.
final class ProgressBar {
    private let isTerminal = isatty(STDERR_FILENO) == 1
    private let clock = ContinuousClock()
    private let started: ContinuousClock.Instant
    private var lastDraw: ContinuousClock.Instant
    private let quiet: Bool
    private var drewBar = false

    init(quiet: Bool) {
        self.quiet = quiet
        started = clock.now
        lastDraw = clock.now
    }

    func update(_ progress: IndexProgress) {
        guard !quiet else { return }
        let now = clock.now
        let interval: Duration = isTerminal ? .milliseconds(100) : .seconds(5)
        let finished = progress.filesDone == progress.filesTotal
        guard now - lastDraw >= interval || (finished && drewBar) else { return }
        lastDraw = now
        let seconds = max(0.001, Self.seconds(now - started))
        let megabytes = Double(progress.bytesDone) / 1e6
        let rate = megabytes / seconds
        let remaining = progress.bytesTotal > progress.bytesDone && rate > 0
            ? Double(progress.bytesTotal - progress.bytesDone) / 1e6 / rate : 0
        let counts = "\(progress.filesDone)/\(progress.filesTotal) files, \(String(format: "%.1f", megabytes)) MB, \(String(format: "%.1f", rate)) MB/s, ETA \(Self.clockTime(remaining))"
        if isTerminal {
            let fraction = progress.filesTotal == 0 ? 1 : Double(progress.filesDone) / Double(progress.filesTotal)
            let filled = Int(fraction * 30)
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: 30 - filled)
            FileHandle.standardError.write(Data("\r\u{1B}[2K\(bar) \(counts)".utf8))
            drewBar = true
        } else {
            StandardError.write("indexing: \(counts)")
        }
    }

    /// Ends the bar's line so that what follows starts on a fresh one.
    func finish() {
        if drewBar { FileHandle.standardError.write(Data("\n".utf8)) }
    }

    static func seconds(_ duration: Duration) -> Double {
        duration / .seconds(1)
    }

    static func clockTime(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        return total >= 3600 ? String(format: "%d:%02d:%02d", total / 3600, total / 60 % 60, total % 60) : String(format: "%d:%02d", total / 60, total % 60)
    }
}
