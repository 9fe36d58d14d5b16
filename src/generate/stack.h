// What a build context holds, guessed from the file names in its directory (package.json means
// Node.js, go.mod means Go, ...), and the one catalog of `.dockerignore` entries that both the
// generator (GenerateDockerignore) and the context rules (DX001-DX006) use, so a generated file
// never trips a rule and a rule's fix writes what the generator would.
#ifndef SHIPSHAPE_GENERATE_STACK_H_
#define SHIPSHAPE_GENERATE_STACK_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/workspace.h"

namespace shipshape::generate {

/// A language / build tool whose artifacts a .dockerignore should leave out.
enum class Stack : uint8_t {
  kNode,    ///< package.json
  kPython,  ///< requirements*.txt, pyproject.toml, setup.py, setup.cfg, Pipfile
  kGo,      ///< go.mod
  kMaven,   ///< pom.xml
  kGradle,  ///< build.gradle(.kts), settings.gradle(.kts), gradlew
  kRuby,    ///< Gemfile
  kRust,    ///< Cargo.toml
  kPhp,     ///< composer.json
  kDotnet,  ///< *.csproj, *.fsproj, *.vbproj, *.sln
};
inline constexpr int kStackCount = 9;

/// A set of stacks (bit i = Stack i).
using Stacks = uint32_t;
constexpr Stacks Bit(Stack s) { return Stacks{1} << static_cast<int>(s); }
inline bool Has(Stacks set, Stack s) { return (set & Bit(s)) != 0; }

/// Human name for comments and messages ("Node.js", "Java (Maven)", ...).
std::string_view StackName(Stack s);

/// Stacks recognised from the names of the files in one directory.
Stacks DetectStacksFromNames(std::span<const std::string> names);
/// Stacks of directory `dir` in `fs` (its entries, not recursive).
Stacks DetectStacks(const FileSystem& fs, std::string_view dir);

/// Why an entry is in a .dockerignore. Groups map to rules: kVcs DX001, kEnv DX002, kKeys DX003,
/// kDependencies DX004, kBuildOutput DX005, kCache DX006; the rest are generator-only.
enum class IgnoreGroup : uint8_t {
  kVcs,
  kEnv,
  kKeys,
  kDependencies,
  kBuildOutput,
  kCache,
  kEditor,
  kLogs,
  kCompose,
};
std::string_view IgnoreGroupTitle(IgnoreGroup g);

struct IgnoreEntry {
  std::string_view pattern;  ///< As written into a .dockerignore (`!x` re-includes).
  /// A root-level path the pattern must exclude; a rule considers the entry covered when the
  /// user's file already excludes it. Empty for re-include lines.
  std::string_view probe;
  IgnoreGroup group;
  Stacks stacks = 0;        ///< Stacks that call for it; 0 = every project.
  /// Wanted only when the first segment of `probe` exists in the directory (`.hg`, `venv`,
  /// `.mypy_cache`), whatever the stacks; `stacks` then only documents where it comes from.
  bool if_present = false;
  bool checked = true;  ///< Required by a rule; false = generator-only nicety.
};

/// Every entry, grouped, in the order the generator writes them.
std::span<const IgnoreEntry> IgnoreCatalog();

/// True if `entry` applies to a directory with `stacks` whose entry names are `names`: presence
/// entries when their directory exists, others when they are for every project (stacks == 0) or
/// for one of `stacks`.
bool EntryApplies(const IgnoreEntry& entry, Stacks stacks, std::span<const std::string> names);

/// Contents of the Dockerfiles whose build context is most likely `dir`: the workspace's
/// Dockerfiles in that directory, or when none was discovered, the Dockerfile-named files the
/// file system lists there.
std::vector<std::string> DockerfilesInDir(const Workspace& ws, std::string_view dir);

/// Paths the Dockerfiles explicitly bring in from the context: COPY/ADD sources (not `--from`, not
/// URLs, not the whole context `.`), `RUN --mount=type=bind,source=...` sources, and ".git" when a
/// RUN calls git commands that read the repository. Normalized: no leading `./` or `/`.
std::vector<std::string> ExplicitContextSources(std::span<const std::string> dockerfiles);

/// True if a .dockerignore line `pattern` would hide one of `sources` (or a parent of one) from the
/// build: adding it would break an explicit COPY.
bool PatternHidesSource(std::string_view pattern, std::span<const std::string> sources);

}  // namespace shipshape::generate

#endif  // SHIPSHAPE_GENERATE_STACK_H_
