/// Built-in sample data for `kiosk layouts render` and the layout snapshots: a county social
/// security hall mid-morning. Only generic display values; no queue types.
extension DisplayModel {
    /// A busy hall: six recent calls (B012 an appointment's, 预约), eight windows (one paused),
    /// six services (one closed).
    public static let sample = DisplayModel([
        "hall": ["name": "连城县人社局服务大厅", "name_en": "Liancheng Human Resources & Social Security Hall"],
        "clock": "09:41",
        "date": "2018-12-19 星期三",
        "notice": "请携带身份证原件 Please bring your original ID card · 70岁以上老人请到1号窗口优先办理",
        "calls": [
            ["ticket": "A023", "counter": "3号窗口", "counter_no": "3", "counter_en": "Window 3", "service": "社保参保登记", "mark": ""],
            ["ticket": "B012", "counter": "5号窗口", "counter_no": "5", "counter_en": "Window 5", "service": "养老保险待遇", "mark": "预约"],
            ["ticket": "A022", "counter": "2号窗口", "counter_no": "2", "counter_en": "Window 2", "service": "社保参保登记", "mark": ""],
            ["ticket": "C007", "counter": "6号窗口", "counter_no": "6", "counter_en": "Window 6", "service": "就业失业登记", "mark": ""],
            ["ticket": "V002", "counter": "1号窗口", "counter_no": "1", "counter_en": "Window 1", "service": "老年人优先", "mark": ""],
            ["ticket": "D015", "counter": "7号窗口", "counter_no": "7", "counter_en": "Window 7", "service": "医疗保险", "mark": ""],
        ],
        "counters": [
            ["name": "1号窗口", "current": "V002", "status": "正在办理", "status_en": "Serving", "mark": ""],
            ["name": "2号窗口", "current": "A022", "status": "正在办理", "status_en": "Serving", "mark": ""],
            ["name": "3号窗口", "current": "A023", "status": "正在办理", "status_en": "Serving", "mark": ""],
            ["name": "4号窗口", "current": "", "status": "暂停服务", "status_en": "Paused", "mark": ""],
            ["name": "5号窗口", "current": "B012", "status": "正在办理", "status_en": "Serving", "mark": "预约"],
            ["name": "6号窗口", "current": "C007", "status": "正在办理", "status_en": "Serving", "mark": ""],
            ["name": "7号窗口", "current": "D015", "status": "正在办理", "status_en": "Serving", "mark": ""],
            ["name": "8号窗口", "current": "", "status": "空闲", "status_en": "Idle", "mark": ""],
        ],
        "services": [
            ["code": "A", "name": "社保参保登记", "name_en": "Insurance registration", "waiting": "7", "eta": "12", "status": "", "summary": "  7人 约 12分"],
            ["code": "B", "name": "养老保险待遇", "name_en": "Pensions", "waiting": "4", "eta": "9", "status": "", "summary": "  4人 约  9分"],
            ["code": "C", "name": "就业失业登记", "name_en": "Employment", "waiting": "2", "eta": "5", "status": "", "summary": "  2人 约  5分"],
            ["code": "D", "name": "医疗保险", "name_en": "Medical insurance", "waiting": "11", "eta": "25", "status": "", "summary": " 11人 约 25分"],
            ["code": "E", "name": "劳动关系仲裁", "name_en": "Labour disputes", "waiting": "0", "eta": "0", "status": "今日已停止取号", "summary": "今日已停止取号"],
            ["code": "V", "name": "老年人优先", "name_en": "Seniors first", "waiting": "1", "eta": "3", "status": "", "summary": "  1人 约  3分"],
        ],
        "window": ["name": "3号窗口", "name_en": "Window 3", "current": "A023", "status": "正在办理", "status_en": "Now serving", "mark": ""],
    ])

    /// `sample` one call later: A024 called to window 3, one fewer waiting for A, the
    /// minute ticked over. What a typical redraw after a call has to change.
    public static let sampleAfterNextCall: DisplayModel = {
        var model = DisplayModel.sample
        model.root["clock"] = "09:42"
        var calls = model.list(at: "calls")
        calls.insert(["ticket": "A024", "counter": "3号窗口", "counter_no": "3", "counter_en": "Window 3", "service": "社保参保登记", "mark": ""], at: 0)
        model.root["calls"] = .list(Array(calls.prefix(6)))
        var counters = model.list(at: "counters")
        counters[2]["current"] = "A024"
        model.root["counters"] = .list(counters)
        var services = model.list(at: "services")
        services[0]["waiting"] = "6"
        services[0]["eta"] = "10"
        services[0]["summary"] = "  6人 约 10分"
        model.root["services"] = .list(services)
        model.root["window"] = ["name": "3号窗口", "name_en": "Window 3", "current": "A024", "status": "正在办理", "status_en": "Now serving", "mark": ""]
        return model
    }()
}
