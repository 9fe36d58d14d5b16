// The same host port published twice: the second container fails to start.
#include <map>
#include <tuple>

#include "rules/compose/compose_util.h"

namespace shipshape {
namespace {

void Check(const compose::ComposeFile& f, RuleContext& ctx) {
  // (host ip, port, protocol) -> services publishing it.
  std::map<std::tuple<std::string, int, std::string>, std::vector<const compose::Service*>> seen;
  for (const compose::Service& s : f.services) {
    if (s.source != 0) continue;
    for (const compose::Port& p : s.ports) {
      if (!p.known || !p.published.present() || !p.error.empty()) continue;
      const std::string& pub = p.published.text;
      const size_t dash = pub.find('-');
      const int from = std::atoi(pub.substr(0, dash).c_str());
      const int to = dash == std::string::npos ? from : std::atoi(pub.substr(dash + 1).c_str());
      if (from <= 0 || to < from || to - from > 1000) continue;
      std::string ip = p.host_ip.present() ? p.host_ip.text : "";
      if (ip == "0.0.0.0" || ip == "::") ip.clear();
      for (int port = from; port <= to; ++port) {
        // A wildcard bind clashes with every address on the same port.
        std::string clash;
        for (const auto& [k, owners] : seen)
          if (std::get<1>(k) == port && std::get<2>(k) == p.protocol &&
              (std::get<0>(k) == ip || std::get<0>(k).empty() || ip.empty()))
            for (const compose::Service* o : owners)
              // Services in disjoint profiles never run together.
              if (crules::CanRunTogether(*o, s)) clash = o->name;
        if (!clash.empty()) {
          ctx.Report(p.range, "host port " + std::to_string(port) + "/" + p.protocol + " is already published by `" +
                                  clash + "`: `" + s.name + "` cannot bind it (\"port is already allocated\")");
          break;
        }
        seen[{ip, port, p.protocol}].push_back(&s);
      }
    }
  }
}

}  // namespace

extern const Rule kDuplicatePublishedPort{
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
    .cases = {Bad("services:\n  web:\n    image: a:1\n    ports: [\"8080:80\"]\n  admin:\n    image: b:1\n    ports: [\"8080:3000\"]\n"),
              Bad("services:\n  web:\n    image: a:1\n    ports: [\"127.0.0.1:9000-9005:9000-9005\", \"9003:80\"]\n"),
              Good("services:\n  a:\n    image: a:1\n    profiles: [x]\n    ports: [\"80:80\"]\n  b:\n    image: b:1\n    profiles: [y]\n    ports: [\"80:80\"]\n"),
              Good("services:\n  dns:\n    image: a:1\n    ports: [\"53:53/tcp\", \"53:53/udp\"]\n"),
              Good("services:\n  a:\n    image: a:1\n    ports: [\"127.0.0.1:80:80\"]\n  b:\n    image: b:1\n    ports: [\"127.0.0.2:80:80\"]\n")},
};

}  // namespace shipshape
