// The fixture of the service tests: a real SQLite store in a temp directory and a fake clock.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>

#include "service/platform.h"

// lhs = value of a Result, failing the test (and returning) when it is an error.
#define GK_T_CONCAT2(a, b) a##b
#define GK_T_CONCAT(a, b) GK_T_CONCAT2(a, b)
#define ASSERT_OK_AND_ASSIGN_T(lhs, expr)                                                       \
  auto GK_T_CONCAT(r_, __LINE__) = (expr);                                                      \
  ASSERT_TRUE(GK_T_CONCAT(r_, __LINE__).ok()) << GK_T_CONCAT(r_, __LINE__).status().ToString(); \
  lhs = std::move(GK_T_CONCAT(r_, __LINE__)).value()

namespace gongkai::service {

constexpr int64_t kStart = 1764316800;  // 2025-11-28T08:00:00Z

class ServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("gongkai-service-test-" +
            std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    PlatformOptions options;
    options.hasher = HasherOptions::FastForTests();
    auto p = OpenPlatform((dir_ / "test.db").string(), clock_, options);
    ASSERT_TRUE(p.ok()) << p.status().ToString();
    platform_ = std::move(p).value();
  }
  void TearDown() override {
    platform_.reset();
    std::filesystem::remove_all(dir_);
  }

  int64_t AddAgency(AgencyLevel level, std::optional<int64_t> parent, const std::string& name) {
    Agency a;
    a.level = level;
    a.parent_id = parent;
    a.name = name;
    auto id = platform_->agencies().Create(Actor::Cli(), a);
    EXPECT_TRUE(id.ok()) << id.status().ToString();
    return id.ok() ? *id : 0;
  }

  User AddUser(const std::string& name, Role role, int64_t agency) {
    auto id = platform_->users().Create(Actor::Cli(),
                                        {name, "测试用户", role, agency, "secret-password"});
    EXPECT_TRUE(id.ok()) << id.status().ToString();
    return platform_->users().Get(*id).value();
  }

  int64_t AuditCount() {
    auto v = platform_->audit().Verify();
    EXPECT_TRUE(v.ok());
    EXPECT_TRUE(v->ok()) << (v->problems.empty() ? "" : v->problems[0].what);
    return v->entries;
  }

  FakeClock clock_{kStart};
  std::filesystem::path dir_;
  std::unique_ptr<Platform> platform_;
};

}  // namespace gongkai::service
