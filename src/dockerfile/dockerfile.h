// The Dockerfile model: what the parser produces and what rules read. It mirrors BuildKit's
// parser (instructions, flags, arguments as BuildKit splits them, heredocs) and adds what BuildKit
// only knows later: stages, ARG scope, and byte ranges for every piece so rules can point at and
// edit exactly the token that is wrong.
//
// All string_views point into the Dockerfile's source buffer, which must outlive the model.
#ifndef SHIPSHAPE_DOCKERFILE_DOCKERFILE_H_
#define SHIPSHAPE_DOCKERFILE_DOCKERFILE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/text_range.h"

namespace shipshape::dockerfile {

/// Text with continuation lines joined (as BuildKit sees it) plus, for each byte, the source
/// offset it came from, so ranges found in the logical text map back to the file.
struct MappedText {
  std::string text;
  std::vector<uint32_t> offsets;  ///< offsets.size() == text.size() + 1 (last = end offset).

  /// Source range of logical bytes [start, end).
  TextRange SourceRange(uint32_t start, uint32_t end) const {
    if (offsets.empty()) return {};
    if (start >= offsets.size()) start = static_cast<uint32_t>(offsets.size() - 1);
    if (end >= offsets.size()) end = static_cast<uint32_t>(offsets.size() - 1);
    if (end <= start) return TextRange::At(offsets[start]);
    // End is one past the source byte of the last logical byte (continuations are skipped).
    return {offsets[start], offsets[end - 1] + 1};
  }
};

enum class Keyword : uint8_t {
  kUnknown, kAdd, kArg, kCmd, kCopy, kEntrypoint, kEnv, kExpose, kFrom, kHealthcheck, kLabel,
  kMaintainer, kOnbuild, kRun, kShell, kStopsignal, kUser, kVolume, kWorkdir,
};
Keyword KeywordFromString(std::string_view lower);

/// `--name=value` or `--name` (value empty, has_value false).
struct Flag {
  TextRange range;         ///< The whole `--name=value` token.
  std::string_view name;   ///< Without dashes.
  std::string value;       ///< Raw value as written (quotes kept, like BuildKit).
  TextRange value_range;
  bool has_value = false;
};

/// One argument as BuildKit splits it (the Next chain): for exec form the decoded JSON strings,
/// for shell form one string with the rest of the line, for ENV/LABEL/ARG the key/value parts.
struct Arg {
  std::string value;
  TextRange range;  ///< Source bytes the value came from (for JSON strings: including quotes).
};

/// `KEY=value` (or legacy `KEY value`) in ENV, LABEL and ARG.
struct KeyValue {
  std::string key;
  std::string value;   ///< Raw, as BuildKit keeps it (quotes not removed).
  TextRange key_range;
  TextRange value_range;  ///< Empty range at the key's end for `ARG NAME` without a value.
  bool has_value = false;
  bool legacy = false;  ///< `ENV k v` form.
};

struct Heredoc {
  std::string name;      ///< Delimiter word, without quotes or `-`.
  std::string content;   ///< Body as BuildKit passes it (tabs stripped for `<<-`), with final \n.
  TextRange marker;      ///< The `<<EOF` token.
  TextRange body;        ///< Source bytes of the body lines (not the terminator line).
  bool expand = true;    ///< False when the delimiter was quoted.
  bool chomp = false;    ///< `<<-`
};

struct Instruction {
  Keyword kind = Keyword::kUnknown;
  std::string keyword;       ///< Lower-case, e.g. "run".
  TextRange range;           ///< Whole instruction, all continuation lines, heredoc bodies.
  TextRange keyword_range;   ///< The keyword as written (its case preserved in the source).
  std::vector<Flag> flags;
  bool json_form = false;    ///< Exec form: `CMD ["a", "b"]`.
  std::vector<Arg> args;     ///< BuildKit's Next chain values.
  std::vector<KeyValue> pairs;  ///< ENV, LABEL, ARG (and legacy MAINTAINER is not split).
  MappedText rest;           ///< Logical text after the flags (continuations joined).
  std::vector<Heredoc> heredocs;
  std::unique_ptr<Instruction> onbuild;  ///< ONBUILD's wrapped instruction.
  /// Comments directly above this instruction (no blank line between), in order.
  std::vector<TextRange> leading_comments;

  bool HasFlag(std::string_view name) const { return FindFlag(name) != nullptr; }
  const Flag* FindFlag(std::string_view name) const {
    for (const Flag& f : flags)
      if (f.name == name) return &f;
    return nullptr;
  }
};

/// A parsed image reference: `[registry/]repository[:tag][@digest]`.
struct ImageRef {
  std::string registry;    ///< Empty for Docker Hub.
  std::string repository;  ///< With "library/" stripped for official images.
  std::string tag;
  std::string digest;
  bool has_variable = false;  ///< Unresolved `$VAR` remained.
};
/// Parses a reference; never fails (odd input gives odd fields).
ImageRef ParseImageRef(std::string_view ref);

struct Stage {
  uint32_t index = 0;
  /// Null for the implicit stage (see `implicit`).
  const Instruction* from = nullptr;
  /// The stage that holds the instructions of a fragment before any FROM (a template or partial
  /// such as hadolint lints): BuildKit rejects them, but every instruction-level rule
  /// still checks them as if they began a stage. It has no base image, name or FROM, it is
  /// always the first stage, and numeric `--from` references skip it.
  bool implicit = false;
  std::string base;          ///< Image as written (may contain $VAR).
  std::string base_resolved; ///< With global ARG defaults substituted.
  TextRange base_range;
  std::string name;          ///< Lower-cased alias, empty if none.
  TextRange name_range;
  std::vector<const Instruction*> instructions;  ///< After FROM, up to the next FROM.
  /// Index of the stage this one builds on (`FROM previous`), if any.
  std::optional<uint32_t> parent;
  bool is_final = false;
  /// True when the final stage (transitively) copies from or builds on this stage.
  bool used = false;
};

struct Directive {
  std::string name;   ///< Lower-case: syntax, escape, check.
  std::string value;
  TextRange range;    ///< The whole comment line.
  TextRange value_range;
};

struct SyntaxError {
  TextRange range;
  std::string message;
  /// What kind of error this is. The parser knows no rule codes: the lint driver decides which
  /// kinds a dedicated rule explains with its own advice, and leaves those to it.
  enum class Kind : uint8_t {
    kOther,                  ///< Only the generic syntax-error finding reports it.
    kInstructionBeforeFrom,  ///< An instruction other than ARG before the first FROM.
    kInvalidOnbuildTrigger,  ///< ONBUILD wrapping ONBUILD, FROM or MAINTAINER.
  };
  Kind kind = Kind::kOther;
};

struct Dockerfile {
  std::string_view source;
  char escape = '\\';
  bool has_bom = false;
  bool crlf = false;  ///< At least one CRLF line ending.
  std::vector<Directive> directives;
  std::vector<TextRange> comments;  ///< Every `#` comment line (not directives).
  std::vector<Instruction> instructions;  ///< Top level, in order.
  std::vector<Stage> stages;
  std::vector<const Instruction*> global_args;  ///< ARGs before the first FROM.
  std::vector<SyntaxError> errors;  ///< Empty when the file parsed.
  /// Blank lines inside a `\` continuation (BuildKit's NoEmptyContinuation), with terminators.
  std::vector<TextRange> empty_continuation_lines;
  /// Problems BuildKit's instruction layer reports after parsing (unknown instruction, FROM
  /// with the wrong number of arguments...). `parse --dump` ignores them, `check` reports them.
  std::vector<SyntaxError> semantic_errors;

  /// Derived data the rules compute once per file (the global ARG scope, see rules::VarScope).
  /// Linting one file is single-threaded, so lazily filling it from const code is safe.
  mutable std::shared_ptr<const void> global_scope_cache;
  bool ok() const { return errors.empty(); }
  const Stage* final_stage() const { return stages.empty() ? nullptr : &stages.back(); }
  const Directive* FindDirective(std::string_view name) const {
    for (const Directive& d : directives)
      if (d.name == name) return &d;
    return nullptr;
  }
  /// Stage by alias (case-insensitive) or numeric index, as `COPY --from` resolves it.
  const Stage* FindStage(std::string_view name_or_index) const;
};

/// Parses `source` the way BuildKit does. Never fails: syntax problems go to `errors` and the
/// model holds everything that could be read.
std::unique_ptr<Dockerfile> Parse(std::string_view source);

/// BuildKit's AST dump (the format of its parser test `result` files): one s-expression per
/// instruction and a trailing newline. Empty when the file has errors.
std::string DumpBuildkit(const Dockerfile& df);

/// BuildKit's shell-lexer word expansion for non-RUN contexts: `$V`, `${V}`, `${V:-x}`, `${V-x}`,
/// `${V:+x}`, `${V+x}`, `${V:?msg}`, with quotes and escapes removed. `lookup` returns nullptr for
/// unset variables. Unset variables that have no default are recorded in `unresolved`.
using VarLookup = std::function<std::optional<std::string>(std::string_view name)>;
std::string ExpandWord(std::string_view word, char escape, const VarLookup& lookup,
                       std::vector<std::string>* unresolved = nullptr);

}  // namespace shipshape::dockerfile

#endif  // SHIPSHAPE_DOCKERFILE_DOCKERFILE_H_
