import Foundation

extension JournalShipper.Progress {
    /// `kiosk central push`'s line: what was shipped for `hallID` in `seconds`, and where the
    /// centre's copy of the journal now ends (`cursor`, the last event seq shipped).
    public func summary(hallID: String, seconds: Double, cursor: Int64) -> String {
        let rate = seconds > 0 ? Int(Double(sent) / seconds) : 0
        return "hall \(hallID): \(sent) rows shipped in \(batches) batches (\(resent) already in the centre), "
            + "\(days) days of printed estimates and SMS outcomes, "
            + "\(String(format: "%.2f", seconds)) s, \(rate) rows/s; the centre holds the journal up to seq \(cursor)"
    }
}
