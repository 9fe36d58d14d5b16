#include "core/diagnostic.h"

namespace shipshape {

std::string_view SeverityName(Severity s) {
  switch (s) {
    case Severity::kStyle: return "style";
    case Severity::kInfo: return "info";
    case Severity::kWarning: return "warning";
    case Severity::kError: return "error";
    case Severity::kCritical: return "critical";
  }
  return "warning";
}

std::optional<Severity> ParseSeverity(std::string_view n) {
  if (n == "style") return Severity::kStyle;
  if (n == "info") return Severity::kInfo;
  if (n == "warning" || n == "warn") return Severity::kWarning;
  if (n == "error") return Severity::kError;
  if (n == "critical") return Severity::kCritical;
  return std::nullopt;
}

std::string_view CategoryName(Category c) {
  switch (c) {
    case Category::kSecurity: return "security";
    case Category::kReliability: return "reliability";
    case Category::kEfficiency: return "efficiency";
    case Category::kMaintainability: return "maintainability";
    case Category::kStyle: return "style";
    case Category::kCorrectness: return "correctness";
  }
  return "maintainability";
}

std::string_view ApplicabilityName(Applicability a) {
  switch (a) {
    case Applicability::kDisplayOnly: return "display-only";
    case Applicability::kUnsafe: return "unsafe";
    case Applicability::kSafe: return "safe";
  }
  return "display-only";
}

std::string MaskSecret(std::string_view) {
  // Nothing of the value: not its first characters (a known prefix such as `gh` already says
  // what kind of token it is, and the message says that in words), not its length.
  return "****";
}

}  // namespace shipshape
