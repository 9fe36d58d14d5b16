#include "shell/commands.h"

#include <algorithm>
#include <array>

namespace shipshape::shell {
namespace {

using Longs = std::span<const std::string_view>;

std::string_view Basename(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

bool Contains(Longs list, std::string_view s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

bool IsAssignmentWord(const Word& w) {
  std::string_view v = w.raw;
  if (v.empty() || !((v[0] >= 'a' && v[0] <= 'z') || (v[0] >= 'A' && v[0] <= 'Z') || v[0] == '_'))
    return false;
  for (size_t i = 1; i < v.size(); ++i) {
    char c = v[i];
    if (c == '=') return true;
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'))
      return false;
  }
  return false;
}

// Skips the options of a wrapper starting at argv[i]; returns the index of the first operand.
// POSIX style: options end at the first operand.
size_t SkipOptions(std::span<const Word> argv, size_t i, std::string_view short_with_value,
                   Longs long_with_value, bool skip_assignments) {
  while (i < argv.size()) {
    const Word& w = argv[i];
    std::string_view v = w.value();
    if (!w.IsStatic()) break;
    if (v == "--") return i + 1;
    if (v.size() > 1 && v[0] == '-') {
      if (v[1] == '-') {
        std::string_view name = v.substr(2);
        bool inline_value = name.find('=') != std::string_view::npos;
        i += (!inline_value && Contains(long_with_value, name)) ? 2 : 1;
        continue;
      }
      size_t skip = 1;
      for (size_t j = 1; j < v.size(); ++j) {
        if (short_with_value.find(v[j]) != std::string_view::npos) {
          if (j + 1 == v.size()) skip = 2;
          break;
        }
      }
      i += skip;
      continue;
    }
    if (skip_assignments && IsAssignmentWord(w)) {
      ++i;
      continue;
    }
    break;
  }
  return std::min(i, argv.size());
}

constexpr std::string_view kSudoLong[] = {"user", "group", "chdir", "host", "prompt", "role",
                                          "type", "other-user", "command-timeout", "close-from"};
constexpr std::string_view kEnvLong[] = {"unset", "chdir", "split-string"};
constexpr std::string_view kNiceLong[] = {"adjustment"};
constexpr std::string_view kTimeLong[] = {"format", "output"};
constexpr std::string_view kTimeoutLong[] = {"signal", "kill-after"};
constexpr std::string_view kStdbufLong[] = {"input", "output", "error"};
constexpr std::string_view kChrootLong[] = {"userspec", "groups"};
constexpr std::string_view kIoniceLong[] = {"class", "classdata", "pid", "pgid", "uid"};
constexpr std::string_view kXargsLong[] = {"arg-file", "delimiter", "eof", "replace",
                                           "max-lines", "max-args", "max-procs", "max-chars",
                                           "process-slot-var"};

}  // namespace

bool IsShell(std::string_view name) {
  return name == "sh" || name == "bash" || name == "dash" || name == "ash" || name == "zsh" ||
         name == "ksh" || name == "mksh";
}

Invocation Unwrap(const Script& script, uint32_t command_index) {
  if (command_index >= script.commands.size()) {
    Invocation inv;
    inv.script = &script;
    return inv;
  }
  Invocation inv = Unwrap(script.commands[command_index]);
  inv.script = &script;
  inv.command_index = command_index;
  return inv;
}

Invocation Unwrap(const Command& command) {
  Invocation inv;
  inv.command = &command;
  std::span<const Word> argv(inv.command->argv);
  size_t i = 0;
  size_t last_wrapper = SIZE_MAX;
  uint32_t last_bit = 0;
  while (i < argv.size()) {
    const Word& w = argv[i];
    if (!w.IsStatic()) return inv;  // `$CC ...`: unknown program
    std::string_view n = Basename(w.value());
    uint32_t bit = 0;
    size_t next = i + 1;
    if (n == "sudo") {
      bit = kWrapSudo;
      next = SkipOptions(argv, i + 1, "ugCDhprtUTR", kSudoLong, true);
    } else if (n == "env") {
      bit = kWrapEnv;
      next = SkipOptions(argv, i + 1, "uCS", kEnvLong, true);
    } else if (n == "nice") {
      bit = kWrapNice;
      next = SkipOptions(argv, i + 1, "n", kNiceLong, false);
    } else if (n == "nohup") {
      bit = kWrapNohup;
    } else if (n == "time") {
      bit = kWrapTime;
      next = SkipOptions(argv, i + 1, "fo", kTimeLong, false);
    } else if (n == "exec") {
      bit = kWrapExec;
      next = SkipOptions(argv, i + 1, "a", {}, false);
    } else if (n == "command") {
      // `command -v x` asks where x is; it does not run it.
      if (i + 1 < argv.size() && (argv[i + 1].Is("-v") || argv[i + 1].Is("-V"))) break;
      bit = kWrapCommand;
      next = SkipOptions(argv, i + 1, "", {}, false);
    } else if (n == "timeout") {
      bit = kWrapTimeout;
      next = SkipOptions(argv, i + 1, "sk", kTimeoutLong, false);
      if (next < argv.size()) ++next;  // DURATION
    } else if (n == "stdbuf") {
      bit = kWrapStdbuf;
      next = SkipOptions(argv, i + 1, "ioe", kStdbufLong, false);
    } else if (n == "gosu" || n == "su-exec") {
      bit = n == "gosu" ? kWrapGosu : kWrapSuExec;
      next = i + 2;  // USER
    } else if (n == "chroot") {
      bit = kWrapChroot;
      next = SkipOptions(argv, i + 1, "", kChrootLong, false);
      if (next < argv.size()) ++next;  // NEWROOT
    } else if (n == "busybox") {
      bit = kWrapBusybox;
    } else if (n == "ionice") {
      bit = kWrapIonice;
      next = SkipOptions(argv, i + 1, "cnpPu", kIoniceLong, false);
    } else if (n == "xargs") {
      bit = kWrapXargs;
      next = SkipOptions(argv, i + 1, "IELnPsdaie", kXargsLong, false);
    } else {
      break;
    }
    last_wrapper = i;
    last_bit = bit;
    inv.wrappers |= bit;
    i = next;
  }
  if (i >= argv.size()) {
    // The wrapper ran nothing (`sudo -v`, bare `env`): the wrapper itself is the command.
    if (last_wrapper == SIZE_MAX) return inv;
    i = last_wrapper;
    inv.wrappers &= ~last_bit;
  }
  inv.name_index = static_cast<uint32_t>(i);
  inv.name = Basename(argv[i].value());
  return inv;
}

const Word* ShellCommandString(const Invocation& inv) {
  if (!inv.ok() || !IsShell(inv.name)) return nullptr;
  std::span<const Word> args = inv.args();
  bool has_c = false;
  for (size_t i = 0; i < args.size(); ++i) {
    std::string_view v = args[i].value();
    if (!args[i].IsStatic()) return has_c ? &args[i] : nullptr;
    if (v == "--") return has_c && i + 1 < args.size() ? &args[i + 1] : nullptr;
    if (v.size() > 1 && (v[0] == '-' || v[0] == '+')) {
      if (v[1] == '-') {  // --login, --norc, --rcfile FILE
        if (v == "--rcfile" || v == "--init-file") ++i;
        continue;
      }
      bool takes_value = false;
      for (char c : v.substr(1)) {
        if (c == 'c') has_c = true;
        if (c == 'o' || c == 'O') takes_value = true;
      }
      if (takes_value) ++i;
      continue;
    }
    return has_c ? &args[i] : nullptr;
  }
  return nullptr;
}

// --- Options ---

std::vector<Arg> ParseArgs(std::span<const Word> args, const OptionSyntax& syntax) {
  std::vector<Arg> out;
  out.reserve(args.size());
  bool options_done = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const Word& w = args[i];
    std::string_view v = w.value();
    Arg a;
    a.word = &w;
    a.index = static_cast<uint32_t>(i);
    if (options_done || v.size() < 2 || v[0] != '-') {
      a.kind = ArgKind::kPositional;
      out.push_back(a);
      if (syntax.stop_at_positional) options_done = true;
      continue;
    }
    if (v == "--" && w.IsStatic()) {
      a.kind = ArgKind::kEndOfOptions;
      out.push_back(a);
      options_done = true;
      continue;
    }
    if (v[1] == '-' || syntax.single_dash_long) {
      std::string_view body = v.substr(v[1] == '-' ? 2 : 1);
      a.kind = ArgKind::kLong;
      size_t eq = body.find('=');
      if (eq != std::string_view::npos) {
        a.long_name = body.substr(0, eq);
        a.value = body.substr(eq + 1);
        a.has_value = true;
      } else {
        a.long_name = body;
        if (Contains(syntax.long_with_value, body) && i + 1 < args.size()) {
          a.value_word = &args[i + 1];
          a.value = args[i + 1].value();
          a.has_value = true;
          ++i;
        }
      }
      out.push_back(a);
      continue;
    }
    // Short cluster: -yq, -oFoo=bar, -o Foo=bar
    for (size_t j = 1; j < v.size(); ++j) {
      Arg s = a;
      s.kind = ArgKind::kShort;
      s.short_name = v[j];
      if (syntax.short_with_value.find(v[j]) != std::string_view::npos) {
        if (j + 1 < v.size()) {
          s.value = v.substr(j + 1);
          s.has_value = true;
        } else if (i + 1 < args.size()) {
          s.value_word = &args[i + 1];
          s.value = args[i + 1].value();
          s.has_value = true;
          ++i;
        }
        out.push_back(s);
        break;
      }
      out.push_back(s);
    }
  }
  return out;
}

namespace {
bool Matches(const Arg& a, char short_name, LongNames long_names) {
  if (a.kind == ArgKind::kShort) return short_name != 0 && a.short_name == short_name;
  if (a.kind == ArgKind::kLong) {
    for (std::string_view l : long_names) {
      if (a.long_name == l) return true;
    }
  }
  return false;
}
}  // namespace

int CountFlag(std::span<const Word> args, char short_name, LongNames long_names,
              const OptionSyntax& syntax) {
  int n = 0;
  for (const Arg& a : ParseArgs(args, syntax)) n += Matches(a, short_name, long_names);
  return n;
}

bool HasFlag(std::span<const Word> args, char short_name, LongNames long_names,
             const OptionSyntax& syntax) {
  return CountFlag(args, short_name, long_names, syntax) > 0;
}

std::optional<Arg> FindFlag(std::span<const Word> args, char short_name, LongNames long_names,
                            const OptionSyntax& syntax) {
  for (const Arg& a : ParseArgs(args, syntax)) {
    if (Matches(a, short_name, long_names)) return a;
  }
  return std::nullopt;
}

std::vector<const Word*> Positionals(std::span<const Word> args, const OptionSyntax& syntax) {
  std::vector<const Word*> out;
  for (const Arg& a : ParseArgs(args, syntax)) {
    if (a.kind == ArgKind::kPositional) out.push_back(a.word);
  }
  return out;
}

// --- Package managers ---

namespace {

constexpr std::string_view kAptLong[] = {"option", "target-release", "default-release",
                                         "config-file", "host-architecture", "build-profiles"};
constexpr std::string_view kApkLong[] = {"repository", "virtual", "root", "arch", "cache-dir",
                                         "keys-dir", "repositories-file", "timeout"};
constexpr std::string_view kRpmLong[] = {
    "setopt", "enablerepo", "disablerepo", "releasever", "installroot", "repo", "repoid",
    "repofrompath", "exclude", "excludepkgs", "config", "downloaddir", "destdir", "forcearch",
    "rpmverbosity", "debuglevel", "errorlevel", "color", "comment", "advisory", "bz", "cve",
    "secseverity", "platform-id"};
constexpr std::string_view kZypperLong[] = {"repo", "from", "type", "root", "config", "download",
                                            "reposd-dir", "cache-dir", "raw-cache-dir"};
constexpr std::string_view kPipLong[] = {
    "requirement", "constraint", "editable", "index-url", "extra-index-url", "find-links",
    "target", "prefix", "root", "trusted-host", "platform", "python-version", "implementation",
    "abi", "no-binary", "only-binary", "progress-bar", "cache-dir", "src", "upgrade-strategy",
    "log", "proxy", "timeout", "retries", "exists-action", "cert", "client-cert",
    "config-settings", "global-option", "install-option", "report", "python", "index",
    "default-index", "override", "group", "extra", "build-constraint", "resolution",
    "prerelease", "index-strategy", "keyring-provider", "link-mode", "exclude-newer",
    "reinstall-package", "no-build-package", "no-binary-package", "config-file", "directory",
    "project", "refresh-package", "upgrade-package", "constraints", "overrides"};
constexpr std::string_view kNpmLong[] = {"prefix", "registry", "workspace", "cache", "userconfig",
                                         "tag", "omit", "include", "install-strategy",
                                         "loglevel", "modules-folder", "cache-folder",
                                         "network-timeout", "mutex", "cwd", "filter", "dir",
                                         "store-dir", "reporter", "global-folder"};
constexpr std::string_view kGemLong[] = {"version", "install-dir", "bindir", "source",
                                         "platform", "trust-policy", "build-root", "document"};
constexpr std::string_view kGoLong[] = {"ldflags", "gcflags", "asmflags", "tags", "mod",
                                        "modfile", "o", "p", "pkgdir", "toolexec", "overlay",
                                        "buildmode", "compiler", "installsuffix", "C",
                                        "buildvcs", "pgo", "covermode", "coverpkg"};
constexpr std::string_view kCargoLong[] = {"version", "vers", "git", "branch", "tag", "rev",
                                           "path", "root", "index", "registry", "features",
                                           "target", "target-dir", "profile", "jobs", "config",
                                           "bin", "example", "color"};
constexpr std::string_view kPoetryLong[] = {"extras", "group", "with", "without", "only",
                                            "source", "directory", "project", "python"};
constexpr std::string_view kPipxLong[] = {"python", "pip-args", "index-url", "suffix", "spec",
                                          "preinstall"};
constexpr std::string_view kComposerLong[] = {"working-dir"};
constexpr std::string_view kCondaLong[] = {"channel", "name", "prefix", "file", "repodata-fn",
                                           "solver"};

const OptionSyntax kAptSyntax{"otca", kAptLong};
const OptionSyntax kApkSyntax{"Xtp", kApkLong};
const OptionSyntax kRpmSyntax{"cxRde", kRpmLong};
const OptionSyntax kZypperSyntax{"rtRc", kZypperLong};
const OptionSyntax kPipSyntax{"rceiftCp", kPipLong};
const OptionSyntax kNpmSyntax{"wFC", kNpmLong};
const OptionSyntax kGemSyntax{"vinsP", kGemLong};
const OptionSyntax kGoSyntax{"", kGoLong, /*single_dash_long=*/true};
const OptionSyntax kCargoSyntax{"jFZ", kCargoLong};
const OptionSyntax kPoetrySyntax{"EGCP", kPoetryLong};
const OptionSyntax kPipxSyntax{"", kPipxLong};
const OptionSyntax kComposerSyntax{"d", kComposerLong};
const OptionSyntax kCondaSyntax{"cnp", kCondaLong};

bool IsVersionSuffix(std::string_view s) {
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || c == '.')) return false;
  }
  return true;
}
// pip, pip3, pip3.11
bool IsPipName(std::string_view n) { return n.starts_with("pip") && IsVersionSuffix(n.substr(3)); }
// python, python3, python3.12
bool IsPythonName(std::string_view n) {
  return n.starts_with("python") && IsVersionSuffix(n.substr(6));
}

std::optional<PackageManager> ManagerFor(std::string_view n) {
  using PM = PackageManager;
  if (n == "apt-get") return PM::kAptGet;
  if (n == "apt") return PM::kApt;
  if (n == "apk") return PM::kApk;
  if (n == "yum") return PM::kYum;
  if (n == "dnf" || n == "dnf5") return PM::kDnf;
  if (n == "microdnf") return PM::kMicrodnf;
  if (n == "zypper") return PM::kZypper;
  if (IsPipName(n)) return PM::kPip;
  if (n == "npm") return PM::kNpm;
  if (n == "yarn") return PM::kYarn;
  if (n == "pnpm") return PM::kPnpm;
  if (n == "gem") return PM::kGem;
  if (n == "go") return PM::kGo;
  if (n == "cargo") return PM::kCargo;
  if (n == "uv") return PM::kUv;
  if (n == "poetry") return PM::kPoetry;
  if (n == "pipx") return PM::kPipx;
  if (n == "composer" || n == "composer.phar") return PM::kComposer;
  if (n == "conda" || n == "mamba" || n == "micromamba") return PM::kConda;
  return std::nullopt;
}

bool OneOf(const Word* w, std::initializer_list<std::string_view> names) {
  if (w == nullptr || !w->IsStatic()) return false;
  for (std::string_view n : names) {
    if (w->value() == n) return true;
  }
  return false;
}

}  // namespace

std::string_view PackageManagerName(PackageManager m) {
  static constexpr std::array<std::string_view, 19> kNames = {
      "apt-get", "apt", "apk", "yum", "dnf", "microdnf", "zypper", "pip", "npm", "yarn",
      "pnpm", "gem", "go", "cargo", "uv", "poetry", "pipx", "composer", "conda"};
  return kNames[static_cast<size_t>(m)];
}

const OptionSyntax& OptionSyntaxFor(PackageManager m) {
  using PM = PackageManager;
  switch (m) {
    case PM::kAptGet: case PM::kApt: return kAptSyntax;
    case PM::kApk: return kApkSyntax;
    case PM::kYum: case PM::kDnf: case PM::kMicrodnf: return kRpmSyntax;
    case PM::kZypper: return kZypperSyntax;
    case PM::kPip: case PM::kUv: return kPipSyntax;
    case PM::kNpm: case PM::kYarn: case PM::kPnpm: return kNpmSyntax;
    case PM::kGem: return kGemSyntax;
    case PM::kGo: return kGoSyntax;
    case PM::kCargo: return kCargoSyntax;
    case PM::kPoetry: return kPoetrySyntax;
    case PM::kPipx: return kPipxSyntax;
    case PM::kComposer: return kComposerSyntax;
    case PM::kConda: return kCondaSyntax;
  }
  return kAptSyntax;
}

std::optional<PackageInstall> MatchPackageInstall(const Invocation& inv) {
  using PM = PackageManager;
  if (!inv.ok()) return std::nullopt;
  PackageInstall out;
  out.invocation = inv;
  std::span<const Word> args = inv.args();
  std::optional<PM> pm;
  if (IsPythonName(inv.name)) {
    // python [-u -B ...] -m pip ...
    for (size_t i = 0; i < args.size(); ++i) {
      std::string_view v = args[i].value();
      if (v == "-m" && i + 1 < args.size() && args[i + 1].IsStatic() &&
          IsPipName(args[i + 1].value())) {
        args = args.subspan(i + 2);
        pm = PM::kPip;
        break;
      }
      if (v.starts_with("-m") && IsPipName(v.substr(2))) {
        args = args.subspan(i + 1);
        pm = PM::kPip;
        break;
      }
      if (!v.starts_with("-")) break;
    }
  } else {
    pm = ManagerFor(inv.name);
  }
  if (!pm) return std::nullopt;
  out.manager = *pm;
  out.args = args;
  const OptionSyntax& syntax = OptionSyntaxFor(*pm);
  std::vector<const Word*> pos = Positionals(args, syntax);
  const Word* first = pos.empty() ? nullptr : pos[0];
  const Word* second = pos.size() > 1 ? pos[1] : nullptr;
  size_t skip = 1;  // positionals consumed by the subcommand
  switch (*pm) {
    case PM::kAptGet: case PM::kApt: case PM::kYum: case PM::kDnf: case PM::kMicrodnf:
    case PM::kPip: case PM::kCargo: case PM::kPipx:
      if (!OneOf(first, {"install"})) return std::nullopt;
      break;
    case PM::kApk:
      if (!OneOf(first, {"add"})) return std::nullopt;
      break;
    case PM::kZypper:
      if (!OneOf(first, {"install", "in"})) return std::nullopt;
      break;
    case PM::kUv:
      if (OneOf(first, {"pip"}) && OneOf(second, {"install"})) {
        out.subcommand = second;
        skip = 2;
      } else if (!OneOf(first, {"add"})) {
        return std::nullopt;
      }
      break;
    case PM::kNpm:
      if (!OneOf(first, {"install", "i", "ci", "add", "isntall", "in"})) return std::nullopt;
      break;
    case PM::kYarn:
      if (first == nullptr) {
        skip = 0;  // bare `yarn` installs
      } else if (OneOf(first, {"global"}) && OneOf(second, {"add"})) {
        out.subcommand = second;
        skip = 2;
      } else if (!OneOf(first, {"install", "add"})) {
        return std::nullopt;
      }
      break;
    case PM::kPnpm:
      if (!OneOf(first, {"install", "i", "add"})) return std::nullopt;
      break;
    case PM::kGem:
      if (!OneOf(first, {"install", "i"})) return std::nullopt;
      break;
    case PM::kGo:
      if (!OneOf(first, {"install", "get"})) return std::nullopt;
      break;
    case PM::kPoetry:
      if (!OneOf(first, {"add", "install"})) return std::nullopt;
      break;
    case PM::kComposer:
      if (!OneOf(first, {"install", "require"})) return std::nullopt;
      break;
    case PM::kConda:
      if (!OneOf(first, {"install"})) return std::nullopt;
      break;
  }
  if (out.subcommand == nullptr && skip > 0) out.subcommand = first;
  out.packages.assign(pos.begin() + std::min(skip, pos.size()), pos.end());
  return out;
}

// --- CommandList ---

CommandList::CommandList(const Script& script, int max_shell_depth) {
  Add(script, 0, max_shell_depth);
}

void CommandList::Add(const Script& script, uint16_t shell_depth, int max_shell_depth) {
  for (uint32_t i = 0; i < script.commands.size(); ++i) {
    Invocation inv = Unwrap(script, i);
    inv.shell_depth = shell_depth;
    all_.push_back(inv);
    if (shell_depth >= max_shell_depth || !inv.ok()) continue;
    const Word* w = ShellCommandString(inv);
    if (w == nullptr) continue;
    auto inner = std::make_unique<std::pair<std::string, Script>>();
    std::string_view raw = w->raw;
    std::string_view value = w->value();
    ParseOptions opt;
    opt.clamp_end = w->range.end;
    std::string_view text;
    if (!w->owned) {
      text = raw;  // unquoted: the value is the raw text
      opt.base = w->range.start;
    } else if (raw.size() >= 2 && (raw[0] == '\'' || raw[0] == '"') && raw.back() == raw[0] &&
               value == raw.substr(1, raw.size() - 2)) {
      text = raw.substr(1, raw.size() - 2);  // a plain quoted slice: exact ranges
      opt.base = w->range.start + 1;
    } else {
      inner->first.assign(value);  // escapes inside: ranges approximated by the word
      text = inner->first;
      opt.base = w->range.start;
    }
    inner->second = Parse(text, opt);
    const Script& parsed = inner->second;
    inner_.push_back(std::move(inner));
    Add(parsed, static_cast<uint16_t>(shell_depth + 1), max_shell_depth);
  }
}

std::vector<size_t> CommandList::Find(std::string_view name) const {
  std::vector<size_t> out;
  for (size_t i = 0; i < all_.size(); ++i) {
    if (all_[i].name == name) out.push_back(i);
  }
  return out;
}

namespace {
bool IsSubstitution(BlockKind k) {
  return k == BlockKind::kCommandSubst || k == BlockKind::kBackquote ||
         k == BlockKind::kProcessSubst;
}
// The innermost pipeline element containing the command: (pipeline, position), or (-1, 0).
std::pair<int32_t, uint16_t> ElementOf(const Script& s, const Command& c) {
  if (c.pipeline >= 0) return {c.pipeline, c.pipeline_pos};
  for (int32_t b = c.block; b >= 0; b = s.blocks[b].parent) {
    const Block& blk = s.blocks[b];
    if (IsSubstitution(blk.kind)) break;
    if (blk.pipeline >= 0) return {blk.pipeline, blk.pipeline_pos};
  }
  return {-1, 0};
}
bool InElement(const Script& s, const Command& c, int32_t pipeline, uint16_t pos) {
  if (c.pipeline == pipeline) return c.pipeline_pos == pos;
  for (int32_t b = c.block; b >= 0; b = s.blocks[b].parent) {
    const Block& blk = s.blocks[b];
    if (IsSubstitution(blk.kind)) return false;
    if (blk.pipeline == pipeline) return blk.pipeline_pos == pos;
  }
  return false;
}
}  // namespace

std::vector<size_t> CommandList::Upstream(size_t index) const {
  std::vector<size_t> out;
  if (index >= all_.size()) return out;
  const Invocation& inv = all_[index];
  auto [pipeline, pos] = ElementOf(*inv.script, *inv.command);
  if (pipeline < 0 || pos == 0) return out;
  for (size_t j = 0; j < all_.size(); ++j) {
    if (all_[j].script == inv.script &&
        InElement(*inv.script, *all_[j].command, pipeline, static_cast<uint16_t>(pos - 1))) {
      out.push_back(j);
    }
  }
  return out;
}

namespace {
bool IsInterpreter(std::string_view n) {
  return IsShell(n) || IsPythonName(n) || n == "perl" || n == "ruby" || n == "node" || n == "php";
}
constexpr std::string_view kWgetLong[] = {"output-document", "output-file", "append-output",
                                          "header", "user-agent", "tries", "timeout"};
constexpr std::string_view kCurlLong[] = {"output", "header", "user-agent", "retry", "proto",
                                          "max-time", "connect-timeout", "data", "user"};
bool DownloadsToStdout(const Invocation& inv) {
  if (inv.name == "curl") {
    std::optional<Arg> o = FindFlag(inv, 'o', {"output"}, {"oHAdu", kCurlLong});
    if (o && o->value != "-") return false;
    return !HasFlag(inv, 'O', {"remote-name", "remote-name-all"}, {"oHAdu", kCurlLong});
  }
  if (inv.name == "wget") {
    std::optional<Arg> o = FindFlag(inv, 'O', {"output-document"}, {"OoaUt", kWgetLong});
    return o && (o->value == "-" || o->value == "/dev/stdout");
  }
  return false;
}
}  // namespace

std::vector<std::pair<size_t, size_t>> FindDownloadPipedToInterpreter(const CommandList& list) {
  std::vector<std::pair<size_t, size_t>> out;
  for (size_t i = 0; i < list.size(); ++i) {
    const Invocation& inv = list[i];
    if (!inv.ok() || !IsInterpreter(inv.name)) continue;
    if (ShellCommandString(inv) != nullptr) continue;  // runs its -c string, not stdin
    for (size_t up : list.Upstream(i)) {
      if (list[up].ok() && DownloadsToStdout(list[up])) out.emplace_back(up, i);
    }
  }
  return out;
}

bool RemovesPath(const Invocation& inv, std::string_view path) {
  if (!inv.ok() || inv.name != "rm") return false;
  while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  for (const Word* w : Positionals(inv)) {
    std::string_view v = w->value();
    if (v == path || (v.starts_with(path) && v.size() > path.size() && v[path.size()] == '/'))
      return true;
  }
  return false;
}

bool IsCacheCleanup(const Invocation& inv) {
  if (!inv.ok()) return false;
  std::vector<const Word*> pos = Positionals(inv);
  auto sub = [&](size_t k, std::string_view s) {
    return pos.size() > k && pos[k]->Is(s);
  };
  std::string_view n = inv.name;
  if (n == "apt-get" || n == "apt" || n == "zypper") return sub(0, "clean") || sub(0, "autoclean");
  if (n == "yum" || n == "dnf" || n == "microdnf") return sub(0, "clean");
  if (n == "apk") return sub(0, "cache") && (sub(1, "clean") || sub(1, "purge"));
  if (IsPipName(n)) return sub(0, "cache") && (sub(1, "purge") || sub(1, "remove"));
  if (n == "npm" || n == "yarn" || n == "pnpm") return sub(0, "cache") || (n == "pnpm" && sub(0, "store"));
  if (n == "conda" || n == "mamba" || n == "micromamba") return sub(0, "clean");
  if (n == "gem") return sub(0, "cleanup");
  if (n == "uv") return sub(0, "cache");
  if (n == "rm") {
    static constexpr std::string_view kCaches[] = {
        "/var/lib/apt/lists", "/var/cache/apt", "/var/cache/yum", "/var/cache/dnf",
        "/var/cache/apk", "/var/cache/zypp", "/root/.cache", "~/.cache", "$HOME/.cache",
        "/root/.npm", "/usr/local/share/.cache", "/tmp"};
    for (std::string_view c : kCaches) {
      if (RemovesPath(inv, c)) return true;
    }
  }
  return false;
}

}  // namespace shipshape::shell
