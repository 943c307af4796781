import Foundation
import KioskHTTPClient
import Testing

/// The libcurl transport against a real HTTP server on 127.0.0.1 (the Python fixture).
@Suite("CurlHTTPTransport against a local server")
struct CurlHTTPTransportTests {
    let transport = CurlHTTPTransport()

    @Test func getSendsChineseQueryTextIntact() async throws {
        let server = try await FixtureServer.start()
        defer { server.stop() }
        let text = "请A023号到3号窗口办理 & 谢谢=1+1"

        let response = try await transport.send(HTTPRequest(
            url: server.url("/echo"), query: [("text", text), ("coding", "2")]
        ))

        #expect(response.status == 200)
        let echoed = try response.decodeJSON(EchoedRequest.self)
        #expect(echoed.method == "GET")
        #expect(echoed.args["text"] == [text])
        #expect(echoed.args["coding"] == ["2"])
        #expect(echoed.query.allSatisfy { $0.isASCII })
    }

    @Test func postSendsChineseJSONBodyIntact() async throws {
        struct Message: Codable, Equatable {
            let to: String
            let text: String
        }
        let server = try await FixtureServer.start()
        defer { server.stop() }
        let message = Message(to: "13800001234", text: "【人社局】请A023号到3号窗口办理")

        let response = try await transport.send(try HTTPRequest.json(
            url: server.url("/echo"), body: message,
            headers: ["Authorization": "Bearer secret-token"]
        ))

        let echoed = try response.decodeJSON(EchoedRequest.self)
        #expect(echoed.method == "POST")
        #expect(echoed.header("Content-Type") == "application/json; charset=utf-8")
        #expect(echoed.header("authorization") == "Bearer secret-token")
        #expect(try JSONDecoder().decode(Message.self, from: Data(echoed.body.utf8)) == message)
    }

    @Test func largeBodyIsSentWithoutExpectContinue() async throws {
        let server = try await FixtureServer.start()
        defer { server.stop() }
        let body = String(repeating: "排队", count: 3000)

        let response = try await transport.send(HTTPRequest(
            method: .post, url: server.url("/echo"), body: Data(body.utf8)
        ))

        let echoed = try response.decodeJSON(EchoedRequest.self)
        #expect(echoed.body == body)
        #expect(echoed.header("Expect") == nil)
    }

    @Test func binaryBodyArrivesByteForByte() async throws {
        let server = try await FixtureServer.start()
        defer { server.stop() }
        let bytes = Data((0...255).map { UInt8($0) } + [0, 0, 255])

        let response = try await transport.send(HTTPRequest(
            method: .put, url: server.url("/echo"), body: bytes
        ))

        let echoed = try response.decodeJSON(EchoedRequest.self)
        #expect(echoed.method == "PUT")
        #expect(echoed.bodyHex == bytes.map { String(format: "%02x", $0) }.joined())
    }

    @Test func postWithoutBodySendsAnEmptyOne() async throws {
        let server = try await FixtureServer.start()
        defer { server.stop() }

        let response = try await transport.send(HTTPRequest(method: .post, url: server.url("/echo")))

        let echoed = try response.decodeJSON(EchoedRequest.self)
        #expect(echoed.method == "POST")
        #expect(echoed.header("Content-Length") == "0")
        #expect(echoed.body.isEmpty)
    }

    @Test(arguments: [HTTPMethod.get, .put, .patch, .delete, .options])
    func methodIsSentAsAsked(method: HTTPMethod) async throws {
        let server = try await FixtureServer.start()
        defer { server.stop() }

        let response = try await transport.send(HTTPRequest(method: method, url: server.url("/echo")))

        #expect(try response.decodeJSON(EchoedRequest.self).method == method.rawValue)
    }

    @Test func headRequestGetsStatusAndHeadersWithoutBody() async throws {
        let server = try await FixtureServer.start()
        defer { server.stop() }

        let response = try await transport.send(HTTPRequest(method: .head, url: server.url("/status/202")))

        #expect(response.status == 202)
        #expect(response.headers["content-type"] == "application/json; charset=utf-8")
        #expect(response.body.isEmpty)
    }

    @Test(arguments: [200, 202, 400, 403, 404, 429, 500, 502, 503, 504])
    func errorStatusesAreResponsesNotErrors(status: Int) async throws {
        let server = try await FixtureServer.start()
        defer { server.stop() }

        let response = try await transport.send(HTTPRequest(url: server.url("/status/\(status)")))

        #expect(response.status == status)
        #expect(response.isSuccess == (200..<300).contains(status))
        #expect(response.text == #"{"status": \#(status)}"#)
    }

    @Test func retryAfterIsReadFromA503() async throws {
        let server = try await FixtureServer.start()
        defer { server.stop() }

        let response = try await transport.send(HTTPRequest(url: server.url("/status/503?retry_after=120")))

        #expect(response.status == 503)
        #expect(response.headers["retry-after"] == "120")
        #expect(response.headers["RETRY-AFTER"] == "120")
        #expect(response.retryAfter(now: Date()) == 120)
    }

    @Test func closedPortFailsAsConnectionRefused() async throws {
        let closed = try await FixtureServer.start(.closedPort)
        defer { closed.stop() }

        let error = await #expect(throws: HTTPTransportError.self) {
            try await transport.send(HTTPRequest(url: closed.url("/echo")))
        }

        #expect(error?.caseName == "connectionRefused", "\(String(describing: error))")
        #expect(error?.requestMayHaveBeenSent == false)
    }

    @Test func hangingServerTimesOutWithinTheLimitAfterSending() async throws {
        let server = try await FixtureServer.start()
        defer { server.stop() }
        let started = ContinuousClock.now

        let error = await #expect(throws: HTTPTransportError.self) {
            try await transport.send(HTTPRequest(url: server.url("/sleep/10"), timeout: 1))
        }

        #expect(error == .timeout(requestMayHaveBeenSent: true))
        #expect(started.duration(to: .now) < .seconds(3))
    }

    @Test func unacceptedConnectionTimesOutBeforeSending() async throws {
        let blackhole = try await FixtureServer.start(.blackhole)
        defer { blackhole.stop() }
        let started = ContinuousClock.now

        let error = await #expect(throws: HTTPTransportError.self) {
            try await transport.send(HTTPRequest(url: blackhole.url("/echo"), connectTimeout: 0.5, timeout: 10))
        }

        #expect(error == .timeout(requestMayHaveBeenSent: false))
        #expect(started.duration(to: .now) < .seconds(3))
    }

    @Test func serverClosingWithoutReplyIsEmptyReply() async throws {
        let server = try await FixtureServer.start()
        defer { server.stop() }

        let error = await #expect(throws: HTTPTransportError.self) {
            try await transport.send(HTTPRequest(url: server.url("/empty")))
        }

        #expect(error == .emptyReply)
        #expect(error?.requestMayHaveBeenSent == true)
    }

    @Test func connectionResetMidReplyIsReceiveError() async throws {
        let server = try await FixtureServer.start()
        defer { server.stop() }

        let error = await #expect(throws: HTTPTransportError.self) {
            try await transport.send(HTTPRequest(url: server.url("/reset")))
        }

        #expect(error?.caseName == "receiveError", "\(String(describing: error))")
    }

    @Test func unresolvableHostFailsWithoutSending() async throws {
        // `.invalid` never resolves (RFC 6761). Without a reachable resolver the lookup may
        // run out the clock instead; either way nothing was sent.
        let error = await #expect(throws: HTTPTransportError.self) {
            try await transport.send(HTTPRequest(url: "http://kiosk-gateway.invalid/", timeout: 5))
        }

        #expect(error?.requestMayHaveBeenSent == false)
        #expect(["couldNotResolve", "timeout"].contains(error?.caseName), "\(String(describing: error))")
    }

    @Test func oversizedResponseFailsAsTooLarge() async throws {
        let server = try await FixtureServer.start()
        defer { server.stop() }
        let small = CurlHTTPTransport(configuration: .init(maximumResponseBytes: 1000))

        let fits = try await small.send(HTTPRequest(url: server.url("/bytes/1000")))
        let error = await #expect(throws: HTTPTransportError.self) {
            try await small.send(HTTPRequest(url: server.url("/bytes/5000")))
        }

        #expect(fits.body.count == 1000)
        #expect(error == .responseTooLarge(limitBytes: 1000))
    }

    @Test func fiftyConcurrentRequestsEachGetTheirOwnAnswer() async throws {
        let server = try await FixtureServer.start()
        defer { server.stop() }
        let echo = server.url("/echo")
        let transport = self.transport

        let answers = try await withThrowingTaskGroup(of: (Int, EchoedRequest).self) { group in
            for index in 0..<50 {
                group.addTask {
                    let response = try await transport.send(HTTPRequest(
                        method: .post, url: echo, query: [("i", "\(index)")],
                        body: Data("第\(index)号".utf8)
                    ))
                    return (index, try response.decodeJSON(EchoedRequest.self))
                }
            }
            return try await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
        }

        #expect(answers.count == 50)
        for (index, echoed) in answers {
            #expect(echoed.args["i"] == ["\(index)"])
            #expect(echoed.body == "第\(index)号")
        }
    }

    @Test func concurrencyIsBoundedByTheWorkerCount() async throws {
        let server = try await FixtureServer.start()
        defer { server.stop() }
        let three = CurlHTTPTransport(configuration: .init(maximumConcurrentRequests: 3))
        let sleep = server.url("/sleep/0.3")

        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<9 {
                group.addTask { _ = try await three.send(HTTPRequest(url: sleep)) }
            }
            try await group.waitForAll()
        }
        let stats = try await three.send(HTTPRequest(url: server.url("/stats")))

        let maxInFlight = try #require(try JSONSerialization.jsonObject(with: stats.body) as? [String: Int])["max_in_flight"]
        #expect(maxInFlight == 3)
    }

    @Test func sequentialRequestsReuseOneConnection() async throws {
        let server = try await FixtureServer.start()
        defer { server.stop() }
        let single = CurlHTTPTransport(configuration: .init(maximumConcurrentRequests: 1))

        var ports: Set<Int> = []
        for _ in 0..<3 {
            let response = try await single.send(HTTPRequest(url: server.url("/echo")))
            ports.insert(try response.decodeJSON(EchoedRequest.self).clientPort)
        }

        #expect(ports.count == 1)
    }

    @Test func cancellingARequestInFlightAbortsItPromptly() async throws {
        let server = try await FixtureServer.start()
        defer { server.stop() }
        let transport = self.transport
        let hanging = server.url("/sleep/20")

        let task = Task { try await transport.send(HTTPRequest(url: hanging, timeout: 30)) }
        #expect(await server.nextLine() == "SLEEPING")  // the server holds the request now
        let cancelled = ContinuousClock.now
        task.cancel()
        let result = await task.result

        guard case .failure(let error as HTTPTransportError) = result else {
            Issue.record("expected cancelled, got \(result)")
            return
        }
        #expect(error == .cancelled(requestMayHaveBeenSent: true))
        // libcurl polls the progress callback at least once a second.
        #expect(cancelled.duration(to: .now) < .seconds(3))
    }

    @Test func cancellingBeforeStartingEndsTheRequestPromptly() async throws {
        let server = try await FixtureServer.start()
        defer { server.stop() }
        let transport = self.transport
        let hanging = server.url("/sleep/20")
        let started = ContinuousClock.now

        let task = Task { try await transport.send(HTTPRequest(url: hanging, timeout: 30)) }
        task.cancel()
        let result = await task.result

        guard case .failure(let error as HTTPTransportError) = result, case .cancelled = error else {
            Issue.record("expected cancelled, got \(result)")
            return
        }
        #expect(started.duration(to: .now) < .seconds(5))
    }

    @Test func shutDownTransportRefusesNewRequests() async throws {
        let transport = CurlHTTPTransport()
        transport.shutdown()

        let error = await #expect(throws: HTTPTransportError.self) {
            try await transport.send(HTTPRequest(url: "http://127.0.0.1:9/"))
        }

        #expect(error == .shutDown)
    }

    @Test func headerWithLineBreakIsRefusedBeforeSending() async throws {
        let error = await #expect(throws: HTTPTransportError.self) {
            try await transport.send(HTTPRequest(
                url: "http://127.0.0.1:9/", headers: ["X-Note": "a\r\nX-Injected: yes"]
            ))
        }

        #expect(error?.caseName == "invalidRequest", "\(String(describing: error))")
        #expect(error?.requestMayHaveBeenSent == false)
    }
}
