import KioskServer
import Testing

/// `kiosk serve` fixes glibc's mmap threshold so freed large blocks leave the process
/// (the memory figure itself is `scripts/bench-restart.py`'s, never a test's).
struct LargeBlockReturnTests {
    @Test func glibcTakesTheThreshold() {
        #if canImport(Glibc)
        #expect(LargeBlockReturn.enable(), "mallopt(M_MMAP_THRESHOLD) was not found or refused")
        #endif
    }
}
