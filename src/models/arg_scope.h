// ARG and ENV scoping of a Dockerfile as BuildKit applies it: the global ARGs FROM lines see, the
// variables visible at each instruction of a stage (ENV inherited from in-file parents, ARG
// redeclarations picking up global defaults), the expansion of a word with what is known at lint
// time, and the external base image a stage pulls. Moved out of the rules/util.h grab-bag
// (issue 15).
#ifndef SHIPSHAPE_MODELS_ARG_SCOPE_H_
#define SHIPSHAPE_MODELS_ARG_SCOPE_H_

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/text_range.h"
#include "dockerfile/dockerfile.h"

namespace shipshape::models {

/// ARGs BuildKit predefines: the platform ARGs (global scope only) plus the proxy and BUILDKIT_
/// ARGs (usable without declaration).
bool IsPlatformArg(std::string_view name);
bool IsPredefinedArg(std::string_view name);

/// Result of expanding a word in a non-RUN context.
struct Expansion {
  std::string text;
  /// False when a variable had no value known at lint time (build-arg, base image ENV...).
  bool complete = true;
  /// Variables not defined anywhere the instruction can see (in order of use, may repeat).
  std::vector<std::string> undefined;
};

/// The ARG/ENV names visible at a point of a stage, as BuildKit scopes them: ENV inherited from
/// in-file parent stages, ARGs and ENVs declared earlier in the stage, global ARG defaults for
/// `ARG NAME` redeclarations. Values are known only when they came from defaults in the file.
class VarScope {
 public:
  /// Scope at the start of `stage` (before its first instruction).
  VarScope(const dockerfile::Dockerfile& df, const dockerfile::Stage& stage);
  /// Scope of the global ARGs (what FROM lines see), predefined platform ARGs included.
  explicit VarScope(const dockerfile::Dockerfile& df);
  /// Records the names an ARG or ENV instruction defines; other instructions are ignored.
  void Apply(const dockerfile::Instruction& ins);
  bool Has(std::string_view name) const;
  /// True when `name` was declared by ARG (not ENV) in this scope.
  bool IsArg(std::string_view name) const;
  /// The known value, or nullopt when undefined or not known statically.
  std::optional<std::string> Value(std::string_view name) const;
  Expansion Expand(std::string_view word) const;
  std::vector<std::string> Names() const;

 private:
  struct Var {
    std::optional<std::string> value;
    bool arg = false;
  };
  char escape_ = '\\';
  std::map<std::string, Var, std::less<>> vars_;
  const std::map<std::string, std::optional<std::string>, std::less<>>* globals_;
};

/// The scope just before `ins` inside `stage` (ARG/ENV of the stage up to `ins` applied).
VarScope ScopeBefore(const dockerfile::Dockerfile& df, const dockerfile::Stage& stage,
                     const dockerfile::Instruction* ins);

/// The external image `stage` builds FROM, after global ARG defaults. nullopt for scratch, for an
/// earlier stage, and for references that still depend on an ARG without a default.
std::optional<dockerfile::ImageRef> ExternalBase(const dockerfile::Dockerfile& df,
                                                 const dockerfile::Stage& stage);

/// Source ranges of the name part of every `$name` / `${name...}` reference to `name` inside
/// `within` (escaped `\$` skipped).
std::vector<TextRange> VariableRefs(std::string_view src, TextRange within, std::string_view name,
                                    char escape = '\\');

}  // namespace shipshape::models

#endif  // SHIPSHAPE_MODELS_ARG_SCOPE_H_
