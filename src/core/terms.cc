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
};

template <class E, size_t N>
std::optional<E> ParseEnum(const std::array<E, N>& all, std::string_view code) {
  for (E e : all) {
    if (Code(e) == code) return e;
  }
  return std::nullopt;
}

std::string_view LabelOf(std::string_view prefix, std::string_view code) {
  std::string id(prefix);
  id += code;
  return Zh(id);
}

}  // namespace

std::span<const Term> AllTerms() { return kTerms; }

const Term* FindTerm(std::string_view id) {
  for (const Term& t : kTerms) {
    if (t.id == id) return &t;
  }
  return nullptr;
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
  return ParseEnum(kAllAgencyLevels, code);
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
std::optional<Role> ParseRole(std::string_view code) { return ParseEnum(kAllRoles, code); }
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
  return ParseEnum(kAllGroupRoles, code);
}
std::string_view Label(GroupRole role) { return LabelOf("group_role.", Code(role)); }

}  // namespace gongkai
