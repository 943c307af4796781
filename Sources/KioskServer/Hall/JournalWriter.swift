import ServiceLifecycle

/// The group-commit loop: whenever commands are queued, writes them all in one transaction.
/// On graceful shutdown it runs after the HTTP server has stopped, drains what is left, exits.
struct JournalWriter: Service {
    let hall: Hall

    func run() async throws {
        for await _ in hall.writerWakeups.cancelOnGracefulShutdown() {
            await hall.flush()
        }
        while await hall.hasPending { await hall.flush() }
        hall.finishSubscribers()
    }
}
