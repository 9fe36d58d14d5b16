// Test-only helpers for end-to-end tests of the shipshape binary: a temporary directory removed
// at the end of the test, and a run of build/shipshape in it with its output captured. Header-only
// (test targets define SHIPSHAPE_BINARY).
#ifndef SHIPSHAPE_TESTING_CLI_RUN_H_
#define SHIPSHAPE_TESTING_CLI_RUN_H_

#include <stdlib.h>

#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

#include "testing/spawn.h"

namespace shipshape::test {

/// A fresh directory under /tmp, removed (whatever its permissions became) on destruction.
class TempDir {
 public:
  explicit TempDir(const std::string& prefix = "shipshape-test") {
    std::string tmpl = "/tmp/" + prefix + "-XXXXXX";
    if (::mkdtemp(tmpl.data()) != nullptr) path_ = tmpl;
  }
  ~TempDir() {
    if (path_.empty()) return;
    std::error_code ec;
    std::filesystem::permissions(path_, std::filesystem::perms::owner_all,
                                 std::filesystem::perm_options::add, ec);
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  bool ok() const { return !path_.empty(); }

 private:
  std::filesystem::path path_;
};

/// Runs build/shipshape with `args` in `cwd` (NO_COLOR, minimal PATH), its output captured in
/// files beside `cwd` (so they are not scanned). `merge_streams` sends stderr into stdout's file,
/// interleaved as on a terminal; the result's `out` then holds both.
inline SpawnResult RunShipshape(const std::filesystem::path& cwd, std::vector<std::string> args,
                                bool merge_streams = false, int timeout_s = 60) {
  SpawnOptions so;
  so.argv = {SHIPSHAPE_BINARY};
  so.argv.insert(so.argv.end(), args.begin(), args.end());
  so.env = std::vector<std::string>{"NO_COLOR=1", "PATH=/usr/bin:/bin"};
  so.cwd = cwd.string();
  so.stdout_path = cwd.string() + ".out";
  so.stderr_path = merge_streams ? so.stdout_path : cwd.string() + ".err";
  so.timeout_s = timeout_s;
  SpawnResult r = Spawn(so);
  std::error_code ec;
  std::filesystem::remove(so.stdout_path, ec);
  std::filesystem::remove(so.stderr_path, ec);
  return r;
}

}  // namespace shipshape::test

#endif  // SHIPSHAPE_TESTING_CLI_RUN_H_
