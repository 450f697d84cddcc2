#include "service/demo_publications.h"

#include "core/publication/index_number.h"
#include "core/publication/workflow.h"
#include "service/tx.h"

namespace gongkai::service {
namespace {

using publication::Content;
using publication::EventKind;
using publication::Publication;

struct DemoItem {
  const char* title;
  const char* item_code;
  const char* subject;
  const char* document_number;
  int written_days_ago;  // before today
  int published_after;   // working-ish days later (calendar days here; some are late on purpose)
  const char* body;
};

// Published items, oldest first. Bodies are short and our own.
constexpr DemoItem kPublished[] = {
    {"磁钟乡人民政府机构职能及联系方式", "20.2", "general", "", 520, 3,
     "<h2>机构职能</h2><p>磁钟乡人民政府负责本乡经济社会发展、公共服务和社会管理等工作。</p>"
     "<h2>联系方式</h2><p>办公地址：磁钟乡人民政府院内。办公时间：工作日8:30—12:00，15:00—18:00。"
     "</p>"},
    {"磁钟乡2025年部门预算公开", "20.7", "finance", "", 300, 10,
     "<p>现将磁钟乡2025年部门预算及“三公”经费预算情况予以公开。</p>"
     "<table><tr><th>项目</th><th>金额（万元）</th></tr><tr><td>一般公共预算支出</td>"
     "<td>1,286.40</td></tr><tr><td>“三公”经费</td><td>3.20</td></tr></table>"},
    {"关于做好2025年春耕生产工作的通知", "21.8", "agriculture", "磁政〔2025〕6号", 260, 5,
     "<p>各村民委员会：为抓好春耕备耕，确保粮食播种面积稳定，现就有关事项通知如下。</p>"
     "<ol><li>做好农资供应和价格监测。</li><li>组织农机检修，保障春耕作业。</li>"
     "<li>加强小麦田间管理和病虫害防治。</li></ol>"},
    {"磁钟乡2025年耕地地力保护补贴发放公示", "21.8", "agriculture", "", 240, 4,
     "<p>根据上级要求，现将2025年耕地地力保护补贴发放情况公示如下，公示期7天。补贴标准为每亩"
     "96.5元，涉及全乡6个行政村。如有异议，请向乡党政综合办公室反映。</p>"},
    {"磁钟乡防汛应急预案（2025年修订）", "20.12", "civil_affairs", "磁政〔2025〕11号", 200, 12,
     "<p>为做好汛期各类突发险情的防范和处置，保障人民群众生命财产安全，制定本预案。</p>"
     "<h3>一、组织机构</h3><p>乡防汛指挥部由乡长任指挥长，各村设防汛责任人。</p>"
     "<h3>二、预警与响应</h3><p>接到暴雨预警后，各村立即排查河道、坑塘和危旧房屋。</p>"},
    {"磁钟乡农村土地承包经营权流转情况公示", "21.10", "agriculture", "", 150, 6,
     "<p>2025年上半年全乡办理土地流转备案23宗，流转面积共计412亩，均签订规范流转合同。</p>"},
    {"磁钟乡宅基地使用审核结果公示（第二批）", "21.11", "land", "", 120, 8,
     "<p>经村级初审、乡级审核，现将第二批农村宅基地使用申请审核结果公示，公示期5个工作日。</p>"},
    {"磁钟乡2025年城乡居民医疗保险集中征缴公告", "20.11", "health", "", 90, 3,
     "<p>2026年度城乡居民基本医疗保险集中征缴工作已开始，个人缴费标准按上级规定执行，"
     "请广大群众通过微信、银行网点或村便民服务点及时缴纳。</p>"},
    {"磁钟乡安全生产大检查情况通报", "20.13", "market", "", 60, 25,
     "<p>近期乡安委会组织对辖区内企业、加油站、学校开展安全生产大检查，发现隐患17处，"
     "已全部整改到位。</p>"},
    {"磁钟乡2025年冬春救助资金发放公示", "21.7", "civil_affairs", "", 30, 4,
     "<p>现将2025年冬春临时生活救助资金发放情况予以公示，共救助困难群众58户，"
     "发放救助资金4.64万元。</p>"},
};

// The demo's texts name years relative to when an item was written: "2025" is that year, "2026"
// the next.
std::string Years(std::string text, int year) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    if (text.compare(i, 4, "2025") == 0 || text.compare(i, 4, "2026") == 0) {
      out += std::to_string(year + (text[i + 3] - '5'));
      i += 4;
    } else {
      out += text[i++];
    }
  }
  return out;
}

publication::StepContext At(Date day, const User& user, AgencyLevel level) {
  publication::StepContext ctx;
  ctx.today = day;
  ctx.level = level;
  ctx.by = user.display_name;
  ctx.by_user_id = user.id;
  ctx.recorded_at = day.ToString() + "T02:30:00.000Z";
  return ctx;
}

publication::Step StepOf(EventKind kind, std::string text = {}) {
  publication::Step s;
  s.kind = kind;
  s.text = std::move(text);
  return s;
}

// Draft, review and approval on their own dates, then stored with a generated index number.
Result<int64_t> PublishedDemo(storage::Transaction& tx, const Agency& agency, const DemoItem& d,
                              Date today, const User& clerk, const User& leader) {
  Date written = today.AddDays(-d.written_days_ago);
  Date released = written.AddDays(d.published_after);
  Content c;
  c.title = Years(d.title, written.year());
  c.item_code = d.item_code;
  c.subject = d.subject;
  c.document_number = Years(d.document_number, written.year());
  c.issuer = agency.name;
  c.written_date = written;
  c.body_html = Years(d.body, written.year());
  if (std::string_view(d.item_code) == "20.2") c.review_by = today.AddDays(-5);  // stale
  GK_ASSIGN_OR_RETURN(int serial, tx.NextPublicationSerial(agency.id, written.year()));
  std::string prefix = publication::IndexPrefix(agency.region_code, agency.id);
  GK_ASSIGN_OR_RETURN(Publication p,
                      publication::NewPublication(
                          agency.id, publication::FormatIndexNumber(prefix, written.year(), serial),
                          c, At(written, clerk, agency.level)));
  p.serial_year = written.year();
  p.serial_no = serial;
  GK_ASSIGN_OR_RETURN(p, publication::Apply(p, StepOf(EventKind::kSubmitted),
                                            At(released.AddDays(-1), clerk, agency.level)));
  publication::Step review =
      StepOf(EventKind::kReviewed, "经审查，不涉及国家秘密、工作秘密和个人隐私");
  review.reviewer = "王晓敏";
  GK_ASSIGN_OR_RETURN(p,
                      publication::Apply(p, review, At(released.AddDays(-1), clerk, agency.level)));
  GK_ASSIGN_OR_RETURN(
      p, publication::Apply(p, StepOf(EventKind::kApproved), At(released, leader, agency.level)));
  GK_ASSIGN_OR_RETURN(int64_t id, tx.InsertPublication(p));
  publication::ChannelRecord portal;
  portal.publication_id = id;
  portal.channel = publication::Channel::kPortal;
  portal.date = released;
  portal.note = "第1版";
  portal.recorded_by = leader.display_name;
  portal.recorded_at = released.ToString() + "T02:30:00.000Z";
  GK_RETURN_IF_ERROR(tx.InsertChannelRecord(portal).status());
  return id;
}

Status Channel(storage::Transaction& tx, int64_t id, publication::Channel channel, Date day,
               std::string link, std::string place, const User& clerk) {
  publication::ChannelRecord r;
  r.publication_id = id;
  r.channel = channel;
  r.date = day;
  r.link = std::move(link);
  r.place = std::move(place);
  r.recorded_by = clerk.display_name;
  r.recorded_at = day.ToString() + "T08:00:00.000Z";
  return tx.InsertChannelRecord(r).status();
}

}  // namespace

Status SeedDemoPublications(Platform& p, int64_t township_id, int64_t village_id, const User& clerk,
                            const User& leader) {
  const Date today = p.clock().Today();
  GK_RETURN_IF_ERROR(InWrite(p.store(), [&](storage::Transaction& tx) -> Status {
    GK_ASSIGN_OR_RETURN(Agency township, tx.GetAgency(township_id));
    int n = 0;
    for (const DemoItem& d : kPublished) {
      GK_ASSIGN_OR_RETURN(int64_t id, PublishedDemo(tx, township, d, today, clerk, leader));
      Date written = today.AddDays(-d.written_days_ago);
      Date released = written.AddDays(d.published_after);
      // Most items also went to the WeChat account; notices to the boards.
      if (n % 3 != 2) {
        GK_RETURN_IF_ERROR(Channel(tx, id, publication::Channel::kWechat, released,
                                   "https://mp.weixin.qq.com/s/demo-cizhong-" + std::to_string(n),
                                   "", clerk));
      }
      if (std::string_view(d.item_code).starts_with("21.")) {
        GK_RETURN_IF_ERROR(Channel(tx, id, publication::Channel::kBulletinBoard, released, "",
                                   "乡政府院内政务公开栏", clerk));
        GK_RETURN_IF_ERROR(Channel(tx, id, publication::Channel::kVillageBoard, released.AddDays(1),
                                   "", "各村村务公开栏", clerk));
      }
      if (n % 4 == 0) {
        GK_RETURN_IF_ERROR(
            Channel(tx, id, publication::Channel::kLed, released, "", "乡政府门口LED屏", clerk));
      }
      ++n;
    }
    GK_ASSIGN_OR_RETURN(Agency village, tx.GetAgency(village_id));
    DemoItem finance = {"磁钟村2025年第三季度村级财务收支公开",
                        "village.4",
                        "finance",
                        "",
                        45,
                        2,
                        "<p>本季度村集体收入12.6万元，支出9.8万元，主要用于道路维修和环境整治。"
                        "明细见村务公开栏。</p>"};
    GK_ASSIGN_OR_RETURN(int64_t vid, PublishedDemo(tx, village, finance, today, clerk, leader));
    return Channel(tx, vid, publication::Channel::kVillageBoard, today.AddDays(-42), "",
                   "磁钟村党群服务中心公开栏", clerk);
  }));

  // In-progress items through the service, so the audit log has them too.
  PublicationService& svc = p.publications();
  const Actor c = Actor::Staff(clerk, "");
  auto draft = [&](const char* title, const char* item, int days_ago) -> Result<int64_t> {
    Content content;
    content.title = title;
    content.item_code = item;
    content.subject = "general";
    content.written_date = today.AddDays(-days_ago);
    content.body_html = "<p>" + std::string(title) + "（正文待补充完善）。</p>";
    return svc.Create(c, township_id, content);
  };
  GK_RETURN_IF_ERROR(draft("磁钟乡2025年重点项目建设进展情况", "20.10", 40).status());  // overdue
  GK_ASSIGN_OR_RETURN(int64_t in_review, draft("磁钟乡村庄清洁行动实施方案", "21.8", 24));
  GK_ASSIGN_OR_RETURN(PublicationView v, svc.Get(c, in_review));
  GK_RETURN_IF_ERROR(svc.Step(c, in_review, v.item.version, StepOf(EventKind::kSubmitted)));
  GK_ASSIGN_OR_RETURN(int64_t awaiting, draft("关于调整乡村公益性岗位补贴标准的通知", "20.11", 6));
  GK_ASSIGN_OR_RETURN(v, svc.Get(c, awaiting));
  GK_RETURN_IF_ERROR(svc.Step(c, awaiting, v.item.version, StepOf(EventKind::kSubmitted)));
  publication::Step review = StepOf(EventKind::kReviewed, "不涉密，可以公开");
  review.reviewer = "王晓敏";
  GK_ASSIGN_OR_RETURN(v, svc.Get(c, awaiting));
  return svc.Step(c, awaiting, v.item.version, review);
}

}  // namespace gongkai::service
