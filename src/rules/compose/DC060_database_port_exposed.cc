// A database, cache or queue port published on every host interface.
#include "rules/compose/compose_util.h"

namespace shipshape {
namespace {

using compose::edit::YamlValue;

std::optional<Edit> BindLoopback(const compose::ComposeFile& f, const compose::Port& p, crules::HostBinding how) {
  if (!p.node || p.source != 0 || p.node->source != 0) return std::nullopt;
  const compose::edit::Editor ed = crules::EditorFor(f);
  if (p.long_syntax) {
    if (!p.node->IsMapping()) return std::nullopt;
    if (std::optional<size_t> i = crules::EntryIndex(*p.node, "host_ip")) {
      const yaml::Entry& e = p.node->entries[*i];
      if (e.merged_via || !e.value->IsScalar()) return std::nullopt;
      return ed.ReplaceScalar(*e.value, "127.0.0.1");
    }
    return ed.InsertEntry(*p.node, "host_ip", YamlValue::Str("127.0.0.1"));
  }
  if (!p.node->IsScalar()) return std::nullopt;
  const std::string& raw = p.node->value;
  std::string next;
  if (how == crules::HostBinding::kAllExplicit) {
    for (std::string_view w : {"0.0.0.0:", "[::]:"})
      if (raw.rfind(w, 0) == 0) next = "127.0.0.1:" + raw.substr(w.size());
    if (next.empty()) return std::nullopt;
  } else {
    // `8080:80` -> `127.0.0.1:8080:80`; `80` (random host port) -> `127.0.0.1::80`.
    const size_t parts = crules::SplitRawPort(raw).size();
    if (parts > 2) return std::nullopt;
    next = "127.0.0.1:" + std::string(parts == 1 ? ":" : "") + raw;
  }
  std::optional<Edit> e = ed.ReplaceScalar(*p.node, next);
  if (e && p.node->style == yaml::ScalarStyle::kPlain) e->text = compose::edit::DoubleQuote(next);
  return e;
}

// `POSTGRES_HOST_AUTH_METHOD=trust` in the service's environment (here or inherited).
bool TrustAuth(const compose::ComposeFile& f, const compose::Service& s) {
  return crules::InChain(f, s, [](const compose::Service& x) {
    for (const compose::KeyValue& kv : x.environment)
      if (kv.key == "POSTGRES_HOST_AUTH_METHOD" && kv.value && kv.value->known && Lower(kv.value->text) == "trust")
        return true;
    return false;
  });
}

void Check(const compose::ComposeFile& f, RuleContext& ctx) {
  crules::OncePerRange once;
  for (const compose::Service& s : f.services) {
    if (s.network_mode.present() && s.network_mode.known && s.network_mode.text == "host") continue;
    for (const compose::Port& p : s.ports) {
      if (p.source != 0) continue;
      const crules::HostBinding how = crules::BindingOf(p);
      if (how != crules::HostBinding::kAllImplicit && how != crules::HostBinding::kAllExplicit) continue;
      const int port = crules::TargetPort(p);
      if (!crules::IsDatastorePort(f, s, port)) continue;
      std::optional<DiagnosticBuilder> b = once.Report(
          ctx, f, &s, p.range,
          "service `" + s.name + "` publishes " + (crules::IsDatastore(f, s) ? "its database port " : "port ") +
              std::to_string(port) + " on every host interface: reachable from the network, and Docker's rules "
              "bypass host firewalls such as ufw");
      if (!b) continue;
      // No password at all: anyone who reaches the port is the superuser.
      if (TrustAuth(f, s)) {
        b->diagnostic().message += "; it also accepts every connection without a password "
                                   "(`POSTGRES_HOST_AUTH_METHOD: trust`)";
        b->diagnostic().severity = Severity::kCritical;
      }
      crules::LowerInTestFile(ctx, *b);
      // A CI job may reach the port from another host (a `docker:dind` service): no fix there.
      if (compose::IsTestPath(ctx.file().path)) continue;
      if (std::optional<Edit> e = BindLoopback(f, p, how))
        b->WithFix("Publish port " + std::to_string(port) + " on 127.0.0.1 only", Applicability::kUnsafe, {*e});
    }
  }
}

}  // namespace

extern constinit const Rule kDatabasePortExposed{
    .code = "DC060",
    .name = "database-port-exposed",
    .summary = "A database, cache or queue port is published on every host interface",
    .target = Target::kCompose,
    .severity = Severity::kError,
    .category = Category::kSecurity,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .aliases = {{"cis", "5.9"}},
    .check_compose = Check,
    .fix_example = {.before = "services:\n  db:\n    image: postgres:16\n    ports:\n      - \"5432:5432\"\n", .after = "services:\n  db:\n    image: postgres:16\n    ports:\n      - \"127.0.0.1:5432:5432\"\n"},
    .docs = R"md(## What it does
Flags published ports of data stores without a host IP (or with `0.0.0.0` / `::`): the service's
image is a database, cache, queue or search engine in the known-images table (postgres, mysql,
mariadb, mongo, redis, valkey, memcached, rabbitmq, elasticsearch, opensearch, cassandra,
couchdb, influxdb, clickhouse, mssql...), or the container port is a well-known one (5432, 3306,
27017, 6379, 11211, 9200, 5984, 9042, 8086, 1433, 1521, 5672, 15672, 2375...) and not a port the
table lists as the image's own web or monitoring port (an image embedding a database, such as
uptime-kuma 2 with MariaDB on 3306, is still reported).

A postgres service that also sets `POSTGRES_HOST_AUTH_METHOD: trust` (no password at all) is
reported as critical. In test/CI files (by path) the finding is info, and says so.

## Why is this bad
`"5432:5432"` listens on every interface of the host. Docker inserts its own iptables rules, so
ufw/firewalld do not block it: the database is on the internet with whatever password the file
has (often one of the defaults). Other services reach it over the Compose network and need no
published port at all. Exposed Redis, MongoDB and Elasticsearch instances are a classic source
of breaches and ransom notes.

## Example
```yaml
services:
  db:
    image: postgres:16
    ports:
      - "5432:5432"
```

## Use instead
```yaml
services:
  db:
    image: postgres:16
    ports:
      - "127.0.0.1:5432:5432"   # or no ports at all
```

## Fix safety
Unsafe: prefixes the host IP `127.0.0.1` (or replaces `0.0.0.0`, or sets `host_ip` in long
syntax), so only the host itself can connect. Clients on other machines that used the port
lose access; if they need it, bind a private interface address instead.

## References
- https://docs.docker.com/engine/network/packet-filtering-firewalls/
- https://docs.docker.com/reference/compose-file/services/#ports
- CIS Docker Benchmark v1.6.0, 5.9 and 5.14
)md",
};

}  // namespace shipshape
