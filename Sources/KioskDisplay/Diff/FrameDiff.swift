/// The fewest cell writes that turn one frame into another.
///
/// Like ratatui's `Buffer::diff`, but emitting runs: changed cells on a row are grouped into
/// runs, and two runs are merged when rewriting the unchanged cells between them costs no
/// more bytes than moving the cursor over them. A run never starts on the right half of a
/// wide glyph and never ends between a wide glyph's halves.
public enum FrameDiff {
    /// Runs of cells that, written in order over `previous`, give `next`. Frames of different
    /// sizes cannot be diffed: repaint fully instead (`ANSIEncoder.encode(previous:next:)`).
    public static func diff(_ previous: Frame, _ next: Frame) -> [FrameChange] {
        precondition(previous.size == next.size, "diff needs frames of one size; repaint instead")
        let width = next.size.width
        var changes: [FrameChange] = []
        for y in 0..<next.size.height {
            let old = Array(previous.row(y))
            let new = Array(next.row(y))
            var pending: (start: Int, end: Int)?
            var x = 0
            while x < width {
                guard old[x] != new[x] else { x += 1; continue }
                var start = x
                if new[start].isContinuation, start > 0 { start -= 1 }
                var end = x + 1
                while end < width, old[end] != new[end] { end += 1 }
                if end < width, new[end].isContinuation { end += 1 }
                if let run = pending {
                    if mergeCost(new, from: run.end, to: start) <= ANSIEncoder.forwardCost(start - run.end) {
                        pending = (run.start, end)
                    } else {
                        changes.append(FrameChange(x: run.start, y: y, cells: Array(new[run.start..<run.end])))
                        pending = (start, end)
                    }
                } else {
                    pending = (start, end)
                }
                x = end
            }
            if let run = pending {
                changes.append(FrameChange(x: run.start, y: y, cells: Array(new[run.start..<run.end])))
            }
        }
        return changes
    }

    /// Extra bytes written when cells `from..<to` are rewritten to join two runs: their
    /// symbols plus any style switches they force, minus the switch that joining avoids.
    static func mergeCost(_ row: [Cell], from: Int, to: Int) -> Int {
        guard from < to else { return 0 }
        var bytes = 0
        var pen = row[from - 1].style
        for cell in row[from...to] {
            if cell.style != pen {
                bytes += ANSIEncoder.sgr(cell.style).utf8.count
                pen = cell.style
            }
        }
        for cell in row[from..<to] { bytes += cell.symbol.utf8.count }
        // Without merging, the second run still switches the pen if its style differs.
        if row[to].style != row[from - 1].style { bytes -= ANSIEncoder.sgr(row[to].style).utf8.count }
        return bytes
    }
}
