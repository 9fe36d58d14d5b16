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

/// A copy of `line` with every redacted byte range of `d` (and of `all`) masked by '*'.
/// `line_start` is the byte offset of `line` in the file.
std::string MaskLine(std::string_view line, uint32_t line_start,
                     const std::vector<Diagnostic>& all);

}  // namespace shipshape

#endif  // SHIPSHAPE_REPORT_REPORT_H_
