import ArgumentParser

/// `--index DIR`, shared by every command that reads or writes an index.
struct IndexLocation: ParsableArguments {
    @Option(name: .customLong("index"), help: ArgumentHelp("The index folder.", valueName: "DIR"))
    var directory = "Index"
}
