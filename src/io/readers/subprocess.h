// Running a helper program (pdftotext) on untrusted input: no shell, a wall-clock timeout that
// kills the program's whole process group, resource limits set in the child, a cap on the output
// kept, and no inherited file descriptors. Exit, signal, timeout and "could not start" are told
// apart so the caller can word its own reason.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace gongkai::io {

struct SubprocessLimits {
  int timeout_ms = 10000;                // wall clock, from fork to the last byte read
  size_t max_output_bytes = 16u << 20;   // stdout beyond this kills the child (kOutputTooLarge)
  size_t max_stderr_bytes = 64u << 10;   // stderr beyond this is dropped, the child goes on
  size_t max_memory_bytes = 512u << 20;  // RLIMIT_AS; 0 leaves it as inherited
  int max_cpu_seconds = 0;               // RLIMIT_CPU; 0 derives it from timeout_ms
  size_t max_file_bytes = 0;             // RLIMIT_FSIZE: 0 forbids writing regular files
  int max_open_files = 64;               // RLIMIT_NOFILE
};

enum class SubprocessOutcome {
  kExited,          // exit_code is set
  kSignaled,        // signal is set (a crash, or RLIMIT_CPU/RLIMIT_FSIZE)
  kTimedOut,        // killed after timeout_ms
  kOutputTooLarge,  // killed when stdout passed max_output_bytes
  kCannotRun,       // exec failed; exec_errno says why (ENOENT: no such program)
};

struct SubprocessResult {
  SubprocessOutcome outcome = SubprocessOutcome::kExited;
  int exit_code = -1;
  int signal = 0;
  int exec_errno = 0;
  std::string out;  // stdout, at most max_output_bytes
  std::string err;  // stderr, at most max_stderr_bytes
  int64_t elapsed_ms = 0;
};

// Runs argv[0] (a path, or a name looked up in $PATH) with argv, without a shell, in its own
// process group. stdin_bytes is the child's stdin (served from an anonymous file, so a child that
// does not read it cannot block us); empty means /dev/null. The environment is inherited.
// Errors (Status) are reserved for failures of this process (pipe, fork); everything the child
// does is a SubprocessResult. Safe to call from several threads at once.
Result<SubprocessResult> RunSubprocess(const std::vector<std::string>& argv,
                                       std::string_view stdin_bytes,
                                       const SubprocessLimits& limits);

// A private file under $TMPDIR (else /tmp) holding some bytes, for programs that want a file name
// rather than stdin; removed when this object goes away, on every path.
class TempFile {
 public:
  // prefix: the start of the file name, e.g. "gongkai-pdf-".
  static Result<TempFile> Create(std::string_view prefix, std::string_view bytes);
  TempFile(TempFile&& other) noexcept;
  TempFile& operator=(TempFile&& other) noexcept;
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  ~TempFile();

  const std::string& path() const { return path_; }

 private:
  explicit TempFile(std::string path) : path_(std::move(path)) {}
  std::string path_;  // empty after a move
};

}  // namespace gongkai::io
