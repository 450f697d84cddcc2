#include "io/readers/subprocess.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <utility>

extern char** environ;

namespace gongkai::io {
namespace {

using Clock = std::chrono::steady_clock;

std::string ErrnoText(int err) { return std::strerror(err); }

// An owned file descriptor.
class Fd {
 public:
  Fd() = default;
  explicit Fd(int fd) : fd_(fd) {}
  Fd(Fd&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  Fd& operator=(Fd&& other) noexcept {
    if (this != &other) Reset(std::exchange(other.fd_, -1));
    return *this;
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() { Reset(); }

  int get() const { return fd_; }
  bool valid() const { return fd_ >= 0; }
  void Reset(int fd = -1) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = fd;
  }

 private:
  int fd_ = -1;
};

// Moves fd to a number above stdin/stdout/stderr (close-on-exec), so that the child's dup2 onto
// 0..2 can never overwrite another of our descriptors when this process runs with 0..2 closed.
Fd AboveStdio(Fd fd) {
  if (!fd.valid() || fd.get() > 2) return fd;
  return Fd(::fcntl(fd.get(), F_DUPFD_CLOEXEC, 3));
}

Status SysError(std::string_view what, int err) {
  return Internal(std::string(what) + ": " + ErrnoText(err), "无法启动外部程序");
}

struct Pipe {
  Fd read;
  Fd write;
};

Result<Pipe> MakePipe() {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return SysError("pipe2", errno);
  Pipe p{AboveStdio(Fd(fds[0])), AboveStdio(Fd(fds[1]))};
  if (!p.read.valid() || !p.write.valid()) return SysError("fcntl", errno);
  return p;
}

Status WriteAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return SysError("write", errno);
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return OkStatus();
}

// The child's stdin: an anonymous in-memory file rather than a pipe, so we never block writing to
// a child that does not read and never meet SIGPIPE.
Result<Fd> StdinFor(std::string_view bytes) {
  if (bytes.empty()) return AboveStdio(Fd(::open("/dev/null", O_RDONLY | O_CLOEXEC)));
  Fd fd(::memfd_create("gongkai-stdin", MFD_CLOEXEC));
  if (!fd.valid()) return SysError("memfd_create", errno);
  GK_RETURN_IF_ERROR(WriteAll(fd.get(), bytes));
  if (::lseek(fd.get(), 0, SEEK_SET) != 0) return SysError("lseek", errno);
  return AboveStdio(std::move(fd));
}

bool IsExecutableFile(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::access(path.c_str(), X_OK) == 0;
}

// The $PATH search happens here, before fork: execvp is not async-signal-safe. Empty when not
// found.
std::string FindProgram(const std::string& name) {
  if (name.find('/') != std::string::npos) return name;
  const char* env = std::getenv("PATH");
  std::string_view path = env && *env ? env : "/usr/local/bin:/usr/bin:/bin";
  while (true) {
    size_t colon = path.find(':');
    std::string dir(path.substr(0, colon));
    std::string candidate = (dir.empty() ? "." : dir) + "/" + name;
    if (IsExecutableFile(candidate)) return candidate;
    if (colon == std::string_view::npos) return "";
    path.remove_prefix(colon + 1);
  }
}

// A limit no higher than the current hard limit: an unprivileged process may only lower it.
struct rlimit CappedLimit(int resource, rlim_t soft, rlim_t hard) {
  struct rlimit now;
  if (::getrlimit(resource, &now) != 0) now.rlim_max = RLIM_INFINITY;
  if (now.rlim_max != RLIM_INFINITY) hard = std::min(hard, now.rlim_max);
  return {std::min(soft, hard), hard};
}

// Everything the child needs, prepared before fork: after fork in a threaded process the child
// may only call async-signal-safe functions, so no allocation there.
struct ChildPlan {
  std::string program;
  std::vector<char*> argv;
  int stdin_fd = -1;
  int stdout_fd = -1;
  int stderr_fd = -1;
  int status_fd = -1;  // close-on-exec pipe: receives errno if exec (or a limit) fails
  std::vector<std::pair<int, struct rlimit>> limits;
  long max_fd = 1024;  // for marking fds close-on-exec when close_range is unavailable
};

std::vector<std::pair<int, struct rlimit>> PlanLimits(const SubprocessLimits& l) {
  std::vector<std::pair<int, struct rlimit>> out;
  if (l.max_memory_bytes > 0) {
    out.emplace_back(RLIMIT_AS, CappedLimit(RLIMIT_AS, l.max_memory_bytes, l.max_memory_bytes));
  }
  // The CPU limit backs up the wall-clock timeout (SIGXCPU at the soft limit, SIGKILL a second
  // later) in case this process dies and cannot kill the child itself.
  rlim_t cpu = l.max_cpu_seconds > 0 ? l.max_cpu_seconds : (l.timeout_ms + 999) / 1000 + 1;
  out.emplace_back(RLIMIT_CPU, CappedLimit(RLIMIT_CPU, cpu, cpu + 1));
  out.emplace_back(RLIMIT_FSIZE, CappedLimit(RLIMIT_FSIZE, l.max_file_bytes, l.max_file_bytes));
  rlim_t files = std::max(l.max_open_files, 4);
  out.emplace_back(RLIMIT_NOFILE, CappedLimit(RLIMIT_NOFILE, files, files));
  out.emplace_back(RLIMIT_CORE, CappedLimit(RLIMIT_CORE, 0, 0));  // no core dumps of hostile input
  return out;
}

[[noreturn]] void FailInChild(int status_fd, int err) {
  ssize_t ignored = ::write(status_fd, &err, sizeof err);
  (void)ignored;
  ::_exit(127);
}

// Runs in the child between fork and exec: async-signal-safe calls only.
[[noreturn]] void ExecChild(const ChildPlan& plan) {
  ::setpgid(0, 0);  // its own group, so a timeout kills whatever it started too
  // Dispositions set to "ignore" and blocked signals survive exec; a helper must start clean.
  struct sigaction dfl;
  std::memset(&dfl, 0, sizeof dfl);
  dfl.sa_handler = SIG_DFL;
  for (int sig = 1; sig < NSIG; ++sig) ::sigaction(sig, &dfl, nullptr);
  sigset_t none;
  ::sigemptyset(&none);
  ::sigprocmask(SIG_SETMASK, &none, nullptr);

  if (::dup2(plan.stdin_fd, 0) < 0 || ::dup2(plan.stdout_fd, 1) < 0 ||
      ::dup2(plan.stderr_fd, 2) < 0) {
    FailInChild(plan.status_fd, errno);
  }
  // Nothing else this process had open may reach the program (sockets, the database).
  if (::close_range(3, ~0U, CLOSE_RANGE_CLOEXEC) != 0) {
    for (int fd = 3; fd < plan.max_fd; ++fd) ::fcntl(fd, F_SETFD, FD_CLOEXEC);
  }
  for (const auto& [resource, limit] : plan.limits) {
    if (::setrlimit(resource, &limit) != 0) FailInChild(plan.status_fd, errno);
  }
  ::execve(plan.program.c_str(), plan.argv.data(), environ);
  FailInChild(plan.status_fd, errno);
}

// Reads what is ready on fd into out, keeping at most cap bytes. Returns false at end of file.
// *overflow is set when bytes beyond cap arrived.
bool Drain(int fd, std::string& out, size_t cap, bool* overflow) {
  char buf[65536];
  while (true) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return errno == EAGAIN || errno == EWOULDBLOCK;
    if (n == 0) return false;
    size_t room = cap - std::min(cap, out.size());
    out.append(buf, std::min(room, static_cast<size_t>(n)));
    if (static_cast<size_t>(n) > room) *overflow = true;
    return true;
  }
}

// Has the child ended? Looks without reaping it, so its pid (and process group id) stay reserved
// while we kill what is left of the group.
bool HasEnded(pid_t pid) {
  siginfo_t info;
  std::memset(&info, 0, sizeof info);
  while (::waitid(P_PID, pid, &info, WEXITED | WNOHANG | WNOWAIT) != 0) {
    if (errno != EINTR) return true;  // ECHILD: nothing left to wait for
  }
  return info.si_pid == pid;
}

// A descriptor that polls readable when the child ends (Linux 5.3+). Through syscall(): glibc
// 2.36's <sys/pidfd.h> lacks extern "C".
Fd PidFd(pid_t pid) { return Fd(static_cast<int>(::syscall(SYS_pidfd_open, pid, 0))); }

int WaitFor(pid_t pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return status;
}

// Whether exec succeeded: the status pipe closes on exec, or carries the child's errno.
int ReadExecErrno(int status_fd) {
  int err = 0;
  ssize_t n;
  do {
    n = ::read(status_fd, &err, sizeof err);
  } while (n < 0 && errno == EINTR);
  return n == static_cast<ssize_t>(sizeof err) ? err : 0;
}

struct Watch {
  pid_t pid;
  Fd out;
  Fd err;
  Fd pidfd;  // readable when the child ends; invalid on kernels without pidfd_open
};

enum class Stop { kEnded, kTimedOut, kTooLarge };

// Collects stdout and stderr until the child has ended and both pipes are closed, or until the
// deadline or the output cap stops it.
Stop Collect(Watch& w, Clock::time_point deadline, const SubprocessLimits& limits,
             SubprocessResult& result) {
  bool ended = false;
  while (true) {
    if (!ended && HasEnded(w.pid)) {
      ended = true;
      ::kill(-w.pid, SIGKILL);  // whatever it left running would hold our pipes open
    }
    if (ended && !w.out.valid() && !w.err.valid()) return Stop::kEnded;
    auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (left <= 0) return Stop::kTimedOut;

    pollfd fds[3];
    nfds_t n = 0;
    if (w.out.valid()) fds[n++] = {w.out.get(), POLLIN, 0};
    if (w.err.valid()) fds[n++] = {w.err.get(), POLLIN, 0};
    if (!ended && w.pidfd.valid()) fds[n++] = {w.pidfd.get(), POLLIN, 0};
    // Without a pidfd the end of a child that closed its pipes early is only seen by looking.
    int wait_ms = static_cast<int>(std::min<int64_t>(left, ended || w.pidfd.valid() ? left : 10));
    int ready = ::poll(fds, n, wait_ms);
    if (ready < 0) continue;  // EINTR; the deadline is checked above
    for (nfds_t i = 0; i < n; ++i) {
      if (fds[i].revents == 0 || fds[i].fd == w.pidfd.get()) continue;
      bool overflow = false;
      bool is_out = fds[i].fd == w.out.get();
      bool open = is_out ? Drain(fds[i].fd, result.out, limits.max_output_bytes, &overflow)
                         : Drain(fds[i].fd, result.err, limits.max_stderr_bytes, &overflow);
      if (is_out && overflow) return Stop::kTooLarge;
      if (!open) (is_out ? w.out : w.err).Reset();
    }
  }
}

}  // namespace

Result<SubprocessResult> RunSubprocess(const std::vector<std::string>& argv,
                                       std::string_view stdin_bytes,
                                       const SubprocessLimits& limits) {
  if (argv.empty() || argv[0].empty()) {
    return InvalidArgument("RunSubprocess: no program given", "未指定外部程序");
  }
  if (limits.timeout_ms <= 0) {
    return InvalidArgument("RunSubprocess: the timeout must be positive", "超时时间必须为正数");
  }
  auto start = Clock::now();
  SubprocessResult result;
  ChildPlan plan;
  plan.program = FindProgram(argv[0]);
  if (plan.program.empty()) {
    result.outcome = SubprocessOutcome::kCannotRun;
    result.exec_errno = ENOENT;
    return result;
  }
  for (const auto& arg : argv) plan.argv.push_back(const_cast<char*>(arg.c_str()));
  plan.argv.push_back(nullptr);
  plan.limits = PlanLimits(limits);
  plan.max_fd = std::clamp(::sysconf(_SC_OPEN_MAX), 256L, 65536L);

  GK_ASSIGN_OR_RETURN(Fd in, StdinFor(stdin_bytes));
  if (!in.valid()) return SysError("open stdin", errno);
  GK_ASSIGN_OR_RETURN(Pipe out, MakePipe());
  GK_ASSIGN_OR_RETURN(Pipe err, MakePipe());
  GK_ASSIGN_OR_RETURN(Pipe status, MakePipe());
  plan.stdin_fd = in.get();
  plan.stdout_fd = out.write.get();
  plan.stderr_fd = err.write.get();
  plan.status_fd = status.write.get();

  pid_t pid = ::fork();
  if (pid < 0) return SysError("fork", errno);
  if (pid == 0) ExecChild(plan);

  ::setpgid(pid, pid);  // also here, so the group exists before we may need to kill it
  in.Reset();
  out.write.Reset();
  err.write.Reset();
  status.write.Reset();
  if (int exec_errno = ReadExecErrno(status.read.get()); exec_errno != 0) {
    WaitFor(pid);
    result.outcome = SubprocessOutcome::kCannotRun;
    result.exec_errno = exec_errno;
    return result;
  }

  Watch watch{pid, std::move(out.read), std::move(err.read), PidFd(pid)};
  ::fcntl(watch.out.get(), F_SETFL, O_NONBLOCK);
  ::fcntl(watch.err.get(), F_SETFL, O_NONBLOCK);
  Stop stop = Collect(watch, start + std::chrono::milliseconds(limits.timeout_ms), limits, result);
  if (stop != Stop::kEnded) ::kill(-pid, SIGKILL);
  int wstatus = WaitFor(pid);
  result.elapsed_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();

  if (stop == Stop::kTimedOut) {
    result.outcome = SubprocessOutcome::kTimedOut;
  } else if (stop == Stop::kTooLarge) {
    result.outcome = SubprocessOutcome::kOutputTooLarge;
  } else if (WIFEXITED(wstatus)) {
    result.outcome = SubprocessOutcome::kExited;
    result.exit_code = WEXITSTATUS(wstatus);
  } else {
    result.outcome = SubprocessOutcome::kSignaled;
    result.signal = WIFSIGNALED(wstatus) ? WTERMSIG(wstatus) : 0;
  }
  return result;
}

Result<TempFile> TempFile::Create(std::string_view prefix, std::string_view bytes) {
  const char* dir = std::getenv("TMPDIR");
  std::string path = std::string(dir && *dir ? dir : "/tmp") + "/" + std::string(prefix) + "XXXXXX";
  Fd fd(::mkostemp(path.data(), O_CLOEXEC));  // mode 0600: private to this user
  if (!fd.valid()) {
    int e = errno;
    return Unavailable("cannot create a temporary file " + path + ": " + ErrnoText(e),
                       "无法创建临时文件");
  }
  TempFile file(path);  // from here on the destructor removes it
  if (Status st = WriteAll(fd.get(), bytes); !st.ok()) {
    return Unavailable("cannot write the temporary file " + path + ": " + st.message(),
                       "无法写入临时文件");
  }
  return file;
}

TempFile::TempFile(TempFile&& other) noexcept : path_(std::exchange(other.path_, {})) {}

TempFile& TempFile::operator=(TempFile&& other) noexcept {
  if (this != &other) {
    if (!path_.empty()) ::unlink(path_.c_str());
    path_ = std::exchange(other.path_, {});
  }
  return *this;
}

TempFile::~TempFile() {
  if (!path_.empty()) ::unlink(path_.c_str());
}

}  // namespace gongkai::io
