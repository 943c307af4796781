/// A hall for the issue bench: 26 services (so a 10 000-ticket day fits in the A001…Z999
/// numbering), 10 windows serving all of them, open all day.
public enum BenchHall {
    /// Its services' codes, A to Z.
    static let letters = (65...90).map { String(UnicodeScalar($0)!) }

    public static var json: String {
        let services = letters.map { #"{"code":"\#($0)","name":"业务\#($0)"}"# }.joined(separator: ",")
        let counters = (1...10).map { i in
            #"{"id":"\#(i)","services":[\#(letters.map { "\"\($0)\"" }.joined(separator: ","))]}"#
        }.joined(separator: ",")
        return #"{"sessions":[["00:00","23:59"]],"services":[\#(services)],"counters":[\#(counters)]}"#
    }
}
