// The diagnostic model shared by every parser, rule, fixer and reporter: severities, byte-range
// edits, fixes with an applicability, and the diagnostic itself. Pure data; no I/O.
#ifndef SHIPSHAPE_CORE_DIAGNOSTIC_H_
#define SHIPSHAPE_CORE_DIAGNOSTIC_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/text_range.h"

namespace shipshape {

struct Rule;

/// Ordered from least to most severe. hadolint's levels are style/info/warning/error; `kCritical`
/// is ours, for findings the seeds call critical (a committed credential, the Docker socket).
enum class Severity : uint8_t { kStyle, kInfo, kWarning, kError, kCritical };

std::string_view SeverityName(Severity s);  ///< "style", "info", "warning", "error", "critical".
/// Parses a severity name (also hadolint's "ignore"/"none" -> nullopt with ok=true is handled by callers).
std::optional<Severity> ParseSeverity(std::string_view name);

enum class Category : uint8_t {
  kSecurity,
  kReliability,
  kEfficiency,
  kMaintainability,
  kStyle,
  kCorrectness,  ///< Syntax errors and things Docker rejects outright.
};
std::string_view CategoryName(Category c);

/// Ordered: a fix is applied when its applicability is at least the requested level.
enum class Applicability : uint8_t {
  kDisplayOnly,  ///< A suggestion; shown, never applied.
  kUnsafe,       ///< May change the built image or running stack; needs --unsafe.
  kSafe,         ///< Keeps behaviour and comments; applied by `shipshape fix`.
};
std::string_view ApplicabilityName(Applicability a);

/// Replace `range` with `text`. Insertion: empty range. Deletion: empty text.
struct Edit {
  TextRange range;
  std::string text;

  static Edit Replace(TextRange r, std::string t) { return {r, std::move(t)}; }
  static Edit Insert(uint32_t at, std::string t) { return {TextRange::At(at), std::move(t)}; }
  static Edit Delete(TextRange r) { return {r, {}}; }
  friend bool operator==(const Edit&, const Edit&) = default;
};

struct Fix {
  std::string title;
  Applicability applicability = Applicability::kSafe;
  std::vector<Edit> edits;  ///< Sorted by range.start, non-overlapping.
  /// Fixes sharing a group are never applied in the same pass.
  std::optional<uint32_t> isolation_group;
  /// Files this fix creates or extends beside the edited one (e.g. `.env`, `.dockerignore`).
  /// Path is relative to the directory of the edited file. `append` merges into an existing file.
  struct FileWrite {
    std::string path;
    std::string content;
    bool append = false;
    uint32_t mode = 0644;
  };
  std::vector<FileWrite> file_writes;
};

/// One finding. `range` is in the bytes of the file the diagnostic belongs to.
struct Diagnostic {
  const Rule* rule = nullptr;
  Severity severity = Severity::kWarning;  ///< The rule's, after config overrides.
  TextRange range;
  std::string message;
  std::optional<Fix> fix;
  /// Byte ranges holding secret values: every reporter masks them in excerpts and messages never
  /// contain them.
  std::vector<TextRange> redactions;
  /// Services, stages or files this finding also concerns (e.g. the services using an anchor).
  std::vector<std::string> related;
};

/// Masks a secret for display: "****", whatever the value (no prefix, no length).
std::string MaskSecret(std::string_view value);

}  // namespace shipshape

#endif  // SHIPSHAPE_CORE_DIAGNOSTIC_H_
