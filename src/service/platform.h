// Platform: the services wired to one store and one clock. The CLI and the web server each build
// one.
#pragma once

#include <memory>
#include <string>

#include "service/agency_service.h"
#include "service/application_service.h"
#include "service/audit_service.h"
#include "service/calendar_service.h"
#include "service/clock.h"
#include "service/crypto.h"
#include "service/disclosure_figures_service.h"
#include "service/report_audit_service.h"
#include "service/report_service.h"
#include "service/publication_service.h"
#include "service/review_case_service.h"
#include "service/session_service.h"
#include "service/user_service.h"
#include "storage/store.h"

namespace gongkai::service {

struct PlatformOptions {
  HasherOptions hasher;
  ThrottleOptions throttle;
  SessionOptions session;
  AuditLimits report_audit;
  io::PdfOptions pdf;  // how uploaded PDFs are read
  ApplicationLimits applications;
};

class Platform {
 public:
  Platform(std::unique_ptr<storage::Store> store, const Clock& clock, PlatformOptions options = {});

  storage::Store& store() { return *store_; }
  const Clock& clock() const { return clock_; }
  AgencyService& agencies() { return agencies_; }
  UserService& users() { return users_; }
  SessionService& sessions() { return sessions_; }
  CalendarService& calendar() { return calendar_; }
  AuditService& audit() { return audit_; }
  ReportService& reports() { return reports_; }
  ReportAuditService& report_audit() { return report_audit_; }
  ApplicationService& applications() { return applications_; }
  ReviewCaseService& review_cases() { return review_cases_; }
  PublicationService& publications() { return publications_; }
  DisclosureFiguresService& disclosure_figures() { return disclosure_figures_; }

 private:
  std::unique_ptr<storage::Store> store_;
  const Clock& clock_;
  PasswordHasher hasher_;
  AgencyService agencies_;
  UserService users_;
  SessionService sessions_;
  CalendarService calendar_;
  AuditService audit_;
  ReportService reports_;
  ReportAuditService report_audit_;
  ApplicationService applications_;
  ReviewCaseService review_cases_;
  PublicationService publications_;
  DisclosureFiguresService disclosure_figures_;
};

// Opens (and migrates) the database at url and wires the services.
Result<std::unique_ptr<Platform>> OpenPlatform(const std::string& url, const Clock& clock,
                                               PlatformOptions options = {});

}  // namespace gongkai::service
