#include "io/readers/subprocess.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <cerrno>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

namespace gongkai::io {
namespace {

SubprocessResult RunOk(const std::vector<std::string>& argv, std::string_view in = "",
                       const SubprocessLimits& limits = {}) {
  auto r = RunSubprocess(argv, in, limits);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? std::move(r).value() : SubprocessResult{};
}

// A process that is gone or a zombie waiting for init to reap it: either way it no longer runs.
bool IsGone(pid_t pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  if (!std::getline(stat, line)) return true;
  size_t paren = line.rfind(')');
  return paren != std::string::npos && line.size() > paren + 2 && line[paren + 2] == 'Z';
}

bool BecomesGone(pid_t pid) {
  for (int i = 0; i < 200; ++i) {
    if (IsGone(pid)) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return false;
}

TEST(SubprocessTest, PassesStdinAndCapturesStdout) {
  auto r = RunOk({"cat"}, "hello\n");
  EXPECT_EQ(r.outcome, SubprocessOutcome::kExited);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "hello\n");
  EXPECT_EQ(r.err, "");
}

TEST(SubprocessTest, LargeStdinAndStdoutDoNotDeadlock) {
  std::string big(3u << 20, 'x');
  for (size_t i = 0; i < big.size(); i += 997) big[i] = '\n';
  auto r = RunOk({"cat"}, big);
  EXPECT_EQ(r.outcome, SubprocessOutcome::kExited);
  EXPECT_EQ(r.out, big);
}

TEST(SubprocessTest, ArgumentsAreNotInterpretedByAShell) {
  auto r = RunOk({"echo", "$HOME", "a;b", "`id`"});
  EXPECT_EQ(r.out, "$HOME a;b `id`\n");
}

TEST(SubprocessTest, ReportsExitCodeAndStderr) {
  auto r = RunOk({"/bin/sh", "-c", "echo oops >&2; exit 3"});
  EXPECT_EQ(r.outcome, SubprocessOutcome::kExited);
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.err, "oops\n");
}

TEST(SubprocessTest, ReportsTheSignalThatEndedIt) {
  auto r = RunOk({"/bin/sh", "-c", "kill -SEGV $$"});
  EXPECT_EQ(r.outcome, SubprocessOutcome::kSignaled);
  EXPECT_EQ(r.signal, SIGSEGV);
}

TEST(SubprocessTest, MissingProgramCannotRun) {
  auto by_path = RunOk({"/nonexistent/gongkai-no-such-program"});
  EXPECT_EQ(by_path.outcome, SubprocessOutcome::kCannotRun);
  EXPECT_EQ(by_path.exec_errno, ENOENT);
  auto by_name = RunOk({"gongkai-no-such-program"});
  EXPECT_EQ(by_name.outcome, SubprocessOutcome::kCannotRun);
  EXPECT_EQ(by_name.exec_errno, ENOENT);
}

TEST(SubprocessTest, NonExecutableFileCannotRun) {
  auto file = TempFile::Create("gongkai-subprocess-test-", "#!/bin/sh\necho hi\n");
  ASSERT_TRUE(file.ok());
  auto r = RunOk({file->path()});
  EXPECT_EQ(r.outcome, SubprocessOutcome::kCannotRun);
  EXPECT_EQ(r.exec_errno, EACCES);
}

TEST(SubprocessTest, RefusesNoProgramAndNoTimeout) {
  EXPECT_EQ(RunSubprocess({}, "", {}).status().code(), StatusCode::kInvalidArgument);
  SubprocessLimits no_timeout;
  no_timeout.timeout_ms = 0;
  EXPECT_EQ(RunSubprocess({"true"}, "", no_timeout).status().code(), StatusCode::kInvalidArgument);
}

TEST(SubprocessTest, TimeoutKillsTheWholeGroupQuickly) {
  SubprocessLimits limits;
  limits.timeout_ms = 300;
  // The shell prints the pid of a background sleep, then waits: both must die at the timeout.
  auto r = RunOk({"/bin/sh", "-c", "sleep 30 & echo $!; wait"}, "", limits);
  EXPECT_EQ(r.outcome, SubprocessOutcome::kTimedOut);
  EXPECT_GE(r.elapsed_ms, 300);
  EXPECT_LT(r.elapsed_ms, 3000);
  pid_t grandchild = std::atoi(r.out.c_str());
  ASSERT_GT(grandchild, 0) << r.out;
  EXPECT_TRUE(BecomesGone(grandchild));
}

TEST(SubprocessTest, LeftoverBackgroundProcessesAreKilledWhenItExits) {
  // The background sleep inherits stdout; without killing it we would wait for the timeout.
  auto r = RunOk({"/bin/sh", "-c", "sleep 30 & echo $!"});
  EXPECT_EQ(r.outcome, SubprocessOutcome::kExited);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_LT(r.elapsed_ms, 3000);
  pid_t grandchild = std::atoi(r.out.c_str());
  ASSERT_GT(grandchild, 0) << r.out;
  EXPECT_TRUE(BecomesGone(grandchild));
}

TEST(SubprocessTest, ChildThatClosesItsPipesIsStillTimedOut) {
  SubprocessLimits limits;
  limits.timeout_ms = 300;
  auto r = RunOk({"/bin/sh", "-c", "exec >&- 2>&-; sleep 30"}, "", limits);
  EXPECT_EQ(r.outcome, SubprocessOutcome::kTimedOut);
  EXPECT_LT(r.elapsed_ms, 3000);
}

TEST(SubprocessTest, OutputCapStopsTheChild) {
  SubprocessLimits limits;
  limits.max_output_bytes = 1000;
  auto r = RunOk({"yes"}, "", limits);
  EXPECT_EQ(r.outcome, SubprocessOutcome::kOutputTooLarge);
  EXPECT_EQ(r.out.size(), 1000u);
  EXPECT_LT(r.elapsed_ms, 3000);

  auto exact = RunOk({"head", "-c", "1000", "/dev/zero"}, "", limits);
  EXPECT_EQ(exact.outcome, SubprocessOutcome::kExited);
  EXPECT_EQ(exact.out.size(), 1000u);
}

TEST(SubprocessTest, StderrBeyondItsCapIsDropped) {
  SubprocessLimits limits;
  limits.max_stderr_bytes = 100;
  auto r = RunOk({"/bin/sh", "-c", "head -c 200000 /dev/zero >&2; echo done"}, "", limits);
  EXPECT_EQ(r.outcome, SubprocessOutcome::kExited);
  EXPECT_EQ(r.err.size(), 100u);
  EXPECT_EQ(r.out, "done\n");
}

TEST(SubprocessTest, InheritedDescriptorsAreClosed) {
  int fd = ::open("/dev/null", O_RDONLY);  // deliberately without O_CLOEXEC
  ASSERT_GE(fd, 0);
  int high = ::fcntl(fd, F_DUPFD, 100);
  ASSERT_GE(high, 100);
  auto r = RunOk({"ls", "/proc/self/fd"});
  ::close(fd);
  ::close(high);
  EXPECT_EQ(r.outcome, SubprocessOutcome::kExited);
  std::istringstream listed(r.out);
  std::string entry;
  while (listed >> entry) EXPECT_LE(std::stoi(entry), 3) << r.out;  // 0-2 and ls's own dir fd
}

TEST(SubprocessTest, ResourceLimitsAreSetInTheChild) {
  SubprocessLimits limits;
  limits.max_memory_bytes = 256u << 20;
  limits.max_cpu_seconds = 7;
  limits.max_open_files = 32;
  auto r =
      RunOk({"/bin/sh", "-c", "ulimit -v; ulimit -t; ulimit -f; ulimit -n; ulimit -c"}, "", limits);
  EXPECT_EQ(r.outcome, SubprocessOutcome::kExited) << r.err;
  EXPECT_EQ(r.out, "262144\n7\n0\n32\n0\n");
}

TEST(SubprocessTest, WritingFilesIsForbiddenByDefault) {
  auto target = std::filesystem::temp_directory_path() / "gongkai-subprocess-fsize-test";
  auto r = RunOk({"dd", "if=/dev/zero", "of=" + target.string(), "bs=1", "count=10"});
  std::filesystem::remove(target);
  EXPECT_EQ(r.outcome, SubprocessOutcome::kSignaled);
  EXPECT_EQ(r.signal, SIGXFSZ);
}

TEST(SubprocessTest, CpuLimitBacksUpTheTimeout) {
  SubprocessLimits limits;
  limits.max_cpu_seconds = 1;
  auto r = RunOk({"/bin/sh", "-c", "while :; do :; done"}, "", limits);
  EXPECT_EQ(r.outcome, SubprocessOutcome::kSignaled);
  EXPECT_TRUE(r.signal == SIGXCPU || r.signal == SIGKILL) << r.signal;
}

TEST(SubprocessTest, IgnoredSignalsAreResetInTheChild) {
  struct sigaction ignore = {}, old = {};
  ignore.sa_handler = SIG_IGN;
  ::sigaction(SIGTERM, &ignore, &old);
  auto r = RunOk({"/bin/sh", "-c", "kill -TERM $$; echo survived"});
  ::sigaction(SIGTERM, &old, nullptr);
  EXPECT_EQ(r.outcome, SubprocessOutcome::kSignaled) << r.out;
  EXPECT_EQ(r.signal, SIGTERM);
}

TEST(SubprocessTest, ConcurrentRunsKeepTheirOwnOutput) {
  std::vector<std::thread> threads;
  std::vector<std::string> outputs(8);
  for (size_t i = 0; i < outputs.size(); ++i) {
    threads.emplace_back([&outputs, i] {
      auto r = RunSubprocess({"cat"}, std::string(100000 + i, static_cast<char>('a' + i)), {});
      if (r.ok()) outputs[i] = std::move(r->out);
    });
  }
  for (auto& t : threads) t.join();
  for (size_t i = 0; i < outputs.size(); ++i) {
    EXPECT_EQ(outputs[i], std::string(100000 + i, static_cast<char>('a' + i)));
  }
}

TEST(SubprocessTempFileTest, HoldsTheBytesPrivatelyAndIsRemovedAfterUse) {
  std::string path;
  {
    auto file = TempFile::Create("gongkai-tempfile-test-", "some bytes");
    ASSERT_TRUE(file.ok()) << file.status().ToString();
    path = file->path();
    EXPECT_NE(path.find("gongkai-tempfile-test-"), std::string::npos);
    struct stat st;
    ASSERT_EQ(::stat(path.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    std::ifstream in(path);
    std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(content, "some bytes");

    TempFile moved = std::move(file).value();
    EXPECT_TRUE(std::filesystem::exists(path));
  }
  EXPECT_FALSE(std::filesystem::exists(path));
}

}  // namespace
}  // namespace gongkai::io
