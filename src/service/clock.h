// Clock: the only way code outside core learns the time. Core takes a Date; services take a Clock&,
// so tests pin the date and the time (architecture.md, "Time").
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>

#include "core/date.h"

namespace gongkai::service {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual std::chrono::system_clock::time_point Now() const = 0;

  int64_t NowSeconds() const;
  // The civil date in China (Asia/Shanghai is UTC+8 all year: China has no daylight saving time).
  Date Today() const;
  // UTC, RFC 3339 with milliseconds, e.g. 2026-11-28T06:50:23.123Z (the audit log's format).
  std::string NowRfc3339() const;
};

// A time as NowRfc3339 writes it.
std::string FormatRfc3339(std::chrono::system_clock::time_point t);

class SystemClock : public Clock {
 public:
  std::chrono::system_clock::time_point Now() const override {
    return std::chrono::system_clock::now();
  }
};

// A clock tests set by hand.
class FakeClock : public Clock {
 public:
  explicit FakeClock(int64_t unix_seconds) : seconds_(unix_seconds) {}
  std::chrono::system_clock::time_point Now() const override {
    return std::chrono::system_clock::time_point(std::chrono::seconds(seconds_.load()));
  }
  void Advance(int64_t seconds) { seconds_ += seconds; }

 private:
  std::atomic<int64_t> seconds_;
};

}  // namespace gongkai::service
