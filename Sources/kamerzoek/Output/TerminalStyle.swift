import Foundation

/// Bold and colour on a terminal, plain text otherwise (pipes, files, `NO_COLOR`).
enum TerminalStyle {
    static var useColor: Bool {
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }
}
