#include "service/platform.h"

namespace gongkai::service {

Platform::Platform(std::unique_ptr<storage::Store> store, const Clock& clock,
                   PlatformOptions options)
    : store_(std::move(store)),
      clock_(clock),
      hasher_(options.hasher),
      agencies_(*store_, clock_),
      users_(*store_, clock_, hasher_, options.throttle),
      sessions_(*store_, clock_, options.session),
      calendar_(*store_, clock_),
      audit_(*store_),
      reports_(*store_, clock_),
      report_audit_(*store_, clock_, reports_, options.report_audit, options.pdf),
      applications_(*store_, clock_, calendar_, options.applications),
      review_cases_(*store_, clock_),
      publications_(*store_, clock_, calendar_),
      disclosure_figures_(*store_, clock_) {}

Result<std::unique_ptr<Platform>> OpenPlatform(const std::string& url, const Clock& clock,
                                               PlatformOptions options) {
  GK_RETURN_IF_ERROR(InitCrypto());
  GK_ASSIGN_OR_RETURN(std::unique_ptr<storage::Store> store, storage::OpenStore(url));
  return std::make_unique<Platform>(std::move(store), clock, options);
}

}  // namespace gongkai::service
