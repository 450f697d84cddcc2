// serve: the web server (portal, back office, JSON API).
#include <signal.h>
#include <spdlog/spdlog.h>

#include <iostream>

#include "assets/assets.h"
#include "cli/common.h"
#include "service/demo.h"
#include "web/app/app.h"
#include "web/http/server.h"

namespace gongkai::cli {

namespace {

std::string ContentTypeFor(std::string_view path) {
  if (path.ends_with(".css")) return "text/css; charset=utf-8";
  if (path.ends_with(".js")) return "text/javascript; charset=utf-8";
  if (path.ends_with(".svg")) return "image/svg+xml";
  if (path.ends_with(".png")) return "image/png";
  if (path.ends_with(".ico")) return "image/x-icon";
  if (path.ends_with(".txt")) return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

web::StaticAssets BuildStaticAssets() {
  web::StaticAssets out;
  for (const auto& f : assets::StaticFiles()) {
    out[std::string(f.path)] = web::MakeStaticAsset(ContentTypeFor(f.path), std::string(f.data));
  }
  return out;
}

struct ServeArgs {
  web::ServerOptions server;
  bool secure_cookies = false;
  bool demo = false;
  std::string trusted_proxy;
  std::string public_url;
  size_t page_cache_mb = 64;
};

}  // namespace

void AddServeCommand(CLI::App& app, int* exit_code) {
  static ServeArgs args;
  auto* serve = app.add_subcommand("serve", "Run the web server: portal, back office and JSON API");
  serve->add_option("--host", args.server.host, "Address to listen on");
  serve->add_option("--port", args.server.port, "Port (0: any free port)");
  serve->add_option("--io-threads", args.server.io_threads, "Threads for network I/O")
      ->check(CLI::Range(1, 64));
  serve
      ->add_option("--workers", args.server.worker_threads,
                   "Threads for handlers that use the database")
      ->check(CLI::Range(1, 256));
  serve->add_flag("--secure-cookies", args.secure_cookies,
                  "Mark cookies Secure (when behind HTTPS)");
  serve->add_option(
      "--trusted-proxy", args.trusted_proxy,
      "Address of the reverse proxy whose X-Real-IP header names the client (e.g. 127.0.0.1)");
  serve->add_option("--public-url", args.public_url,
                    "The site's public address for absolute links in feeds, e.g. "
                    "https://gongkai.example.gov.cn (default: from the request's Host header)");
  serve
      ->add_option("--page-cache-mb", args.page_cache_mb,
                   "Memory for rendered public pages (0: no page cache)")
      ->check(CLI::Range(0, 4096));
  serve->add_flag("--demo", args.demo, "Load the demo data first if the database is empty");
  serve->add_flag("!--no-access-log", args.server.access_log, "Do not log every request");
  serve->callback([exit_code] {
    // Block the stop signals in every thread; the main thread waits for them below.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    Status st;
    auto p = OpenOrReport(&st);
    if (!p) return void(*exit_code = ExitCodeFor(st.code()));
    st = LoadBundledCalendars(*p, true);
    if (!st.ok()) return void(*exit_code = Fail(st));
    bool seeded = false;
    if (args.demo) {
      auto r = service::SeedDemo(*p, {});
      seeded = r.ok();
      if (!r.ok() && r.status().code() != StatusCode::kFailedPrecondition)
        return void(*exit_code = Fail(r.status()));
    }
    web::App web_app(*p, {.secure_cookies = args.secure_cookies,
                          .trusted_proxy = args.trusted_proxy,
                          .public_url = args.public_url,
                          .page_cache_bytes = args.page_cache_mb << 20});
    web::Router router = web::BuildRouter(web_app);
    web::StaticAssets static_assets = BuildStaticAssets();
    web::HttpServer server(args.server, router, &static_assets);
    st = server.Start();
    if (!st.ok()) {
      st.Annotate("listening on " + args.server.host + ":" + std::to_string(args.server.port),
                  "监听端口");
      return void(*exit_code = Fail(st));
    }
    std::cout << "gongkai is running at http://" << args.server.host << ":" << server.port()
              << "/\n"
              << "  database: " << DatabaseUrl() << (seeded ? " (demo data loaded now)" : "")
              << "\n"
              << "  back office: http://" << args.server.host << ":" << server.port() << "/login\n";
    if (args.demo) {
      std::cout << "Demo accounts (password for all: " << service::kDemoPassword << "):\n";
      for (const auto& a : service::DemoAccounts()) {
        std::cout << "  " << a.username << "  " << a.role_label << "  " << a.agency_name << "\n";
      }
    }
    std::cout << "Press Ctrl-C to stop." << std::endl;
    int sig = 0;
    sigwait(&signals, &sig);
    spdlog::info("signal {} received, stopping", sig);
    server.Stop();
  });
}

}  // namespace gongkai::cli
