// The data every reporter renders: the files scanned and, per file, its sorted diagnostics.
// Reporters are pure functions from a Report to text; the CLI decides where the text goes.
#ifndef SHIPSHAPE_REPORT_REPORT_H_
#define SHIPSHAPE_REPORT_REPORT_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "core/source.h"

namespace shipshape {

struct FileResult {
  const SourceFile* file = nullptr;
  std::vector<Diagnostic> diagnostics;  ///< Sorted by (start, code).
};

/// A file discovery skipped, with the reason (binary, too large, unreadable, symlink loop...).
struct SkippedFile {
  std::string path;
  std::string reason;
};

/// What `fix` did, for reports written after a fix run.
struct FixSummary {
  bool present = false;
  size_t found = 0;   ///< Findings before fixing.
  size_t fixed = 0;
  size_t left = 0;
  std::vector<std::string> files_changed;
  std::vector<std::string> files_added;
  /// Fixes applied per rule, sorted by code (empty when not known).
  struct RuleFixes {
    std::string code;
    std::string name;
    size_t count = 0;
  };
  std::vector<RuleFixes> fixed_by_rule;
};

struct Report {
  std::string tool_version;
  std::string root;                 ///< What was scanned, as given.
  std::vector<FileResult> files;    ///< Sorted by path; includes files without findings.
  std::vector<SkippedFile> skipped;
  FixSummary fix;
  std::string mode = "check";       ///< "check", "fix" or "inspect".

  size_t diagnostic_count() const {
    size_t n = 0;
    for (const FileResult& f : files) n += f.diagnostics.size();
    return n;
  }
};

struct RenderOptions {
  bool color = false;       ///< ANSI colours (text only).
  bool show_source = true;  ///< Source excerpt with caret (text only).
  /// Threads a reporter may use for long reports (JSON); the text is the same for any value.
  unsigned jobs = 1;
};

/// `file.text` with every byte a reporter masks replaced by '*' (same length, same lines): the
/// redactions of `diagnostics`, credentials secrets::FindSecretsToMask finds and, in an env file,
/// every value. For text shown outside a report, such as `fix --diff`.
std::string MaskedText(const SourceFile& file, const std::vector<Diagnostic>& diagnostics);

/// `s` with control characters made visible: C0 controls (`\n`, `\r`, `\t`, `\e` as `\x1b`...),
/// DEL and C1 controls (U+0080..U+009F) become backslash escapes, so file names, YAML keys and
/// file content can neither forge output lines (a GitHub `::error` workflow command after a
/// newline) nor drive the terminal (`\e[8m` hides what follows). Characters in `keep` stay as
/// they are, and so does a `\r` right before a kept `\n`.
std::string EscapeControls(std::string_view s, std::string_view keep = "\t");

}  // namespace shipshape

#endif  // SHIPSHAPE_REPORT_REPORT_H_
