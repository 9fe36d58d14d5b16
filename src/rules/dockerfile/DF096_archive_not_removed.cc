// Downloaded archives and mktemp -d directories left in the layer.

#include "patterns/glob.h"
#include "rules/dockerfile/run_analysis.h"
#include "rules/rule.h"

namespace shipshape {
namespace {

using namespace rules::run;

std::string_view Basename(std::string_view p) {
  p = p.substr(0, p.find_first_of("?#"));
  while (p.size() > 1 && p.back() == '/') p.remove_suffix(1);
  size_t s = p.rfind('/');
  return s == std::string_view::npos ? p : p.substr(s + 1);
}

// Files written by curl/wget in this command.
std::vector<std::string> Downloads(const Cmd& c) {
  std::vector<std::string> out;
  const auto args = c.args();
  if (c.name() == "curl") {
    const shell::OptionSyntax& syn = CurlSyntax();
    for (const shell::Arg& a : shell::ParseArgs(args, syn))
      if (a.kind != shell::ArgKind::kPositional && a.short_name == 'o' && a.has_value &&
          a.value != "-" && (a.value_word == nullptr || a.value_word->IsStatic()))
        out.emplace_back(a.value);
      else if (a.kind == shell::ArgKind::kLong && a.long_name == "output" && a.has_value)
        out.emplace_back(a.value);
    if (shell::HasFlag(args, 'O', {"remote-name"}, syn))
      for (const shell::Word* w : shell::Positionals(args, syn))
        if (w->IsStatic() && w->value().find("://") != std::string_view::npos)
          out.emplace_back(Basename(w->value()));
  } else if (c.name() == "wget") {
    const shell::OptionSyntax& syn = WgetSyntax();
    auto o = shell::FindFlag(args, 'O', {"output-document"}, syn);
    if (o && o->has_value) {
      if (o->value != "-" && o->value != "/dev/stdout") out.emplace_back(o->value);
    } else {
      auto dir = shell::FindFlag(args, 'P', {"directory-prefix"}, syn);
      for (const shell::Word* w : shell::Positionals(args, syn))
        if (w->IsStatic() && w->value().find("://") != std::string_view::npos) {
          std::string name(Basename(w->value()));
          out.push_back(dir && dir->has_value ? std::string(dir->value) + "/" + name : name);
        }
    }
  }
  return out;
}

// The archive a tar/unzip command extracts, or "".
std::string Extracted(const Cmd& c) {
  const auto args = c.args();
  if (c.name() == "unzip") {
    for (const shell::Word* w : shell::Positionals(args, {"dx", {}}))
      if (w->IsStatic()) return std::string(w->value());
    return {};
  }
  if (c.name() != "tar" || args.empty()) return {};
  std::string_view first = args[0].value();
  // Old style: `tar xzf FILE`
  if (!first.starts_with("-") && first.find('x') != std::string_view::npos &&
      first.find('f') != std::string_view::npos)
    return args.size() > 1 && args[1].IsStatic() ? std::string(args[1].value()) : std::string();
  static constexpr std::string_view kTarLong[] = {"file", "directory", "files-from", "exclude",
                                                  "transform", "strip-components", "owner",
                                                  "group", "mode", "use-compress-program"};
  const shell::OptionSyntax syn{"fCTXIb", kTarLong};
  if (!shell::HasFlag(args, 'x', {"extract", "get"}, syn)) return {};
  auto f = shell::FindFlag(args, 'f', {"file"}, syn);
  if (!f || !f->has_value || f->value == "-") return {};
  if (f->value_word && !f->value_word->IsStatic()) return {};
  return std::string(f->value);
}

bool SameFile(std::string_view a, std::string_view b) {
  auto strip = [](std::string_view p) { return p.starts_with("./") ? p.substr(2) : p; };
  return strip(a) == strip(b);
}

bool Removes(const Cmd& c, std::string_view file) {
  if (c.name() != "rm") return false;
  for (const shell::Word* w : shell::Positionals(c.args())) {
    std::string v(w->value());
    while (v.size() > 1 && v.back() == '/') v.pop_back();
    if (SameFile(v, file)) return true;
    if (v.size() > 2 && v.ends_with("/*")) v.resize(v.size() - 2);
    if (file.starts_with(v + "/")) return true;
    if (v.find_first_of("*?[") != std::string::npos &&
        (patterns::GlobMatch(v, file) ||
         patterns::GlobMatch(v, Basename(file))))
      return true;
  }
  return false;
}

// The working directory a RUN starts in, from the WORKDIRs before it; "" when unknown (none
// set, so the base image's, or one built from variables).
std::string WorkdirAt(const Analysis& an, const dockerfile::Instruction* ins) {
  std::vector<std::string_view> parts;  // nearest first
  bool absolute = false;
  an.ForEachBefore(ins, [&](const dockerfile::Instruction& i) {
    if (i.kind != dockerfile::Keyword::kWorkdir || i.args.empty()) return true;
    std::string_view v = i.args[0].value;
    parts.push_back(v);
    absolute = v.starts_with("/");
    return !absolute;
  });
  if (!absolute) return {};
  std::string out;
  for (auto it = parts.rbegin(); it != parts.rend(); ++it) {
    if (it->find_first_of("$\\\"'") != std::string_view::npos) return {};
    if (it->starts_with("/")) out.clear();
    if (!out.empty() && out.back() != '/') out += '/';
    out += *it;
  }
  while (out.size() > 1 && out.back() == '/') out.pop_back();
  return out;
}

// An `rm -r` or a glob on an absolute path: it may cover a relative archive when we do not know
// the directory the RUN works in.
bool BroadAbsoluteRm(const Cmd& c) {
  if (c.name() != "rm") return false;
  bool recursive = false;
  for (const shell::Word& w : c.args())
    if (w.value().starts_with("-") && !w.value().starts_with("--") &&
        w.value().find_first_of("rR") != std::string_view::npos)
      recursive = true;
  for (const shell::Word* w : shell::Positionals(c.args()))
    if (w->value().starts_with("/") &&
        (recursive || w->value().find_first_of("*?[") != std::string_view::npos))
      return true;
  return false;
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const Analysis& an = SharedAnalysis(df, ctx);
  for (const auto& r : an.runs()) {
    if (!r->onbuild && (r->stage == nullptr || !an.InFinalImage(*r->stage))) continue;
    if (r->HasDiscardMount("/tmp")) continue;
    std::vector<std::string> downloaded;
    bool changed_dir = false;
    for (size_t i = 0; i < r->cmds.size(); ++i) {
      const Cmd& c = r->cmds[i];
      if (c.name() == "cd") changed_dir = true;
      for (std::string& f : Downloads(c)) downloaded.push_back(std::move(f));
      // var=$(mktemp -d), also `export GNUPGHOME="$(mktemp -d)"` (docker-library's gpg idiom).
      std::vector<const shell::Word*> assigned;
      for (const shell::Word& w : c.command().assignments) assigned.push_back(&w);
      if (c.name() == "export" || c.name() == "readonly" || c.name() == "declare")
        for (const shell::Word& w : c.args()) assigned.push_back(&w);
      for (const shell::Word* wp : assigned) {
        const shell::Word& w = *wp;
        std::string_view raw = w.raw;
        size_t eq = raw.find('=');
        if (eq == std::string_view::npos || raw.find("mktemp") == std::string_view::npos ||
            raw.find("-d") == std::string_view::npos || c.inv().shell_depth != 0)
          continue;
        std::string var(raw.substr(0, eq));
        bool removed = r->AnyAfter(i, [&](const Cmd& x) {
          if (x.name() != "rm") return false;
          for (const shell::Word& a : x.args())
            if (a.raw.find("$" + var) != std::string_view::npos ||
                a.raw.find("${" + var + "}") != std::string_view::npos)
              return true;
          return false;
        });
        if (removed) continue;
        Emit(ctx, c.Range(),
             "temporary directory from mktemp -d ($" + var + ") is not removed in this RUN",
             MakeFix("Append `&& rm -rf \"$" + var + "\"`", Applicability::kUnsafe,
                     {AppendToScript(*c.seg, " && rm -rf \"$" + var + "\"")}));
      }
      std::string archive = Extracted(c);
      // /dev/shm is a tmpfs during the build: nothing there reaches the layer.
      if (archive.empty() || archive.starts_with("/dev/")) continue;
      bool ours = false;
      for (const std::string& d : downloaded)
        ours = ours || SameFile(d, archive) || Basename(d) == archive;
      if (!ours) continue;
      // `WORKDIR /tmp` + `tar xf a.tgz` + `rm -rf /tmp/*` does remove it.
      std::string absolute = archive;
      if (!archive.starts_with("/")) {
        const std::string wd = changed_dir ? std::string() : WorkdirAt(an, r->ins);
        absolute = wd.empty() ? std::string() : (wd == "/" ? "" : wd) + "/" + archive;
      }
      if (r->AnyAfter(i, [&](const Cmd& x) {
            return Removes(x, archive) || (!absolute.empty() && Removes(x, absolute));
          }))
        continue;
      // Where the archive is relative to an unknown directory, a broad `rm` may already cover
      // it, and the plain `rm` of the fix would then fail the build.
      const bool maybe_removed =
          absolute.empty() && r->AnyAfter(i, [](const Cmd& x) { return BroadAbsoluteRm(x); });
      std::optional<Fix> fix;
      if (!changed_dir && !maybe_removed && archive.find_first_of(" '\"$`\\") == std::string::npos)
        // Plain `rm` (Parfum's shape): tar/unzip has just read the file, so it exists, and a
        // name we got wrong fails the build instead of silently leaving the archive.
        fix = MakeFix("Append `&& rm " + archive + "`", Applicability::kUnsafe,
                      {AppendToScript(*c.seg, " && rm " + archive)});
      Emit(ctx, c.Range(),
           "downloaded archive " + archive +
               " is extracted but not removed in the same RUN; it stays in the layer",
           std::move(fix));
    }
  }
}

}  // namespace

extern constinit const Rule kArchiveNotRemoved{
    .code = "DF096",
    .name = "archive-not-removed",
    .summary = "A downloaded archive or mktemp directory is left in the layer",
    .target = Target::kDockerfile,
    .severity = Severity::kInfo,
    .category = Category::kEfficiency,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .aliases = {{"parfum", "tarSomethingRmTheSomething"}, {"parfum", "rmRecursiveAfterMktempD"}},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM debian:12\nRUN curl -fsSLo /tmp/a.tgz https://e.com/a.tgz && tar -xzf /tmp/a.tgz -C /opt\n", .after = "FROM debian:12\nRUN curl -fsSLo /tmp/a.tgz https://e.com/a.tgz && tar -xzf /tmp/a.tgz -C /opt && rm /tmp/a.tgz\n"},
    .docs = R"md(## What it does
Flags a `RUN` that downloads an archive (`curl -o`/`-O`, `wget`), extracts it (`tar -x`, `unzip`)
and does not remove it later in the same `RUN`; and `dir=$(mktemp -d)` whose directory is never
removed. Only stages whose filesystem reaches the final image are checked.

## Why is this bad
The archive stays in the layer next to its extracted contents: the image carries everything
twice. Removing it in a later `RUN` does not help.

## Example
```dockerfile
RUN curl -fsSLo /tmp/app.tgz https://e.com/app.tgz && tar -xzf /tmp/app.tgz -C /opt
```

## Use instead
```dockerfile
RUN curl -fsSLo /tmp/app.tgz https://e.com/app.tgz && tar -xzf /tmp/app.tgz -C /opt \
 && rm /tmp/app.tgz
```
or stream it: `curl -fsSL https://e.com/app.tgz | tar -xz -C /opt`.

## Fix safety
Unsafe: appends ` && rm ARCHIVE` (or `rm -rf "$dir"`) at the end of the script; a later
instruction might still have wanted the file. Not offered after a `cd` (relative paths).

## References
- Parfum tarSomethingRmTheSomething, rmRecursiveAfterMktempD
)md",
};

}  // namespace shipshape
