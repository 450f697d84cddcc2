#include "service/review_case_service.h"

#include "service/audit_service.h"
#include "service/authorize.h"
#include "service/json_views.h"
#include "service/tx.h"

namespace gongkai::service {

namespace {

std::string Entity(int64_t id) { return "review_case:" + std::to_string(id); }

}  // namespace

Status ReviewCaseService::CheckApplication(storage::Transaction& tx,
                                           const litigation::ReviewCase& c) {
  if (c.application_id == 0) return OkStatus();
  auto app = tx.GetApplication(c.application_id);
  if (!app.ok() || app->agency_id != c.agency_id) {
    return InvalidArgument("application_id: application " + std::to_string(c.application_id) +
                               " is not one of this agency's",
                           "关联的申请不存在或不属于本单位");
  }
  return OkStatus();
}

Result<int64_t> ReviewCaseService::Create(const Actor& actor, litigation::ReviewCase c) {
  int64_t id = 0;
  Status st = litigation::ValidateReviewCase(c, clock_.Today());
  if (st.ok()) {
    st = InWrite(store_, [&](storage::Transaction& tx) -> Status {
      GK_RETURN_IF_ERROR(Authorize(tx, actor, Permission::kHandleApplications, c.agency_id));
      GK_RETURN_IF_ERROR(CheckApplication(tx, c));
      c.created_by = c.updated_by = actor.DisplayName();
      c.created_at = c.updated_at = clock_.NowRfc3339();
      GK_ASSIGN_OR_RETURN(id, tx.InsertReviewCase(c));
      c.id = id;
      c.version = 1;
      return RecordChange(tx, clock_, actor, "review_case.create", Entity(id), "", Dump(ToJson(c)));
    });
  }
  if (!st.ok()) {
    RecordRejected(store_, clock_, actor, "review_case.create",
                   "agency:" + std::to_string(c.agency_id), st);
    return st;
  }
  return id;
}

Status ReviewCaseService::Update(const Actor& actor, const litigation::ReviewCase& in) {
  Status st = litigation::ValidateReviewCase(in, clock_.Today());
  if (st.ok()) {
    st = InWrite(store_, [&](storage::Transaction& tx) -> Status {
      GK_ASSIGN_OR_RETURN(litigation::ReviewCase old, tx.GetReviewCase(in.id));
      GK_RETURN_IF_ERROR(Authorize(tx, actor, Permission::kHandleApplications, old.agency_id));
      litigation::ReviewCase c = in;
      c.agency_id = old.agency_id;  // a case never moves between agencies
      c.created_by = old.created_by;
      c.created_at = old.created_at;
      c.updated_by = actor.DisplayName();
      c.updated_at = clock_.NowRfc3339();
      GK_RETURN_IF_ERROR(CheckApplication(tx, c));
      GK_RETURN_IF_ERROR(tx.UpdateReviewCase(c));
      c.version = in.version + 1;
      return RecordChange(tx, clock_, actor, "review_case.update", Entity(c.id), Dump(ToJson(old)),
                          Dump(ToJson(c)));
    });
  }
  if (!st.ok()) RecordRejected(store_, clock_, actor, "review_case.update", Entity(in.id), st);
  return st;
}

Result<litigation::ReviewCase> ReviewCaseService::Get(const Actor& actor, int64_t id) {
  return InRead(store_, [&](storage::Transaction& tx) -> Result<litigation::ReviewCase> {
    GK_ASSIGN_OR_RETURN(litigation::ReviewCase c, tx.GetReviewCase(id));
    GK_RETURN_IF_ERROR(Authorize(tx, actor, Permission::kViewBackOffice, c.agency_id));
    return c;
  });
}

Result<std::vector<litigation::ReviewCase>> ReviewCaseService::List(const Actor& actor,
                                                                    int64_t agency_id) {
  return InRead(store_,
                [&](storage::Transaction& tx) -> Result<std::vector<litigation::ReviewCase>> {
                  GK_RETURN_IF_ERROR(Authorize(tx, actor, Permission::kViewBackOffice, agency_id));
                  return tx.ListReviewCases(agency_id, 0);
                });
}

}  // namespace gongkai::service
