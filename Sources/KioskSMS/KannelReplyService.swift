/// The `sms-service` group a hall adds to Kannel's config so citizens' replies reach the
/// daemon (`kiosk sms kannel-config` prints it).
///
/// `%p` is the sender's number and `%a` the whole text, both URL-encoded by Kannel. Kannel
/// sends whatever the URL answers back to the citizen as an SMS, and Chinese in that answer
/// arrives garbled (no UCS-2 on that path): the daemon answers with an empty body, which
/// `omit-empty` turns into no message at all, and sends its own replies through `sendsms`.
public enum KannelReplyService {
    /// The group for a daemon reached at `baseURL` (e.g. `http://127.0.0.1:8080`).
    public static func group(baseURL: String, key: ReplyKey) -> String {
        let base = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        return """
        group = sms-service
        keyword = default
        catch-all = true
        get-url = "\(base)/v1/sms/mo?from=%p&to=%P&text=%a&key=\(key.text)"
        omit-empty = true
        max-messages = 1

        """
    }
}
