import Testing
@testable import KioskHTTPClient

/// The worker-side checks that need no server.
@Suite struct CurlEasyHandleTests {
    @Test func requestWhoseDeadlinePassedWhileQueuedIsNotSent() throws {
        let easy = try #require(CurlEasyHandle(configuration: .init()))

        let result = easy.perform(
            HTTPRequest(url: "http://127.0.0.1:9/"),
            deadline: .now - .seconds(1),
            cancellation: CurlCancellation()
        )

        #expect(result == .failure(.timeout(requestMayHaveBeenSent: false)))
    }

    @Test func requestCancelledBeforeStartingIsNotSent() async throws {
        let pool = CurlWorkerPool(configuration: .init(maximumConcurrentRequests: 1))
        defer { pool.shutdown() }
        let cancellation = CurlCancellation()
        pool.cancel(cancellation)

        let result = await withCheckedContinuation { continuation in
            pool.submit(CurlJob(
                request: HTTPRequest(url: "http://127.0.0.1:9/"), deadline: .now + .seconds(5),
                cancellation: cancellation, continuation: continuation
            ))
        }

        #expect(result == .failure(.cancelled(requestMayHaveBeenSent: false)))
    }
}
