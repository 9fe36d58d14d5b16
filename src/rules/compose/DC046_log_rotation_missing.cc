// json-file logging without `max-size`: logs grow until the disk is full.
#include "rules/compose/compose_util.h"

namespace shipshape {
namespace {

using compose::edit::YamlValue;

YamlValue Options() {
  return YamlValue::Map({{"max-size", YamlValue::Quoted("10m")}, {"max-file", YamlValue::Quoted("3")}});
}

void Check(const compose::ComposeFile& f, RuleContext& ctx) {
  for (const compose::Service& s : f.services) {
    if (s.source != 0 || crules::CannotJudgeMissing(f, s, ctx.file().path, {"logging"}) || crules::SkipProductionOnly(f, s, ctx))
      continue;
    // The effective logging block: the nearest in the extends chain.
    const yaml::Node* logging = nullptr;
    crules::InChain(f, s, [&](const compose::Service& x) {
      logging = x.logging;
      return logging != nullptr;
    });
    std::string driver = "json-file";
    const yaml::Node* options = nullptr;
    if (logging) {
      if (!logging->IsMapping()) continue;
      if (const yaml::Node* d = logging->Get("driver")) {
        if (!d->IsScalar() || d->value.find('$') != std::string::npos) continue;
        driver = d->value;
      }
      options = logging->Get("options");
    }
    if (driver != "json-file") continue;  // local rotates by default; others ship logs away
    if (options && (!options->IsMapping() || options->Get("max-size"))) continue;
    DiagnosticBuilder b = ctx.Report(
        s.name_range, "service `" + s.name + "` logs to json-file without `max-size`: its log grows until the "
                      "disk is full (unless the daemon sets a default)");
    if (!crules::OwnsMapping(f, s)) continue;
    const compose::edit::Editor ed = crules::EditorFor(f);
    std::optional<Edit> edit;
    const yaml::Entry* own = s.Find("logging");
    if (!own) {
      if (logging) continue;  // inherited from a base service: a local key would replace it
      // No driver anywhere: the host's daemon picks it. `driver: json-file` would override a
      // journald/gelf/loki default, and `max-size` alone is rejected by those drivers (the
      // container no longer starts): only the host can say which is right (issue 16).
      edit = crules::InsertIntoService(
          f, s, {{"logging", YamlValue::Map({{"driver", YamlValue::Str("json-file")}, {"options", Options()}})}});
      if (edit)
        b.WithFix("If this host logs with json-file (Docker's default): rotate logs at 10 MB, keeping 3 files; "
                  "otherwise set `log-opts` in the daemon's daemon.json",
                  Applicability::kDisplayOnly, {*edit});
      continue;
    } else if (own->merged_via || own->value_is_alias || own->value != logging) {
      continue;
    } else if (!options) {
      edit = ed.InsertEntry(*logging, "options", Options());
    } else {
      const yaml::Entry* oe = logging->Find("options");
      if (!oe || oe->merged_via || oe->value_is_alias) continue;
      std::vector<std::pair<std::string, YamlValue>> add = {{"max-size", YamlValue::Quoted("10m")}};
      if (!options->Get("max-file")) add.push_back({"max-file", YamlValue::Quoted("3")});
      edit = ed.InsertEntries(*options, add);
    }
    // The options go under a driver written here (json-file), or beside options already written
    // for the default driver (which only json-file and local accept): no driver is replaced.
    if (edit) b.WithFix("Rotate logs at 10 MB, keeping 3 files", Applicability::kSafe, {*edit});
  }
}

}  // namespace

extern constinit const Rule kLogRotationMissing{
    .code = "DC046",
    .name = "log-rotation-missing",
    .summary = "json-file logging without `max-size`: logs grow without bound",
    .target = Target::kCompose,
    .severity = Severity::kWarning,
    .category = Category::kReliability,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .aliases = {},
    .check_compose = Check,
    .fix_example = {.before = "services:\n  api:\n    image: myorg/api:1.4\n    logging:\n      driver: json-file\n", .after = "services:\n  api:\n    image: myorg/api:1.4\n    logging:\n      driver: json-file\n      options:\n"
                  "        max-size: \"10m\"\n        max-file: \"3\"\n"},
    .docs = R"md(## What it does
Flags services that log with the `json-file` driver (the default when no `logging.driver` is
set) without a `max-size` option, here or inherited through `extends`. Other drivers are left
alone: `local` rotates by default, `syslog`, `journald`, `fluentd`... send logs elsewhere.

## Why is this bad
json-file logs are never rotated unless told to: a chatty service fills
`/var/lib/docker/containers` and the whole host (database included) fails when the disk is
full. Daemon-wide `log-opts` in `daemon.json` would cover it, but cannot be seen from the
project and are often missing.

## Example
```yaml
services:
  api:
    image: myorg/api:1.4
```

## Use instead
```yaml
services:
  api:
    image: myorg/api:1.4
    logging:
      driver: json-file
      options:
        max-size: "10m"
        max-file: "3"
```

## Fix safety
Safe where the driver is known: under an explicit `driver: json-file`, or beside `options` the
file already gives the default driver, `max-size: "10m"` and `max-file: "3"` are added; output
and log format stay the same, only files older than the last 3 × 10 MB are removed. Existing
`logging`/`options` blocks are completed rather than replaced; a block merged from an anchor
gets no fix (a local key would replace it).

With no `logging` at all the driver is the daemon's default, which the project cannot see: a
written `driver: json-file` would override a host's journald, gelf or loki default, and
`max-size` alone is rejected by those drivers (the container would not start). The fix is then
display-only: add the block on json-file hosts, or set `log-opts` in `daemon.json`.
One-shot jobs and test/CI files are not reported.

## References
- https://docs.docker.com/engine/logging/drivers/json-file/
- https://docs.docker.com/reference/compose-file/services/#logging
)md",
};

}  // namespace shipshape
