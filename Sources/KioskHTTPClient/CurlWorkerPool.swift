import CCurl
import Dispatch
import Foundation
import Synchronization

/// A fixed set of dedicated threads that run blocking `curl_easy_perform` calls, fed by a
/// FIFO queue.
///
/// The threads are not the Swift cooperative pool: a request blocking for its 30-second timeout
/// ties up one of these, never an executor thread. Each thread owns one easy handle for its
/// whole life, so the connections that handle caches are reused by later requests.
/// Concurrency is bounded by the number of threads; extra requests wait in the queue.
final class CurlWorkerPool: Sendable {
    private struct State {
        var queue: [CurlJob] = []
        var isShuttingDown = false
    }

    private let state = Mutex(State())
    /// Counts queued jobs plus one wake-up per thread at shutdown. Blocking on it is fine: only
    /// the pool's own threads wait.
    private let wakeups = DispatchSemaphore(value: 0)
    private let threadCount: Int

    init(configuration: CurlHTTPTransport.Configuration) {
        threadCount = max(1, configuration.maximumConcurrentRequests)
        for index in 0..<threadCount {
            Thread { [self] in
                Thread.current.name = "kiosk.http.\(index)"
                runWorker(configuration: configuration)
            }.start()
        }
    }

    /// Queues `job`, or finishes it at once if it was cancelled or the pool is shut down.
    func submit(_ job: CurlJob) {
        let refusal: HTTPTransportError? = state.withLock { state in
            if state.isShuttingDown { return .shutDown }
            // Checked under the lock so a cancel racing with submit either sees the job
            // queued (and removes it) or we see the flag here.
            if job.cancellation.isCancelled { return .cancelled(requestMayHaveBeenSent: false) }
            state.queue.append(job)
            return nil
        }
        if let refusal {
            job.finish(.failure(refusal))
        } else {
            wakeups.signal()
        }
    }

    /// Raises the job's flag; a job still queued is taken out and finished as cancelled, a
    /// running one is aborted by the worker at its next progress callback (within about 1 s).
    func cancel(_ cancellation: CurlCancellation) {
        cancellation.cancel()
        let removed: CurlJob? = state.withLock { state in
            guard let index = state.queue.firstIndex(where: { $0.cancellation === cancellation })
            else { return nil }
            return state.queue.remove(at: index)
        }
        removed?.finish(.failure(.cancelled(requestMayHaveBeenSent: false)))
    }

    /// Refuses new jobs; the threads finish what is queued, then exit. Idempotent.
    func shutdown() {
        let first = state.withLock { state in
            defer { state.isShuttingDown = true }
            return !state.isShuttingDown
        }
        guard first else { return }
        for _ in 0..<threadCount { wakeups.signal() }
    }

    /// Blocks until a job is queued; nil once the pool shuts down with an empty queue.
    private func nextJob() -> CurlJob? {
        while true {
            wakeups.wait()
            let (job, stop) = state.withLock { state -> (CurlJob?, Bool) in
                if !state.queue.isEmpty { return (state.queue.removeFirst(), false) }
                return (nil, state.isShuttingDown)
            }
            if let job { return job }
            if stop { return nil }
            // A wake-up whose job was cancelled out of the queue: wait again.
        }
    }

    private func runWorker(configuration: CurlHTTPTransport.Configuration) {
        // Made with the first job, which comes after send's curl_global_init.
        var easy: CurlEasyHandle?
        while let job = nextJob() {
            if job.cancellation.isCancelled {
                job.finish(.failure(.cancelled(requestMayHaveBeenSent: false)))
                continue
            }
            if easy == nil { easy = CurlEasyHandle(configuration: configuration) }
            guard let easy else {
                job.finish(.failure(.other(code: Int(CURLE_FAILED_INIT.rawValue), message: "curl_easy_init failed")))
                continue
            }
            job.finish(easy.perform(job.request, deadline: job.deadline, cancellation: job.cancellation))
        }
    }
}
