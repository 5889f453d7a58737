import TestRailSimulator

extension GeneratorSpec {
    /// The `testrail-sim --generate` flags that build exactly this data (every field spelled out, so the simulator's
    /// defaults cannot drift from the bench's); `--seed` seeds the simulator's jitter too.
    var simulatorArguments: [String] {
        [
            "--generate", "--seed", "\(seed)", "--pairs", "\(pairs)", "--suites", "\(suites)", "--cases", "\(cases)",
            "--sections-per-suite", "\(sectionsPerSuite)", "--skew", "\(skew)", "--drift", "\(drift)",
            "--suite-mode", "\(suiteMode)",
        ]
    }
}
