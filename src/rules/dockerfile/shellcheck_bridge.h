// ShellCheck as an optional second opinion on RUN scripts (what hadolint does): a small process
// runner (posix_spawn, pipes, timeout, no shell in between), a parser for `shellcheck -f json1`,
// and the mapping from ShellCheck's (line, column) back to positions in the checked text.
//
// Running ShellCheck runs *our* tool on text from the Dockerfile; nothing from the scanned
// repository is executed. Rules stay pure otherwise: this is the only place that spawns a process,
// and DF099 only calls it when the configuration asks for it (`shellcheck: true`).
#ifndef SHIPSHAPE_RULES_DOCKERFILE_SHELLCHECK_BRIDGE_H_
#define SHIPSHAPE_RULES_DOCKERFILE_SHELLCHECK_BRIDGE_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace shipshape::rules::run {

struct ProcessResult {
  bool started = false;    ///< false: the program could not be spawned
  bool timed_out = false;  ///< killed after the timeout
  int exit_code = -1;      ///< -1 when killed by a signal
  std::string out;
  std::string err;
};

/// Runs `argv` (argv[0] an absolute path) with `input` on standard input and collects standard
/// output and error (each capped at `max_output` bytes). No shell is involved. The child is killed
/// after `timeout_ms`.
ProcessResult RunProcess(const std::vector<std::string>& argv, std::string_view input,
                         int timeout_ms, size_t max_output = 8u << 20);

/// Absolute path of `name` found on PATH, or "".
std::string FindOnPath(std::string_view name);

/// One ShellCheck finding (`-f json1`). Lines and columns are 1-based; columns count characters
/// (a tab is one column).
struct ScFinding {
  int code = 0;
  std::string level;  ///< error, warning, info, style
  std::string message;
  int line = 0, column = 0, end_line = 0, end_column = 0;
};

/// Parses `shellcheck -f json1` output; nullopt when it is not that format.
std::optional<std::vector<ScFinding>> ParseShellcheckJson(std::string_view json);

/// Byte offset in `text` of 1-based (`line`, `column`) as ShellCheck counts them (characters,
/// tab = 1). Clamped to the end of the line / text.
uint32_t OffsetOfLineColumn(std::string_view text, int line, int column);

/// Runs ShellCheck on one script. An interface so tests can substitute canned output.
class ShellChecker {
 public:
  virtual ~ShellChecker() = default;
  /// `dialect`: sh, bash, dash or ksh. nullopt when ShellCheck is unavailable or failed.
  virtual std::optional<std::vector<ScFinding>> Check(std::string_view script,
                                                      std::string_view dialect) = 0;
};

/// Runs `shellcheck -s DIALECT -f json1 -` from PATH (10 s timeout per script).
class ProcessShellChecker : public ShellChecker {
 public:
  ProcessShellChecker();
  bool available() const { return !path_.empty(); }
  std::optional<std::vector<ScFinding>> Check(std::string_view script,
                                              std::string_view dialect) override;

 private:
  std::string path_;
};

}  // namespace shipshape::rules::run

#endif  // SHIPSHAPE_RULES_DOCKERFILE_SHELLCHECK_BRIDGE_H_
