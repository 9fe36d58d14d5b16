// A source tree built under /usr/src and left in the layer.
#include <algorithm>

#include "rules/dockerfile/run_analysis.h"
#include "rules/rule.h"

namespace shipshape {
namespace {

using namespace rules::run;

/// `/usr/src/<name>` for a path at or under it, else "".
std::string UsrSrcDir(std::string_view p) {
  if (!p.starts_with("/usr/src/")) return {};
  std::string_view rest = p.substr(9);
  rest = rest.substr(0, rest.find('/'));
  if (rest.empty() || rest.find_first_of("$*?[ '\"\\`") != std::string_view::npos) return {};
  return "/usr/src/" + std::string(rest);
}

/// The /usr/src directory `c` creates or fills: `mkdir -p /usr/src/x`, `tar -x -C /usr/src/x`,
/// `git clone URL /usr/src/x`.
std::string Populates(const Cmd& c) {
  const auto args = c.args();
  if (c.name() == "mkdir" || c.name() == "git") {
    if (c.name() == "git" && (args.empty() || !args[0].Is("clone"))) return {};
    for (const shell::Word* w : shell::Positionals(args))
      if (w->IsStatic())
        if (std::string d = UsrSrcDir(w->value()); !d.empty()) return d;
    return {};
  }
  if (c.name() == "tar") {
    for (size_t i = 0; i < args.size(); ++i) {
      std::string_view v = args[i].value();
      if (v.starts_with("--directory=")) return UsrSrcDir(v.substr(12));
      if ((v == "-C" || v == "--directory" || (v.starts_with("-") && !v.starts_with("--") &&
                                                v.ends_with("C"))) &&
          i + 1 < args.size() && args[i + 1].IsStatic())
        return UsrSrcDir(args[i + 1].value());
    }
  }
  return {};
}

bool Builds(const Cmd& c) {
  std::string_view n = c.name();
  return n == "make" || n == "configure" || n == "cmake" || n == "ninja" || n == "meson";
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const Analysis& an = SharedAnalysis(df, ctx);
  for (const auto& r : an.runs()) {
    if (!r->onbuild && (r->stage == nullptr || !an.InFinalImage(*r->stage))) continue;
    if (!r->Any(Builds)) continue;
    std::vector<std::string> seen;
    for (size_t i = 0; i < r->cmds.size(); ++i) {
      const Cmd& c = r->cmds[i];
      const std::string dir = Populates(c);
      if (dir.empty() || std::find(seen.begin(), seen.end(), dir) != seen.end()) continue;
      seen.push_back(dir);
      if (r->AnyAfter(i, [&](const Cmd& x) {
            return shell::RemovesPath(x.inv(), dir) || shell::RemovesPath(x.inv(), "/usr/src");
          }))
        continue;
      Emit(ctx, c.Range(),
           "the source tree " + dir + " is built in this RUN but not removed; it stays in the layer",
           MakeFix("Append `&& rm -rf " + dir + "`", Applicability::kUnsafe,
                   {AppendToScript(*c.seg, " && rm -rf " + dir)}));
    }
  }
}

}  // namespace

extern constinit const Rule kUsrSrcNotRemoved{
    .code = "DF129",
    .name = "usr-src-not-removed",
    .summary = "A source tree built under /usr/src is left in the layer",
    .target = Target::kDockerfile,
    .severity = Severity::kInfo,
    .category = Category::kEfficiency,
    .fix = FixAvailability::kSometimes,
    .status = Status::kPreview,
    .skips_onbuild = true,  // ONBUILD RUN not covered yet (issue 15 snapshot driver found it)
    .aliases = {{"parfum", "mkdirUsrSrcThenRemove"}},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM debian:12\nRUN mkdir -p /usr/src/app && tar -xzf a.tgz -C /usr/src/app && make -C /usr/src/app install\n", .after = "FROM debian:12\nRUN mkdir -p /usr/src/app && tar -xzf a.tgz -C /usr/src/app && make -C /usr/src/app install && rm -rf /usr/src/app\n"},
    .docs = R"md(## What it does
Flags a `RUN` that creates or fills a directory under `/usr/src` (`mkdir -p /usr/src/x`,
`tar -x -C /usr/src/x`, `git clone ... /usr/src/x`), builds in it (`make`, `./configure`,
`cmake`, `ninja`, `meson`) and does not remove it later in the same `RUN`. Only stages whose
filesystem reaches the final image are checked.

## Why is this bad
Once built and installed, the sources and object files are dead weight: often larger than the
installed program. Removing them in a later `RUN` does not shrink the image.

## Example
```dockerfile
RUN mkdir -p /usr/src/redis && tar -xzf redis.tgz -C /usr/src/redis --strip-components=1 \
 && make -C /usr/src/redis install
```

## Use instead
```dockerfile
RUN mkdir -p /usr/src/redis && tar -xzf redis.tgz -C /usr/src/redis --strip-components=1 \
 && make -C /usr/src/redis install && rm -rf /usr/src/redis
```

## Fix safety
Unsafe: appends ` && rm -rf /usr/src/<dir>` at the end of the script; a later instruction might
still use the sources (a `WORKDIR` there, or a second build step).

## References
- Parfum mkdirUsrSrcThenRemove
)md",
};

}  // namespace shipshape
