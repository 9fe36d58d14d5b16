// Test-only: runs a program (usually build/shipshape) without a shell, with its output captured in
// files, a kill-after deadline, and optionally as another user, with a file-size limit or in its
// own process group. Header-only because CMake puts every non-test .cc into the core library.
//
// Everything the child needs is prepared before fork(): the child only calls async-signal-safe
// functions (open, dup2, chdir, setrlimit, signal, setgroups, setgid, setuid, execve), so forking
// a multithreaded gtest process is safe.
#ifndef SHIPSHAPE_TESTING_SPAWN_H_
#define SHIPSHAPE_TESTING_SPAWN_H_

#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

extern char** environ;

namespace shipshape::test {

struct SpawnOptions {
  std::vector<std::string> argv;  ///< argv[0] is the program's path (no PATH lookup).
  /// The child's environment; nullopt inherits this process's.
  std::optional<std::vector<std::string>> env;
  std::string cwd;                 ///< Empty: this process's directory.
  std::string stdout_path;         ///< Required: the child's stdout goes here (truncated).
  std::string stderr_path;         ///< Required: the child's stderr goes here (truncated); may
                                   ///< equal stdout_path (both streams into one file, in order).
  int timeout_s = 60;              ///< Then the child (its group, with new_process_group) is killed.
  bool new_process_group = false;  ///< So a timeout also kills the child's own children.
  /// Drop to this uid/gid (and no supplementary groups) before exec; needs root. -1: unchanged.
  int uid = -1, gid = -1;
  /// RLIMIT_FSIZE for the child (writes past it fail with EFBIG; SIGXFSZ is ignored). 0: none.
  rlim_t max_file_size = 0;
};

struct SpawnResult {
  int code = -1;           ///< Exit status, or 128 + signal.
  bool timed_out = false;
  long max_rss_kb = 0;     ///< The child's peak resident set size.
  std::string out, err;    ///< Contents of stdout_path and stderr_path.
  std::string error;       ///< Why the child could not be started, if it could not.
};

inline std::string SlurpFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// Runs `o.argv` and waits for it (polling, so a hung child is killed after o.timeout_s).
inline SpawnResult Spawn(const SpawnOptions& o) {
  SpawnResult r;
  if (o.argv.empty() || o.stdout_path.empty() || o.stderr_path.empty()) {
    r.error = "Spawn needs argv, stdout_path and stderr_path";
    return r;
  }
  std::vector<char*> argv;
  for (const std::string& a : o.argv) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  std::vector<char*> envp;
  if (o.env)
    for (const std::string& e : *o.env) envp.push_back(const_cast<char*>(e.c_str()));
  envp.push_back(nullptr);
  char* const* env = o.env ? envp.data() : environ;
  // The child reports a failed setup step through this pipe (closed on a successful exec).
  int report[2];
  if (::pipe2(report, O_CLOEXEC) != 0) {
    r.error = std::string("pipe: ") + std::strerror(errno);
    return r;
  }
  const pid_t pid = ::fork();
  if (pid < 0) {
    r.error = std::string("fork: ") + std::strerror(errno);
    ::close(report[0]);
    ::close(report[1]);
    return r;
  }
  if (pid == 0) {
    auto die = [&](const char* step) {
      const int e = errno;
      (void)!::write(report[1], step, std::strlen(step));
      (void)!::write(report[1], ": ", 2);
      const char* msg = std::strerror(e);
      (void)!::write(report[1], msg, std::strlen(msg));
      ::_exit(127);
    };
    if (o.new_process_group && ::setpgid(0, 0) != 0) die("setpgid");
    const int in = ::open("/dev/null", O_RDONLY);
    const int out = ::open(o.stdout_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    // One path for both: one open file, so the two streams interleave as on a terminal.
    const int err = o.stderr_path == o.stdout_path
                        ? out
                        : ::open(o.stderr_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (in < 0 || out < 0 || err < 0) die("open");
    if (::dup2(in, 0) < 0 || ::dup2(out, 1) < 0 || ::dup2(err, 2) < 0) die("dup2");
    if (!o.cwd.empty() && ::chdir(o.cwd.c_str()) != 0) die("chdir");
    if (o.max_file_size) {
      // Ignored, SIGXFSZ would kill the child; this way write() fails with EFBIG instead.
      ::signal(SIGXFSZ, SIG_IGN);
      const rlimit lim = {o.max_file_size, o.max_file_size};
      if (::setrlimit(RLIMIT_FSIZE, &lim) != 0) die("setrlimit");
    }
    if (o.gid >= 0) {
      if (::setgroups(0, nullptr) != 0) die("setgroups");
      if (::setgid(static_cast<gid_t>(o.gid)) != 0) die("setgid");
    }
    if (o.uid >= 0 && ::setuid(static_cast<uid_t>(o.uid)) != 0) die("setuid");
    ::execve(argv[0], argv.data(), env);
    die("execve");
  }
  ::close(report[1]);
  char buf[512];
  ssize_t n;
  while ((n = ::read(report[0], buf, sizeof buf)) > 0) r.error.append(buf, static_cast<size_t>(n));
  ::close(report[0]);
  int status = 0;
  rusage usage{};
  for (int tick = 0;; ++tick) {
    const pid_t w = ::wait4(pid, &status, WNOHANG, &usage);
    if (w == pid) break;
    if (tick >= o.timeout_s * 100) {
      r.timed_out = true;
      ::kill(o.new_process_group ? -pid : pid, SIGKILL);
      ::wait4(pid, &status, 0, &usage);
      break;
    }
    ::usleep(10'000);
  }
  if (o.new_process_group) ::kill(-pid, SIGKILL);  // helpers that outlived the child
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.max_rss_kb = usage.ru_maxrss;
  r.out = SlurpFile(o.stdout_path);
  r.err = SlurpFile(o.stderr_path);
  return r;
}

}  // namespace shipshape::test

#endif  // SHIPSHAPE_TESTING_SPAWN_H_
