#include "core/terms.h"

#include <string>

namespace gongkai {

namespace {

// Keep ids stable: they are stored and exposed. Add, never rename.
constexpr Term kTerms[] = {
    // The field and its actors (glossary.md).
    {"disclosure", "政府信息公开", "government information disclosure"},
    {"agency", "行政机关", "a government body"},
    {"disclosure_office", "政府信息公开工作机构", "the office that runs disclosure work"},
    {"leading_group", "政务公开领导小组", "leading group"},
    {"supervising_office", "政务公开办", "supervising office"},
    {"proactive_disclosure", "主动公开", "proactive disclosure"},
    {"catalogue", "政府信息公开专栏", "disclosure column"},
    {"index_number", "索引号", "index number"},
    {"subject_category", "主题分类", "subject category"},
    {"disclosure_attribute", "公开属性", "disclosure attribute"},
    {"written_date", "成文日期", "written date"},
    {"release_date", "发布日期", "release date"},
    {"document_number", "发文字号", "document number"},
    {"confidentiality_review", "保密审查", "confidentiality review"},
    {"leader_approval", "主管领导把关审批", "leader approval"},
    {"channel", "发布渠道", "channel"},
    {"application", "政府信息公开申请", "disclosure application"},
    {"applicant", "申请人", "applicant"},
    {"receipt_date", "收到申请之日", "receipt date"},
    {"correction", "补正", "request for correction"},
    {"third_party_consultation", "征求第三方意见", "third-party consultation"},
    {"inter_agency_consultation", "征求其他机关意见", "inter-agency consultation"},
    {"extension", "延期答复", "extension"},
    {"reply_due_date", "答复期限", "reply due date"},
    {"processing_fee", "信息处理费", "processing fee"},
    {"administrative_review", "行政复议", "administrative review"},
    {"litigation", "行政诉讼", "litigation"},
    {"annual_report", "政府信息公开工作年度报告", "annual report"},
    {"consistency_rule", "勾稽关系", "consistency rule"},
    {"working_day", "工作日", "working day"},
    {"public_holiday", "法定节假日", "public holiday"},
    {"makeup_workday", "调休上班日", "make-up working day"},
    {"assessment", "考核", "assessment"},
    {"inspection", "督查", "inspection"},
    {"accountability", "责任追究", "accountability"},
    {"query_code", "查询号", "query code"},
    {"village_affairs_disclosure", "村务公开", "village affairs disclosure"},
    {"audit_log", "操作日志", "audit log"},
    // Agency levels.
    {"agency_level.province", "省级", "province"},
    {"agency_level.city", "市级", "city"},
    {"agency_level.district", "县（区）级", "district or county"},
    {"agency_level.township", "乡镇（街道）", "township or street"},
    {"agency_level.department", "部门", "department"},
    {"agency_level.village", "村（社区）", "village or community"},
    // Roles.
    {"role.clerk", "公开专员", "clerk of the disclosure office"},
    {"role.leader", "主管领导", "approving leader"},
    {"role.admin", "单位管理员", "agency administrator"},
    {"role.supervisor", "政务公开监督员", "supervisor of subordinate units"},
    // Leading-group roles.
    {"group_role.head", "组长", "head"},
    {"group_role.executive_deputy", "常务副组长", "executive deputy head"},
    {"group_role.deputy", "副组长", "deputy head"},
    {"group_role.member", "成员", "member"},
    // Audit log actions (the audit log stores the id; the UI shows the label).
    {"audit_action.agency.create", "新增单位", "agency created"},
    {"audit_action.agency.update", "修改单位信息", "agency edited"},
    {"audit_action.user.create", "新增用户", "user created"},
    {"audit_action.user.passwd", "修改密码", "password changed"},
    {"audit_action.login", "登录", "login"},
    {"audit_action.login.failed", "登录失败", "failed login"},
    {"audit_action.logout", "退出登录", "logout"},
    {"audit_action.calendar.load", "导入节假日安排", "calendar loaded"},
    {"audit_action.report.create", "新建年度报告", "annual report created"},
    {"audit_action.report.save", "修改年度报告", "annual report edited"},
    {"audit_action.report.submit", "年度报告送审", "annual report submitted for approval"},
    {"audit_action.report.return", "年度报告退回修改", "annual report returned by the leader"},
    {"audit_action.report.publish", "年度报告审批发布", "annual report approved and published"},
    {"audit_action.report.correct", "更正年度报告",
     "correction of a published annual report started"},
    {"audit_action.report.accept_warning", "说明警告", "warning accepted with a reason"},
    {"audit_action.report.summarise", "生成汇总报告", "region summary made"},
    {"audit_action.report.fill_from_records", "按记录生成表二、表三、表四",
     "Tables 二, 三 and 四 filled from the platform's records"},
    {"audit_action.report.audit_upload", "上传年度报告文件审核",
     "published annual report file uploaded and audited"},
    {"audit_action.report.import_audited", "将审核的文件保存为年度报告",
     "audited report file saved as the unit's annual report"},
    {"audit_action.report_source.purge", "清理未保存的上传文件",
     "uploaded report files never saved were deleted"},
    // Annual report states and origins.
    {"report_status.draft", "草稿", "draft"},
    {"report_status.pending", "待审批", "awaiting the leader's approval"},
    {"report_status.published", "已发布", "published"},
    {"report_status.superseded", "已更正（旧版本）", "superseded by a correction"},
    {"report_origin.entered", "填报", "entered in the platform"},
    {"report_origin.imported", "导入", "imported from a published document"},
    {"report_origin.summary", "汇总", "region summary of units"},
    // Calendar day kinds.
    {"day_kind.workday", "工作日", "working day"},
    {"day_kind.weekend", "周末", "weekend"},
    {"day_kind.holiday", "法定节假日", "public holiday"},
    {"day_kind.makeup_workday", "调休上班日", "make-up working day"},
    // Applications (依申请公开): applicant types are Table 三's columns.
    {"applicant_type.natural", "自然人", "natural person"},
    {"applicant_type.commercial", "商业企业", "commercial enterprise"},
    {"applicant_type.research", "科研机构", "research institution"},
    {"applicant_type.nonprofit", "社会公益组织", "non-profit organisation"},
    {"applicant_type.legal", "法律服务机构", "legal service organisation"},
    {"applicant_type.other_org", "其他法人或其他组织", "other organisation"},
    {"intake_channel.in_person", "当面提交", "in person"},
    {"intake_channel.registered_post", "邮寄（挂号信、EMS等需签收）", "registered post"},
    {"intake_channel.ordinary_post", "平常信函", "ordinary letter"},
    {"intake_channel.online", "互联网在线申请", "online platform"},
    {"intake_channel.fax", "传真", "fax"},
    {"intake_channel.email", "电子邮件", "e-mail"},
    {"id_document.resident_id", "居民身份证", "resident identity card"},
    {"id_document.passport", "护照", "passport"},
    {"id_document.hk_macao_permit", "港澳居民来往内地通行证", "Hong Kong and Macao permit"},
    {"id_document.taiwan_permit", "台湾居民来往大陆通行证", "Taiwan permit"},
    {"id_document.other", "其他有效身份证件", "other identity document"},
    {"delivery_form.paper", "纸质", "paper"},
    {"delivery_form.electronic", "电子文档", "electronic"},
    {"delivery_way.pick_up", "当面领取", "picked up"},
    {"delivery_way.post", "邮寄", "by post"},
    {"delivery_way.email", "电子邮件", "by e-mail"},
    {"delivery_way.online", "网上下载", "download online"},
    {"outcome.granted", "予以公开", "granted"},
    {"outcome.partial", "部分公开（区分处理）", "partly granted"},
    {"outcome.withheld.state_secret", "不予公开：属于国家秘密", "withheld: state secret"},
    {"outcome.withheld.prohibited", "不予公开：其他法律行政法规禁止公开",
     "withheld: prohibited by law"},
    {"outcome.withheld.security_stability", "不予公开：危及“三安全一稳定”",
     "withheld: security and stability"},
    {"outcome.withheld.third_party", "不予公开：保护第三方合法权益",
     "withheld: third-party rights"},
    {"outcome.withheld.internal_affairs", "不予公开：属于三类内部事务信息",
     "withheld: internal affairs"},
    {"outcome.withheld.process_info", "不予公开：属于四类过程性信息",
     "withheld: process information"},
    {"outcome.withheld.enforcement_files", "不予公开：属于行政执法案卷",
     "withheld: enforcement case files"},
    {"outcome.withheld.inquiry", "不予公开：属于行政查询事项", "withheld: registration inquiry"},
    {"outcome.unable.not_held", "无法提供：本机关不掌握相关政府信息", "unable: not held"},
    {"outcome.unable.needs_creation", "无法提供：没有现成信息需要另行制作",
     "unable: would need creating"},
    {"outcome.unable.unclear", "无法提供：补正后申请内容仍不明确",
     "unable: still unclear after correction"},
    {"outcome.rejected.petition", "不予处理：信访举报投诉类申请", "rejected: petition"},
    {"outcome.rejected.repeat", "不予处理：重复申请", "rejected: repeat application"},
    {"outcome.rejected.publication", "不予处理：要求提供公开出版物", "rejected: publication"},
    {"outcome.rejected.excessive", "不予处理：无正当理由大量反复申请", "rejected: excessive"},
    {"outcome.rejected.confirm_reissue", "不予处理：要求行政机关确认或重新出具已获取信息",
     "rejected: confirm or reissue"},
    {"outcome.other.no_correction", "其他处理：申请人逾期不补正", "other: no correction"},
    {"outcome.other.no_payment", "其他处理：申请人逾期未缴纳信息处理费", "other: no payment"},
    {"outcome.other.other", "其他处理：其他", "other: other"},
    {"case_state.awaiting_confirmation", "待确认收到", "submitted online, awaiting confirmation"},
    {"case_state.handling", "办理中", "being handled"},
    {"case_state.awaiting_correction", "待申请人补正", "awaiting the applicant's correction"},
    {"case_state.consulting", "征求意见中", "consultation under way"},
    {"case_state.awaiting_payment", "待缴纳信息处理费", "awaiting payment of the fee"},
    {"case_state.closed", "已答复", "answered"},
    {"consultation_kind.third_party", "征求第三方意见", "third-party consultation"},
    {"consultation_kind.other_agency", "征求其他机关意见", "inter-agency consultation"},
    {"fee_method.per_item", "按件计收", "per item"},
    {"fee_method.per_volume", "按量计收", "per volume"},
    {"case_event.submitted_online", "在线提交申请", "submitted online"},
    {"case_event.received", "收到申请", "application received"},
    {"case_event.correction_requested", "发出补正告知", "correction requested"},
    {"case_event.correction_received", "收到补正材料", "corrected application received"},
    {"case_event.consultation_sent", "发出征求意见", "consultation sent"},
    {"case_event.consultation_answered", "收到征求意见答复", "consultation answered"},
    {"case_event.extension_requested", "申请延期答复", "extension requested"},
    {"case_event.extension_approved", "批准延期答复", "extension approved"},
    {"case_event.extension_refused", "不同意延期答复", "extension refused"},
    {"case_event.fee_notice_issued", "发出收费通知", "fee notice issued"},
    {"case_event.fee_paid", "缴纳信息处理费", "fee paid"},
    {"case_event.closed", "作出答复", "answered"},
    {"case_event.note", "备注", "note"},
    {"audit_action.application.submit", "在线提交政府信息公开申请", "application submitted online"},
    {"audit_action.application.register", "登记政府信息公开申请", "application registered"},
    {"audit_action.application.event", "办理政府信息公开申请", "application handled"},
    {"audit_action.application.assign", "指派承办人", "application assigned"},
    {"audit_action.application.refused", "办理操作被拒绝", "application action refused"},
    {"audit_action.review_case.create", "登记行政复议、行政诉讼案件",
     "review or litigation recorded"},
    {"audit_action.review_case.update", "修改行政复议、行政诉讼案件",
     "review or litigation updated"},
    // Proactive disclosure (主动公开): the register's workflow, attributes, channels and catalogue.
    {"publication_stage.draft", "草稿", "draft"},
    {"publication_stage.in_review", "待保密审查", "awaiting confidentiality review"},
    {"publication_stage.awaiting_approval", "待领导审批", "awaiting the leader's approval"},
    {"publication_stage.published", "已发布", "published"},
    {"publication_stage.catalogued", "已编目（不在门户发布）", "catalogued, not on the portal"},
    {"publication_stage.withdrawn", "已撤回", "withdrawn"},
    {"disclosure_attribute.proactive", "主动公开", "proactive"},
    {"disclosure_attribute.on_request", "依申请公开", "on request"},
    {"disclosure_attribute.withheld", "不予公开", "withheld"},
    {"review_conclusion.pass", "审查通过（不涉密，可以公开）", "review passed"},
    {"review_conclusion.fail", "审查未通过", "review failed"},
    {"channel.portal", "政府网站信息公开专栏", "portal disclosure column"},
    {"channel.wechat", "政务微信公众号", "WeChat account"},
    {"channel.new_media", "其他政务新媒体（简篇等）", "other new-media account"},
    {"channel.led", "LED电子显示屏", "LED screen"},
    {"channel.bulletin_board", "政务公开栏", "bulletin board"},
    {"channel.village_board", "村务公开栏", "village board"},
    {"publication_event.created", "起草", "drafted"},
    {"publication_event.edited", "修改", "edited"},
    {"publication_event.submitted", "提交保密审查", "submitted for review"},
    {"publication_event.reviewed", "保密审查", "confidentiality review recorded"},
    {"publication_event.approved", "领导审批通过", "approved by the leader"},
    {"publication_event.returned", "领导退回修改", "returned by the leader"},
    {"publication_event.revision_started", "更新已发布信息（新版本）", "revision started"},
    {"publication_event.withdrawn", "撤回", "withdrawn"},
    {"publication_event.channel_recorded", "登记发布渠道", "channel recorded"},
    {"publication_timeliness.no_date", "未填成文日期", "no written date yet"},
    {"publication_timeliness.pending", "期限内待发布", "to publish, time remains"},
    {"publication_timeliness.due_soon", "即将超过20个工作日", "due soon"},
    {"publication_timeliness.overdue", "已超过20个工作日未发布", "overdue"},
    {"publication_timeliness.on_time", "按期发布", "published on time"},
    {"publication_timeliness.late", "超期发布", "published late"},
    {"publication_timeliness.not_applicable", "不适用", "not applicable"},
    {"publication_list.all", "全部", "all items"},
    {"publication_list.drafts", "草稿", "drafts"},
    {"publication_list.in_review", "待保密审查", "awaiting review"},
    {"publication_list.awaiting_approval", "待领导审批", "awaiting approval"},
    {"publication_list.published", "已发布", "on the portal"},
    {"publication_list.due_soon", "即将超期", "due soon (Art. 26)"},
    {"publication_list.overdue", "超期未发布", "overdue (Art. 26)"},
    {"publication_list.late", "超期发布", "published late"},
    {"publication_list.stale", "待复核更新", "past review-by date"},
    {"publication_list.withdrawn", "已撤回", "withdrawn"},
    {"audit_action.publication.create", "起草主动公开信息", "publication drafted"},
    {"audit_action.publication.edit", "修改主动公开信息", "publication edited"},
    {"audit_action.publication.step", "主动公开信息流转", "publication workflow step"},
    {"audit_action.publication.channel", "登记发布渠道", "publication channel recorded"},
    {"audit_action.publication.attachment", "上传附件", "attachment uploaded"},
    {"audit_action.publication.refused", "主动公开操作被拒绝", "publication action refused"},
    // Art. 20 items (catalogue codes 20.1-20.15).
    {"catalogue_item.20.1", "行政法规、规章和规范性文件",
     "Art. 20 (1) regulations, rules, normative documents"},
    {"catalogue_item.20.2", "机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名",
     "Art. 20 (2) functions and structure"},
    {"catalogue_item.20.3", "国民经济和社会发展规划、专项规划、区域规划及相关政策",
     "Art. 20 (3) plans and policies"},
    {"catalogue_item.20.4", "国民经济和社会发展统计信息", "Art. 20 (4) statistics"},
    {"catalogue_item.20.5", "办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果",
     "Art. 20 (5) licensing and services"},
    {"catalogue_item.20.6",
     "实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定",
     "Art. 20 (6) penalties and coercion"},
    {"catalogue_item.20.7", "财政预算、决算信息", "Art. 20 (7) budgets and final accounts"},
    {"catalogue_item.20.8", "行政事业性收费项目及其依据、标准", "Art. 20 (8) administrative fees"},
    {"catalogue_item.20.9", "政府集中采购项目的目录、标准及实施情况", "Art. 20 (9) procurement"},
    {"catalogue_item.20.10", "重大建设项目的批准和实施情况",
     "Art. 20 (10) major construction projects"},
    {"catalogue_item.20.11", "扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况",
     "Art. 20 (11) welfare policies"},
    {"catalogue_item.20.12", "突发公共事件的应急预案、预警信息及应对情况",
     "Art. 20 (12) emergencies"},
    {"catalogue_item.20.13", "环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况",
     "Art. 20 (13) inspections"},
    {"catalogue_item.20.14", "公务员招考的职位、名额、报考条件等事项以及录用结果",
     "Art. 20 (14) civil-service recruitment"},
    {"catalogue_item.20.15", "法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息",
     "Art. 20 (15) other"},
    // Art. 21 topics: 21.1-21.7 for city and county governments and their departments, 21.4-21.12
    // (less 21.6) for township governments.
    {"catalogue_item.21.1", "市政建设", "Art. 21 municipal construction"},
    {"catalogue_item.21.2", "公共服务", "Art. 21 public services"},
    {"catalogue_item.21.3", "公益事业", "Art. 21 public welfare undertakings"},
    {"catalogue_item.21.4", "土地征收", "Art. 21 land expropriation"},
    {"catalogue_item.21.5", "房屋征收", "Art. 21 housing expropriation"},
    {"catalogue_item.21.6", "治安管理", "Art. 21 public security"},
    {"catalogue_item.21.7", "社会救助", "Art. 21 social assistance"},
    {"catalogue_item.21.8", "贯彻落实农业农村政策", "Art. 21 rural policy"},
    {"catalogue_item.21.9", "农田水利工程建设运营", "Art. 21 irrigation works"},
    {"catalogue_item.21.10", "农村土地承包经营权流转", "Art. 21 land contract transfer"},
    {"catalogue_item.21.11", "宅基地使用情况审核", "Art. 21 homestead review"},
    {"catalogue_item.21.12", "筹资筹劳", "Art. 21 fund and labour raising"},
    // 村务公开 (村民委员会组织法 Art. 30) for villages.
    {"catalogue_item.village.1", "村民会议、村民代表会议讨论决定的事项及其实施情况",
     "village: assembly decisions"},
    {"catalogue_item.village.2", "救灾救助、补贴补助等资金、物资的管理使用情况",
     "village: relief and subsidies"},
    {"catalogue_item.village.3", "村民委员会协助人民政府开展工作的情况",
     "village: assisting the government"},
    {"catalogue_item.village.4", "村集体财务收支情况", "village: collective finances"},
    {"catalogue_item.village.5", "涉及村民利益、村民普遍关心的其他事项", "village: other matters"},
    // 主题分类 (the State Council's subject categories used by government portals).
    {"subject.general", "综合政务", "general government affairs"},
    {"subject.economy", "国民经济管理、国有资产监管", "economy and state assets"},
    {"subject.finance", "财政、金融、审计", "finance and audit"},
    {"subject.land", "国土资源、能源", "land and energy"},
    {"subject.agriculture", "农业、林业、水利", "agriculture, forestry, water"},
    {"subject.industry", "工业、交通", "industry and transport"},
    {"subject.commerce", "商贸、海关、旅游", "commerce and tourism"},
    {"subject.market", "市场监管、安全生产监管", "market and work-safety supervision"},
    {"subject.urban", "城乡建设、环境保护", "urban-rural construction, environment"},
    {"subject.science", "科技、教育", "science and education"},
    {"subject.culture", "文化、广电、新闻出版", "culture and media"},
    {"subject.health", "卫生、体育", "health and sport"},
    {"subject.population", "人口与计划生育、妇女儿童工作", "population, women and children"},
    {"subject.labour", "劳动、人事、监察", "labour and personnel"},
    {"subject.security", "公安、安全、司法", "public security and justice"},
    {"subject.civil_affairs", "民政、扶贫、救灾", "civil affairs, poverty relief, disaster relief"},
    {"subject.ethnic", "民族、宗教", "ethnic and religious affairs"},
    {"subject.foreign", "对外事务", "foreign affairs"},
    {"subject.hmt", "港澳台侨工作", "Hong Kong, Macao, Taiwan, overseas Chinese"},
    {"subject.defence", "国防", "national defence"},
    {"subject.other", "其他（主题）", "other subject"},
    // Review and litigation (Table 四).
    {"review_kind.review", "行政复议", "administrative review"},
    {"review_kind.suit_direct", "行政诉讼（未经复议直接起诉）", "suit without review"},
    {"review_kind.suit_after_review", "行政诉讼（复议后起诉）", "suit after review"},
    {"review_result.upheld", "结果维持", "upheld"},
    {"review_result.corrected", "结果纠正", "corrected"},
    {"review_result.other", "其他结果", "other result"},
    {"review_result.pending", "尚未审结", "pending"},
    {"review_role.original", "原行政行为机关", "the agency whose decision is challenged"},
    {"review_role.co_defendant_review_organ", "复议机关（共同被告，不计入本机关表四）",
     "review organ as co-defendant (not counted)"},
    // Table 二 (主动公开政府信息情况): the register of rules and normative documents, and the
    // yearly decision and fee figures.
    {"document_kind.rule", "规章", "rule"},
    {"document_kind.normative", "行政规范性文件", "normative document"},
    {"made", "本年制发", "made in the year"},
    {"repealed", "本年废止", "repealed in the year"},
    {"in_force", "现行有效", "in force"},
    {"licensing", "行政许可", "licensing decisions"},
    {"penalty", "行政处罚", "penalty decisions"},
    {"coercion", "行政强制", "coercion decisions"},
    {"administrative_fee", "行政事业性收费", "administrative fees"},
    {"audit_action.normative_document.create", "登记规章或行政规范性文件",
     "rule or normative document recorded"},
    {"audit_action.normative_document.update", "修改规章或行政规范性文件",
     "rule or normative document edited"},
    {"audit_action.normative_document.repeal", "废止规章或行政规范性文件",
     "rule or normative document repealed"},
    {"audit_action.decision_figures.save", "填报年度决定和收费数据",
     "yearly decision and fee figures saved"},
    {"audit_action.decision_figures.import", "导入年度决定和收费数据（CSV）",
     "yearly decision and fee figures imported from CSV"},
};

}  // namespace

std::span<const Term> AllTerms() { return kTerms; }

const Term* FindTerm(std::string_view id) {
  for (const Term& t : kTerms) {
    if (t.id == id) return &t;
  }
  return nullptr;
}

std::string_view LabelOf(std::string_view prefix, std::string_view code) {
  std::string id(prefix);
  id += code;
  return Zh(id);
}

std::string_view Zh(std::string_view id) {
  const Term* t = FindTerm(id);
  return t ? t->zh : id;
}

std::string_view Code(AgencyLevel level) {
  switch (level) {
    case AgencyLevel::kProvince:
      return "province";
    case AgencyLevel::kCity:
      return "city";
    case AgencyLevel::kDistrict:
      return "district";
    case AgencyLevel::kTownship:
      return "township";
    case AgencyLevel::kDepartment:
      return "department";
    case AgencyLevel::kVillage:
      return "village";
  }
  return "?";
}
std::optional<AgencyLevel> ParseAgencyLevel(std::string_view code) {
  return ParseCode(kAllAgencyLevels, code);
}
std::string_view Label(AgencyLevel level) { return LabelOf("agency_level.", Code(level)); }

std::string_view Code(Role role) {
  switch (role) {
    case Role::kClerk:
      return "clerk";
    case Role::kLeader:
      return "leader";
    case Role::kAdmin:
      return "admin";
    case Role::kSupervisor:
      return "supervisor";
  }
  return "?";
}
std::optional<Role> ParseRole(std::string_view code) { return ParseCode(kAllRoles, code); }
std::string_view Label(Role role) { return LabelOf("role.", Code(role)); }

std::string_view Code(GroupRole role) {
  switch (role) {
    case GroupRole::kHead:
      return "head";
    case GroupRole::kExecutiveDeputy:
      return "executive_deputy";
    case GroupRole::kDeputy:
      return "deputy";
    case GroupRole::kMember:
      return "member";
  }
  return "?";
}
std::optional<GroupRole> ParseGroupRole(std::string_view code) {
  return ParseCode(kAllGroupRoles, code);
}
std::string_view Label(GroupRole role) { return LabelOf("group_role.", Code(role)); }

}  // namespace gongkai
