import ArgumentParser
import KioskCore

/// The root command. The executable's `@main` only calls it; tests parse and validate in process
/// with `Kiosk.parseAsRoot([...])`.
public struct Kiosk: AsyncParsableCommand {
    public init() {}

    public static let configuration = CommandConfiguration(
        commandName: "kiosk",
        abstract: "Queue tickets, windows and the hall screen for a government service hall.",
        version: "kiosk \(KioskVersion.number) (commit \(BuildInfo.commit))",
        subcommands: [
            ServeCommand.self, TokensCommand.self, UsersCommand.self, BenchPublicReadsCommand.self, DisplayCommand.self, StatsCommand.self, AdviceCommand.self, BenchCommand.self, BenchCentralCommand.self, BenchSMSCommand.self, ReplayCommand.self, BenchEstimatorCommand.self, ConfigCommand.self, GuideCommand.self, AppointmentCommand.self, LayoutsCommand.self, DemoCommand.self, WalkthroughCommand.self, StatusCommand.self, ExportCommand.self, ImportCommand.self, CentralCommand.self, ReportCommand.self, SMSCommand.self,
            BackupCommand.self, VerifyCommand.self, RestoreCommand.self, ClockCommand.self,
            TakeCommand.self, CancelCommand.self, ReactivateCommand.self,
            TicketMachineCommand.self, WindowTerminalCommand.self, RatePadCommand.self, RatingsCommand.self,
            ClerkCommand<CallVerb>.self, CallTicketCommand.self, ClerkCommand<RecallVerb>.self, ClerkCommand<StartVerb>.self,
            ClerkCommand<FinishVerb>.self, ClerkCommand<NoShowVerb>.self, TransferCommand.self, ClerkCommand<ParkVerb>.self,
            WindowTicketCommand<UnparkVerb>.self, WindowTicketCommand<NoShowAwaitingVerb>.self, ReviewHandOffCommand.self, ClerkCommand<ReviewNextVerb>.self,
            ClerkCommand<ReviewApproveVerb>.self, ReviewReturnCommand.self, PauseCommand.self, ClerkCommand<ResumeVerb>.self, CoverCommand.self, UncoverCommand.self, ClerkCommand<OpenVerb>.self, ClerkCommand<CloseVerb>.self,
        ]
    )
}
