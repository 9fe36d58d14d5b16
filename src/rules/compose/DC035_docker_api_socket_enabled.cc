// `use_api_socket: true` hands the engine API (and the user's registry credentials) to a container.
#include "rules/compose/compose_util.h"

namespace shipshape {
namespace {

void Check(const compose::ComposeFile& f, RuleContext& ctx) {
  crules::OncePerRange once;
  for (const compose::Service& s : f.services) {
    const yaml::Entry* e = s.Find("use_api_socket");
    if (!e || e->value->source != 0 || !e->value->IsScalar() || crules::ScalarBool(e->value) != true) continue;
    once.Report(ctx, f, &s, e->value->range,
                "service `" + s.name + "` sets `use_api_socket: true`: it gets the Docker API socket and your "
                "registry credentials, which is root on the host");
  }
}

}  // namespace

extern constinit const Rule kDockerApiSocketEnabled{
    .code = "DC035",
    .name = "docker-api-socket-enabled",
    .summary = "`use_api_socket: true` gives a container the engine API and registry credentials",
    .target = Target::kCompose,
    .severity = Severity::kError,
    .category = Category::kSecurity,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {{"cis", "5.32"}},
    .check_compose = Check,
    .docs = R"md(## What it does
Flags `use_api_socket: true` (Compose 2.35+).

## Why is this bad
The option bind-mounts the Docker API socket into the container and injects the invoking user's
registry credentials. It has the consequences of DC031 (API access is root on the host) plus a
credential leak to whatever runs in the container.

## Example
```yaml
services:
  builder:
    image: docker:27-cli
    use_api_socket: true
```

## Use instead
Run tools that need the engine on the host, or give them a filtering socket proxy with just the
endpoints they need.

## Fix safety
No automatic fix: the service presumably needs some API access.

## References
- https://docs.docker.com/reference/compose-file/services/#use_api_socket
- CIS Docker Benchmark v1.6.0, 5.32 (socket mounts)
)md",
};

}  // namespace shipshape
