import KioskHTTPClient

/// A TCP port nobody listens on right now on loopback (the issue bench uses the same one).
public func freePort() throws -> Int {
    try LoopbackPort.free()
}
