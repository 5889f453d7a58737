/// Why a scenario could not be measured; the bench prints it in the scenario's place.
enum BenchError: Error, CustomStringConvertible {
    case missingProduct(name: String, folder: String)
    case simulatorDidNotStart(reason: String, output: String)
    case wrongDataset(expected: String, served: String)
    case incompleteFetch(expected: Int, fetched: Int)
    case processFailed(command: String, status: Int32, stderr: String)

    var description: String {
        switch self {
        case .missingProduct(let name, let folder):
            return "no \(name) in \(folder); build it with `swift build -c release --product \(name)` (make bench does)"
        case .simulatorDidNotStart(let reason, let output):
            return "testrail-sim \(reason); its output:\n\(output)"
        case .wrongDataset(let expected, let served):
            return "testrail-sim serves \(served), the bench expects \(expected)"
        case .incompleteFetch(let expected, let fetched):
            return "fetched \(fetched) cases of \(expected)"
        case .processFailed(let command, let status, let stderr):
            return "\(command) exited \(status); its stderr:\n\(stderr)"
        }
    }
}
