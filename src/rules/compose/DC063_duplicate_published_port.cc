// The same host port published twice: the second container fails to start.
#include <map>
#include <optional>
#include <utility>

#include "rules/compose/compose_util.h"

namespace shipshape {
namespace {

/// Ranges wider than this are skipped (not a real publication list).
constexpr int kMaxRangeWidth = 1000;
/// Host ports checked per file, ranges expanded: past this the file is not checked further.
/// Aliases can repeat a list of ranges thousands of times; without a cap that is ~10^9 lookups.
constexpr size_t kMaxCheckedPorts = size_t{1} << 16;

/// `8080` -> [8080, 8080], `9000-9005` -> [9000, 9005]; nullopt for a non-positive start, a
/// reversed range or one wider than kMaxRangeWidth.
std::optional<std::pair<int, int>> PublishedRange(const std::string& pub) {
  const size_t dash = pub.find('-');
  const int from = std::atoi(pub.substr(0, dash).c_str());
  const int to = dash == std::string::npos ? from : std::atoi(pub.substr(dash + 1).c_str());
  if (from <= 0 || to < from || to - from > kMaxRangeWidth) return std::nullopt;
  return std::make_pair(from, to);
}

/// Host addresses ("" = all interfaces) -> services publishing one (port, protocol) there.
using Owners = std::map<std::string, std::vector<const compose::Service*>>;

/// The service among `owners` that `s` clashes with when it binds `ip` ("" = all interfaces),
/// or nullptr. A wildcard bind clashes with every address; services in disjoint profiles never
/// run together. When several clash, the last one (by address, then in order) is named.
const compose::Service* Clash(const Owners& owners, const std::string& ip, const compose::Service& s) {
  const compose::Service* clash = nullptr;
  for (const auto& [owner_ip, services] : owners)
    if (owner_ip == ip || owner_ip.empty() || ip.empty())
      for (const compose::Service* o : services)
        if (crules::CanRunTogether(*o, s)) clash = o;
  return clash;
}

void Check(const compose::ComposeFile& f, RuleContext& ctx) {
  // (port, protocol) -> who publishes it, so each port is looked up, not compared with all.
  std::map<std::pair<int, std::string>, Owners> seen;
  size_t checked = 0;
  for (const compose::Service& s : f.services) {
    if (s.source != 0) continue;
    for (const compose::Port& p : s.ports) {
      if (!p.known || !p.published.present() || !p.error.empty()) continue;
      const auto range = PublishedRange(p.published.text);
      if (!range) continue;
      std::string ip = p.host_ip.present() ? p.host_ip.text : "";
      if (ip == "0.0.0.0" || ip == "::") ip.clear();
      for (int port = range->first; port <= range->second; ++port) {
        if (++checked > kMaxCheckedPorts) return;
        Owners& owners = seen[{port, p.protocol}];
        if (const compose::Service* clash = Clash(owners, ip, s)) {
          ctx.Report(p.range, "host port " + std::to_string(port) + "/" + p.protocol + " is already published by `" +
                                  clash->name + "`: `" + s.name + "` cannot bind it (\"port is already allocated\")");
          break;
        }
        owners[ip].push_back(&s);
      }
    }
  }
}

}  // namespace

extern constinit const Rule kDuplicatePublishedPort{
    .code = "DC063",
    .name = "duplicate-published-port",
    .summary = "The same host port is published twice",
    .target = Target::kCompose,
    .severity = Severity::kError,
    .category = Category::kCorrectness,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {{"dclint", "no-duplicate-exported-ports"}},
    .check_compose = Check,
    .docs = R"md(## What it does
Finds a host port (and protocol) published by two entries, in the same or different services,
on the same address or where one of them binds all interfaces. Ranges are expanded; `tcp` and
`udp` on the same number do not clash; services whose `profiles` never overlap do not run
together and do not clash either. Ports built from unset variables are skipped.

## Why is this bad
Only one socket can listen on a host address and port: `docker compose up` starts the first
container and fails the second with "port is already allocated", often only on the machine
where both services are enabled.

## Example
```yaml
services:
  web:
    image: nginx:1.27
    ports: ["8080:80"]
  admin:
    image: myorg/admin:1.0
    ports: ["8080:3000"]
```

## Use instead
```yaml
services:
  admin:
    image: myorg/admin:1.0
    ports: ["8081:3000"]
```

## Fix safety
No automatic fix: which service should move, and where, is a choice.

## References
- dclint `no-duplicate-exported-ports`
- https://docs.docker.com/reference/compose-file/services/#ports
)md",
};

}  // namespace shipshape
