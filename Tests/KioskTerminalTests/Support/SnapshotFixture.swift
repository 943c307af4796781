import KioskAPI

/// A `/v1/hall` answer as the daemon writes it (HallViews), trimmed to three windows and
/// three services: window 2 paused, service G closed for the day, B with an estimate.
enum SnapshotFixture {
    static let json = #"""
    {"hall":{"name":"连城县人社局综合服务大厅","name_en":"Liancheng Hall","notice":"请携带身份证原件","date":"2026-03-02","clock":"09:41","issuing":true},
     "windows":[
      {"id":"1","name":"1号窗口","services":["A","B"],"status":"open","current":{"ticket":"A023","service":"A","service_name":"求职登记","priority":false,"state":"called","issued_at":"09:30:00","counter":"1","counter_name":"1号窗口","calls":1},"waiting":4,"covering":[],"parked":[]},
      {"id":"2","name":"2号窗口","services":["A","B","C"],"status":"paused","back_at":"10:30","current":null,"waiting":4,"covering":[],"parked":[]},
      {"id":"3","name":"3号窗口","services":["C"],"status":"open","current":null,"waiting":0,"covering":[],"parked":[]}
     ],
     "services":[
      {"code":"A","name":"求职登记","name_en":"Job-seeker registration","documents":["身份证"],"waiting":3,"status":"open"},
      {"code":"B","name":"职业介绍","name_en":"Job referral","documents":[],"waiting":1,"status":"open","estimate_min":7.6},
      {"code":"G","name":"劳动争议调解仲裁","name_en":"Labour dispute mediation","documents":[],"waiting":0,"status":"service_closed","status_message":"该业务今日已停止取号"}
     ],
     "calls":[
      {"ticket":"A023","counter":"1","counter_name":"1号窗口","at":"09:40:12"},
      {"ticket":"B004","counter":"2","counter_name":"2号窗口","at":"09:31:00"}
     ]}
    """#

    /// The fixture as the screen reads it. It must decode: a fixture that does not is a broken
    /// test, and stops the run at once.
    static let value: HallSnapshot = try! APICoding.decode(HallSnapshot.self, from: json)
}
