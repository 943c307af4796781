import Foundation
import KioskCore
import KioskTestSupport
import Testing

/// The HTML report in a real browser: headless Chromium (Debian's `chromium`, `fonts-noto-cjk`)
/// renders a simulated morning's report to PNG and to an A4 PDF, and `pdftotext` (poppler-utils)
/// reads the Chinese back. Set `KIOSK_REPORT_RENDER_DIR` to keep the files and look at them.
@Suite(.serialized, .timeLimit(.minutes(5)))
struct ReportRenderTests {
    static let chromium = "/usr/bin/chromium"

    static func chromiumRun(_ arguments: [String]) throws -> Int32 {
        try runCommand(chromium, ["--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"] + arguments, capture: false).status
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: chromium), "needs Debian's chromium (scripts/install-deps test)"))
    func theHTMLReportRendersInChromiumAndItsPDFGivesTheChineseBack() async throws {
        try await TestDaemon.with(at: "07:58") { daemon in
            var day = SimulatedDays(daemon: daemon, seed: 7)
            try await day.run(for: 3.5 * 3600)
            let dir = daemon.dataDirectory
            let answer = try await daemon.client.get("/v1/reports?date=2026-03-02&format=html", as: .supervisor)
            #expect(answer.status == 200)
            let html = dir + "/report.html", png = dir + "/report.png", pdf = dir + "/report.pdf"
            try answer.text.write(toFile: html, atomically: true, encoding: .utf8)
            let bad = try daemon.journal.followUpBook(holidays: []).items.first

            // A4 at 150 dpi is 1240 × 1754 pixels.
            #expect(try Self.chromiumRun(["--window-size=1240,1754", "--screenshot=\(png)", "file://\(html)"]) == 0)
            #expect(try Self.chromiumRun(["--no-pdf-header-footer", "--print-to-pdf=\(pdf)", "file://\(html)"]) == 0)

            let image = try Data(contentsOf: URL(fileURLWithPath: png))
            #expect(image.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "not a PNG")
            // IHDR: width and height, big-endian, at bytes 16–23.
            let width = image[16..<20].reduce(0) { $0 << 8 | Int($1) }, height = image[20..<24].reduce(0) { $0 << 8 | Int($1) }
            #expect((width, height) == (1240, 1754))
            // A drawn page compresses far worse than a blank one (a blank A4 PNG is a few KB).
            #expect(image.count > 60_000, "\(image.count) bytes")

            let info = try runCommand("pdfinfo", [pdf])
            #expect(info.output.contains(" pts (A4)"), "\(info.output)")
            let text = try runCommand("pdftotext", ["-layout", pdf, "-"]).output
            for phrase in ["连城县人社局综合服务大厅 业务报表", "到号与办结", "窗口时间线", "各业务 Per service", "好差评", "非常满意", "求职登记", "1号窗口"] {
                #expect(text.contains(phrase), "\(phrase) not in the PDF text")
            }
            if let bad { #expect(text.contains(bad.id), "the 差评 \(bad.id) is not listed") }

            if let keep = ProcessInfo.processInfo.environment["KIOSK_REPORT_RENDER_DIR"], !keep.isEmpty {
                try? FileManager.default.createDirectory(atPath: keep, withIntermediateDirectories: true)
                for file in [html, png, pdf] {
                    let target = keep + "/" + URL(fileURLWithPath: file).lastPathComponent
                    try? FileManager.default.removeItem(atPath: target)
                    try FileManager.default.copyItem(atPath: file, toPath: target)
                }
            }
        }
    }
}
