#include "rules/compose/build_facts_util.h"

namespace shipshape::crules {
namespace {

Fix UnsafeFix(std::string title, Edit e) {
  Fix fix;
  fix.title = std::move(title);
  fix.applicability = Applicability::kUnsafe;
  fix.edits = {std::move(e)};
  return fix;
}

}  // namespace

std::optional<compose::BuildFacts> BuildFactsOf(const RuleContext& ctx, const ComposeFile& f, const Service& s,
                                                bool health) {
  const Service* built = nullptr;
  InChain(f, s, [&](const Service& x) {
    if (x.build) built = &x;
    return x.build.has_value();
  });
  if (!built) return std::nullopt;
  const Workspace* ws = ctx.workspace();
  compose::BuildFacts facts = compose::ReadBuildFacts(ws ? ws->fs : nullptr, ctx.file().path, *built->build);
  if (health && facts.read() && ws && ws->fs) {
    const std::string found = ws->memo->Get("build-facts-health\n" + facts.context, [&] {
      compose::BuildFacts scan;
      scan.context = facts.context;
      compose::FindHealthPath(*ws->fs, &scan);
      return scan.health_path + "\n" + scan.health_path_source;
    });
    const size_t nl = found.find('\n');
    facts.health_path = found.substr(0, nl);
    facts.health_path_source = found.substr(nl + 1);
  }
  return facts;
}

std::optional<Fix> BuiltHealthcheckFix(const ComposeFile& f, const Service& s, const compose::BuildFacts& facts,
                                       std::string* missing) {
  if (!facts.read()) {
    *missing = facts.missing;
    return std::nullopt;
  }
  if (facts.healthcheck_none) {
    *missing = "its Dockerfile disables the healthcheck (`HEALTHCHECK NONE`)";
    return std::nullopt;
  }
  // The base's own probe still works when the Dockerfile keeps the base's process (FROM nginx
  // with the site copied in).
  if (facts.KeepsBaseProcess() && facts.base_image->healthcheck) {
    std::optional<Edit> e = InsertHealthcheck(f, s, *facts.base_image->healthcheck);
    if (!e) return std::nullopt;
    return UnsafeFix("Add the " + facts.base_image->name + " healthcheck of its base image (`" +
                         facts.base_image->healthcheck->test.back() + "`)",
                     *e);
  }
  std::vector<std::string> lacking;
  std::string port_why;
  const int port = facts.ListenPort(s, &port_why);
  if (facts.health_path.empty())
    lacking.push_back("no health endpoint found in the app's sources (`/health`, `/healthz`, `/ping`...)");
  if (port == 0) lacking.push_back(port_why);
  if (facts.probe_tool.name.empty())
    lacking.push_back("the image has neither curl nor wget (" +
                      (facts.base.empty() ? std::string("no known base") : "base `" + facts.base + "`") + ")");
  if (!lacking.empty()) {
    *missing = "no probe: ";
    for (size_t i = 0; i < lacking.size(); ++i) *missing += (i ? "; " : "") + lacking[i];
    *missing += "; add a HEALTHCHECK to " +
                (facts.dockerfile.empty() ? std::string("its Dockerfile") : "`" + facts.dockerfile + "`");
    return std::nullopt;
  }
  // 127.0.0.1, not localhost: busybox resolves localhost to ::1 first, where an app bound to
  // 0.0.0.0 does not listen. A GET (not --spider's HEAD, which some routers answer 404/405).
  const std::string url = "http://127.0.0.1:" + std::to_string(port) + facts.health_path;
  compose::KnownHealthcheck h;
  h.test = facts.probe_tool.name == "curl" ? std::vector<std::string>{"CMD", "curl", "-fsS", "-o", "/dev/null", url}
                                           : std::vector<std::string>{"CMD", "wget", "-q", "-O", "/dev/null", url};
  h.interval = "30s";
  h.timeout = "5s";
  h.retries = 3;
  h.start_period = "30s";
  std::optional<Edit> e = InsertHealthcheck(f, s, h);
  if (!e) return std::nullopt;
  return UnsafeFix("Probe `" + facts.health_path + "` (from " + facts.health_path_source + ") on port " +
                       std::to_string(port) + " with " + facts.probe_tool.name + " (" + facts.probe_tool.why + ")",
                   *e);
}

std::optional<bool> BuiltRunsAsRoot(const ComposeFile& f, const Service& s, const compose::BuildFacts& facts) {
  std::optional<bool> root;
  bool unknown = false;
  InChain(f, s, [&](const Service& x) {
    if (!x.user.present()) return false;
    if (!x.user.known) unknown = true;
    const std::string u = x.user.text.substr(0, x.user.text.find(':'));
    root = u == "root" || u == "0";
    return true;
  });
  if (unknown) return std::nullopt;
  if (root) return root;
  if (!facts.read() || facts.RootUnknown()) return std::nullopt;
  return facts.RunsAsRoot();
}

}  // namespace shipshape::crules
