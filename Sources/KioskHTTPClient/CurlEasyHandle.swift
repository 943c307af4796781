import CCurl
import CCurlShim
import Foundation

/// One libcurl easy handle and its error buffer, owned by a single worker thread for its whole
/// life (libcurl forbids sharing a handle between threads, so this type is not `Sendable`).
///
/// Reusing the handle across requests (`curl_easy_reset` keeps its connection cache) is what
/// lets consecutive requests to the same gateway skip the TCP handshake.
final class CurlEasyHandle {
    private let handle: UnsafeMutableRawPointer
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private let configuration: CurlHTTPTransport.Configuration

    init?(configuration: CurlHTTPTransport.Configuration) {
        guard let handle = kiosk_curl_easy_init() else { return nil }
        self.handle = handle
        self.configuration = configuration
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
    }

    deinit {
        kiosk_curl_easy_cleanup(handle)
        errorBuffer.deallocate()
    }

    /// Runs `request` to completion on the calling (worker) thread; blocks.
    func perform(
        _ request: HTTPRequest, deadline: ContinuousClock.Instant, cancellation: CurlCancellation
    ) -> Result<HTTPResponse, HTTPTransportError> {
        let remaining = ContinuousClock.now.duration(to: deadline)
        guard remaining > .zero else {
            // The whole budget went on waiting for a worker: nothing was sent.
            return .failure(.timeout(requestMayHaveBeenSent: false))
        }
        let state = CurlTransferState(
            maximumBodyBytes: configuration.maximumResponseBytes, cancellation: cancellation
        )
        return transfer(request, state: state, totalMilliseconds: max(1, milliseconds(remaining))).map { status in
            HTTPResponse(status: status, headers: state.headers, body: state.body)
        }
    }

    /// Runs `request` on the calling (stream) thread until the body ends, fails, is cancelled
    /// or stays silent for `readTimeout` (or has no head by `headDeadline`); the head and every
    /// chunk go to `sink` as they arrive, and the outcome too. Blocks for the stream's life.
    func stream(
        _ request: HTTPRequest, to sink: CurlStreamSink, cancellation: CurlCancellation,
        readTimeout: Duration?, headDeadline: ContinuousClock.Instant
    ) {
        let state = CurlTransferState(
            maximumBodyBytes: configuration.maximumResponseBytes, cancellation: cancellation,
            sink: sink, readTimeout: readTimeout, headDeadline: headDeadline
        )
        // No limit on the whole exchange: a stream lasts as long as both ends want it.
        sink.close(transfer(request, state: state, totalMilliseconds: 0).map { _ in () })
    }

    /// One `curl_easy_perform` with `state` behind the callbacks; the final status, or why
    /// there is none. `totalMilliseconds` 0 sets no limit on the whole exchange.
    private func transfer(
        _ request: HTTPRequest, state: CurlTransferState, totalMilliseconds: Int
    ) -> Result<Int, HTTPTransportError> {
        kiosk_curl_easy_reset(handle)
        errorBuffer[0] = 0
        var headerList: UnsafeMutablePointer<curl_slist>?
        // The list must outlive curl_easy_perform, and no longer.
        defer { kiosk_curl_slist_free_all(headerList) }

        let code: CURLcode
        do {
            headerList = try makeHeaderList(request.headers)
            try configure(request, totalMilliseconds: totalMilliseconds, headerList: headerList)
            try installCallbacks(Unmanaged.passUnretained(state).toOpaque())
            code = withExtendedLifetime(state) { kiosk_curl_easy_perform(handle) }
        } catch {
            return .failure(error)
        }

        guard code == CURLE_OK else {
            let detail = String(cString: errorBuffer)
            return .failure(HTTPTransportError(
                curlCode: code,
                message: detail.isEmpty ? String(cString: kiosk_curl_easy_strerror(code)) : detail,
                requestStarted: state.requestStarted,
                bodyTooLarge: state.bodyTooLarge,
                headTooLarge: state.headTooLarge,
                readTimedOut: state.readTimedOut,
                cancelled: state.cancellation.isCancelled,
                maximumBodyBytes: configuration.maximumResponseBytes
            ))
        }
        var status = 0
        kiosk_curl_easy_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return .success(status)
    }

    private func configure(
        _ request: HTTPRequest, totalMilliseconds: Int, headerList: UnsafeMutablePointer<curl_slist>?
    ) throws(HTTPTransportError) {
        let connectMilliseconds = max(1, Int((request.connectTimeout * 1000).rounded(.up)))

        try set(CURLOPT_URL, request.url)
        try set(CURLOPT_PROTOCOLS_STR, "http,https")
        try set(CURLOPT_NOSIGNAL, 1)  // signals are process-wide; we have many threads
        try set(CURLOPT_NOPROXY, configuration.noProxy)
        try set(CURLOPT_USERAGENT, configuration.userAgent)
        try set(CURLOPT_ERRORBUFFER, pointer: UnsafeMutableRawPointer(errorBuffer))
        try set(CURLOPT_TIMEOUT_MS, totalMilliseconds)
        try set(CURLOPT_CONNECTTIMEOUT_MS, totalMilliseconds > 0 ? min(connectMilliseconds, totalMilliseconds) : connectMilliseconds)
        try set(CURLOPT_TCP_KEEPALIVE, 1)
        try check(kiosk_curl_easy_setopt_slist(handle, CURLOPT_HTTPHEADER, headerList), CURLOPT_HTTPHEADER)

        switch request.method {
        case .get: try set(CURLOPT_HTTPGET, 1)
        case .head: try set(CURLOPT_NOBODY, 1)
        case .post: try set(CURLOPT_POST, 1)
        default: try set(CURLOPT_CUSTOMREQUEST, request.method.rawValue)
        }
        if request.body != nil || request.method == .post {
            try setBody(request.body ?? Data())
            // Giving libcurl a body turns the request into a POST unless told otherwise.
            if request.method == .get { try set(CURLOPT_CUSTOMREQUEST, "GET") }
        }
    }

    /// POSTFIELDS would keep our pointer past this call: give the size first, then let
    /// COPYPOSTFIELDS take its own copy (binary-safe because the size is set).
    private func setBody(_ body: Data) throws(HTTPTransportError) {
        try check(kiosk_curl_easy_setopt_off_t(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count)), CURLOPT_POSTFIELDSIZE_LARGE)
        if body.isEmpty {
            try set(CURLOPT_COPYPOSTFIELDS, "")
            return
        }
        let code = body.withUnsafeBytes { bytes in
            kiosk_curl_easy_setopt_pointer(handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: bytes.baseAddress))
        }
        try check(code, CURLOPT_COPYPOSTFIELDS)
    }

    /// What libcurl hands a write callback (a piece of the body, or one header line), given to
    /// the transfer's `append`. Returning anything but `count` makes libcurl abort the transfer
    /// with CURLE_WRITE_ERROR: that is how `append` refuses.
    private static func deliver(
        _ data: UnsafeMutablePointer<CChar>?, _ count: Int, to context: UnsafeMutableRawPointer?,
        _ append: (CurlTransferState) -> (UnsafeRawBufferPointer) -> Bool
    ) -> Int {
        guard let context else { return 0 }
        let state = Unmanaged<CurlTransferState>.fromOpaque(context).takeUnretainedValue()
        return append(state)(UnsafeRawBufferPointer(start: data, count: count)) ? count : 0
    }

    private func installCallbacks(_ context: UnsafeMutableRawPointer) throws(HTTPTransportError) {
        // C function pointers capture nothing: each callback names its own `append`.
        try check(kiosk_curl_easy_setopt_write_callback(handle, CURLOPT_WRITEFUNCTION) { data, size, count, context in
            CurlEasyHandle.deliver(data, size * count, to: context, CurlTransferState.appendBody)
        }, CURLOPT_WRITEFUNCTION)
        try set(CURLOPT_WRITEDATA, pointer: context)

        try check(kiosk_curl_easy_setopt_write_callback(handle, CURLOPT_HEADERFUNCTION) { data, size, count, context in
            CurlEasyHandle.deliver(data, size * count, to: context, CurlTransferState.appendHeaderLine)
        }, CURLOPT_HEADERFUNCTION)
        try set(CURLOPT_HEADERDATA, pointer: context)

        try check(kiosk_curl_easy_setopt_prereq_callback(handle, CURLOPT_PREREQFUNCTION) { context, _, _, _, _ in
            guard let context else { return CURL_PREREQFUNC_OK }
            Unmanaged<CurlTransferState>.fromOpaque(context).takeUnretainedValue().requestStarted = true
            return CURL_PREREQFUNC_OK
        }, CURLOPT_PREREQFUNCTION)
        try set(CURLOPT_PREREQDATA, pointer: context)

        // libcurl calls this at least once a second, even while waiting: our cancellation
        // point, and where a silent stream's read timeout is noticed.
        try set(CURLOPT_NOPROGRESS, 0)
        try check(kiosk_curl_easy_setopt_xferinfo_callback(handle, CURLOPT_XFERINFOFUNCTION) { context, _, _, _, _ in
            guard let context else { return 0 }
            return Unmanaged<CurlTransferState>.fromOpaque(context).takeUnretainedValue().shouldAbort() ? 1 : 0
        }, CURLOPT_XFERINFOFUNCTION)
        try set(CURLOPT_XFERINFODATA, pointer: context)
    }

    /// `Name: value` lines; an empty value needs libcurl's `Name;` form, and `Expect:` with no
    /// value stops libcurl adding `Expect: 100-continue`, which costs a round trip (or a 1 s
    /// stall) on bodies over 1 KiB.
    private func makeHeaderList(_ headers: HTTPHeaders) throws(HTTPTransportError) -> UnsafeMutablePointer<curl_slist>? {
        var lines = headers.fields.map { $0.value.isEmpty ? "\($0.name);" : "\($0.name): \($0.value)" }
        if !headers.contains("Expect") { lines.append("Expect:") }
        var list: UnsafeMutablePointer<curl_slist>?
        for line in lines {
            guard let appended = kiosk_curl_slist_append(list, line) else {
                kiosk_curl_slist_free_all(list)
                throw .other(code: Int(CURLE_OUT_OF_MEMORY.rawValue), message: "curl_slist_append failed")
            }
            list = appended
        }
        return list
    }

    private func set(_ option: CURLoption, _ value: Int) throws(HTTPTransportError) {
        try check(kiosk_curl_easy_setopt_long(handle, option, value), option)
    }

    private func set(_ option: CURLoption, _ value: String) throws(HTTPTransportError) {
        // libcurl copies string options (all but POSTFIELDS) before returning.
        try check(kiosk_curl_easy_setopt_string(handle, option, value), option)
    }

    private func set(_ option: CURLoption, pointer: UnsafeMutableRawPointer?) throws(HTTPTransportError) {
        try check(kiosk_curl_easy_setopt_pointer(handle, option, pointer), option)
    }

    private func check(_ code: CURLcode, _ option: CURLoption) throws(HTTPTransportError) {
        guard code != CURLE_OK else { return }
        throw .other(
            code: Int(code.rawValue),
            message: "setting option \(option.rawValue): \(String(cString: kiosk_curl_easy_strerror(code)))"
        )
    }

    private func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return Int(seconds) * 1000 + Int((attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000)
    }
}
