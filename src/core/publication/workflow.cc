#include "core/publication/workflow.h"

#include <algorithm>

#include "core/publication/catalogue.h"
#include "core/publication/index_number.h"
#include "core/text.h"

namespace gongkai::publication {
namespace {

size_t Chars(std::string_view s) { return Utf8Length(s); }
std::string Trim(std::string_view s) { return std::string(TrimAscii(s)); }

bool HasControl(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](unsigned char c) { return c < 0x20 || c == 0x7F; });
}

void Check(std::vector<FieldError>& out, bool bad, const char* field, std::string en,
           std::string zh) {
  if (bad) out.push_back({field, std::move(en), std::move(zh)});
}

Status Refuse(std::string_view what_en, std::string_view what_zh, const Publication& item) {
  return FailedPrecondition(
      std::string(what_en) + " is not possible while the item is " + std::string(Code(item.stage)),
      std::string(what_zh) + "：该信息当前状态为“" + std::string(Label(item.stage)) +
          "”，不能进行此操作");
}

Version* MutableWorking(Publication& p) {
  for (Version& v : p.versions) {
    if (v.number == p.working_version) return &v;
  }
  return nullptr;
}

}  // namespace

std::vector<FieldError> ValidateContent(const Content& c, const StepContext& ctx, bool complete,
                                        bool revision) {
  std::vector<FieldError> e;
  std::string title = Trim(c.title);
  Check(e, title.empty(), "title", "title is required", "请填写标题");
  Check(e, Chars(c.title) > 200, "title", "title is longer than 200 characters",
        "标题不能超过200个字");
  Check(e, HasControl(c.title) || !IsValidUtf8(c.title), "title",
        "title contains control characters or invalid UTF-8", "标题含有不可见的控制字符或乱码");
  if (!c.subject.empty() || complete) {
    Check(e, !IsSubject(c.subject), "subject", "choose a subject category", "请选择主题分类");
  }
  if (!c.item_code.empty() || complete) {
    Check(e, !IsCatalogueItemFor(c.item_code, ctx.level), "item_code",
          "choose a catalogue item that applies to this agency",
          "请选择适用于本单位的公开事项（条例第二十条、第二十一条或村务公开事项）");
  }
  Check(e, Chars(c.document_number) > 100 || HasControl(c.document_number), "document_number",
        "document number is too long or has control characters", "发文字号不能超过100个字");
  Check(e, Chars(c.issuer) > 100 || HasControl(c.issuer), "issuer",
        "issuer is too long or has control characters", "公开主体不能超过100个字");
  Check(e, c.body_html.size() > 2 * 1024 * 1024, "body", "body is larger than 2 MB",
        "正文超过2MB，请把大的内容作为附件上传");
  Check(e, complete && c.written_date == std::nullopt, "written_date",
        "written date is required (Art. 26 counts from it)",
        "请填写成文日期（第二十六条的期限从该日起算）");
  Check(e, c.written_date && *c.written_date > ctx.today, "written_date",
        "written date is in the future", "成文日期不能晚于今天");
  Check(e, complete && revision && c.changed_date == std::nullopt, "changed_date",
        "a revision needs the date the information changed",
        "更新已发布的信息时，请填写信息变更日期（第二十六条的期限从该日起算）");
  Check(e, c.changed_date && *c.changed_date > ctx.today, "changed_date",
        "changed date is in the future", "信息变更日期不能晚于今天");
  Check(e, c.changed_date && c.written_date && *c.changed_date < *c.written_date, "changed_date",
        "changed date is before the written date", "信息变更日期不能早于成文日期");
  Check(e, c.review_by && c.written_date && *c.review_by <= *c.written_date, "review_by",
        "review-by date must be after the written date", "复核日期应晚于成文日期");
  return e;
}

Result<Publication> NewPublication(int64_t agency_id, std::string index_number, Content content,
                                   const StepContext& ctx) {
  GK_RETURN_IF_ERROR(ValidateIndexNumber(index_number));
  GK_RETURN_IF_ERROR(FieldErrorsStatus(ValidateContent(content, ctx, false, false)));
  Publication p;
  p.agency_id = agency_id;
  p.index_number = std::move(index_number);
  p.stage = Stage::kDraft;
  p.working_version = 1;
  Version v;
  v.number = 1;
  v.content = std::move(content);
  v.created_at = ctx.recorded_at;
  v.created_by = ctx.by;
  p.versions.push_back(std::move(v));
  Event ev;
  ev.seq = 1;
  ev.kind = EventKind::kCreated;
  ev.version = 1;
  ev.date = ctx.today;
  ev.recorded_at = ctx.recorded_at;
  ev.by = ctx.by;
  ev.by_user_id = ctx.by_user_id;
  p.events.push_back(std::move(ev));
  p.created_at = ctx.recorded_at;
  return p;
}

std::vector<EventKind> AllowedSteps(const Publication& p) {
  std::vector<EventKind> out;
  switch (p.stage) {
    case Stage::kDraft:
      out = {EventKind::kEdited, EventKind::kSubmitted};
      break;
    case Stage::kInReview:
      out = {EventKind::kReviewed};
      break;
    case Stage::kAwaitingApproval:
      out = {EventKind::kApproved, EventKind::kReturned};
      break;
    case Stage::kPublished:
    case Stage::kCatalogued:
      out = {EventKind::kRevisionStarted};
      break;
    case Stage::kWithdrawn:
      break;
  }
  if (p.OnPortal()) {
    out.push_back(EventKind::kChannelRecorded);
    out.push_back(EventKind::kWithdrawn);
  }
  return out;
}

Result<Publication> Apply(const Publication& item, const Step& step, const StepContext& ctx) {
  auto allowed = AllowedSteps(item);
  if (std::find(allowed.begin(), allowed.end(), step.kind) == allowed.end()) {
    return Refuse(Code(step.kind), Label(step.kind), item);
  }
  Publication p = item;
  Version* working = MutableWorking(p);
  if (working == nullptr) {
    return Internal("publication " + std::to_string(p.id) + " has no working version");
  }
  const bool revision = p.live_version > 0 || working->number > 1;
  Event ev;
  ev.seq = p.events.empty() ? 1 : p.events.back().seq + 1;
  ev.kind = step.kind;
  ev.version = p.working_version;
  ev.date = ctx.today;
  ev.recorded_at = ctx.recorded_at;
  ev.by = ctx.by;
  ev.by_user_id = ctx.by_user_id;
  ev.text = Trim(step.text);

  switch (step.kind) {
    case EventKind::kEdited: {
      if (!step.content) return InvalidArgument("edit without content", "缺少修改内容");
      GK_RETURN_IF_ERROR(FieldErrorsStatus(ValidateContent(*step.content, ctx, false, revision)));
      working->content = *step.content;
      break;
    }
    case EventKind::kSubmitted:
      GK_RETURN_IF_ERROR(FieldErrorsStatus(ValidateContent(working->content, ctx, true, revision)));
      p.stage = Stage::kInReview;
      break;
    case EventKind::kReviewed:
      ev.reviewer = Trim(step.reviewer);
      ev.conclusion = step.conclusion;
      if (ev.reviewer.empty()) {
        return InvalidArgument("the reviewer's name is required", "请填写保密审查人");
      }
      if (step.conclusion == ReviewConclusion::kFail && ev.text.empty()) {
        return InvalidArgument("a failed review needs the reviewer's opinion",
                               "审查未通过时请填写审查意见");
      }
      p.stage =
          step.conclusion == ReviewConclusion::kPass ? Stage::kAwaitingApproval : Stage::kDraft;
      break;
    case EventKind::kApproved:
      working->released_on = ctx.today;
      if (working->content.attribute == Attribute::kProactive) {
        p.stage = Stage::kPublished;
        p.live_version = p.working_version;
        if (!p.first_released_on) p.first_released_on = ctx.today;
      } else {
        // Approved into the catalogue only; a revision that stops being proactive leaves the
        // portal.
        p.stage = Stage::kCatalogued;
        p.live_version = 0;
      }
      break;
    case EventKind::kReturned:
      if (ev.text.empty()) {
        return InvalidArgument("returning an item needs a comment", "退回修改时请填写意见");
      }
      p.stage = Stage::kDraft;
      break;
    case EventKind::kRevisionStarted: {
      Version next;
      next.number = p.versions.back().number + 1;
      next.content = working->content;
      next.content.changed_date.reset();  // the new change date is the clerk's to give
      next.created_at = ctx.recorded_at;
      next.created_by = ctx.by;
      p.versions.push_back(std::move(next));
      p.working_version = p.versions.back().number;
      ev.version = p.working_version;
      p.stage = Stage::kDraft;
      break;
    }
    case EventKind::kWithdrawn:
      if (ev.text.empty()) {
        return InvalidArgument("withdrawing an item needs a reason", "撤回时请填写撤回原因");
      }
      // A pending revision dies with the item.
      while (p.versions.size() > 1 && p.versions.back().number > p.live_version) {
        p.versions.pop_back();
      }
      p.working_version = p.live_version;
      ev.version = p.live_version;
      p.stage = Stage::kWithdrawn;
      p.withdrawn_on = ctx.today;
      break;
    case EventKind::kChannelRecorded:
      if (!step.channel) return InvalidArgument("no channel given", "请选择发布渠道");
      ev.channel = step.channel;
      ev.version = p.live_version;
      break;
    case EventKind::kCreated:
      return InvalidArgument("an item is created only once", "信息已创建");
  }
  p.events.push_back(std::move(ev));
  return p;
}

}  // namespace gongkai::publication
