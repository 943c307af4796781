import ServiceLifecycle

/// Tells systemd `STOPPING=1` the moment a graceful shutdown begins. It runs last in the
/// daemon's service group, so it is the first to hear of the shutdown, before the streams
/// close and the journal drains.
struct SystemdStopNotice: Service {
    let notifier: SystemdNotifier

    func run() async throws {
        try? await gracefulShutdown()
        notifier.stopping()
    }
}
