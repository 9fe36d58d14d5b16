// apt-get update without removing /var/lib/apt/lists in the same RUN.
#include "rules/dockerfile/run_analysis.h"
#include "rules/rule.h"

namespace shipshape {
namespace {

using namespace rules::run;

bool IsAptUpdate(const Cmd& c) {
  if (c.name() != "apt-get" && c.name() != "apt") return false;
  return WordIs(Subcommand(c, shell::OptionSyntaxFor(shell::PackageManager::kAptGet)), {"update"});
}

// Commands that download apt lists without being `apt-get update`: `add-apt-repository` (it
// updates unless given -n/--no-update) and a repository setup script piped into a shell
// (`curl -fsSL https://deb.nodesource.com/setup_20.x | bash -` runs `apt-get update`).
bool UpdatesIndirectly(const Cmd& c) {
  if (c.name() == "add-apt-repository") {
    for (const shell::Word& w : c.args())
      if (w.Is("-n") || w.Is("--no-update")) return false;
    return true;
  }
  if (!shell::IsShell(c.name()) || c.command().pipeline < 0 || c.command().pipeline_pos == 0)
    return false;
  for (size_t up : c.seg->list->Upstream(c.index)) {
    std::string_view n = (*c.seg->list)[up].name;
    if (n == "curl" || n == "wget") return true;
  }
  return false;
}

bool RemovesLists(const Cmd& c) {
  const shell::Invocation& inv = c.inv();
  if (shell::RemovesPath(inv, "/var/lib/apt/lists") || shell::RemovesPath(inv, "/var/lib/apt"))
    return true;
  if (inv.name == "rm")
    for (const shell::Word* w : shell::Positionals(inv))
      if (w->value() == "/var/lib/apt/*") return true;
  // apt >= 2.7: `apt-get distclean` also drops the lists.
  if (c.name() == "apt-get" || c.name() == "apt")
    return WordIs(Subcommand(c, shell::OptionSyntaxFor(shell::PackageManager::kAptGet)),
                  {"distclean", "dist-clean"});
  // find /var/lib/apt/lists -type f -delete
  if (inv.name == "find") {
    bool dir = false, del = false;
    for (const shell::Word& w : inv.args()) {
      dir |= w.value().starts_with("/var/lib/apt/lists");
      del |= w.Is("-delete") || w.Is("rm");
    }
    return dir && del;
  }
  return false;
}

// A command that reads the package lists an earlier `apt-get update` downloaded.
bool ReadsLists(const Cmd& c) {
  if (c.name() == "apt-cache") return true;
  if (c.name() != "apt-get" && c.name() != "apt") return false;
  return WordIs(Subcommand(c, shell::OptionSyntaxFor(shell::PackageManager::kAptGet)),
                {"install", "upgrade", "dist-upgrade", "full-upgrade", "reinstall", "source",
                 "build-dep", "download", "satisfy", "policy", "show", "search"});
}

// Later RUNs of the same stage that install from the lists `r` downloaded, without an update of
// their own: removing the lists in `r` would make them fail ("Unable to locate package"). For
// each, the command that first reads the lists.
std::vector<const Cmd*> LaterReaders(const Analysis& an, const Run& r) {
  std::vector<const Cmd*> out;
  bool after = false;
  for (const auto& later : an.runs()) {
    if (later.get() == &r) {
      after = true;
      continue;
    }
    if (!after || later->stage != r.stage || later->onbuild != r.onbuild) continue;
    if (later->HasDiscardMount("/var/lib/apt")) continue;
    const Cmd* first_read = nullptr;
    bool updates = false, removes = false;
    for (const Cmd& c : later->cmds) {
      if (IsAptUpdate(c) || UpdatesIndirectly(c)) updates = true;
      if (RemovesLists(c)) removes = true;
      if (!updates && !removes && first_read == nullptr && ReadsLists(c)) first_read = &c;
    }
    if (first_read != nullptr) out.push_back(first_read);
    if (updates || removes) break;  // fresh lists from here on, or none left to read
  }
  return out;
}

// Inserts `apt-get update && ` in front of command `c` (its env assignments included).
std::optional<Edit> UpdateBefore(const Cmd& c) {
  const Segment& seg = *c.seg;
  if (!seg.fixable || !seg.script.ok()) return std::nullopt;
  const shell::Command& cmd = c.command();
  // In a pipeline or a condition the inserted `&&` would change what is piped or tested.
  if (cmd.pipeline >= 0 || cmd.in_condition || cmd.negated) return std::nullopt;
  TextRange src = seg.Source(cmd.range);
  if (src.empty()) return std::nullopt;
  // `sudo apt-get install` runs as a non-root USER: the update needs sudo as well. Other
  // wrappers (gosu, chroot, exec...) change what a bare update would do: no fix.
  const uint32_t wrappers = c.inv().wrappers;
  if (wrappers & ~(shell::kWrapSudo | shell::kWrapEnv)) return std::nullopt;
  return Edit::Insert(src.start, (wrappers & shell::kWrapSudo) ? "sudo apt-get update && "
                                                               : "apt-get update && ");
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const Analysis& an = SharedAnalysis(df, ctx);
  for (const auto& r : an.runs()) {
    // Lists left in a builder stage never reach the image; ONBUILD runs in child images.
    if (!r->onbuild && (r->stage == nullptr || !an.InFinalImage(*r->stage))) continue;
    // A cache or tmpfs mount on /var/lib/apt (or its lists) keeps the lists out of the layer;
    // one on /var/cache/apt only holds the downloaded packages.
    if (r->HasDiscardMount("/var/lib/apt")) continue;
    size_t update = r->cmds.size();
    const Segment* last_apt = nullptr;
    for (size_t i = 0; i < r->cmds.size(); ++i) {
      const Cmd& c = r->cmds[i];
      // An indirect update counts only when this RUN then installs from the lists.
      if (update == r->cmds.size() &&
          (IsAptUpdate(c) || (UpdatesIndirectly(c) && r->AnyAfter(i, ReadsLists))))
        update = i;
      if (c.name() == "apt-get" || c.name() == "apt") last_apt = c.seg;
    }
    if (update == r->cmds.size() || last_apt == nullptr) continue;
    if (r->AnyAfter(update, RemovesLists)) continue;
    // `RUN apt-get update` with nothing using the lists: a later RUN installs from them, so
    // removing them here would break it (DF046 asks to merge the two instead).
    if (!r->AnyAfter(update, [](const Cmd& x) { return !IsTrivialOrCleanup(x) && !IsAptUpdate(x); }))
      continue;
    const Cmd& c = r->cmds[update];
    const bool direct = IsAptUpdate(c);
    const TextRange at =
        direct ? NameToSubcommand(c, Subcommand(c, shell::OptionSyntaxFor(shell::PackageManager::kAptGet)))
               : c.Range();
    std::string message = "apt lists downloaded by `" + std::string(c.name()) +
                          (direct ? " update`" : "` (it runs apt-get update)") +
                          " stay in the layer; remove /var/lib/apt/lists/* in the same RUN";
    // Lists written through sudo (a non-root USER) need sudo to be removed too.
    const std::string rm = (c.inv().wrappers & shell::kWrapSudo) ? " && sudo rm -rf /var/lib/apt/lists/*"
                                                                 : " && rm -rf /var/lib/apt/lists/*";
    const std::vector<const Cmd*> readers = r->stage ? LaterReaders(an, *r) : std::vector<const Cmd*>{};
    if (readers.empty()) {
      Emit(ctx, at, std::move(message),
           MakeFix("Append `&& rm -rf /var/lib/apt/lists/*`", Applicability::kSafe,
                   {AppendToScript(*last_apt, rm)}));
      continue;
    }
    // Later RUNs install from these lists: each gets its own `apt-get update` (and, on the next
    // pass, its own cleanup), so every layer stays free of the lists and every install works.
    std::optional<Fix> fix = MakeFix("Append `&& rm -rf /var/lib/apt/lists/*`; later RUNs that "
                                     "install run `apt-get update` first",
                                     Applicability::kUnsafe,
                                     {AppendToScript(*last_apt, rm)});
    for (const Cmd* reader : readers) {
      std::optional<Edit> e = UpdateBefore(*reader);
      if (!fix || !e) {
        fix.reset();
        break;
      }
      fix->edits.push_back(*e);
    }
    message += " (" + std::to_string(readers.size()) +
               (readers.size() == 1 ? " later RUN installs" : " later RUNs install") +
               " from them without an update of its own)";
    Emit(ctx, at, std::move(message), std::move(fix));
  }
}

}  // namespace

extern constinit const Rule kAptListsNotRemoved{
    .code = "DF042",
    .name = "apt-lists-not-removed",
    .summary = "apt-get update leaves /var/lib/apt/lists in the image layer",
    .target = Target::kDockerfile,
    .severity = Severity::kInfo,
    .category = Category::kEfficiency,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .skips_onbuild = true,  // ONBUILD RUN not covered yet (issue 15 snapshot driver found it)
    .aliases = {{"hadolint", "DL3009"}, {"kics", "Apt Get Install Lists Were Not Deleted"},
                {"dockle", "DKL-DI-0005"}, {"parfum", "aptGetInstallThenRemoveAptLists"}},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM debian:12\nRUN apt-get update && apt-get install -y curl\n", .after = "FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n"},
    .docs = R"md(## What it does
Flags a `RUN` that runs `apt-get update` (or `apt update`) but does not remove
`/var/lib/apt/lists` later in the same `RUN` (`rm -rf /var/lib/apt/lists/*`, `rm -rf /var/lib/apt`,
`find /var/lib/apt/lists ... -delete`, `apt-get distclean`). Commands that update the lists
themselves count too when the `RUN` then installs from them: `add-apt-repository` (without
`-n`) and a repository setup script piped into a shell
(`curl -fsSL https://deb.nodesource.com/setup_20.x | bash - && apt-get install -y nodejs`).

Not flagged: a `RUN --mount=type=cache` or `type=tmpfs` on `/var/lib/apt` or
`/var/lib/apt/lists` (one on `/var/cache/apt` alone does not hold the lists), and stages whose
filesystem never reaches the final image (a builder stage that is only `COPY --from`-ed, or an
unused stage).

## Differences from hadolint
- A cache mount on `/var/lib/apt` alone: hadolint still reports (it wants `/var/cache/apt`
  mounted too), shipshape does not, because the lists under `/var/lib/apt/lists` are then never
  written to the layer. Downloaded `.deb` files are a separate matter (`apt-get clean`).

## Why is this bad
The package lists are tens of megabytes. Removing them in a later `RUN` does not help: the layer
that added them is already part of the image.

## Example
```dockerfile
RUN apt-get update && apt-get install -y --no-install-recommends curl
```

## Use instead
```dockerfile
RUN apt-get update && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/*
```
or, with BuildKit, a cache mount:
```dockerfile
RUN --mount=type=cache,target=/var/lib/apt,sharing=locked \
    apt-get update && apt-get install -y --no-install-recommends curl
```

## Fix safety
Safe: appends ` && rm -rf /var/lib/apt/lists/*` after the last apt command's script (`sudo rm`
when the update ran through `sudo`). The lists are a download cache.

When a later `RUN` of the same stage installs from these lists without an `apt-get update` of
its own (`RUN apt-get update && apt-get install -y a` then `RUN apt-get install -y b`), removing
them would break that `RUN`. The fix then also puts `apt-get update && ` in front of the first
apt command of each such `RUN` (which the next pass cleans up in turn), and is unsafe: those
`RUN`s now download fresh lists, so they may install newer package versions. Not offered when
that command sits in a pipeline or a condition.

## References
- https://docs.docker.com/build/building/best-practices/#apt-get
- hadolint DL3009
)md",
};

}  // namespace shipshape
