import KioskHTTPClient
import Testing

@Suite struct URLQueryTests {
    @Test func chineseTextBecomesUTF8PercentEscapes() {
        #expect(URLQuery.percentEncode("请A023号") == "%E8%AF%B7A023%E5%8F%B7")
    }

    @Test func reservedCharactersAndSpacesAreEscaped() {
        #expect(URLQuery.percentEncode("a b&c=d+e/?#%") == "a%20b%26c%3Dd%2Be%2F%3F%23%25")
    }

    @Test func unreservedCharactersStayLiteral() {
        #expect(URLQuery.percentEncode("AZaz09-._~") == "AZaz09-._~")
    }

    @Test func parametersKeepTheirOrder() {
        let query = URLQuery.encode([("username", "kiosk"), ("text", "您好"), ("coding", "2")])
        #expect(query == "username=kiosk&text=%E6%82%A8%E5%A5%BD&coding=2")
    }

    @Test(arguments: [
        ("http://h/send", "http://h/send?a=1"),
        ("http://h/send?x=y", "http://h/send?x=y&a=1"),
        ("http://h/send?", "http://h/send?a=1"),
        ("http://h/send#top", "http://h/send?a=1#top"),
    ])
    func parametersAreAppendedBeforeAnyFragment(url: String, expected: String) {
        #expect(URLQuery.appending([("a", "1")], to: url) == expected)
    }

    @Test func requestInitialiserAppendsTheQuery() {
        let request = HTTPRequest(url: "http://127.0.0.1:13013/cgi-bin/sendsms", query: [("text", "号")])
        #expect(request.url == "http://127.0.0.1:13013/cgi-bin/sendsms?text=%E5%8F%B7")
    }
}
