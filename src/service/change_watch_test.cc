#include "service/change_watch.h"

#include <gtest/gtest.h>

#include "service/service_fixture_test.h"

namespace gongkai::service {
namespace {

// A clock the test moves by hand.
struct ManualClock {
  std::chrono::steady_clock::time_point now{};
  ChangeWatch::Now fn() {
    return [this] { return now; };
  }
};

class ChangeWatchTest : public ServiceTest {};

TEST_F(ChangeWatchTest, MovesOnEveryCommitOfThisProcessAndPeeksOnlyWhatItKnows) {
  ManualClock clock;
  ChangeWatch watch(platform_->store(), std::chrono::seconds(1), clock.fn());
  EXPECT_FALSE(watch.Peek());  // the head was never read: only Current() may say
  const uint64_t first = watch.Current();
  ASSERT_TRUE(watch.Peek());
  EXPECT_EQ(*watch.Peek(), first);

  AddAgency(AgencyLevel::kDistrict, std::nullopt, "湖滨区人民政府");  // an audited commit
  EXPECT_FALSE(watch.Peek());  // a commit of ours: the next answer must be newer
  const uint64_t second = watch.Current();
  EXPECT_GT(second, first);
  EXPECT_EQ(watch.Peek(), second);
  EXPECT_EQ(watch.Current(), second);  // nothing changed since

  clock.now += std::chrono::seconds(2);  // the stored head is due to be read again
  EXPECT_FALSE(watch.Peek());
  EXPECT_EQ(watch.Current(), second);  // read, unchanged
  EXPECT_EQ(watch.Peek(), second);
}

TEST_F(ChangeWatchTest, NoticesAnotherServersWriteThroughTheStoredHead) {
  const int64_t district = AddAgency(AgencyLevel::kDistrict, std::nullopt, "湖滨区人民政府");
  ManualClock clock;
  ChangeWatch watch(platform_->store(), std::chrono::seconds(1), clock.fn());
  const uint64_t first = watch.Current();
  // Another process writes to the same database: this store's commit counter does not move.
  {
    PlatformOptions options;
    options.hasher = HasherOptions::FastForTests();
    auto other = OpenPlatform((dir_ / "test.db").string(), clock_, options);
    ASSERT_TRUE(other.ok()) << other.status().ToString();
    Agency a;
    a.name = "交口乡人民政府";
    a.level = AgencyLevel::kTownship;
    a.parent_id = district;
    ASSERT_TRUE((*other)->agencies().Create(Actor::Cli(), a).ok());
  }
  EXPECT_EQ(watch.Current(), first);  // within the interval: not read yet
  clock.now += std::chrono::milliseconds(1001);
  EXPECT_GT(watch.Current(), first);
}

}  // namespace
}  // namespace gongkai::service
