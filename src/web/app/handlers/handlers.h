// Page and API handlers. Each translates one request into one service call and a rendered response.
#pragma once

#include <cstdint>
#include <string_view>

#include "core/text.h"
#include "service/report_service.h"
#include "web/app/app.h"

namespace gongkai::web::handlers {

// Parses a positive decimal id from a path segment.
bool ParseId(std::string_view text, int64_t* id);

Response PortalHome(App& app, Call& call);
Response AgencyPage(App& app, Call& call);
// The disclosure column (/agencies/{id}/disclosure) with its filters, its Atom feed, the LED
// screen's text feed, and the portal search (/search).
Response DisclosurePage(App& app, Call& call);
Response DisclosureFeed(App& app, Call& call);
Response LedFeed(App& app, Call& call);
Response SearchPage(App& app, Call& call);

Response LoginForm(App& app, Call& call);
Response Login(App& app, Call& call);
Response Logout(App& app, Call& call);

Response AdminHome(App& app, Call& call);
Response PasswordForm(App& app, Call& call);
Response ChangePassword(App& app, Call& call);
Response UsersPage(App& app, Call& call);
Response CreateUser(App& app, Call& call);
Response AuditPage(App& app, Call& call);
Response AgencyEditForm(App& app, Call& call);
Response SaveAgency(App& app, Call& call);

Response ReportsPage(App& app, Call& call);
Response CreateReport(App& app, Call& call);
Response ReportPage(App& app, Call& call);
Response SaveReport(App& app, Call& call);
Response AcceptReportWarning(App& app, Call& call);
Response ReportAction(App& app, Call& call);  // submit, return, publish, correct
Response DraftReportNarrative(App& app, Call& call);
Response ReportSummaryPage(App& app, Call& call);
Response StaffReportDownload(App& app, Call& call);
Response PortalReport(App& app, Call& call);
Response PortalReportDownload(App& app, Call& call);
Response ReportStylesheet(App& app,
                          Call& call);  // the embedded article's styles (CSP: no inline styles)
// The report in a format (path segment "pdf", "docx", ...) as a file download.
Response DownloadReport(App& app, const Call& call, const service::ReportView& view,
                        std::string_view format_name);

// Auditing published reports: the upload form, the uploaded batch's audit, a kept file's audit,
// saving it as the unit's report, and the kept file.
Response ReportAuditForm(App& app, Call& call);
Response AuditReportFiles(App& app, Call& call);
Response StoredReportAudit(App& app, Call& call);
Response SaveAuditedReport(App& app, Call& call);
Response ReportSourceFile(App& app, Call& call);

// Disclosure applications in the back office: the list (tabs, filters) and its CSV, registration,
// the case page and the steps taken on it, the handler's assignment and a fee quote.
Response ApplicationsPage(App& app, Call& call);
Response ApplicationsCsv(App& app, Call& call);
Response NewApplicationForm(App& app, Call& call);
Response RegisterApplication(App& app, Call& call);
Response ApplicationPage(App& app, Call& call);
Response RecordApplicationEvent(App& app, Call& call);
Response AssignApplication(App& app, Call& call);
Response QuoteApplicationFee(App& app, Call& call);
Response ApplicationLetter(App& app, Call& call);  // .../letters/{kind}/{seq}.{docx|pdf}
// Administrative review and litigation records.
Response ReviewCasesPage(App& app, Call& call);
Response CreateReviewCase(App& app, Call& call);
Response ReviewCasePage(App& app, Call& call);
Response UpdateReviewCase(App& app, Call& call);
// Table 二's records: the register of rules and normative documents, and the yearly decision and
// fee figures with their CSV import.
Response NormativeDocumentsPage(App& app, Call& call);
Response CreateNormativeDocument(App& app, Call& call);
Response NormativeDocumentPage(App& app, Call& call);
Response UpdateNormativeDocument(App& app, Call& call);
Response RepealNormativeDocument(App& app, Call& call);
Response DecisionFiguresPage(App& app, Call& call);
Response SaveDecisionFigures(App& app, Call& call);
Response ImportDecisionFigures(App& app, Call& call);
// The public: the application form on an agency's page, the query code after submitting, and
// following the case with it.
Response ApplyForm(App& app, Call& call);
Response SubmitApplication(App& app, Call& call);
Response AppliedPage(App& app, Call& call);
Response TrackForm(App& app, Call& call);
Response TrackApplication(App& app, Call& call);
Response PublicLetter(App& app, Call& call);  // a letter of the case, by query code

// Proactive disclosure (主动公开): the register, the draft form, the item page and its steps,
// channel records, staff downloads, the WeChat layout and the printable notice; the public item
// page and its attachments.
Response PublicationsPage(App& app, Call& call);
Response NewPublicationForm(App& app, Call& call);
Response CreatePublication(App& app, Call& call);
Response PublicationPage(App& app, Call& call);
Response EditPublicationForm(App& app, Call& call);
Response SavePublication(App& app, Call& call);
Response PublicationStep(App& app, Call& call);
Response RecordPublicationChannel(App& app, Call& call);
Response StaffPublicationFile(App& app, Call& call);
Response PublicationWechat(App& app, Call& call);
Response PublicationNoticePdf(App& app, Call& call);
Response PortalPublication(App& app, Call& call);
Response PortalPublicationFile(App& app, Call& call);

Response ApiHealth(App& app, Call& call);
Response ApiAgencies(App& app, Call& call);
Response ApiAgency(App& app, Call& call);
Response ApiReports(App& app, Call& call);
Response ApiReport(App& app, Call& call);

}  // namespace gongkai::web::handlers
