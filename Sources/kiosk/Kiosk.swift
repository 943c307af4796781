import ArgumentParser

@main
struct Kiosk: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "kiosk", abstract: "Queue-ticket kiosk and hall display controller.")
}
