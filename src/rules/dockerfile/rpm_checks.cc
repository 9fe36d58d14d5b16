#include "rules/dockerfile/rpm_checks.h"

#include <algorithm>

namespace shipshape::rules::run {
namespace {

bool Listed(RpmTool t, std::initializer_list<RpmTool> tools) {
  return std::find(tools.begin(), tools.end(), t) != tools.end();
}

const shell::OptionSyntax& SyntaxFor(RpmTool t) {
  return shell::OptionSyntaxFor(t == RpmTool::kZypper ? shell::PackageManager::kZypper
                                                      : shell::PackageManager::kYum);
}

// `assumeyes=1` written to yum.conf/dnf.conf in this or an earlier RUN.
bool AssumeYesConfigured(const Analysis& an, const Run& r) {
  auto mentions = [](const dockerfile::Instruction& i) {
    return i.kind == dockerfile::Keyword::kRun &&
           i.rest.text.find("assumeyes") != std::string::npos;
  };
  if (mentions(*r.ins)) return true;
  bool found = false;
  an.ForEachBefore(r.ins, [&](const dockerfile::Instruction& i) {
    found = mentions(i);
    return !found;
  });
  return found;
}

// yum 3 (EL 6/7, Amazon Linux 1/2) keeps all its cache under /var/cache/yum, so removing that
// directory is the whole cleanup (Parfum's repair, and what `yum clean all` leaves behind too).
// On EL 8+ `yum` is dnf, whose cache is /var/cache/dnf: there only `yum clean all` is right.
bool ClassicYumImage(std::string_view image) {
  if (image.empty() || image.find('$') != std::string_view::npos) return false;
  dockerfile::ImageRef ref = dockerfile::ParseImageRef(image);
  std::string_view repo = ref.repository;
  size_t slash = repo.rfind('/');
  std::string_view last = slash == std::string_view::npos ? repo : repo.substr(slash + 1);
  std::string_view tag = ref.tag;
  auto major = [&](std::initializer_list<std::string_view> prefixes) {
    for (std::string_view p : prefixes)
      if (tag == p || (tag.starts_with(p) && (tag[p.size()] == '.' || tag[p.size()] == '-')))
        return true;
    return false;
  };
  if (last == "centos" || last == "oraclelinux" || last == "scientific" || last == "sl")
    return major({"6", "7", "centos6", "centos7"});
  if (last == "amazonlinux") return major({"1", "2", "2017", "2018"});
  return last == "ubi7" || last == "rhel7" || repo.starts_with("ubi7/") || repo.starts_with("rhel7/");
}

}  // namespace

void CheckRpmNonInteractive(const dockerfile::Dockerfile& df, RuleContext& ctx,
                            std::initializer_list<RpmTool> tools) {
  const Analysis& an = SharedAnalysis(df, ctx);
  for (const auto& r : an.runs()) {
    for (const Cmd& c : r->cmds) {
      RpmTool t = RpmToolOf(c.name());
      if (!Listed(t, tools)) continue;
      const shell::Word* sub = RpmTransaction(c);
      if (sub == nullptr) continue;
      const shell::OptionSyntax& syn = SyntaxFor(t);
      bool yes = shell::HasFlag(c.args(), 'y', {"assumeyes", "yes"}, syn);
      if (t == RpmTool::kZypper)
        yes = yes || shell::HasFlag(c.args(), 'n', {"non-interactive", "no-confirm"}, syn);
      if (yes || (t != RpmTool::kZypper && AssumeYesConfigured(an, *r))) continue;
      Emit(ctx, NameToSubcommand(c, sub),
           std::string(c.name()) + " " + std::string(sub->value()) +
               (t == RpmTool::kZypper ? " without -n/--non-interactive or -y"
                                      : " without -y") +
               ": with no terminal the confirmation prompt fails the build",
           MakeFix("Add -y", Applicability::kSafe, {InsertAfter(c, *sub, "-y")}));
    }
  }
}

void CheckRpmClean(const dockerfile::Dockerfile& df, RuleContext& ctx,
                   std::initializer_list<RpmTool> tools) {
  const Analysis& an = SharedAnalysis(df, ctx);
  for (const auto& r : an.runs()) {
    if (!r->onbuild && (r->stage == nullptr || !an.InFinalImage(*r->stage))) continue;
    for (size_t i = 0; i < r->cmds.size(); ++i) {
      const Cmd& c = r->cmds[i];
      RpmTool t = RpmToolOf(c.name());
      if (!Listed(t, tools)) continue;
      const shell::Word* sub = RpmInstallLike(c);
      if (sub == nullptr) continue;
      const bool zypper = t == RpmTool::kZypper;
      if (zypper ? r->HasDiscardMount("/var/cache/zypp")
                 : (r->HasDiscardMount("/var/cache/yum") || r->HasDiscardMount("/var/cache/dnf") ||
                    r->HasDiscardMount("/var/cache/libdnf5")))
        continue;
      auto cleans = [&](const Cmd& x) {
        RpmTool xt = RpmToolOf(x.name());
        if (zypper) {
          if (xt == RpmTool::kZypper)
            return WordIs(Subcommand(x, SyntaxFor(xt)), {"clean", "cc"});
          return shell::RemovesPath(x.inv(), "/var/cache/zypp");
        }
        // microdnf keeps its own cache: `dnf clean all` does not clean it, nor the reverse
        // (yum is dnf on current releases).
        if (xt != RpmTool::kNone && xt != RpmTool::kZypper &&
            (xt == RpmTool::kMicrodnf) == (t == RpmTool::kMicrodnf)) {
          std::vector<const shell::Word*> pos = shell::Positionals(x.args(), SyntaxFor(xt));
          return pos.size() >= 2 && pos[0]->Is("clean") && pos[1]->Is("all");
        }
        return shell::RemovesPath(x.inv(), "/var/cache/yum") ||
               shell::RemovesPath(x.inv(), "/var/cache/dnf") ||
               shell::RemovesPath(x.inv(), "/var/cache/libdnf5");
      };
      if (r->AnyAfter(i, cleans)) continue;
      std::string clean = zypper ? "zypper clean --all" : std::string(c.name()) + " clean all";
      if (t == RpmTool::kYum && r->stage != nullptr && ClassicYumImage(an.RootImage(*r->stage)))
        clean = "rm -rf /var/cache/yum";
      Emit(ctx, NameToSubcommand(c, sub),
           std::string(c.name()) + " " + std::string(sub->value()) +
               " leaves its package cache in the layer; run `" + clean + "` in the same RUN",
           MakeFix("Append `&& " + clean + "`", Applicability::kSafe,
                   {AppendToScript(*c.seg, " && " + clean)}));
      break;  // one finding per RUN
    }
  }
}

void CheckRpmUnpinned(const dockerfile::Dockerfile& df, RuleContext& ctx,
                      std::initializer_list<RpmTool> tools) {
  const Analysis& an = SharedAnalysis(df, ctx);
  for (const auto& r : an.runs()) {
    for (const Cmd& c : r->cmds) {
      RpmTool t = RpmToolOf(c.name());
      if (!Listed(t, tools)) continue;
      const shell::Word* sub = RpmInstallLike(c);
      if (sub == nullptr) continue;
      std::vector<const shell::Word*> pos = shell::Positionals(c.args(), SyntaxFor(t));
      // `dnf module install nodejs` picks the default stream: pin one with `nodejs:18`.
      const bool module = t != RpmTool::kZypper && sub->Is("module");
      if (module ? !(pos.size() > 1 && WordIs(pos[1], {"install", "in"}))
                 : !WordIs(sub, {"install", "in", "groupinstall", "localinstall"}))
        continue;
      std::vector<const shell::Word*> loose;
      for (size_t k = module ? 2 : 1; k < pos.size(); ++k) {
        const shell::Word* w = pos[k];
        if (!w->IsStatic()) continue;
        std::string_view v = w->value();
        if (module) {
          if (v.find(':') == std::string_view::npos && !v.starts_with("@")) loose.push_back(w);
          continue;
        }
        if (v.starts_with("@") || v.find_first_of("/:=<>*") != std::string_view::npos ||
            v.ends_with(".rpm"))
          continue;
        bool versioned = false;
        for (size_t j = 0; j + 1 < v.size(); ++j)
          if (v[j] == '-' && v[j + 1] >= '0' && v[j + 1] <= '9') versioned = true;
        if (!versioned) loose.push_back(w);
      }
      if (loose.empty()) continue;
      std::string names;
      for (size_t k = 0; k < loose.size() && k < 3; ++k)
        names += (k ? ", " : "") + std::string(loose[k]->value());
      if (loose.size() > 3) names += " and " + std::to_string(loose.size() - 3) + " more";
      Emit(ctx, Span(c, *loose.front(), *loose.back()),
           std::string(c.name()) + " packages without a pinned version (" + names + ")" +
               (t == RpmTool::kZypper ? "; use `pkg=<version>`" : "; use `pkg-<version>`"));
    }
  }
}

}  // namespace shipshape::rules::run
