import Logging

extension CentralSession {
    /// Connects to `address`, runs `body` on the session, and closes the session whether `body`
    /// returns or throws: one place for what every central command did around its work.
    public static func using<T: Sendable>(
        _ address: CentralAddress, logger: Logger, _ body: (CentralSession) async throws(CentralError) -> T
    ) async throws(CentralError) -> T {
        let session = try await connect(address, logger: logger)
        do {
            let result = try await body(session)
            await session.close()
            return result
        } catch {
            await session.close()
            throw error
        }
    }
}
