#if canImport(Glibc)
import Glibc
#endif

/// The process's open-file limit. A service manager's default soft limit (often 1,024) would
/// make the connection cap meaningless: the daemon raises its soft limit towards the hard one
/// at start, and caps connections below what it got, keeping room for the journal and logs.
enum FileDescriptorLimit {
    /// Descriptors kept for everything but client connections (journal, WAL, logs, Kannel…).
    static let reserve = 128

    /// Raises the soft limit to at least `wanted` (if the hard limit allows) and returns the
    /// number of connections that fit under it, at most `cap`.
    static func connectionsAllowed(cap: Int) -> Int {
        var limit = rlimit()
        guard getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return cap }
        let wanted = rlim_t(cap + reserve)
        if limit.rlim_cur < wanted {
            limit.rlim_cur = min(wanted, limit.rlim_max)
            _ = setrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit)
            _ = getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit)
        }
        return max(16, min(cap, Int(limit.rlim_cur) - reserve))
    }
}
