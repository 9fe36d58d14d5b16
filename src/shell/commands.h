// Command-level queries shared by the RUN rules: what program a command really runs (after
// `sudo`, `env`, `xargs`, ...), option parsing that understands `-yq`, `--x=y` and `--`, package
// manager install detection with package operands, and script-wide helpers such as "is there a
// cleanup later in the same RUN" and "is a download piped into a shell".
//
// Everything here is a pure function of a parsed `Script`; results point into it (and into the
// text it was parsed from), so both must outlive them. `CommandList` additionally owns the scripts
// parsed out of `sh -c '...'` arguments.
#ifndef SHIPSHAPE_SHELL_COMMANDS_H_
#define SHIPSHAPE_SHELL_COMMANDS_H_

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "shell/shell.h"

namespace shipshape::shell {

/// Bits of `Invocation::wrappers`: the prefixes that were skipped to find the effective command.
enum Wrapper : uint32_t {
  kWrapSudo = 1 << 0, kWrapEnv = 1 << 1, kWrapNice = 1 << 2, kWrapNohup = 1 << 3,
  kWrapTime = 1 << 4, kWrapExec = 1 << 5, kWrapCommand = 1 << 6, kWrapTimeout = 1 << 7,
  kWrapStdbuf = 1 << 8, kWrapGosu = 1 << 9, kWrapSuExec = 1 << 10, kWrapChroot = 1 << 11,
  kWrapBusybox = 1 << 12, kWrapIonice = 1 << 13,
  /// `xargs CMD ...`: CMD runs, but with extra operands from stdin, so argv is incomplete.
  kWrapXargs = 1 << 14,
};

/// The effective command of a simple command.
struct Invocation {
  const Script* script = nullptr;
  const Command* command = nullptr;
  uint32_t command_index = 0;  ///< index in `script->commands`
  uint32_t name_index = 0;     ///< argv index of the effective command word
  std::string_view name;       ///< basename of that word's value (`/usr/bin/pip3` -> `pip3`)
  uint32_t wrappers = 0;       ///< `Wrapper` bits
  uint16_t shell_depth = 0;    ///< 0 at top level, n inside n levels of `sh -c`

  bool ok() const { return command != nullptr && !name.empty(); }
  const Word& name_word() const { return command->argv[name_index]; }
  /// Arguments after the effective command name.
  std::span<const Word> args() const {
    if (!ok()) return {};
    return std::span<const Word>(command->argv).subspan(name_index + 1);
  }
};

/// Skips wrapper prefixes (`sudo -u x`, `env -i A=1`, `nice -n 5`, `nohup`, `time -p`, `exec`,
/// `command` (but not `command -v/-V`), `timeout 5s`, `stdbuf -oL`, `gosu user`, `su-exec user`,
/// `chroot /root`, `busybox`, `ionice -c3`, `xargs -r -n1`). The result's name is empty for
/// assignment-only commands and for names that are not static words (`$CC -o x`).
Invocation Unwrap(const Script& script, uint32_t command_index);
/// Same, for a command on its own (`script` is null: `CommandList::Upstream` needs the script).
Invocation Unwrap(const Command& command);

/// Is `name` a POSIX-ish shell (`sh`, `bash`, `dash`, `ash`, `zsh`, `ksh`, `mksh`)?
bool IsShell(std::string_view name);

/// For `sh -c 'SCRIPT'` (also `bash -ec "..."`, `sh -xc`), the word holding SCRIPT; else nullptr.
const Word* ShellCommandString(const Invocation& inv);

// --- Options ---

/// How a program spells its options. Defaults: GNU style, no option takes a value, options may
/// appear anywhere (permutation), `--` ends options.
struct OptionSyntax {
  std::string_view short_with_value;                 ///< e.g. "otc" for apt-get: `-o X`, `-oX`
  std::span<const std::string_view> long_with_value; ///< names without dashes: "index-url"
  bool single_dash_long = false;  ///< Go style: `-ldflags x`, `-mod=mod` (no short clusters)
  bool stop_at_positional = false;  ///< POSIX: options end at the first operand
};

enum class ArgKind : uint8_t { kShort, kLong, kPositional, kEndOfOptions };

/// One parsed argument. For clusters (`-yq`) there is one `Arg` per letter, sharing the word.
struct Arg {
  ArgKind kind = ArgKind::kPositional;
  char short_name = 0;            ///< kShort
  std::string_view long_name;     ///< kLong, without dashes and `=value`
  const Word* word = nullptr;     ///< the word holding the option or operand
  const Word* value_word = nullptr; ///< separate word holding the value, if any
  std::string_view value;         ///< the value (inline `--x=y`/`-oy`, or `value_word`'s value)
  bool has_value = false;
  uint32_t index = 0;             ///< index of `word` in the argument span
};

/// Parses `args` (e.g. `inv.args()`). Words with expansions that look like options are
/// positionals; a static `--` yields kEndOfOptions and everything after is positional.
std::vector<Arg> ParseArgs(std::span<const Word> args, const OptionSyntax& syntax = {});

/// Long names list for the queries below, e.g. `{"yes", "assume-yes"}`.
using LongNames = std::initializer_list<std::string_view>;

/// True if `-<short_name>` (also inside a cluster like `-yq`) or `--<long>` (with or without
/// `=value`) is present. `short_name` 0 means no short form.
bool HasFlag(std::span<const Word> args, char short_name, LongNames long_names,
             const OptionSyntax& syntax = {});
/// How many times the flag occurs (`-qq` counts 2).
int CountFlag(std::span<const Word> args, char short_name, LongNames long_names,
              const OptionSyntax& syntax = {});
/// The first occurrence of the flag, with its value if the syntax says it takes one.
std::optional<Arg> FindFlag(std::span<const Word> args, char short_name, LongNames long_names,
                            const OptionSyntax& syntax = {});
/// Operands: words that are neither options nor option values.
std::vector<const Word*> Positionals(std::span<const Word> args, const OptionSyntax& syntax = {});

inline bool HasFlag(const Invocation& inv, char s, LongNames l, const OptionSyntax& syn = {}) {
  return HasFlag(inv.args(), s, l, syn);
}
inline std::optional<Arg> FindFlag(const Invocation& inv, char s, LongNames l,
                                   const OptionSyntax& syn = {}) {
  return FindFlag(inv.args(), s, l, syn);
}
inline std::vector<const Word*> Positionals(const Invocation& inv, const OptionSyntax& syn = {}) {
  return Positionals(inv.args(), syn);
}

// --- Package managers ---

enum class PackageManager : uint8_t {
  kAptGet, kApt, kApk, kYum, kDnf, kMicrodnf, kZypper, kPip, kNpm, kYarn, kPnpm, kGem, kGo,
  kCargo, kUv, kPoetry, kPipx, kComposer, kConda,
};
std::string_view PackageManagerName(PackageManager m);
/// The option syntax used to parse this manager's arguments (after the subcommand words).
const OptionSyntax& OptionSyntaxFor(PackageManager m);

/// An install-like invocation: `apt-get install`, `apk add`, `pip install`, `npm ci`, ...
struct PackageInstall {
  PackageManager manager = PackageManager::kAptGet;
  Invocation invocation;
  const Word* subcommand = nullptr;  ///< `install`, `add`, `in`, `i`, `ci`, ...; null for bare `yarn`
  std::span<const Word> args;        ///< the manager's arguments (for `python -m pip`: after `pip`)
  std::vector<const Word*> packages; ///< operands after the subcommand (flags and values skipped)

  /// Flag queries with this manager's option syntax.
  bool HasFlag(char short_name, LongNames long_names) const {
    return shell::HasFlag(args, short_name, long_names, OptionSyntaxFor(manager));
  }
  std::optional<Arg> FindFlag(char short_name, LongNames long_names) const {
    return shell::FindFlag(args, short_name, long_names, OptionSyntaxFor(manager));
  }
};

/// Recognises install subcommands: apt-get/apt install, apk add, yum/dnf/microdnf install,
/// zypper install|in, pip/pip3/python -m pip install, uv pip install, uv add, npm install|i|ci,
/// yarn [global] add|install (and bare `yarn`), pnpm install|i|add, gem install, go install|get,
/// cargo install, poetry add|install, pipx install, composer install|require, conda/mamba/
/// micromamba install. Options may precede the subcommand (`apt-get -y install x`).
std::optional<PackageInstall> MatchPackageInstall(const Invocation& inv);

// --- Script-wide views ---

/// All effective commands of a script in source order, with the bodies of `sh -c '...'`
/// (bounded, `max_shell_depth` levels) parsed and spliced in right after the command that runs
/// them. Ranges of those inner commands are exact when the string is a plain quoted slice of the
/// input (`sh -c 'a && b'`), and clamped to the string's word otherwise.
class CommandList {
 public:
  explicit CommandList(const Script& script, int max_shell_depth = 3);
  CommandList(const CommandList&) = delete;
  CommandList& operator=(const CommandList&) = delete;
  CommandList(CommandList&&) = default;
  CommandList& operator=(CommandList&&) = default;

  const std::vector<Invocation>& all() const { return all_; }
  size_t size() const { return all_.size(); }
  const Invocation& operator[](size_t i) const { return all_[i]; }

  /// Indices of invocations whose effective name is `name`.
  std::vector<size_t> Find(std::string_view name) const;
  /// True if some invocation after `index` satisfies `pred(const Invocation&)`.
  template <typename Pred>
  bool AnyAfter(size_t index, Pred pred) const {
    for (size_t i = index + 1; i < all_.size(); ++i) {
      if (pred(all_[i])) return true;
    }
    return false;
  }
  /// Indices of the invocations in the pipeline element just before `index`'s (the commands
  /// writing to its stdin), including commands nested in a compound element (`(a; b) | c`).
  std::vector<size_t> Upstream(size_t index) const;

 private:
  void Add(const Script& script, uint16_t shell_depth, int max_shell_depth);

  std::vector<std::unique_ptr<std::pair<std::string, Script>>> inner_;
  std::vector<Invocation> all_;
};

/// `curl ... | sh`, `wget -qO- ... | sudo bash -s --`, `curl ... | python3`: returns
/// (download index, interpreter index) pairs in `list`.
std::vector<std::pair<size_t, size_t>> FindDownloadPipedToInterpreter(const CommandList& list);

/// `rm` with any operand equal to `path` or under it (`path` = "/var/lib/apt/lists" matches
/// `/var/lib/apt/lists/*` and `/var/lib/apt/lists`). Globs are compared on their literal text.
bool RemovesPath(const Invocation& inv, std::string_view path);

/// Package-manager cache cleanup commands: `apt-get clean`, `apt clean`, `yum clean all`,
/// `dnf clean all`, `microdnf clean all`, `zypper clean`, `apk cache clean`, `pip cache purge`,
/// `npm cache clean`, `yarn cache clean`, `conda clean`, `gem cleanup`, or an `rm` of a known
/// cache directory (/var/lib/apt/lists, /var/cache/apt, /var/cache/yum, /var/cache/dnf,
/// /var/cache/apk, /root/.cache, ~/.cache/pip, /tmp/*).
bool IsCacheCleanup(const Invocation& inv);

}  // namespace shipshape::shell

#endif  // SHIPSHAPE_SHELL_COMMANDS_H_
