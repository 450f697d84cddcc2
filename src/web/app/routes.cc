// The route table: every URL the application answers, in one place.
#include "web/app/handlers/handlers.h"

namespace gongkai::web {

Router BuildRouter(App& app) {
  using namespace handlers;
  Router r;
  // Public portal. Anonymous answers of the pages below marked Cached come from the page cache
  // (web/app/page_cache.h), on the I/O thread when the data is known not to have changed.
  r.Get("/", Cached(app, Wrap(app, Access::kPublic, PortalHome)), FromCache(app));
  r.Get("/agencies/{id}", Cached(app, Wrap(app, Access::kPublic, AgencyPage)), FromCache(app));
  // The disclosure column and its feeds.
  r.Get("/agencies/{id}/disclosure", Cached(app, Wrap(app, Access::kPublic, DisclosurePage)),
        FromCache(app));
  r.Get("/agencies/{id}/disclosure/feed.atom",
        Cached(app, Wrap(app, Access::kPublic, DisclosureFeed)), FromCache(app));
  r.Get("/agencies/{id}/led.txt", Cached(app, Wrap(app, Access::kPublic, LedFeed)), FromCache(app));
  r.Get("/search", Wrap(app, Access::kPublic, SearchPage));
  r.Get("/agencies/{id}/reports/{year}", Wrap(app, Access::kPublic, PortalReport));
  r.Get("/assets/report.css", Wrap(app, Access::kPublic, ReportStylesheet));
  r.Get("/agencies/{id}/reports/{year}/download/{format}",
        Wrap(app, Access::kPublic, PortalReportDownload));
  // Disclosure applications: the public form (Art. 29) and following a case by its query code.
  r.Get("/agencies/{id}/apply", Wrap(app, Access::kPublic, ApplyForm));
  r.Post("/agencies/{id}/apply", Wrap(app, Access::kPublic, SubmitApplication));
  r.Get("/agencies/{id}/applied", Wrap(app, Access::kPublic, AppliedPage));
  r.Get("/track", Wrap(app, Access::kPublic, TrackForm));
  r.Post("/track", Wrap(app, Access::kPublic, TrackApplication));
  r.Post("/track/letter", Wrap(app, Access::kPublic, PublicLetter));
  // Proactive disclosure: an item's public page and its attachments.
  r.Get("/publications/{id}", Cached(app, Wrap(app, Access::kPublic, PortalPublication)),
        FromCache(app));
  r.Get("/publications/{id}/files/{file}", Wrap(app, Access::kPublic, PortalPublicationFile));
  // Staff sign-in.
  r.Get("/login", Wrap(app, Access::kPublic, LoginForm));
  r.Post("/login", Wrap(app, Access::kPublic, Login));
  r.Post("/logout", Wrap(app, Access::kPublic, Logout));
  // Back office.
  r.Get("/admin", Wrap(app, Access::kStaff, AdminHome));
  r.Get("/admin/password", Wrap(app, Access::kStaff, PasswordForm));
  r.Post("/admin/password", Wrap(app, Access::kStaff, ChangePassword));
  r.Get("/admin/users", Wrap(app, Access::kStaff, UsersPage));
  r.Post("/admin/users", Wrap(app, Access::kStaff, CreateUser));
  r.Get("/admin/audit", Wrap(app, Access::kStaff, AuditPage));
  r.Get("/admin/agencies/{id}/edit", Wrap(app, Access::kStaff, AgencyEditForm));
  r.Post("/admin/agencies/{id}", Wrap(app, Access::kStaff, SaveAgency));
  r.Get("/admin/reports", Wrap(app, Access::kStaff, ReportsPage));
  r.Post("/admin/reports", Wrap(app, Access::kStaff, CreateReport));
  r.Get("/admin/reports/summary", Wrap(app, Access::kStaff, ReportSummaryPage));
  r.Get("/admin/reports/audit", Wrap(app, Access::kStaff, ReportAuditForm));
  // Uploads: the files' limit, with room for the multipart framing, and time to send them.
  r.Post("/admin/reports/audit", Wrap(app, Access::kStaff, AuditReportFiles),
         {.max_body_bytes = app.platform().report_audit().limits().max_total_bytes + (8u << 20),
          .read_timeout = std::chrono::seconds(300)});
  r.Get("/admin/reports/audit/{id}", Wrap(app, Access::kStaff, StoredReportAudit));
  r.Post("/admin/reports/audit/{id}/save", Wrap(app, Access::kStaff, SaveAuditedReport));
  r.Get("/admin/reports/audit/{id}/file", Wrap(app, Access::kStaff, ReportSourceFile));
  r.Get("/admin/reports/{id}", Wrap(app, Access::kStaff, ReportPage));
  r.Post("/admin/reports/{id}", Wrap(app, Access::kStaff, SaveReport));
  r.Post("/admin/reports/{id}/accept", Wrap(app, Access::kStaff, AcceptReportWarning));
  r.Post("/admin/reports/{id}/draft", Wrap(app, Access::kStaff, DraftReportNarrative));
  r.Post("/admin/reports/{id}/{action}", Wrap(app, Access::kStaff, ReportAction));
  r.Get("/admin/reports/{id}/download/{format}", Wrap(app, Access::kStaff, StaffReportDownload));
  r.Get("/admin/applications", Wrap(app, Access::kStaff, ApplicationsPage));
  r.Get("/admin/applications.csv", Wrap(app, Access::kStaff, ApplicationsCsv));
  r.Get("/admin/applications/new", Wrap(app, Access::kStaff, NewApplicationForm));
  r.Post("/admin/applications/new", Wrap(app, Access::kStaff, RegisterApplication));
  r.Get("/admin/applications/{id}", Wrap(app, Access::kStaff, ApplicationPage));
  r.Post("/admin/applications/{id}/events", Wrap(app, Access::kStaff, RecordApplicationEvent));
  r.Post("/admin/applications/{id}/assign", Wrap(app, Access::kStaff, AssignApplication));
  r.Post("/admin/applications/{id}/fee-quote", Wrap(app, Access::kStaff, QuoteApplicationFee));
  r.Get("/admin/applications/{id}/letters/{kind}/{file}",
        Wrap(app, Access::kStaff, ApplicationLetter));
  r.Get("/admin/review-cases", Wrap(app, Access::kStaff, ReviewCasesPage));
  r.Post("/admin/review-cases", Wrap(app, Access::kStaff, CreateReviewCase));
  r.Get("/admin/review-cases/{id}", Wrap(app, Access::kStaff, ReviewCasePage));
  r.Post("/admin/review-cases/{id}", Wrap(app, Access::kStaff, UpdateReviewCase));
  // Table 二's records.
  r.Get("/admin/normative", Wrap(app, Access::kStaff, NormativeDocumentsPage));
  r.Post("/admin/normative", Wrap(app, Access::kStaff, CreateNormativeDocument));
  r.Get("/admin/normative/{id}", Wrap(app, Access::kStaff, NormativeDocumentPage));
  r.Post("/admin/normative/{id}", Wrap(app, Access::kStaff, UpdateNormativeDocument));
  r.Post("/admin/normative/{id}/repeal", Wrap(app, Access::kStaff, RepealNormativeDocument));
  r.Get("/admin/figures", Wrap(app, Access::kStaff, DecisionFiguresPage));
  r.Post("/admin/figures", Wrap(app, Access::kStaff, SaveDecisionFigures));
  r.Post("/admin/figures/import", Wrap(app, Access::kStaff, ImportDecisionFigures));
  // Proactive disclosure register. Drafts and channel records carry files (20 MB each).
  const RouteOptions uploads{.max_body_bytes = 100u << 20,
                             .read_timeout = std::chrono::seconds(300)};
  r.Get("/admin/publications", Wrap(app, Access::kStaff, PublicationsPage));
  r.Get("/admin/publications/new", Wrap(app, Access::kStaff, NewPublicationForm));
  r.Post("/admin/publications/new", Wrap(app, Access::kStaff, CreatePublication), uploads);
  r.Get("/admin/publications/{id}", Wrap(app, Access::kStaff, PublicationPage));
  r.Get("/admin/publications/{id}/edit", Wrap(app, Access::kStaff, EditPublicationForm));
  r.Post("/admin/publications/{id}/edit", Wrap(app, Access::kStaff, SavePublication), uploads);
  r.Post("/admin/publications/{id}/steps", Wrap(app, Access::kStaff, PublicationStep));
  r.Post("/admin/publications/{id}/channels", Wrap(app, Access::kStaff, RecordPublicationChannel),
         uploads);
  r.Get("/admin/publications/{id}/files/{file}", Wrap(app, Access::kStaff, StaffPublicationFile));
  r.Get("/admin/publications/{id}/wechat", Wrap(app, Access::kStaff, PublicationWechat));
  r.Get("/admin/publications/{id}/notice.pdf", Wrap(app, Access::kStaff, PublicationNoticePdf));
  // JSON API.
  r.Get("/api/v1/health", Wrap(app, Access::kPublic, ApiHealth));
  r.Get("/api/v1/agencies", Wrap(app, Access::kPublic, ApiAgencies));
  r.Get("/api/v1/agencies/{id}", Wrap(app, Access::kPublic, ApiAgency));
  r.Get("/api/v1/agencies/{id}/reports", Wrap(app, Access::kPublic, ApiReports));
  r.Get("/api/v1/agencies/{id}/reports/{year}", Wrap(app, Access::kPublic, ApiReport));
  return r;
}

}  // namespace gongkai::web
