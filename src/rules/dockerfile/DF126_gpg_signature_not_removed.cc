// The signature file checked by `gpg --verify` left in the layer.

#include <cctype>

#include "patterns/glob.h"
#include "rules/dockerfile/run_analysis.h"
#include "rules/rule.h"

namespace shipshape {
namespace {

using namespace rules::run;

bool IsSignature(std::string_view v) {
  return v.ends_with(".asc") || v.ends_with(".sig") || v.ends_with(".sign");
}

std::string_view Basename(std::string_view p) {
  size_t s = p.rfind('/');
  return s == std::string_view::npos ? p : p.substr(s + 1);
}

/// `x` of `$x/...` or `${x}/...` (quotes skipped), else "".
std::string LeadingVariable(std::string_view v) {
  if (v.starts_with("\"")) v.remove_prefix(1);
  if (!v.starts_with("$")) return {};
  v.remove_prefix(1);
  const bool braced = v.starts_with("{");
  if (braced) v.remove_prefix(1);
  size_t n = 0;
  while (n < v.size() && (std::isalnum(static_cast<unsigned char>(v[n])) || v[n] == '_')) ++n;
  return std::string(v.substr(0, n));
}

/// `rm` of `file`, of a directory holding it, or of a glob matching it.
bool Removes(const Cmd& c, std::string_view file) {
  if (c.name() != "rm") return false;
  auto strip = [](std::string_view p) { return p.starts_with("./") ? p.substr(2) : p; };
  for (const shell::Word* w : shell::Positionals(c.args())) {
    std::string v(w->value());
    while (v.size() > 1 && v.back() == '/') v.pop_back();
    if (strip(v) == strip(file)) return true;
    if (v.size() > 2 && v.ends_with("/*")) v.resize(v.size() - 2);
    if (file.starts_with(v + "/")) return true;
    if (v.find_first_of("*?[") != std::string::npos &&
        (patterns::GlobMatch(v, file) ||
         patterns::GlobMatch(v, Basename(file))))
      return true;
    // `rm -rf "$dir"` where the signature is `"$dir/app.asc"`.
    const std::string var = LeadingVariable(file);
    if (!var.empty() && (w->raw.find("$" + var) != std::string_view::npos ||
                         w->raw.find("${" + var + "}") != std::string_view::npos))
      return true;
  }
  return false;
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const Analysis& an = SharedAnalysis(df, ctx);
  for (const auto& r : an.runs()) {
    if (!r->onbuild && (r->stage == nullptr || !an.InFinalImage(*r->stage))) continue;
    if (r->HasDiscardMount("/tmp")) continue;
    bool changed_dir = false;
    for (size_t i = 0; i < r->cmds.size(); ++i) {
      const Cmd& c = r->cmds[i];
      if (c.name() == "cd" || c.name() == "pushd") changed_dir = true;
      if (c.name() != "gpg" && c.name() != "gpg2" && c.name() != "gpgv") continue;
      const auto args = c.args();
      bool verify = c.name() == "gpgv";
      for (const shell::Word& w : args) verify = verify || w.Is("--verify");
      if (!verify) continue;
      for (const shell::Word& w : args) {
        std::string_view v = w.value();
        if (v.starts_with("-") || !IsSignature(v) || v.starts_with("/dev/")) continue;
        const std::string_view file = w.IsStatic() ? v : w.raw;
        if (r->AnyAfter(i, [&](const Cmd& x) { return Removes(x, file); })) continue;
        std::optional<Fix> fix;
        if (!changed_dir && w.IsStatic() && v.find_first_of(" '\"\\") == std::string_view::npos)
          fix = MakeFix("Append `&& rm -f " + std::string(v) + "`", Applicability::kUnsafe,
                        {AppendToScript(*c.seg, " && rm -f " + std::string(v))});
        Emit(ctx, c.Range(w),
             "signature file " + std::string(v) +
                 " is verified but not removed in the same RUN; it stays in the layer",
             std::move(fix));
      }
    }
  }
}

}  // namespace

extern constinit const Rule kGpgSignatureNotRemoved{
    .code = "DF126",
    .name = "gpg-signature-not-removed",
    .summary = "A signature file checked with gpg --verify is left in the layer",
    .target = Target::kDockerfile,
    .severity = Severity::kInfo,
    .category = Category::kEfficiency,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .skips_onbuild = true,  // ONBUILD RUN not covered yet (issue 15 snapshot driver found it)
    .aliases = {{"parfum", "gpgVerifyAscRmAsc"}},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM debian:12\nRUN gpg --batch --verify /tmp/a.tgz.asc /tmp/a.tgz && tar -xzf /tmp/a.tgz -C /opt\n", .after = "FROM debian:12\nRUN gpg --batch --verify /tmp/a.tgz.asc /tmp/a.tgz && tar -xzf /tmp/a.tgz -C /opt && rm -f /tmp/a.tgz.asc\n"},
    .docs = R"md(## What it does
Flags the `.asc`/`.sig`/`.sign` file of a `gpg --verify` (or `gpgv`) that is not removed later in
the same `RUN` (by name, by a glob, or with its directory). Only stages whose filesystem reaches
the final image are checked.

## Why is this bad
Once verified, the signature is useless in the image; left behind, it is one more file in the
layer and a hint that the clean-up of the download was forgotten.

## Example
```dockerfile
RUN curl -fsSLO https://e.com/app.tgz.asc && gpg --batch --verify app.tgz.asc app.tgz
```

## Use instead
```dockerfile
RUN curl -fsSLO https://e.com/app.tgz.asc && gpg --batch --verify app.tgz.asc app.tgz \
 && rm -f app.tgz.asc
```

## Fix safety
Unsafe: appends ` && rm -f FILE` at the end of the script; a later instruction might still read
the file. Not offered after a `cd` or for names built from variables.

## References
- Parfum gpgVerifyAscRmAsc
)md",
};

}  // namespace shipshape
