/// Masks every mainland mobile number inside free text (a gateway's answer, an error message)
/// so nothing we log or store as diagnostics carries a full number.
public enum PhoneMasking {
    /// Each run of exactly 11 digits that starts with `1[3-9]` becomes `138****1234`; other
    /// digit runs are left alone.
    public static func mask(_ text: String) -> String {
        var out = ""
        var run = ""
        func flush() {
            if run.count == 11, let phone = PhoneNumber(run) {
                out += phone.masked
            } else {
                out += run
            }
            run = ""
        }
        for ch in text {
            if ch.isASCII && ch.isNumber {
                run.append(ch)
            } else {
                flush()
                out.append(ch)
            }
        }
        flush()
        return out
    }
}
