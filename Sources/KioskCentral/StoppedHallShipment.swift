import Foundation
import KioskCore
import KioskStore

/// `kiosk central push`: a stopped hall's journal opened as its one writer (only the shipping
/// cursor is written), and the shipper that sends it to the centre as the hall it is.
public struct StoppedHallShipment {
    /// Held open for the shipment: its lock keeps a daemon from starting on the journal.
    public let hall: LocalHall
    public let hallID: String
    public let shipper: JournalShipper

    /// Why a hall cannot ship, each said as the command says it (exit 1).
    public enum Problem: Error, Equatable, CustomStringConvertible {
        case noHallID(String)
        case noJournal(path: String)
        case running(DataDirectoryInUse)

        public var description: String {
            switch self {
            case let .noHallID(problem): return problem
            case let .noJournal(path): return "no journal at \(path)"
            case let .running(busy): return "\(busy.description) (a daemon started with --central ships by itself)"
            }
        }
    }

    /// The hall in `dataDirectory` as `config` (`--config`), else as the hall that last wrote
    /// its journal (an imported day records its own), else the embedded default.
    public init(dataDirectory: String, config: HallConfig?, batchSize: Int, warn: (PermissionFix) -> Void = { _ in }) throws {
        let config = try LocalHall.config(config, dataDirectory: dataDirectory)
        guard let hallID = config.id else { throw Problem.noHallID(config.centralProblem ?? "hall.id is required") }
        let path = dataDirectory + "/journal.sqlite"
        guard FileManager.default.fileExists(atPath: path) else { throw Problem.noJournal(path: path) }
        do {
            hall = try LocalHall.openForWriting(config: config, dataDirectory: dataDirectory, warn: warn)
        } catch let busy as DataDirectoryInUse {
            throw Problem.running(busy)
        }
        self.hallID = hallID
        shipper = JournalShipper(journal: hall.journal, hallID: hallID, batchSize: batchSize)
    }

    /// The command's line for `progress`, with the seq the centre's copy now ends at.
    public func summary(of progress: JournalShipper.Progress, seconds: Double) throws -> String {
        progress.summary(hallID: hallID, seconds: seconds, cursor: try hall.journal.centralCursor(.event))
    }
}
