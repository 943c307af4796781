import Foundation
@testable import KioskFrontDesk

/// Services and tickets shaped like the default hall's.
enum Fixtures {
    static let services: [ServiceOption] = [
        ServiceOption(code: "A", name: "求职登记", nameEN: "Job-seeker registration", documents: ["身份证"], waiting: 3, estimateMin: 12),
        ServiceOption(code: "B", name: "职业介绍", nameEN: "Job referral", documents: ["身份证", "学历证书(如有)"], waiting: 0, estimateMin: 0),
        ServiceOption(code: "C", name: "失业登记/失业证", nameEN: "Unemployment registration", documents: ["身份证", "解除劳动合同书"], waiting: 5, estimateMin: 20),
        ServiceOption(code: "G", name: "劳动争议调解仲裁", nameEN: "Labour dispute mediation", documents: ["身份证", "仲裁申请书", "证据材料"],
                      status: "quota_reached", statusMessage: "该业务今日号已取完(限40个) Today's quota of 40 tickets for G is reached"),
    ] + (5...11).map { ServiceOption(code: String(UnicodeScalar(UInt8(70 + $0))), name: "业务\($0)", nameEN: "Service \($0)") }

    static let ticket = IssuedTicket(
        number: "C014", serviceCode: "C", serviceName: "失业登记/失业证", serviceNameEN: "Unemployment registration",
        priority: true, issuedAt: "09:12:40", peopleAhead: 5, estimateMin: 18, estimateLowMin: 11, estimateHighMin: 27,
        explanation: "前面 5 人；2 个窗口办理「失业登记/失业证」，本时段约 7 分钟/人（1 个窗口暂离）",
        explanationEN: "5 ahead; 2 windows serve Unemployment registration, ~7 min per person this hour (1 away)",
        documents: ["身份证", "解除劳动合同书", "个人档案(可由本局代查)—如需要请向窗口咨询"],
        statusURL: "http://hall.liancheng.example.gov.cn:8080/v1/tickets/C014",
        smsTo: "138****8000", smsCaretaker: "139****1234"
    )

    static let t0 = Date(timeIntervalSince1970: 1_772_413_200)
}
