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
         "documents": ["身份证"],
         "guide": {"basis": ["《就业服务与就业管理规定》"], "conditions": ["法定劳动年龄内、有劳动能力和就业要求的城乡劳动者"], "materials": [{"name": "身份证", "form": "original", "count": 1}], "steps": ["窗口核验身份证", "填写求职登记表", "录入求职信息，当场办结"], "time_limit": "即办", "roles": {"handler": "就业窗口经办人"}, "fee": "不收费", "contact": "大厅咨询台 / 12333 人社服务热线", "example": ["basis", "conditions", "materials", "steps", "time_limit", "roles", "fee", "contact"]}},
        {"code": "B", "name": "职业介绍", "name_en": "Job referral",
         "documents": ["身份证", "学历证书(如有)"],
         "guide": {"basis": ["《就业服务与就业管理规定》"], "conditions": ["已办理求职登记的劳动者"], "materials": [{"name": "身份证", "form": "original", "count": 1}, {"name": "学历证书", "form": "original_and_copy", "count": 1, "notes": "如有"}], "steps": ["窗口了解求职意向", "推荐匹配岗位", "开具职业介绍信"], "time_limit": "即办", "roles": {"handler": "职业介绍窗口经办人"}, "fee": "不收费", "contact": "大厅咨询台 / 12333 人社服务热线", "example": ["basis", "conditions", "materials", "steps", "time_limit", "roles", "fee", "contact"]}},
        {"code": "C", "name": "失业登记/失业证", "name_en": "Unemployment registration",
         "documents": ["身份证", "解除劳动合同书"],
         "guide": {"basis": ["《失业保险条例》"], "conditions": ["已与单位解除或终止劳动关系、有就业要求的劳动者"], "materials": [{"name": "身份证", "form": "original", "count": 1}, {"name": "解除劳动合同书", "form": "original", "count": 1, "notes": "已注明工作时间和单位，无需户口本和原始劳动合同"}], "steps": ["窗口核验身份证和解除劳动合同书", "录入失业登记", "当场发放失业证"], "time_limit": "即办（在窗口坐几分钟，证就到手）", "roles": {"handler": "失业保险窗口经办人"}, "fee": "不收费", "contact": "大厅咨询台 / 12333 人社服务热线", "example": ["basis", "conditions", "steps", "roles", "fee", "contact"]}},
        {"code": "D", "name": "社保参保登记", "name_en": "Social insurance enrolment",
         "documents": ["身份证", "劳动合同或营业执照"],
         "guide": {"basis": ["《中华人民共和国社会保险法》"], "conditions": ["在本县就业的职工，或在本县登记的用人单位"], "materials": [{"name": "身份证", "form": "original_and_copy", "count": 1}, {"name": "劳动合同或营业执照", "form": "copy", "count": 1}], "steps": ["窗口核验材料", "录入参保信息", "打印参保登记回执"], "time_limit": "即办", "roles": {"handler": "社保窗口经办人", "reviewer": "社保中心审核人"}, "fee": "不收费", "contact": "大厅咨询台 / 12333 人社服务热线", "example": ["basis", "conditions", "materials", "steps", "time_limit", "roles", "fee", "contact"]}},
        {"code": "E", "name": "社保关系转移", "name_en": "Social insurance transfer",
         "documents": ["身份证", "参保缴费凭证"],
         "guide": {"basis": ["《城镇企业职工基本养老保险关系转移接续暂行办法》"], "conditions": ["跨统筹地区就业、已在原参保地缴费的参保人员"], "materials": [{"name": "身份证", "form": "original_and_copy", "count": 1}, {"name": "参保缴费凭证", "form": "original", "count": 1}], "steps": ["窗口受理转移申请", "向转出地发联系函", "转入地审核接续，通知本人"], "time_limit": "15个工作日", "roles": {"handler": "社保窗口经办人", "reviewer": "社保中心审核人", "approver": "中心领导（即审：即看即批）"}, "fee": "不收费", "contact": "大厅咨询台 / 12333 人社服务热线", "example": ["basis", "conditions", "materials", "steps", "time_limit", "roles", "fee", "contact"]}},
        {"code": "F", "name": "城乡居民养老保险参保登记", "name_en": "Residents' pension enrolment",
         "documents": ["身份证", "户口簿"],
         "guide": {"basis": ["《国务院关于建立统一的城乡居民基本养老保险制度的意见》"], "conditions": ["年满16周岁、不是在校学生、未参加职工基本养老保险的本县户籍居民"], "materials": [{"name": "身份证", "form": "original_and_copy", "count": 1}, {"name": "户口簿", "form": "original_and_copy", "count": 1}], "steps": ["窗口核验身份证和户口簿", "填写参保登记表", "选择缴费档次（缴费流程见窗口流程图）", "录入参保信息，当场办结"], "time_limit": "即办", "roles": {"handler": "城乡居民养老保险经办人", "reviewer": "城乡居民养老保险审核人", "approver": "中心领导（即审）"}, "fee": "不收费", "contact": "大厅咨询台 / 12333 人社服务热线", "example": ["basis", "conditions", "materials", "steps", "time_limit", "roles", "fee", "contact"]}},
        {"code": "G", "name": "劳动争议调解仲裁", "name_en": "Labour dispute mediation",
         "documents": ["身份证", "仲裁申请书", "证据材料"], "daily_quota": 40,
         "guide": {"basis": ["《中华人民共和国劳动争议调解仲裁法》"], "conditions": ["与用人单位发生劳动争议、在仲裁时效（一年）内的劳动者或用人单位"], "materials": [{"name": "身份证", "form": "original_and_copy", "count": 1}, {"name": "仲裁申请书", "form": "original", "count": 3, "notes": "按被申请人人数加1份"}, {"name": "证据材料", "form": "copy", "count": 1}], "steps": ["窗口接收申请材料", "5日内决定是否受理", "先行调解；调解不成的开庭仲裁"], "time_limit": "受理后45日内结案", "roles": {"handler": "仲裁院立案经办人", "reviewer": "仲裁员", "approver": "仲裁委"}, "fee": "不收费", "contact": "大厅咨询台 / 12333 人社服务热线", "example": ["basis", "conditions", "materials", "steps", "time_limit", "roles", "fee", "contact"]}},
        {"code": "H", "name": "小额担保贷款贴息", "name_en": "Small-loan interest subsidy",
         "documents": ["身份证", "营业执照", "贷款合同"], "hours": [["08:00", "12:00"]],
         "guide": {"basis": ["创业担保贷款贴息有关规定"], "conditions": ["已获小额担保贷款、按期还款的个人或小微企业"], "materials": [{"name": "身份证", "form": "original_and_copy", "count": 1}, {"name": "营业执照", "form": "copy", "count": 1}, {"name": "贷款合同", "form": "copy", "count": 1}], "steps": ["窗口受理贴息申请", "核对还款记录", "中心领导即审", "贴息资金拨付"], "time_limit": "3个工作日", "roles": {"handler": "小额贷款贴息经办人（A角）；不在时由中心副主任顶岗（B角）", "reviewer": "中心副主任", "approver": "中心领导（即审）"}, "fee": "不收费", "contact": "大厅咨询台 / 12333 人社服务热线", "example": ["basis", "conditions", "materials", "steps", "time_limit", "fee", "contact"]}},
        {"code": "J", "name": "档案查询", "name_en": "Personnel file enquiry",
         "documents": ["身份证"],
         "guide": {"basis": ["干部人事档案管理有关规定"], "conditions": ["本人或受委托人查询本人档案（含知青档案）"], "materials": [{"name": "身份证", "form": "original", "count": 1}], "steps": ["窗口登记查询需求", "档案在本局的当场查阅", "不在本局的（如改制企业留守处）由本局工作人员代查，找到后把复印件送到本人手上"], "time_limit": "本局所存即办；需外出代查的约3天", "roles": {"handler": "档案窗口经办人"}, "fee": "不收费", "contact": "大厅咨询台 / 12333 人社服务热线", "example": ["basis", "conditions", "materials", "roles", "fee", "contact"]}},
        {"code": "K", "name": "政策咨询/宣传服务", "name_en": "Policy advice",
         "documents": [],
         "guide": {"basis": ["人力资源和社会保障政策法规"], "conditions": ["任何来访群众"], "steps": ["说明想了解的事项", "窗口解答，并告知所需材料和办理窗口，一次说清"], "time_limit": "即办", "roles": {"handler": "政策咨询窗口工作人员"}, "fee": "不收费", "contact": "大厅咨询台 / 12333 人社服务热线", "example": ["basis", "conditions", "steps", "roles", "fee", "contact"]}},
        {"code": "L", "name": "退休审批", "name_en": "Retirement approval",
         "documents": ["身份证", "户口簿", "个人档案(可由本局代查)"],
         "guide": {"basis": ["国家和本省基本养老保险退休审批有关规定"], "conditions": ["达到法定退休年龄、累计缴费满15年的参保人员"], "materials": [{"name": "身份证", "form": "original_and_copy", "count": 1}, {"name": "户口簿", "form": "original_and_copy", "count": 1}, {"name": "个人档案", "form": "original", "count": 1, "notes": "可由本局代查"}], "steps": ["窗口受理退休申请", "核定出生时间、工龄和缴费年限", "中心领导即审（即看即批）", "核发退休审批表"], "time_limit": "15个工作日（原需1个月）", "roles": {"handler": "退休审批经办人", "reviewer": "退休审批审核人", "approver": "中心领导（即审：即看即批）"}, "fee": "不收费", "contact": "大厅咨询台 / 12333 人社服务热线", "example": ["basis", "conditions", "materials", "steps", "time_limit", "roles", "fee", "contact"]}}
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
