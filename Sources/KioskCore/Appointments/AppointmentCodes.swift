/// An appointment's code is drawn where the booking is made (the engine never draws): six
/// random digits, drawn again while the book already holds the code.
public enum AppointmentCodes {
    /// How many codes a booking draws before it gives up (`appointment_code_taken`): with a
    /// million codes and at most a few thousand booked, eight taken in a row does not happen.
    public static let attempts = 8

    /// Calls `book` with a freshly drawn code until it does not throw
    /// `QueueError.appointmentCodeTaken`; the last attempt's error, or any other, is thrown.
    public static func book<T>(using generator: inout some RandomNumberGenerator, _ book: (String) async throws -> T) async throws -> T {
        for attempt in 1...attempts {
            let digits = String(Int.random(in: 0...999_999, using: &generator))
            let code = String(repeating: "0", count: 6 - digits.count) + digits
            do {
                return try await book(code)
            } catch QueueError.appointmentCodeTaken where attempt < attempts {
                continue
            }
        }
        throw QueueError.appointmentCodeTaken
    }

    /// What a citizen who checks in after the slot's grace is told: their ticket is an ordinary
    /// walk-in one.
    public static func lateNote(slot: ClockTime, lateMinutes: Int) -> String {
        "已超过预约时段\(slot)后\(lateMinutes)分钟,按现场取号排队 More than \(lateMinutes) min after your \(slot) slot: this is an ordinary walk-in ticket"
    }
}
