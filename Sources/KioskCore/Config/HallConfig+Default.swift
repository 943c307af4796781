extension HallConfig {
    /// The embedded default hall, modelled on a county 人社局 service hall: 11 services under one
    /// roof, eight windows whose service lists overlap so a colleague can cover (AB角).
    public static let defaultHallJSON = #"""
    {
      "hall": {
        "name": "连城县人社局综合服务大厅",
        "short_name": "连城人社",
        "name_en": "Liancheng County HR & Social Security Service Hall",
        "time_zone": "Asia/Shanghai",
        "notice": "请携带身份证原件 · 办理失业证只需身份证和解除劳动合同书"
      },
      "sessions": [["08:00", "12:00"], ["14:30", "17:30"]],
      "numbering": {"first": 1, "last": 999},
      "priority": {"every_n_normal": 3, "scope": "hall", "start_due": true},
      "recall": {"interval_s": 60, "max_recalls": 2, "automatic": true},
      "noshow": {"reactivate_within_min": 30},
      "services": [
        {"code": "A", "name": "求职登记", "name_en": "Job-seeker registration",
         "documents": ["身份证"]},
        {"code": "B", "name": "职业介绍", "name_en": "Job referral",
         "documents": ["身份证", "学历证书(如有)"]},
        {"code": "C", "name": "失业登记/失业证", "name_en": "Unemployment registration",
         "documents": ["身份证", "解除劳动合同书"]},
        {"code": "D", "name": "社保参保登记", "name_en": "Social insurance enrolment",
         "documents": ["身份证", "劳动合同或营业执照"]},
        {"code": "E", "name": "社保关系转移", "name_en": "Social insurance transfer",
         "documents": ["身份证", "参保缴费凭证"]},
        {"code": "F", "name": "城乡居民养老保险参保登记", "name_en": "Residents' pension enrolment",
         "documents": ["身份证", "户口簿"]},
        {"code": "G", "name": "劳动争议调解仲裁", "name_en": "Labour dispute mediation",
         "documents": ["身份证", "仲裁申请书", "证据材料"], "daily_quota": 40},
        {"code": "H", "name": "小额担保贷款贴息", "name_en": "Small-loan interest subsidy",
         "documents": ["身份证", "营业执照", "贷款合同"], "hours": [["08:00", "12:00"]]},
        {"code": "J", "name": "档案查询", "name_en": "Personnel file enquiry",
         "documents": ["身份证"]},
        {"code": "K", "name": "政策咨询/宣传服务", "name_en": "Policy advice",
         "documents": []},
        {"code": "L", "name": "退休审批", "name_en": "Retirement approval",
         "documents": ["身份证", "户口簿", "个人档案(可由本局代查)"]}
      ],
      "counters": [
        {"id": "1", "services": ["A", "B"], "policy": "fifo"},
        {"id": "2", "services": ["A", "B", "C"], "policy": "fifo"},
        {"id": "3", "services": ["C", "D", "E"], "policy": "service_order"},
        {"id": "4", "services": ["D", "E", "F"], "policy": "service_order"},
        {"id": "5", "services": ["F", "L"], "policy": "fifo"},
        {"id": "6", "services": ["G"], "policy": "fifo"},
        {"id": "7", "services": ["H", "K"], "policy": "service_order"},
        {"id": "8", "services": ["J", "K", "L"], "policy": "service_order"}
      ],
      "sms": {"gateway": "log", "signature": "【连城人社】"}
    }
    """#

    /// The embedded default hall, parsed. It is checked by the test suite, so this cannot fail.
    public static var defaultHall: HallConfig {
        do {
            return try load(json: defaultHallJSON)
        } catch {
            preconditionFailure("embedded default hall is invalid: \(error.diagnostics)")
        }
    }
}
