/// Monday to Friday, minus the hall's holidays: the days a 差评's follow-up deadline counts.
public struct WorkingDays: Sendable {
    public let holidays: Set<BusinessDate>

    public init(holidays: [BusinessDate]) {
        self.holidays = Set(holidays)
    }

    public func isWorkingDay(_ date: BusinessDate) -> Bool {
        date.isoWeekday <= 5 && !holidays.contains(date)
    }

    /// The `count`-th working day after `date` (the day itself does not count).
    public func adding(_ count: Int, after date: BusinessDate) -> BusinessDate {
        var day = date
        var left = count
        while left > 0 {
            day = day.adding(days: 1)
            if isWorkingDay(day) { left -= 1 }
        }
        return day
    }
}
