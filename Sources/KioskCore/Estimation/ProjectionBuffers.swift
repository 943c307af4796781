/// The line projection's big working arrays (every replicate's call time of every waiting
/// ticket, the class queues with room for the projected arrivals, the rank tables): a few
/// megabytes with 10,000 waiting. A caller that projects back to back (`WaitReplay`: every
/// update step and every issue of a day) hands the same buffers to each projection
/// (`WaitEstimator.projection(of:at:buffers:)`) and skips the allocation and zeroing of fresh memory.
///
/// The daemon does not keep them between its projections (about one a second): measured on a
/// 10,000-ticket day, a set kept between runs held about 6 MB resident all the time and lowered
/// no peak, while fresh arrays above glibc's mmap threshold (`kiosk serve` sets 256 KiB) go back
/// to the system after each run.
///
/// Only the storage is reused: every projection overwrites what it reads, so its figures are
/// those of fresh arrays (`ProjectionBufferTests`).
struct ProjectionBuffers {
    var samples: [Double] = []
    var joinDelay: [Double] = []
    var queueData: [Int32] = []
    var targetOfRank: [Int] = []
    var issuedAtOfRank: [Double] = []
}
