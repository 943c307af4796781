/// `POST /v1/appointments`: an online booking system (or an admin) books a slot.
public struct BookAppointmentRequest: APIRequestBody, CaseIterableKeys {
    /// The service letter.
    public var service: String
    /// `YYYY-MM-DD`, today up to `appointments.book_days_ahead` days ahead.
    public var date: String
    /// The slot's start, `HH:MM`.
    public var time: String

    public init(service: String, date: String, time: String) {
        self.service = service
        self.date = date
        self.time = time
    }

    public typealias Keys = CodingKeys
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case service, date, time
    }
}
