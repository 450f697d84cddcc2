// Agencies and their leading groups (agency_group_members, one row per member, in order).
#include <map>

#include "storage/soci/soci_transaction.h"

namespace gongkai::storage {
namespace {

ConstraintMessages AgencyConstraints(const Agency& agency) {
  return {
      .unique =
          [&](const UniqueViolation& violation) {
            if (!violation.Is("agencies_region_code")) {
              return AlreadyExists("agency: unique constraint " + std::string(violation.detail),
                                   "单位信息与已有单位重复");
            }
            return AlreadyExists(
                "region code '" + agency.region_code + "' is already used by another agency",
                "行政区划代码“" + agency.region_code + "”已被其他单位使用");
          },
      .foreign_key =
          [&] {
            std::string parent = agency.parent_id ? std::to_string(*agency.parent_id) : "?";
            return FailedPrecondition("parent agency " + parent + " does not exist",
                                      "上级单位（编号" + parent + "）不存在");
          },
  };
}

Status NoSuchAgency(int64_t id) {
  return NotFound("agency " + std::to_string(id) + " does not exist",
                  "单位（编号" + std::to_string(id) + "）不存在");
}

}  // namespace

Result<int64_t> SociTransaction::InsertAgency(const Agency& agency) {
  GK_RETURN_IF_ERROR(CheckUsable("insert agency", true));
  return Write(
      "insert agency",
      [&]() -> Result<int64_t> {
        int64_t parent = agency.parent_id.value_or(0);
        soci::indicator parent_ind = agency.parent_id ? soci::i_ok : soci::i_null;
        std::string level(Code(agency.level));
        int64_t id = 0;
        sql() << "INSERT INTO agencies (parent_id, level, name, short_name, region_code,"
                 " office_name, office_address, office_phone, office_hours, office_email, version)"
                 " VALUES (:parent_id, :level, :name, :short_name, :region_code, :office_name,"
                 " :office_address, :office_phone, :office_hours, :office_email, 1) RETURNING id",
            soci::use(parent, parent_ind), soci::use(level), soci::use(agency.name),
            soci::use(agency.short_name), soci::use(agency.region_code),
            soci::use(agency.office.name), soci::use(agency.office.address),
            soci::use(agency.office.phone), soci::use(agency.office.hours),
            soci::use(agency.office.email), soci::into(id);
        ReplaceLeadingGroup(id, agency.leading_group);
        return id;
      },
      AgencyConstraints(agency));
}

Status SociTransaction::UpdateAgency(const Agency& agency) {
  GK_RETURN_IF_ERROR(CheckUsable("update agency", true));
  return Write(
      "update agency " + std::to_string(agency.id),
      [&]() -> Status {
        int64_t parent = agency.parent_id.value_or(0);
        soci::indicator parent_ind = agency.parent_id ? soci::i_ok : soci::i_null;
        std::string level(Code(agency.level));
        soci::statement update =
            (sql().prepare << "UPDATE agencies SET parent_id = :parent_id, level = :level,"
                              " name = :name, short_name = :short_name, region_code = :region_code,"
                              " office_name = :office_name, office_address = :office_address,"
                              " office_phone = :office_phone, office_hours = :office_hours,"
                              " office_email = :office_email, version = version + 1"
                              " WHERE id = :id AND version = :version",
             soci::use(parent, parent_ind), soci::use(level), soci::use(agency.name),
             soci::use(agency.short_name), soci::use(agency.region_code),
             soci::use(agency.office.name), soci::use(agency.office.address),
             soci::use(agency.office.phone), soci::use(agency.office.hours),
             soci::use(agency.office.email), soci::use(agency.id), soci::use(agency.version));
        update.execute(true);
        if (update.get_affected_rows() == 0) {
          int64_t current = 0;
          sql() << "SELECT version FROM agencies WHERE id = :id", soci::use(agency.id),
              soci::into(current);
          if (!sql().got_data()) return NoSuchAgency(agency.id);
          return Aborted("agency " + std::to_string(agency.id) +
                             " was changed by someone else (version " + std::to_string(current) +
                             ", you had " + std::to_string(agency.version) + "); reload and retry",
                         "该单位信息已被他人修改，请刷新后重试");
        }
        ReplaceLeadingGroup(agency.id, agency.leading_group);
        return OkStatus();
      },
      AgencyConstraints(agency));
}

void SociTransaction::ReplaceLeadingGroup(int64_t agency_id,
                                          const std::vector<LeadingGroupMember>& members) {
  sql() << "DELETE FROM agency_group_members WHERE agency_id = :agency_id", soci::use(agency_id);
  for (size_t i = 0; i < members.size(); ++i) {
    int position = static_cast<int>(i);
    std::string role(Code(members[i].role));
    sql() << "INSERT INTO agency_group_members (agency_id, position, name, post, role)"
             " VALUES (:agency_id, :position, :name, :post, :role)",
        soci::use(agency_id), soci::use(position), soci::use(members[i].name),
        soci::use(members[i].post), soci::use(role);
  }
}

Result<Agency> SociTransaction::GetAgency(int64_t id) {
  GK_RETURN_IF_ERROR(CheckUsable("get agency", false));
  GK_ASSIGN_OR_RETURN(std::vector<Agency> found, SelectAgencies(id));
  if (found.empty()) return NoSuchAgency(id);
  return std::move(found.front());
}

Result<std::vector<Agency>> SociTransaction::ListAgencies() {
  GK_RETURN_IF_ERROR(CheckUsable("list agencies", false));
  return SelectAgencies(std::nullopt);
}

Result<std::vector<Agency>> SociTransaction::SelectAgencies(std::optional<int64_t> id) {
  return Read("read agencies", [&]() -> Result<std::vector<Agency>> {
    std::string filter = id ? " WHERE id = :id" : "";
    std::vector<Agency> agencies;
    Agency row;
    int64_t parent = 0;
    soci::indicator parent_ind = soci::i_null;
    std::string level;
    soci::details::prepare_temp_type query =
        (sql().prepare << "SELECT id, parent_id, level, name, short_name, region_code,"
                          " office_name, office_address, office_phone, office_hours,"
                          " office_email, version FROM agencies" +
                              filter + " ORDER BY id",
         soci::into(row.id), soci::into(parent, parent_ind), soci::into(level),
         soci::into(row.name), soci::into(row.short_name), soci::into(row.region_code),
         soci::into(row.office.name), soci::into(row.office.address), soci::into(row.office.phone),
         soci::into(row.office.hours), soci::into(row.office.email), soci::into(row.version));
    if (id) query, soci::use(*id);
    soci::statement select = query;
    select.execute();
    while (select.fetch()) {
      std::optional<AgencyLevel> parsed = ParseAgencyLevel(level);
      if (!parsed) {
        return Internal("agencies row " + std::to_string(row.id) + " has unknown level '" + level +
                        "'");
      }
      row.level = *parsed;
      row.parent_id = parent_ind == soci::i_ok ? std::optional<int64_t>(parent) : std::nullopt;
      agencies.push_back(row);
    }
    if (agencies.empty()) return agencies;

    std::map<int64_t, Agency*> by_id;
    for (Agency& agency : agencies) by_id[agency.id] = &agency;
    int64_t agency_id = 0;
    LeadingGroupMember member;
    std::string role;
    soci::details::prepare_temp_type member_query =
        (sql().prepare << "SELECT agency_id, name, post, role FROM agency_group_members" +
                              (id ? std::string(" WHERE agency_id = :id") : std::string()) +
                              " ORDER BY agency_id, position",
         soci::into(agency_id), soci::into(member.name), soci::into(member.post), soci::into(role));
    if (id) member_query, soci::use(*id);
    soci::statement members = member_query;
    members.execute();
    while (members.fetch()) {
      std::optional<GroupRole> parsed = ParseGroupRole(role);
      if (!parsed) {
        return Internal("agency_group_members row of agency " + std::to_string(agency_id) +
                        " has unknown role '" + role + "'");
      }
      member.role = *parsed;
      auto it = by_id.find(agency_id);
      if (it != by_id.end()) it->second->leading_group.push_back(member);
    }
    return agencies;
  });
}

}  // namespace gongkai::storage
