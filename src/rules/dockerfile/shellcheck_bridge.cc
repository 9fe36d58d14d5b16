#include "rules/dockerfile/shellcheck_bridge.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <nlohmann/json.hpp>

extern char** environ;

namespace shipshape::rules::run {

std::string FindOnPath(std::string_view name) {
  const char* path = std::getenv("PATH");
  std::string_view p = path ? path : "/usr/local/bin:/usr/bin:/bin";
  size_t start = 0;
  while (start <= p.size()) {
    size_t colon = p.find(':', start);
    if (colon == std::string_view::npos) colon = p.size();
    std::string dir(p.substr(start, colon - start));
    if (!dir.empty()) {
      std::string full = dir + "/" + std::string(name);
      if (access(full.c_str(), X_OK) == 0) return full;
    }
    start = colon + 1;
  }
  return {};
}

ProcessResult RunProcess(const std::vector<std::string>& argv, std::string_view input,
                         int timeout_ms, size_t max_output) {
  ProcessResult res;
  if (argv.empty()) return res;
  // stdin is a socket so that writing after the child exits gives EPIPE, not SIGPIPE.
  int in[2], out[2], err[2];
  if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, in) != 0) return res;
  if (pipe2(out, O_CLOEXEC) != 0) {
    close(in[0]), close(in[1]);
    return res;
  }
  if (pipe2(err, O_CLOEXEC) != 0) {
    close(in[0]), close(in[1]), close(out[0]), close(out[1]);
    return res;
  }
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, in[1], 0);
  posix_spawn_file_actions_adddup2(&fa, out[1], 1);
  posix_spawn_file_actions_adddup2(&fa, err[1], 2);
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = -1;
  int rc = posix_spawn(&pid, argv[0].c_str(), &fa, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  close(in[1]), close(out[1]), close(err[1]);
  if (rc != 0) {
    close(in[0]), close(out[0]), close(err[0]);
    return res;
  }
  res.started = true;
  for (int fd : {in[0], out[0], err[0]}) fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  int to_child = in[0];
  if (input.empty()) {
    shutdown(to_child, SHUT_WR);
  }
  size_t written = 0;
  bool out_open = true, err_open = true, in_open = !input.empty();
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  char buf[65536];
  while (out_open || err_open) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                    deadline - std::chrono::steady_clock::now())
                    .count();
    if (left <= 0) {
      res.timed_out = true;
      kill(pid, SIGKILL);
      break;
    }
    pollfd fds[3];
    int n = 0;
    int idx_in = -1, idx_out = -1, idx_err = -1;
    if (in_open) fds[idx_in = n++] = {to_child, POLLOUT, 0};
    if (out_open) fds[idx_out = n++] = {out[0], POLLIN, 0};
    if (err_open) fds[idx_err = n++] = {err[0], POLLIN, 0};
    int pr = poll(fds, n, static_cast<int>(left));
    if (pr < 0) {
      if (errno == EINTR) continue;
      kill(pid, SIGKILL);
      break;
    }
    if (idx_in >= 0 && fds[idx_in].revents) {
      ssize_t w = send(to_child, input.data() + written, input.size() - written, MSG_NOSIGNAL);
      if (w > 0) written += static_cast<size_t>(w);
      if (w < 0 && errno != EAGAIN && errno != EINTR) written = input.size();
      if (written >= input.size()) {
        shutdown(to_child, SHUT_WR);
        in_open = false;
      }
    }
    auto drain = [&](int idx, int fd, std::string* into, bool* open) {
      if (idx < 0 || !fds[idx].revents) return;
      ssize_t r = read(fd, buf, sizeof buf);
      if (r > 0) {
        if (into->size() < max_output)
          into->append(buf, std::min(static_cast<size_t>(r), max_output - into->size()));
      } else if (r == 0 || (errno != EAGAIN && errno != EINTR)) {
        *open = false;
      }
    };
    drain(idx_out, out[0], &res.out, &out_open);
    drain(idx_err, err[0], &res.err, &err_open);
  }
  close(in[0]), close(out[0]), close(err[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status)) res.exit_code = WEXITSTATUS(status);
  return res;
}

std::optional<std::vector<ScFinding>> ParseShellcheckJson(std::string_view json) {
  nlohmann::json j = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object() || !j.contains("comments") || !j["comments"].is_array())
    return std::nullopt;
  std::vector<ScFinding> out;
  for (const nlohmann::json& c : j["comments"]) {
    if (!c.is_object()) continue;
    ScFinding f;
    f.code = c.value("code", 0);
    f.level = c.value("level", std::string("info"));
    f.message = c.value("message", std::string());
    f.line = c.value("line", 0);
    f.column = c.value("column", 0);
    f.end_line = c.value("endLine", f.line);
    f.end_column = c.value("endColumn", f.column);
    out.push_back(std::move(f));
  }
  return out;
}

uint32_t OffsetOfLineColumn(std::string_view text, int line, int column) {
  size_t p = 0;
  for (int l = 1; l < line && p < text.size(); ++l) {
    size_t nl = text.find('\n', p);
    if (nl == std::string_view::npos) return static_cast<uint32_t>(text.size());
    p = nl + 1;
  }
  // Columns count characters: skip UTF-8 continuation bytes.
  for (int col = 1; col < column && p < text.size() && text[p] != '\n'; ++col) {
    ++p;
    while (p < text.size() && (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) ++p;
  }
  return static_cast<uint32_t>(p);
}

ProcessShellChecker::ProcessShellChecker() : path_(FindOnPath("shellcheck")) {}

std::optional<std::vector<ScFinding>> ProcessShellChecker::Check(std::string_view script,
                                                                 std::string_view dialect) {
  if (path_.empty()) return std::nullopt;
  ProcessResult r = RunProcess({path_, "-s", std::string(dialect), "-f", "json1",
                                "-e", "SC1090,SC1091,SC2187", "-"},
                               script, 10000);
  // Exit 0: clean, 1: findings; anything else is a failure.
  if (!r.started || r.timed_out || (r.exit_code != 0 && r.exit_code != 1)) return std::nullopt;
  return ParseShellcheckJson(r.out);
}

}  // namespace shipshape::rules::run
