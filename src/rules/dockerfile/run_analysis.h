// The shared view of `RUN` instructions that every DF040..DF099 rule reads: each RUN's shell
// scripts parsed once (shell form, `sh -c` strings, heredoc bodies run by a POSIX shell), the
// `--mount` flags, which shell runs the script and whether pipefail is on, the stage it belongs to
// and what is known of that stage's base image. It also builds the minimal edits RUN fixes use:
// insert a token after a word, remove a word with one adjacent space, append a command at the end
// of a script, join two RUNs.
//
// Everything maps back to file bytes: words are located in a segment's logical text (continuations
// joined, `<<-` tabs stripped) and `Segment::Source` maps a logical range to the source range.
//
// Scripts are skipped (no segments, `posix == false`) when the shell is not POSIX: a `SHELL` of
// PowerShell or cmd, a Windows base image, the `escape` directive set to a backtick, or a
// `# hadolint shell=powershell` pragma. Heredoc bodies with a non-shell shebang (python...) and
// heredocs fed to non-shell commands (`cat <<EOF > file`) are data, not scripts.
#ifndef SHIPSHAPE_RULES_DOCKERFILE_RUN_ANALYSIS_H_
#define SHIPSHAPE_RULES_DOCKERFILE_RUN_ANALYSIS_H_

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "dockerfile/dockerfile.h"
#include "rules/rule.h"
#include "shell/commands.h"
#include "shell/shell.h"

namespace shipshape::rules::run {

/// A `RUN --mount=...` flag, split into its key=value options.
struct Mount {
  std::string type = "bind";  ///< bind (default), cache, tmpfs, secret, ssh
  std::string target;         ///< target=, dst=, destination= ("" if absent)
  std::string id;
  TextRange range;            ///< the whole `--mount=...` flag
  /// A cache or tmpfs mount: files written there never reach the image layer.
  bool Discards() const { return type == "cache" || type == "tmpfs"; }
};
std::vector<Mount> ParseMounts(const dockerfile::Instruction& ins);

/// Broad family of a stage's root base image, as far as its name tells.
enum class BaseFamily : uint8_t {
  kUnknown,
  kDebian,   ///< debian, ubuntu and the official images built on them: bash is present
  kRedHat,   ///< fedora, centos, rocky, alma, amazonlinux, ubi: bash is present
  kSuse,     ///< opensuse, sles: bash is present
  kAlpine,   ///< alpine and *-alpine tags: busybox ash, busybox wget
  kBusybox,  ///< busybox: ash, no package manager
  kNoShell,  ///< scratch, distroless
  kWindows,
};
/// Guesses the family from an image reference (`python:3.12-slim`, `alpine`, `ubi9/ubi`).
BaseFamily FamilyOfImage(std::string_view image);
/// True for families whose image has /bin/bash.
inline bool HasBash(BaseFamily f) {
  return f == BaseFamily::kDebian || f == BaseFamily::kRedHat || f == BaseFamily::kSuse;
}

/// The shell a RUN's shell form runs under (`SHELL`, else `/bin/sh -c`).
struct ShellInfo {
  std::vector<std::string> argv = {"/bin/sh", "-c"};
  std::string name = "sh";  ///< basename of argv[0]
  bool posix = true;        ///< sh, bash, dash, ash, zsh, ksh, mksh, busybox
  bool pipefail = false;    ///< `-o pipefail` among the arguments
  const dockerfile::Instruction* set_by = nullptr;  ///< the SHELL instruction, if any
};

/// One parsed script of a RUN.
struct Segment {
  enum class Kind : uint8_t { kShellForm, kHeredoc, kExecForm };
  Kind kind = Kind::kShellForm;
  const dockerfile::Heredoc* heredoc = nullptr;
  const dockerfile::MappedText* map = nullptr;  ///< logical text + source offsets
  std::string interpreter;  ///< "sh", "bash", ... (basename)
  bool pipefail = false;    ///< the interpreter runs with `-o pipefail`
  /// Edits may be made inside this segment (not exec form).
  bool fixable = true;
  shell::Script script;
  std::unique_ptr<shell::CommandList> list;

  std::string_view text() const { return map->text; }
  /// Source bytes of logical range `r`.
  TextRange Source(TextRange r) const { return map->SourceRange(r.start, r.end); }
  /// True when `w`'s raw text sits at its range in the logical text (false for words of a
  /// `sh -c` string with escapes, whose ranges are approximate): only then can it be edited.
  bool Exact(const shell::Word& w) const;
  /// Logical offset just past the last top-level command or block (trailing comments and
  /// whitespace excluded); 0 for an empty script.
  uint32_t ScriptEnd() const;

 private:
  friend struct Run;
  friend class Analysis;
  std::unique_ptr<dockerfile::MappedText> owned_;
};

/// One command of a RUN, in source order across all its segments.
struct Cmd {
  const Segment* seg = nullptr;
  size_t index = 0;  ///< in `seg->list`
  const shell::Invocation& inv() const { return (*seg->list)[index]; }
  const shell::Command& command() const { return *inv().command; }
  std::string_view name() const { return inv().name; }
  std::span<const shell::Word> args() const { return inv().args(); }
  /// Source range of the whole simple command.
  TextRange Range() const { return seg->Source(command().range); }
  TextRange Range(const shell::Word& w) const { return seg->Source(w.range); }
};

struct Run {
  const dockerfile::Instruction* ins = nullptr;
  const dockerfile::Stage* stage = nullptr;  ///< null only for malformed files
  bool onbuild = false;                       ///< `ONBUILD RUN`
  std::vector<Mount> mounts;
  ShellInfo shell;
  /// False when the script is not POSIX shell (see the file comment): no segments then.
  bool posix = true;
  std::vector<std::unique_ptr<Segment>> segments;
  std::vector<Cmd> cmds;

  /// A cache or tmpfs mount whose target contains `fragment` (e.g. "/var/lib/apt", ".cache/pip").
  bool HasDiscardMount(std::string_view fragment) const;
  /// Some command after `cmds[i]` satisfies `pred`.
  bool AnyAfter(size_t i, const std::function<bool(const Cmd&)>& pred) const;
  bool Any(const std::function<bool(const Cmd&)>& pred) const;
  /// The script sets `-o pipefail` (`set -o pipefail`, `set -euxo pipefail`) before command `i`.
  bool SetsPipefailBefore(size_t i) const;
};

/// Every RUN of a Dockerfile (top level and ONBUILD), in source order, plus per-stage facts.
class Analysis {
 public:
  explicit Analysis(const dockerfile::Dockerfile& df);
  Analysis(const Analysis&) = delete;
  Analysis& operator=(const Analysis&) = delete;

  const dockerfile::Dockerfile& df() const { return df_; }
  const std::vector<std::unique_ptr<Run>>& runs() const { return runs_; }

  /// The stage's filesystem reaches the final image: the final stage and the stages it is built
  /// `FROM` (transitively). Cache left in a builder stage that is only `COPY --from`-ed does not.
  bool InFinalImage(const dockerfile::Stage& stage) const;
  /// Family of the stage's root external base image (following `FROM <stage>`).
  BaseFamily Family(const dockerfile::Stage& stage) const;
  /// The root external base image of the stage (following `FROM <stage>`), ARGs substituted.
  std::string_view RootImage(const dockerfile::Stage& stage) const;
  const dockerfile::Stage* StageOf(const dockerfile::Instruction* ins) const;
  /// Instructions visible before `ins` in its stage and the stages it builds on, nearest first.
  /// `fn` returns false to stop.
  void ForEachBefore(const dockerfile::Instruction* ins,
                     const std::function<bool(const dockerfile::Instruction&)>& fn) const;
  /// Value of ENV (or ARG default) `name` in effect at `ins`, quotes removed; nullopt if unset.
  std::optional<std::string> EnvAt(const dockerfile::Instruction* ins, std::string_view name) const;

 private:
  void AddRun(const dockerfile::Instruction& ins, const dockerfile::Stage* stage, bool onbuild);

  const dockerfile::Dockerfile& df_;
  std::vector<std::unique_ptr<Run>> runs_;
  std::vector<bool> in_final_;
  std::vector<BaseFamily> family_;
  bool all_non_posix_ = false;
};

/// The file's Analysis, built once and shared by every rule linting it (see FileCache).
inline const Analysis& SharedAnalysis(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  return ctx.cache().Get<Analysis>(df);
}

// --- small queries ---

/// Static word equal to one of `names`.
bool WordIs(const shell::Word* w, std::initializer_list<std::string_view> names);
/// The first positional of `cmd` (its subcommand), or null.
const shell::Word* Subcommand(const Cmd& cmd, const shell::OptionSyntax& syntax = {});
/// True for "1", "true", "yes", "on" (any case).
bool Truthy(std::string_view v);
/// True for "0", "false", "no", "off" (any case).
bool Falsy(std::string_view v);
/// Removes one level of matching quotes.
std::string_view Unquote(std::string_view v);
/// Is `w` an assignment `NAME=...` for `name` among the prefixes of `cmd` or an `export NAME=...`?
/// Returns the assigned value (raw, unquoted) when so.
std::optional<std::string> AssignedIn(const Cmd& cmd, std::string_view name);

/// Option syntax of curl and (GNU or BusyBox) wget: which options take a value.
const shell::OptionSyntax& CurlSyntax();
const shell::OptionSyntax& WgetSyntax();

/// Commands that do no real work for "is anything done after X" questions: echo, printf, true,
/// `:`, set, export, assignment-only commands and package cache cleanups.
bool IsTrivialOrCleanup(const Cmd& cmd);

/// The install command of `cmd` (see `shell::MatchPackageInstall`) when its manager is listed.
std::optional<shell::PackageInstall> InstallOf(const Cmd& cmd,
                                               std::initializer_list<shell::PackageManager> pms);
/// Source range from word `a` to word `b` of one command.
TextRange Span(const Cmd& cmd, const shell::Word& a, const shell::Word& b);
/// `name` up to and including the subcommand (`apt-get install`), the usual report range.
TextRange NameToSubcommand(const Cmd& cmd, const shell::Word* subcommand);
/// Every `-o X=Y` / `--option X=Y` (apt) style value of option `short_name`/`long_name`.
std::vector<std::string_view> OptionValues(std::span<const shell::Word> args, char short_name,
                                           std::string_view long_name,
                                           const shell::OptionSyntax& syntax);
/// The rpm-family tools: yum; dnf (also dnf5, tdnf); microdnf; zypper.
enum class RpmTool : uint8_t { kNone, kYum, kDnf, kMicrodnf, kZypper };
RpmTool RpmToolOf(std::string_view name);
/// For a yum/dnf/microdnf/zypper command that installs or upgrades packages (install, update,
/// groupinstall, zypper in/up/patch/dup...), its subcommand word; else null.
const shell::Word* RpmInstallLike(const Cmd& cmd);
/// For a yum/dnf/microdnf/zypper command that changes packages (also remove/erase), its
/// subcommand word; else null.
const shell::Word* RpmTransaction(const Cmd& cmd);

/// Reports `message` at `range`, with `fix` when present.
void Emit(RuleContext& ctx, TextRange range, std::string message, std::optional<Fix> fix = {});

// --- edits ---

/// Inserts `" " + token` right after word `w` of `cmd` (e.g. ` -y` after `install`).
std::optional<Edit> InsertAfter(const Cmd& cmd, const shell::Word& w, std::string_view token);
/// Replaces word `w` of `cmd` with `text`.
std::optional<Edit> ReplaceWord(const Cmd& cmd, const shell::Word& w, std::string_view text);
/// Removes words `first..last` (inclusive, same command) and one adjacent space.
std::optional<Edit> RemoveWords(const Cmd& cmd, const shell::Word& first, const shell::Word& last);
inline std::optional<Edit> RemoveWord(const Cmd& cmd, const shell::Word& w) {
  return RemoveWords(cmd, w, w);
}
/// Appends `text` (e.g. " && rm -rf /var/lib/apt/lists/*") after the last top-level command of
/// `seg`; nullopt when the segment cannot be edited.
std::optional<Edit> AppendToScript(const Segment& seg, std::string_view text);
/// Joins RUN `b` onto RUN `a` (shell form, no heredocs, same flags, nothing but blank lines
/// between): `RUN x` + `RUN y` becomes `RUN x && y`. nullopt when that is not exactly equivalent
/// in failure behaviour (`b` has a top-level `;`, `||` or `&`), when `a` has comments, or when
/// either cannot be edited.
std::optional<std::vector<Edit>> JoinRuns(std::string_view source, const Run& a, const Run& b);

/// Where a fix can add `RUN <install>` to stage `st` so it runs before `anchor`: the start of the
/// line of the stage's first USER before `anchor` (the build still runs as root there), else of
/// `anchor`. nullopt when `anchor` is not in `st` or an earlier stage of its chain sets USER.
std::optional<uint32_t> RootInsertPoint(const dockerfile::Dockerfile& df, const dockerfile::Stage& st,
                                        const dockerfile::Instruction& anchor, std::string_view src);
/// An edit adding, on its own line at `at` (see RootInsertPoint), the RUN that installs `package`
/// with the family's package manager: `apk add --no-cache` on Alpine, `apt-get install` with list
/// cleanup on Debian/Ubuntu. Indentation and line endings follow the file. nullopt for other
/// families.
std::optional<Edit> InstallPackageAt(BaseFamily family, std::string_view package, uint32_t at,
                                     std::string_view src);

/// Isolation group of the fixes that add a `RUN` needing root (DF141, DF142) or a `USER` (DF011)
/// to the final stage: at most one of them is applied per pass, so a USER added in a pass never
/// ends up above a RUN another fix adds in the same pass (RootInsertPoint sees it on the next).
inline constexpr uint32_t kUserIsolationGroup = 0x0DF01100;

/// An edit adding `lines` as new lines right after instruction `after` (its continuation lines and
/// heredoc bodies included), each indented like `after` and ended with the file's line ending. A
/// `\n` inside a line continues it on a new line with the same indentation (the caller writes the
/// escape character). A file without a final line ending gets one first.
Edit InsertLinesAfter(std::string_view src, const dockerfile::Instruction& after,
                      std::initializer_list<std::string_view> lines);
/// The keyword `word` ("RUN", "USER") in the letter case of `like`'s keyword, so inserted
/// instructions match the file's style.
std::string KeywordLike(std::string_view src, const dockerfile::Instruction& like,
                        std::string_view word);

/// Builds a Fix from optional edits: nullopt when any edit is missing.
std::optional<Fix> MakeFix(std::string title, Applicability a,
                           std::initializer_list<std::optional<Edit>> edits);

}  // namespace shipshape::rules::run

#endif  // SHIPSHAPE_RULES_DOCKERFILE_RUN_ANALYSIS_H_
