#include "rules/dockerfile/run_analysis.h"
#include "core/strings.h"

#include "rules/util.h"

#include <algorithm>
#include <cctype>
#include <unordered_map>

namespace shipshape::rules::run {

using dockerfile::Heredoc;
using dockerfile::Instruction;
using dockerfile::Keyword;
using dockerfile::MappedText;
using dockerfile::Stage;

namespace {

std::string_view Basename(std::string_view p) {
  size_t slash = p.find_last_of("/\\");
  return slash == std::string_view::npos ? p : p.substr(slash + 1);
}

bool IsPosixShellName(std::string_view n) {
  return shell::IsShell(n) || n == "busybox";
}

bool Contains(std::string_view hay, std::string_view needle) {
  return hay.find(needle) != std::string_view::npos;
}

ShellInfo ShellFromInstruction(const Instruction& ins) {
  ShellInfo s;
  s.set_by = &ins;
  s.argv.clear();
  for (const dockerfile::Arg& a : ins.args) s.argv.push_back(a.value);
  if (s.argv.empty()) return s;
  std::string name = Lower(Basename(s.argv[0]));
  if (name.size() > 4 && name.ends_with(".exe")) name.resize(name.size() - 4);
  s.name = name;
  s.posix = IsPosixShellName(name);
  for (size_t i = 1; i < s.argv.size(); ++i) {
    std::string_view a = s.argv[i];
    if (a == "-opipefail") s.pipefail = true;
    // `-o pipefail`, `-eo pipefail`, `-euxo pipefail`
    if (a.size() >= 2 && a[0] == '-' && a[1] != '-' && a.back() == 'o' && i + 1 < s.argv.size() &&
        s.argv[i + 1] == "pipefail")
      s.pipefail = true;
  }
  return s;
}

// A heredoc body as MappedText: the source lines of the body, `<<-` leading tabs skipped.
std::unique_ptr<MappedText> MapHeredoc(std::string_view src, const Heredoc& h, bool* exact) {
  auto mt = std::make_unique<MappedText>();
  uint32_t p = h.body.start;
  const uint32_t end = std::min<uint32_t>(h.body.end, static_cast<uint32_t>(src.size()));
  bool line_start = true;
  while (p < end) {
    char c = src[p];
    if (line_start && h.chomp && c == '\t') {
      ++p;
      continue;
    }
    line_start = c == '\n';
    mt->text.push_back(c);
    mt->offsets.push_back(p);
    ++p;
  }
  mt->offsets.push_back(end);
  *exact = mt->text == h.content;
  if (!*exact) {
    // Should not happen; fall back to an approximate map (every byte at the body start).
    mt->text = h.content;
    mt->offsets.assign(mt->text.size() + 1, h.body.start);
  }
  return mt;
}

// Exec form `RUN ["a", "b c"]` as the shell text `'a' 'b c'`, each byte mapped into its JSON string
// (exactly when the string has no escapes, else to the string's start).
std::unique_ptr<MappedText> MapExecForm(std::string_view src, const Instruction& ins) {
  auto mt = std::make_unique<MappedText>();
  auto put = [&](char c, uint32_t off) {
    mt->text.push_back(c);
    mt->offsets.push_back(off);
  };
  uint32_t last = ins.range.end;
  for (size_t i = 0; i < ins.args.size(); ++i) {
    const dockerfile::Arg& a = ins.args[i];
    if (i) put(' ', a.range.start);
    std::string_view raw = a.range.Of(src);
    bool exact = raw.size() >= 2 && raw.substr(1, raw.size() - 2) == a.value;
    bool quote = a.value.find('\'') == std::string::npos;
    if (quote) put('\'', a.range.start);
    for (size_t k = 0; k < a.value.size(); ++k)
      put(a.value[k], exact ? a.range.start + 1 + static_cast<uint32_t>(k) : a.range.start);
    if (quote) put('\'', a.range.end > a.range.start ? a.range.end - 1 : a.range.start);
    last = a.range.end;
  }
  mt->offsets.push_back(last);
  return mt;
}

// Interpreter named by a `#!` line, or "" when there is none.
std::string ShebangInterpreter(std::string_view content) {
  if (!content.starts_with("#!")) return {};
  std::string_view line = content.substr(2, content.find('\n') == std::string_view::npos
                                                ? std::string_view::npos
                                                : content.find('\n') - 2);
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
    size_t j = i;
    while (j < line.size() && line[j] != ' ' && line[j] != '\t' && line[j] != '\r') ++j;
    if (j > i) words.push_back(line.substr(i, j - i));
    i = j;
  }
  if (words.empty()) return "?";
  std::string_view name = Basename(words[0]);
  if (name == "env") {
    for (size_t k = 1; k < words.size(); ++k)
      if (!words[k].starts_with("-")) return std::string(Basename(words[k]));
    return "?";
  }
  return std::string(name);
}

bool IsDebianLikeRepo(std::string_view last, std::string_view repo) {
  static constexpr std::string_view kRepos[] = {
      "debian", "ubuntu", "buildpack-deps", "python", "node", "golang", "ruby", "php", "openjdk",
      "eclipse-temurin", "maven", "gradle", "rust", "perl", "elixir", "erlang", "haskell",
      "julia", "r-base", "httpd", "nginx", "postgres", "redis", "mongo", "wordpress", "gcc",
      "tomcat", "mariadb", "pypy", "swift", "clojure", "jenkins", "cuda", "pytorch",
      "tensorflow", "miniconda3", "micromamba", "ros", "sapmachine", "ibmjava", "django",
      "jetty", "ghost", "drupal", "joomla", "nextcloud", "odoo", "kong", "rabbitmq",
      "cassandra", "neo4j", "solr", "sonarqube", "mediawiki", "matomo", "redmine", "elasticsearch"};
  for (std::string_view r : kRepos)
    if (last == r) return true;
  return Contains(repo, "devcontainers/") || repo.starts_with("bitnami/");
}

}  // namespace

// --- Mounts ---

std::vector<Mount> ParseMounts(const Instruction& ins) {
  std::vector<Mount> out;
  for (const dockerfile::Flag& f : ins.flags) {
    if (f.name != "mount") continue;
    Mount m;
    m.range = f.range;
    std::string_view v = Unquote(f.value);
    size_t p = 0;
    while (p <= v.size()) {
      size_t comma = v.find(',', p);
      if (comma == std::string_view::npos) comma = v.size();
      std::string_view part = v.substr(p, comma - p);
      size_t eq = part.find('=');
      std::string key = Lower(part.substr(0, eq));
      std::string_view val = eq == std::string_view::npos ? "" : Unquote(part.substr(eq + 1));
      if (key == "type") m.type = Lower(val);
      else if (key == "target" || key == "dst" || key == "destination") m.target = std::string(val);
      else if (key == "id") m.id = std::string(val);
      p = comma + 1;
    }
    out.push_back(std::move(m));
  }
  return out;
}

// --- Base images ---

BaseFamily FamilyOfImage(std::string_view image) {
  if (image.empty() || image.find('$') != std::string_view::npos) return BaseFamily::kUnknown;
  dockerfile::ImageRef ref = dockerfile::ParseImageRef(image);
  const std::string repo = ref.repository;
  const std::string tag = Lower(ref.tag);
  const std::string reg = Lower(ref.registry);
  std::string_view last = Basename(repo);
  if (repo == "scratch") return BaseFamily::kNoShell;
  if (Contains(repo, "windows") || Contains(repo, "nanoserver") || Contains(repo, "servercore") ||
      Contains(repo, "dotnet/framework") || Contains(tag, "nanoserver") ||
      Contains(tag, "windowsservercore") || Contains(tag, "ltsc20"))
    return BaseFamily::kWindows;
  if (Contains(repo, "distroless"))
    return Contains(tag, "debug") ? BaseFamily::kBusybox : BaseFamily::kNoShell;
  if (Contains(tag, "alpine") || last == "alpine") return BaseFamily::kAlpine;
  if (last == "busybox") return BaseFamily::kBusybox;
  if (last == "fedora" || last == "centos" || last == "rockylinux" || last == "almalinux" ||
      last == "amazonlinux" || last == "oraclelinux" || last == "mysql" ||
      last.starts_with("ubi") || repo.starts_with("ubi") || Contains(repo, "redhat/") ||
      Contains(tag, "centos") || Contains(tag, "rockylinux") || Contains(tag, "ubi"))
    return BaseFamily::kRedHat;
  if (Contains(repo, "opensuse") || Contains(repo, "suse/") || repo.starts_with("bci/"))
    return BaseFamily::kSuse;
  static constexpr std::string_view kDebianTags[] = {
      "bookworm", "bullseye", "buster", "stretch", "trixie", "jammy", "focal", "noble",
      "bionic", "xenial", "slim", "ubuntu", "debian"};
  for (std::string_view t : kDebianTags)
    if (Contains(tag, t)) return BaseFamily::kDebian;
  if (IsDebianLikeRepo(last, repo)) return BaseFamily::kDebian;
  return BaseFamily::kUnknown;
}

// --- Segment ---

bool Segment::Exact(const shell::Word& w) const {
  std::string_view t = text();
  return w.range.end <= t.size() && w.range.start <= w.range.end &&
         t.substr(w.range.start, w.range.size()) == w.raw;
}

uint32_t Segment::ScriptEnd() const {
  uint32_t end = 0;
  for (const shell::Command& c : script.commands) end = std::max(end, c.range.end);
  for (const shell::Block& b : script.blocks) end = std::max(end, b.range.end);
  return end;
}

// --- Run ---

bool Run::HasDiscardMount(std::string_view fragment) const {
  for (const Mount& m : mounts)
    if (m.Discards() && Contains(m.target, fragment)) return true;
  return false;
}

bool Run::AnyAfter(size_t i, const std::function<bool(const Cmd&)>& pred) const {
  for (size_t j = i + 1; j < cmds.size(); ++j)
    if (pred(cmds[j])) return true;
  return false;
}

bool Run::Any(const std::function<bool(const Cmd&)>& pred) const {
  for (const Cmd& c : cmds)
    if (pred(c)) return true;
  return false;
}

bool Run::SetsPipefailBefore(size_t i) const {
  static const shell::OptionSyntax kSet{"o", {}};
  for (size_t j = 0; j < i && j < cmds.size(); ++j) {
    if (cmds[j].seg != cmds[i].seg || cmds[j].name() != "set") continue;
    for (const shell::Arg& a : shell::ParseArgs(cmds[j].args(), kSet))
      if (a.kind == shell::ArgKind::kShort && a.short_name == 'o' && a.value == "pipefail")
        return true;
  }
  return false;
}

std::optional<uint32_t> RootInsertPoint(const dockerfile::Dockerfile& df, const Stage& st,
                                        const Instruction& anchor, std::string_view src) {
  if (rules::StageOf(df, &anchor) != &st) return std::nullopt;
  for (const Stage* s : rules::StageChain(df, st))
    if (s != &st && rules::LastOf(*s, Keyword::kUser)) return std::nullopt;
  const Instruction* before = &anchor;
  for (const Instruction* ins : st.instructions) {
    if (ins == &anchor) break;
    if (ins->kind == Keyword::kUser) {
      before = ins;
      break;
    }
  }
  return rules::LineStartOf(src, before->range.start);
}

std::optional<Edit> InstallPackageAt(BaseFamily family, std::string_view package, uint32_t at,
                                     std::string_view src) {
  const std::string nl(rules::Newline(src));
  const std::string indent(rules::IndentOf(src, at));
  std::string run;
  if (family == BaseFamily::kAlpine) {
    run = "RUN apk add --no-cache " + std::string(package);
  } else if (family == BaseFamily::kDebian) {
    run = "RUN apt-get update && apt-get install -y --no-install-recommends " +
          std::string(package) + " \\" + nl + indent + "    && rm -rf /var/lib/apt/lists/*";
  } else {
    return std::nullopt;
  }
  return Edit::Insert(at, indent + run + nl);
}

Edit InsertLinesAfter(std::string_view src, const Instruction& after,
                      std::initializer_list<std::string_view> lines) {
  const std::string nl(rules::Newline(src));
  const std::string indent(rules::IndentOf(src, after.range.start));
  const uint32_t at =
      rules::LineEndOf(src, after.range.end > after.range.start ? after.range.end - 1 : after.range.end);
  std::string text;
  if (at == src.size() && !src.empty() && src.back() != '\n') text = nl;
  for (std::string_view line : lines) {
    text += indent;
    for (char c : line) {
      if (c == '\n') text += nl + indent;
      else text += c;
    }
    text += nl;
  }
  return Edit::Insert(at, std::move(text));
}

std::string KeywordLike(std::string_view src, const Instruction& like, std::string_view word) {
  return rules::MatchCase(like.keyword_range.Of(src), word);
}

// --- Analysis ---

Analysis::Analysis(const dockerfile::Dockerfile& df) : df_(df) {
  in_final_.assign(df.stages.size(), false);
  family_.assign(df.stages.size(), BaseFamily::kUnknown);
  if (const Stage* fin = df.final_stage()) {
    std::optional<uint32_t> s = fin->index;
    for (int guard = 0; s && *s < df.stages.size() && !in_final_[*s] && guard < 1000; ++guard) {
      in_final_[*s] = true;
      s = df.stages[*s].parent;
    }
  }
  for (const Stage& st : df.stages) {
    const Stage* root = &st;
    for (int guard = 0; root->parent && *root->parent < df.stages.size() && guard < 1000; ++guard)
      root = &df.stages[*root->parent];
    family_[st.index] = FamilyOfImage(root->base_resolved.empty() ? root->base
                                                                  : root->base_resolved);
  }
  all_non_posix_ = df.escape == '`';
  for (TextRange c : df.comments) {
    if (c.Of(df.source).find("shell=") == std::string_view::npos) continue;
    std::string line = Lower(c.Of(df.source));
    size_t at = line.find("hadolint shell=");
    if (at == std::string::npos) continue;
    std::string_view sh = std::string_view(line).substr(at + 15);
    if (sh.starts_with("powershell") || sh.starts_with("pwsh") || sh.starts_with("cmd"))
      all_non_posix_ = true;
  }
  for (const Stage& st : df.stages) {
    for (const Instruction* ins : st.instructions) {
      if (ins->kind == Keyword::kRun) AddRun(*ins, &st, false);
      if (ins->kind == Keyword::kOnbuild && ins->onbuild && ins->onbuild->kind == Keyword::kRun)
        AddRun(*ins->onbuild, &st, true);
    }
  }
}

bool Analysis::InFinalImage(const Stage& stage) const {
  return stage.index < in_final_.size() && in_final_[stage.index];
}

BaseFamily Analysis::Family(const Stage& stage) const {
  return stage.index < family_.size() ? family_[stage.index] : BaseFamily::kUnknown;
}

std::string_view Analysis::RootImage(const Stage& stage) const {
  const Stage* root = &stage;
  for (int guard = 0; root->parent && *root->parent < df_.stages.size() && guard < 1000; ++guard)
    root = &df_.stages[*root->parent];
  return root->base_resolved.empty() ? root->base : root->base_resolved;
}

const Stage* Analysis::StageOf(const Instruction* ins) const {
  for (const Stage& st : df_.stages)
    for (const Instruction* i : st.instructions)
      if (i == ins || (i->onbuild && i->onbuild.get() == ins)) return &st;
  return nullptr;
}

void Analysis::ForEachBefore(const Instruction* ins,
                             const std::function<bool(const Instruction&)>& fn) const {
  const Stage* st = StageOf(ins);
  if (st == nullptr) return;
  // Position of `ins` (or the ONBUILD wrapping it) in its stage.
  size_t pos = st->instructions.size();
  for (size_t i = 0; i < st->instructions.size(); ++i) {
    const Instruction* x = st->instructions[i];
    if (x == ins || (x->onbuild && x->onbuild.get() == ins)) pos = i;
  }
  for (int guard = 0; st != nullptr && guard < 1000; ++guard) {
    for (size_t i = pos; i-- > 0;)
      if (!fn(*st->instructions[i])) return;
    if (!st->parent || *st->parent >= df_.stages.size()) return;
    st = &df_.stages[*st->parent];
    pos = st->instructions.size();
  }
}

std::optional<std::string> Analysis::EnvAt(const Instruction* ins, std::string_view name) const {
  std::optional<std::string> out;
  ForEachBefore(ins, [&](const Instruction& i) {
    if (i.kind != Keyword::kEnv && i.kind != Keyword::kArg) return true;
    for (size_t k = i.pairs.size(); k-- > 0;) {
      const dockerfile::KeyValue& kv = i.pairs[k];
      if (kv.key != name) continue;
      if (i.kind == Keyword::kArg && !kv.has_value) continue;
      out = std::string(Unquote(kv.value));
      return false;
    }
    return true;
  });
  return out;
}

void Analysis::AddRun(const Instruction& ins, const Stage* stage, bool onbuild) {
  auto run = std::make_unique<Run>();
  Run& r = *run;
  r.ins = &ins;
  r.stage = stage;
  r.onbuild = onbuild;
  r.mounts = ParseMounts(ins);
  ForEachBefore(&ins, [&](const Instruction& i) {
    if (i.kind != Keyword::kShell) return true;
    r.shell = ShellFromInstruction(i);
    return false;
  });
  r.posix = !all_non_posix_ && r.shell.posix &&
            (stage == nullptr || Family(*stage) != BaseFamily::kWindows);
  if (!r.posix) {
    runs_.push_back(std::move(run));
    return;
  }
  auto add_segment = [&](std::unique_ptr<Segment> seg) {
    seg->script = shell::Parse(seg->text());
    seg->list = std::make_unique<shell::CommandList>(seg->script);
    for (size_t i = 0; i < seg->list->size(); ++i) r.cmds.push_back({seg.get(), i});
    r.segments.push_back(std::move(seg));
  };
  if (ins.json_form) {
    auto seg = std::make_unique<Segment>();
    seg->kind = Segment::Kind::kExecForm;
    seg->owned_ = MapExecForm(df_.source, ins);
    seg->map = seg->owned_.get();
    seg->fixable = false;
    add_segment(std::move(seg));
    runs_.push_back(std::move(run));
    return;
  }
  {
    auto seg = std::make_unique<Segment>();
    seg->kind = Segment::Kind::kShellForm;
    seg->map = &ins.rest;
    seg->interpreter = r.shell.name;
    seg->pipefail = r.shell.pipefail;
    add_segment(std::move(seg));
  }
  if (!ins.heredocs.empty()) {
    const Segment& rest = *r.segments.front();
    std::string_view rest_text = rest.text();
    while (!rest_text.empty() && std::isspace(static_cast<unsigned char>(rest_text.back())))
      rest_text.remove_suffix(1);
    // `RUN <<EOF` alone: the body is the script.
    const bool only_marker = ins.heredocs.size() == 1 && rest_text.find_first_of(" \t") ==
                                                             std::string_view::npos;
    for (const Heredoc& h : ins.heredocs) {
      std::string interpreter;
      bool pipefail = false;
      if (only_marker) {
        std::string bang = ShebangInterpreter(h.content);
        if (bang.empty()) {
          interpreter = r.shell.name;
          pipefail = r.shell.pipefail;
        } else if (IsPosixShellName(bang)) {
          interpreter = bang;
        }
      } else {
        // `bash <<EOF`, `sh -s <<EOF`: a shell reads the body from stdin.
        for (size_t i = 0; i < rest.list->size() && interpreter.empty(); ++i) {
          const shell::Invocation& inv = (*rest.list)[i];
          if (!inv.ok() || !shell::IsShell(inv.name) || shell::ShellCommandString(inv)) continue;
          for (const shell::Redirect& rd : inv.command->redirects)
            if (rd.IsHeredoc() && rd.target.value() == h.name) interpreter = std::string(inv.name);
        }
      }
      if (interpreter.empty()) continue;  // data (cat <<EOF > file) or another language
      auto seg = std::make_unique<Segment>();
      seg->kind = Segment::Kind::kHeredoc;
      seg->heredoc = &h;
      bool exact = true;
      seg->owned_ = MapHeredoc(df_.source, h, &exact);
      seg->map = seg->owned_.get();
      seg->fixable = exact;
      seg->interpreter = interpreter;
      seg->pipefail = pipefail;
      add_segment(std::move(seg));
    }
  }
  runs_.push_back(std::move(run));
}

// --- small queries ---

bool WordIs(const shell::Word* w, std::initializer_list<std::string_view> names) {
  if (w == nullptr || !w->IsStatic()) return false;
  for (std::string_view n : names)
    if (w->value() == n) return true;
  return false;
}

const shell::Word* Subcommand(const Cmd& cmd, const shell::OptionSyntax& syntax) {
  std::vector<const shell::Word*> pos = shell::Positionals(cmd.args(), syntax);
  return pos.empty() ? nullptr : pos[0];
}

bool Truthy(std::string_view v) {
  std::string l = Lower(Unquote(v));
  return l == "1" || l == "true" || l == "yes" || l == "on";
}

bool Falsy(std::string_view v) {
  std::string l = Lower(Unquote(v));
  return l == "0" || l == "false" || l == "no" || l == "off";
}

std::string_view Unquote(std::string_view v) {
  if (v.size() >= 2 && (v[0] == '"' || v[0] == '\'') && v.back() == v[0])
    return v.substr(1, v.size() - 2);
  return v;
}

std::optional<std::string> AssignedIn(const Cmd& cmd, std::string_view name) {
  auto check = [&](const shell::Word& w) -> std::optional<std::string> {
    std::string_view v = w.value();
    if (v.size() > name.size() && v.starts_with(name) && v[name.size()] == '=')
      return std::string(Unquote(v.substr(name.size() + 1)));
    return std::nullopt;
  };
  const shell::Command& c = cmd.command();
  for (const shell::Word& w : c.assignments)
    if (auto v = check(w)) return v;
  const shell::Invocation& inv = cmd.inv();
  for (uint32_t i = 0; i < inv.name_index && i < c.argv.size(); ++i)
    if (auto v = check(c.argv[i])) return v;
  if (inv.ok() && (inv.name == "export" || inv.name == "declare" || inv.name == "readonly"))
    for (const shell::Word& w : inv.args())
      if (auto v = check(w)) return v;
  return std::nullopt;
}

namespace {
constexpr std::string_view kCurlLong[] = {
    "output", "header", "user-agent", "retry", "proto", "max-time", "connect-timeout", "data",
    "user", "write-out", "cacert", "cert", "key", "request", "url", "referer", "cookie",
    "form", "proxy", "range", "retry-delay", "retry-max-time", "upload-file", "data-binary",
    "data-raw", "data-urlencode", "output-dir", "config", "resolve", "interface", "limit-rate",
    "proto-redir", "create-dirs-mode", "cookie-jar", "dump-header", "ciphers"};
const shell::OptionSyntax kCurl{"oHAdueEKrmwxXTUbcCYyzQFD", kCurlLong};
constexpr std::string_view kWgetLong[] = {"output-document", "output-file", "append-output",
                                          "header", "user-agent", "tries", "timeout",
                                          "directory-prefix", "user", "password", "input-file",
                                          "ca-certificate", "certificate", "post-data"};
const shell::OptionSyntax kWget{"OoaUtPTeiw", kWgetLong};
}  // namespace

const shell::OptionSyntax& CurlSyntax() { return kCurl; }
const shell::OptionSyntax& WgetSyntax() { return kWget; }

bool IsTrivialOrCleanup(const Cmd& c) {
  std::string_view n = c.name();
  return n.empty() || n == "echo" || n == "printf" || n == "true" || n == ":" || n == "set" ||
         n == "export" || shell::IsCacheCleanup(c.inv());
}

std::optional<shell::PackageInstall> InstallOf(const Cmd& cmd,
                                               std::initializer_list<shell::PackageManager> pms) {
  std::optional<shell::PackageInstall> pi = shell::MatchPackageInstall(cmd.inv());
  if (!pi) return std::nullopt;
  // Bare `yarn` installs, but `yarn --version` / `yarn -v` / `yarn --help` only print.
  if (pi->manager == shell::PackageManager::kYarn && pi->subcommand == nullptr &&
      pi->HasFlag('v', {"version", "help"}))
    return std::nullopt;
  if (pi->manager == shell::PackageManager::kYarn && pi->subcommand == nullptr &&
      pi->HasFlag('h', {}))
    return std::nullopt;
  for (shell::PackageManager m : pms)
    if (pi->manager == m) return pi;
  return std::nullopt;
}

TextRange Span(const Cmd& cmd, const shell::Word& a, const shell::Word& b) {
  TextRange x = cmd.Range(a), y = cmd.Range(b);
  return {x.start, std::max(x.end, y.end)};
}

TextRange NameToSubcommand(const Cmd& cmd, const shell::Word* subcommand) {
  const shell::Word& name = cmd.inv().name_word();
  return subcommand ? Span(cmd, name, *subcommand) : cmd.Range(name);
}

std::vector<std::string_view> OptionValues(std::span<const shell::Word> args, char short_name,
                                           std::string_view long_name,
                                           const shell::OptionSyntax& syntax) {
  std::vector<std::string_view> out;
  for (const shell::Arg& a : shell::ParseArgs(args, syntax)) {
    if (!a.has_value) continue;
    if ((a.kind == shell::ArgKind::kShort && a.short_name == short_name) ||
        (a.kind == shell::ArgKind::kLong && a.long_name == long_name))
      out.push_back(a.value);
  }
  return out;
}

RpmTool RpmToolOf(std::string_view n) {
  if (n == "yum") return RpmTool::kYum;
  if (n == "dnf" || n == "dnf5" || n == "tdnf") return RpmTool::kDnf;
  if (n == "microdnf") return RpmTool::kMicrodnf;
  if (n == "zypper") return RpmTool::kZypper;
  return RpmTool::kNone;
}

namespace {
const shell::Word* RpmSub(const Cmd& cmd, RpmTool t) {
  using PM = shell::PackageManager;
  return Subcommand(cmd, shell::OptionSyntaxFor(t == RpmTool::kZypper ? PM::kZypper : PM::kYum));
}
}  // namespace

const shell::Word* RpmInstallLike(const Cmd& cmd) {
  RpmTool t = RpmToolOf(cmd.name());
  if (t == RpmTool::kNone) return nullptr;
  const shell::Word* s = RpmSub(cmd, t);
  if (t == RpmTool::kZypper)
    return WordIs(s, {"install", "in", "update", "up", "patch", "dist-upgrade", "dup",
                      "source-install", "si", "install-new-recommends", "inr"})
               ? s
               : nullptr;
  // dnf's short aliases count too: `in`, `rei`, `up`, `up-min`, `dsync`, `dg`.
  if (WordIs(s, {"install", "in", "groupinstall", "localinstall", "reinstall", "rei", "update",
                 "upgrade", "up", "update-minimal", "upgrade-minimal", "up-min", "distro-sync",
                 "distrosync", "dsync", "downgrade", "dg", "builddep", "swap"}))
    return s;
  // `dnf group install x`, `dnf module install nodejs:18`
  if (WordIs(s, {"group", "groups", "module"})) {
    std::vector<const shell::Word*> pos = shell::Positionals(
        cmd.args(), shell::OptionSyntaxFor(shell::PackageManager::kYum));
    if (pos.size() > 1 && WordIs(pos[1], {"install", "update", "upgrade", "enable"})) return s;
  }
  return nullptr;
}

const shell::Word* RpmTransaction(const Cmd& cmd) {
  if (const shell::Word* s = RpmInstallLike(cmd)) return s;
  RpmTool t = RpmToolOf(cmd.name());
  if (t == RpmTool::kNone) return nullptr;
  const shell::Word* s = RpmSub(cmd, t);
  if (t == RpmTool::kZypper) return WordIs(s, {"remove", "rm"}) ? s : nullptr;
  return WordIs(s, {"remove", "rm", "erase", "autoremove", "groupremove"}) ? s : nullptr;
}

void Emit(RuleContext& ctx, TextRange range, std::string message, std::optional<Fix> fix) {
  DiagnosticBuilder b = ctx.Report(range, std::move(message));
  if (fix) b.WithFix(std::move(*fix));
}

// --- edits ---

std::optional<Edit> InsertAfter(const Cmd& cmd, const shell::Word& w, std::string_view token) {
  const Segment& seg = *cmd.seg;
  if (!seg.fixable || !seg.Exact(w) || w.range.empty()) return std::nullopt;
  return Edit::Insert(seg.Source(w.range).end, " " + std::string(token));
}

std::optional<Edit> ReplaceWord(const Cmd& cmd, const shell::Word& w, std::string_view text) {
  const Segment& seg = *cmd.seg;
  if (!seg.fixable || !seg.Exact(w) || w.range.empty()) return std::nullopt;
  return Edit::Replace(seg.Source(w.range), std::string(text));
}

std::optional<Edit> RemoveWords(const Cmd& cmd, const shell::Word& first,
                                const shell::Word& last) {
  const Segment& seg = *cmd.seg;
  if (!seg.fixable || !seg.Exact(first) || !seg.Exact(last) || first.range.empty() ||
      last.range.end < first.range.start)
    return std::nullopt;
  std::string_view t = seg.text();
  uint32_t s = first.range.start, e = last.range.end;
  if (s > 0 && (t[s - 1] == ' ' || t[s - 1] == '\t')) {
    --s;
  } else if (e < t.size() && (t[e] == ' ' || t[e] == '\t')) {
    ++e;
  }
  TextRange a = seg.Source({s, s + 1});
  TextRange b = seg.Source({e - 1, e});
  return Edit::Delete({a.start, b.end});
}

std::optional<Edit> AppendToScript(const Segment& seg, std::string_view text) {
  if (!seg.fixable || !seg.script.ok()) return std::nullopt;
  uint32_t end = seg.ScriptEnd();
  if (end == 0) return std::nullopt;
  // The element that ends last must not run in the background or carry a heredoc (text appended
  // after it would land inside the heredoc body).
  for (const shell::Command& c : seg.script.commands) {
    if (c.range.end != end) continue;
    if (c.connector == shell::Connector::kBackground) return std::nullopt;
    for (const shell::Redirect& rd : c.redirects)
      if (rd.IsHeredoc()) return std::nullopt;
  }
  for (const shell::Block& b : seg.script.blocks)
    if (b.range.end == end && b.connector == shell::Connector::kBackground) return std::nullopt;
  for (TextRange c : seg.script.comments)
    if (c.start >= end) return std::nullopt;  // `cmd # note`: appending there is fine, but keep
                                              // the comment last is not possible minimally
  return Edit::Insert(seg.Source({end - 1, end}).end, std::string(text));
}

namespace {
// Connectors of the top-level list elements of a script.
std::vector<shell::Connector> TopLevelConnectors(const shell::Script& s) {
  std::vector<shell::Connector> out;
  for (const shell::Command& c : s.commands)
    if (c.block < 0) out.push_back(c.connector);
  for (const shell::Block& b : s.blocks)
    if (b.parent < 0) out.push_back(b.connector);
  return out;
}

std::vector<std::string_view> FlagTexts(std::string_view src, const Instruction& ins) {
  std::vector<std::string_view> out;
  for (const dockerfile::Flag& f : ins.flags) out.push_back(f.range.Of(src));
  std::sort(out.begin(), out.end());
  return out;
}
}  // namespace

std::optional<std::vector<Edit>> JoinRuns(std::string_view source, const Run& a, const Run& b) {
  if (a.onbuild || b.onbuild || !a.posix || !b.posix) return std::nullopt;
  if (a.ins->json_form || b.ins->json_form || !a.ins->heredocs.empty() ||
      !b.ins->heredocs.empty())
    return std::nullopt;
  if (a.segments.size() != 1 || b.segments.size() != 1) return std::nullopt;
  const Segment& sa = *a.segments[0];
  const Segment& sb = *b.segments[0];
  if (!sa.script.ok() || !sb.script.ok() || !sa.script.comments.empty()) return std::nullopt;
  if (sa.script.commands.empty() || sb.script.commands.empty()) return std::nullopt;
  if (FlagTexts(source, *a.ins) != FlagTexts(source, *b.ins)) return std::nullopt;
  for (shell::Connector c : TopLevelConnectors(sa.script))
    if (c == shell::Connector::kBackground) return std::nullopt;
  for (shell::Connector c : TopLevelConnectors(sb.script))
    if (c != shell::Connector::kAnd && c != shell::Connector::kPipe &&
        c != shell::Connector::kPipeAll && c != shell::Connector::kEnd)
      return std::nullopt;
  // Only blank space between the two instructions.
  if (b.ins->range.start < a.ins->range.end) return std::nullopt;
  std::string_view between = source.substr(a.ins->range.end, b.ins->range.start - a.ins->range.end);
  for (char c : between)
    if (!std::isspace(static_cast<unsigned char>(c))) return std::nullopt;
  uint32_t end = sa.ScriptEnd();
  if (end == 0 || b.ins->rest.offsets.empty()) return std::nullopt;
  uint32_t from = sa.Source({end - 1, end}).end;
  uint32_t to = b.ins->rest.offsets[0];
  if (to <= from) return std::nullopt;
  return std::vector<Edit>{Edit::Replace({from, to}, " && ")};
}

std::optional<Fix> MakeFix(std::string title, Applicability a,
                           std::initializer_list<std::optional<Edit>> edits) {
  Fix f;
  f.title = std::move(title);
  f.applicability = a;
  for (const std::optional<Edit>& e : edits) {
    if (!e) return std::nullopt;
    f.edits.push_back(*e);
  }
  std::sort(f.edits.begin(), f.edits.end(),
            [](const Edit& x, const Edit& y) { return x.range.start < y.range.start; });
  return f;
}

}  // namespace shipshape::rules::run
