#if canImport(Glibc)
import Glibc
#endif

/// Makes glibc's malloc give large freed blocks back to the system instead of keeping them.
///
/// glibc serves a block of 128 KiB or more with a mapping of its own and unmaps it on free, but
/// each such free raises that threshold to the block's size (up to 32 MiB): after the first
/// projection of a long line frees its arrays, the next projections' arrays come from the heap
/// and stay there once freed. With 10,000 waiting that kept about 17 MiB of the daemon's
/// anonymous memory (`scripts/bench-restart.py`: RssAnon 36.6 MiB 5 s after a restart, 19.1 MiB
/// with the threshold fixed). Setting it fixes it (glibc then no longer moves it): a few mappings
/// a second for the projection, whose pages are written anyway.
public enum LargeBlockReturn {
    /// Blocks at least this big are mapped on their own and returned when freed.
    public static let thresholdBytes: Int32 = 256 * 1024

    /// Sets the threshold; false where malloc is not glibc's (nothing changes there).
    @discardableResult
    public static func enable() -> Bool {
        #if canImport(Glibc)
        // mallopt is not in Swift's Glibc module; it is in every glibc.
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return false }
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        let mmapThreshold: Int32 = -3   // M_MMAP_THRESHOLD in <malloc.h>
        return mallopt(mmapThreshold, thresholdBytes) == 1
        #else
        return false
        #endif
    }
}
