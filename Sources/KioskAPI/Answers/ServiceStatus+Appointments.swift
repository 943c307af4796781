extension ServiceStatus {
    /// The same line, saying whether it takes appointments (only when it does: a hall without
    /// appointments answers as before).
    public func taking(appointments: Bool) -> ServiceStatus {
        var status = self
        status.appointments = appointments ? true : nil
        return status
    }
}
