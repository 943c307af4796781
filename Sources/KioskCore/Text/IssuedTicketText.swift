/// The one line a command-line `take` prints per ticket, whether it issued the ticket on the
/// journal itself or through the daemon: `ticket C001 · 失业登记 · 前面 2 人 · 请携带 身份证 ·
/// 短信 138****8000 · 家属 139****0000`. Phone numbers arrive masked; a full one never reaches it.
public enum IssuedTicketText {
    public static func line(
        ticket: String, serviceName: String, ahead: Int, documents: [String], maskedPhone: String?, maskedCaretaker: String?
    ) -> String {
        var line = "ticket \(ticket) · \(serviceName) · 前面 \(ahead) 人"
        if !documents.isEmpty { line += " · 请携带 " + documents.joined(separator: "、") }
        if let maskedPhone { line += " · 短信 \(maskedPhone)" }
        if let maskedCaretaker { line += " · 家属 \(maskedCaretaker)" }
        return line
    }
}
