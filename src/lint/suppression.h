// Inline suppressions in Dockerfiles:
//   # shipshape ignore=DF020,DF010      (next instruction)
//   # hadolint ignore=DL3008            (next instruction, through rule aliases)
//   # shipshape global ignore=DF010     (whole file; also hadolint's `global ignore=`)
//   # check=skip=JSONArgsRecommended;error=true   (BuildKit's check directive, whole file)
#ifndef SHIPSHAPE_LINT_SUPPRESSION_H_
#define SHIPSHAPE_LINT_SUPPRESSION_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/text_range.h"
#include "dockerfile/ignore_comment.h"
#include "rules/rule.h"

namespace shipshape {

struct Suppressions {
  /// Codes (or aliases) ignored inside a byte range (the instruction after the comment).
  struct Scoped {
    TextRange range;
    std::vector<std::string> codes;
  };
  std::vector<Scoped> scoped;
  std::vector<std::string> global;  ///< Ignored in the whole file ("all" = every rule).
  bool buildkit_skip_all = false;
  /// BuildKit `check=error=true`: BuildKit check findings fail the build, so raise them to error.
  bool buildkit_error = false;

  bool Suppressed(const Rule& rule, TextRange at) const;
};

/// Inline suppressions in YAML (Compose files), from comments:
///   # shipshape ignore=DC010,DC044     on its own line: the next line and the block under it
///   image: nginx  # shipshape ignore=DC003   trailing: that line and the block under it
///   # shipshape global ignore=DC044    the whole file
///   # dclint disable-next-line [rules], # dclint disable-line [rules], # dclint disable-file,
///   # dclint disable [rules]           dclint's forms (rules by their dclint names; none = all)
Suppressions CollectYamlSuppressions(std::string_view text);

}  // namespace shipshape

#endif  // SHIPSHAPE_LINT_SUPPRESSION_H_
