import ArgumentParser
import KioskAPI
import KioskCore

/// `kiosk guide CODE [--config FILE]`: a service's 办事指南 from a config file (the embedded
/// hall's without one); no daemon needed.
struct GuideCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "guide", abstract: "Print a service's guide (办事指南): basis, conditions, materials, steps, time limit, roles, fee, contact.",
        discussion: "Read from --config (the embedded default hall without it); no daemon needed. Sections marked 示例 example are illustrations, not the hall's own rule. Exit 1 for an unknown service or one without a guide."
    )

    @Argument(help: "Service letter, e.g. C for 失业登记.") var service: String
    @Option(name: .long, help: "Hall config file (JSON). Default: the embedded default hall.") var config: String?

    func run() throws {
        let hall = try HallOptions.load(configPath: config)
        let code = service.uppercased()
        guard let found = hall.service(code) else {
            printError("没有该业务 No such service: \(service) (services: \(hall.services.map(\.code).joined(separator: " ")))")
            throw ExitCode(1)
        }
        guard let guide = found.guide else {
            printError("\(found.code) \(found.name) 暂无办事指南 has no guide in \(config ?? "the embedded default hall")")
            throw ExitCode(1)
        }
        for line in ServiceGuideAnswer(service: found, guide: guide).lines { printLine(line) }
    }
}
