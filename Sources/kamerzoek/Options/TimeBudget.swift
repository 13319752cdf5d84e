import ArgumentParser

/// `--time-budget MS` of `search` and `serve`: how long one search may take before it
/// returns what it has, marked partial (`SearchOptions.timeBudget`).
struct TimeBudget: ParsableArguments {
    @Option(name: .customLong("time-budget"), help: ArgumentHelp("Time budget per search in milliseconds; past it the results so far are returned, marked partial.", valueName: "MS"))
    var milliseconds = 2000

    var duration: Duration { .milliseconds(milliseconds) }

    func validate() throws {
        guard milliseconds > 0 else { throw ValidationError("--time-budget must be positive.") }
    }
}
