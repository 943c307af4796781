import KioskHTTPClient
import Testing

@Suite struct HTTPHeadersTests {
    @Test func lookupIgnoresCase() {
        let headers: HTTPHeaders = ["Retry-After": "30", "Content-Type": "text/plain"]
        #expect(headers["retry-after"] == "30")
        #expect(headers["CONTENT-TYPE"] == "text/plain")
        #expect(headers["Missing"] == nil)
    }

    @Test func repeatedNamesKeepEveryValueInOrder() {
        var headers = HTTPHeaders()
        headers.add(name: "Set-Cookie", value: "a=1")
        headers.add(name: "set-cookie", value: "b=2")
        #expect(headers.values(for: "SET-COOKIE") == ["a=1", "b=2"])
        #expect(headers["Set-Cookie"] == "a=1")
    }

    @Test func setReplacesEveryFieldOfThatName() {
        var headers: HTTPHeaders = ["accept": "text/plain", "X-A": "1", "Accept": "text/html"]
        headers.set(name: "Accept", value: "application/json")
        #expect(headers.values(for: "accept") == ["application/json"])
        #expect(headers.fields.count == 2)
    }
}
