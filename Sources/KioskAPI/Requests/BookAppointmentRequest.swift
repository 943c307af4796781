/// `POST /v1/appointments`: an online booking system (or an admin) books a slot.
public struct BookAppointmentRequest: APIRequestBody, CaseIterableKeys {
    /// The service letter.
    public var service: String
    /// `YYYY-MM-DD`, today up to `appointments.book_days_ahead` days ahead.
    public var date: String
    /// The slot's start, `HH:MM`.
    public var time: String
    /// Mainland mobile for the reminders (the day before, and before the slot); kept until the
    /// slot's day ends, never shown in full again.
    public var phone: String?

    public init(service: String, date: String, time: String, phone: String? = nil) {
        self.service = service
        self.date = date
        self.time = time
        self.phone = phone
    }

    public typealias Keys = CodingKeys
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case service, date, time, phone
    }
}
