import ArgumentParser
import Foundation
import KioskAPI
import KioskCore

/// 即审 from the command line: the clerk hands a case over, the reviewer takes, approves or
/// returns it. Each is the window route of the same name (`POST /v1/windows/W/review…`).
struct ReviewHandOffCommand: HallCommand {
    static let configuration = CommandConfiguration(
        commandName: "review", abstract: "即审: hand the case window W is serving to review (the citizen keeps the number)."
    )
    @OptionGroup var hall: HallOptions
    @Argument(help: "Window id.") var window: String
    @Option(help: "A note for the reviewer (at most 100 characters).") var note: String?
    func command(at now: Date, in engine: QueueEngine) throws -> Command { .handToReview(counter: window, note: note) }
    var remote: DaemonClient.Call {
        DaemonClient.Call(path: WindowAction.path(window: window, action: "review"), body: .reviewHandOff(ReviewHandOffRequest(note: note)), role: .window(window))
    }
}

/// The reviewer's two one-word commands (`ClerkCommand`).
enum ReviewNextVerb: ClerkVerb {
    static let name = "review-next", route = "review/next", windowHelp = "The reviewer's window id."
    static let abstract = "即审: reviewer window R takes the next case handed over."
    static func command(window: CounterID) -> Command { .takeReview(reviewer: window) }
}

enum ReviewApproveVerb: ClerkVerb {
    static let name = "review-approve", route = "review/approve", windowHelp = "The reviewer's window id."
    static let abstract = "即审: reviewer window R approves its case (the citizen is called back for the result)."
    static func command(window: CounterID) -> Command { .approveReview(reviewer: window) }
}

struct ReviewReturnCommand: HallCommand {
    static let configuration = CommandConfiguration(
        commandName: "review-return", abstract: "即审: reviewer window R returns its case with what is missing (told to the clerk and by SMS)."
    )
    @OptionGroup var hall: HallOptions
    @Argument(help: "The reviewer's window id.") var window: String
    @Argument(help: "What is missing, at most 20 characters (e.g. 缺身份证复印件).") var reason: String
    func validate() throws {
        guard ReviewReason.checked(reason) != nil else {
            throw ValidationError("the reason must be 1–\(ReviewReason.maxLength) characters on one line")
        }
    }
    func command(at now: Date, in engine: QueueEngine) throws -> Command {
        // validate() has refused a reason that does not check: this is the trimmed reason.
        .returnReview(reviewer: window, reason: ReviewReason.checked(reason) ?? reason)
    }
    var remote: DaemonClient.Call {
        DaemonClient.Call(path: WindowAction.path(window: window, action: "review/return"), body: .reviewReturn(ReviewReturnRequest(reason: reason)), role: .window(window))
    }
}
