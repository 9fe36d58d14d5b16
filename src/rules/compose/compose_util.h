// Helpers shared by the Compose rules (DC003+): which services a finding concerns (anchors,
// `extends`), whether a "missing X" check can be judged at all (override files, fragments of a
// multi-file project), image facts from the known-images table, port host-IP classification,
// and the edit/fix plumbing every rule repeats.
//
// Principle: a value that depends on an unset variable, or a service that is only a fragment
// completed by another file, is neither pass nor fail; the helpers make skipping easy.
#ifndef SHIPSHAPE_RULES_COMPOSE_COMPOSE_UTIL_H_
#define SHIPSHAPE_RULES_COMPOSE_COMPOSE_UTIL_H_

#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "compose/compose.h"
#include "compose/edit.h"
#include "compose/known_images.h"
#include "compose/service_role.h"
#include "core/strings.h"
#include "rules/rule.h"

namespace shipshape::crules {

using compose::ComposeFile;
using compose::Service;

/// `docker-compose.override.yml`, `compose.override.yaml`, `*.override.*`.
bool IsOverrideFile(std::string_view path);
/// Development, test, CI or override files by name (`*dev*`, `*test*`, `*local*`, `*debug*`,
/// `*ci*` as a word, `*.override.*`, `*example*`): dev leftovers are expected there.
bool IsDevFile(std::string_view path);

/// The service `s` extends in the same file, or nullptr (none, other file, unknown name).
const Service* ExtendsBase(const ComposeFile& f, const Service& s);
/// True if `s` (or a base it extends in this file) extends a service from another file: what it
/// inherits is not visible here.
bool ExtendsOtherFile(const ComposeFile& f, const Service& s);

/// True when "service lacks X" cannot be judged from this file: the file is an override, the
/// service is a fragment (no image, build or extends: another -f file completes it), or it
/// inherits from another file.
///
/// With the file's default project known (ComposeFile::base_file / override_file): a service that
/// only an override file defines is judged there like any other; one the base defines is judged
/// in the base, and `keys` (the keys whose absence the rule reports, e.g. {"restart", "deploy"})
/// set on that service by the override count as present.
bool CannotJudgeMissing(const ComposeFile& f, const Service& s, std::string_view path,
                        std::initializer_list<std::string_view> keys = {});
/// The same-named service in the other file of `f`'s default project (its base or its override),
/// or nullptr.
const Service* CompanionService(const ComposeFile& f, std::string_view name);

/// True if `pred` holds for `s` or any base it extends in this file.
template <typename Pred>
bool InChain(const ComposeFile& f, const Service& s, Pred pred) {
  const Service* cur = &s;
  for (int depth = 0; cur && depth < 16; ++depth) {
    if (pred(*cur)) return true;
    cur = ExtendsBase(f, *cur);
  }
  return false;
}

/// The image of `s`, following `extends` in this file. Absent value if none.
const compose::Value& ImageOf(const ComposeFile& f, const Service& s);
/// The known-images entry for the service's image (nullptr if unknown, unset or built).
const compose::KnownImage* KnownImageOf(const ComposeFile& f, const Service& s);
/// True if the service is built from source (`build:` here or in its extends chain).
bool IsBuilt(const ComposeFile& f, const Service& s);

/// True for a service that runs once and exits (compose/service_role.h decides: `restart: "no"`,
/// a `service_completed_successfully` target, `/bin/true`, test runners, migration jobs...).
bool IsOneShot(const ComposeFile& f, const Service& s);

/// The role of the file being linted (production, test/CI, Swarm stack).
compose::FileRoleInfo FileRoleOf(const ComposeFile& f, const RuleContext& ctx);

/// True when a production-only addition (restart policy, healthcheck, limits, log rotation) does
/// not fit `s`: a one-shot job (and, with `sidecars`, a sidecar), or any service of a test/CI file.
bool SkipProductionOnly(const ComposeFile& f, const Service& s, const RuleContext& ctx, bool sidecars = false);

/// For a finding whose risk is a production one (a published database port, a literal password):
/// in a test/CI file (throwaway stack, by path) lowers it to info and says which role was assumed
/// and why, so a wrongly classified file can be told apart.
void LowerInTestFile(const RuleContext& ctx, DiagnosticBuilder& b);

/// True if two services can run together: one has no `profiles`, or their profiles intersect
/// (unknown profile names count as overlapping).
bool CanRunTogether(const Service& a, const Service& b);

/// True if the service's mapping is written under its own name (not `web: *alias`), so edits
/// inserted into it concern this service only.
bool OwnsMapping(const ComposeFile& f, const Service& s);

/// Other services a finding at `range` (written inside `owner`, or in an anchor) also concerns:
/// users of the anchor and services extending `owner` in this file.
std::vector<std::string> UsersOf(const ComposeFile& f, const Service* owner, compose::Value const& v);
std::vector<std::string> UsersOf(const ComposeFile& f, const Service* owner, TextRange range);

/// Reports each range once (a value in an anchor is seen from every service using it) and adds
/// the other services concerned as related. Returns nullopt for a repeat.
class OncePerRange {
 public:
  std::optional<DiagnosticBuilder> Report(RuleContext& ctx, const ComposeFile& f, const Service* owner,
                                          TextRange range, std::string message);
  bool Seen(TextRange r) const { return seen_.count({r.start, r.end}) > 0; }

 private:
  std::set<std::pair<uint32_t, uint32_t>> seen_;
};

/// Where a published port listens on the host.
enum class HostBinding : uint8_t {
  kAllImplicit,  ///< No host IP: every interface (0.0.0.0 and ::).
  kAllExplicit,  ///< Host IP written as 0.0.0.0, ::, [::].
  kLoopback,     ///< 127.x.x.x, ::1, localhost.
  kSpecific,     ///< Another address.
  kUnknown,      ///< The host IP comes from an unset variable.
};
HostBinding BindingOf(const compose::Port& p);

/// A short port spec split at colons outside `${...}` (protocol suffix dropped): 1 part =
/// container port only, 2 = host:container, 3 = ip:host:container.
std::vector<std::string_view> SplitRawPort(std::string_view raw);

/// Container port number of a port entry (first of a range), or 0.
int TargetPort(const compose::Port& p);

/// The raw entry of a service key (or nullptr) and its index in the service mapping.
std::optional<size_t> EntryIndex(const yaml::Node& mapping, std::string_view key);

/// Reports services whose `field` (`pid`, `ipc`, `network_mode`...) is `host`.
void CheckHostMode(const ComposeFile& f, RuleContext& ctx, compose::Value Service::*field, std::string_view key,
                   std::string_view why);

/// Mount source as a normalized absolute host path for bind mounts (`/var/run/../run/x` ->
/// `/run/x`), or empty for volumes, relative paths and unknown values.
std::string AbsoluteBindSource(const compose::Mount& m);

/// An edit making a mount read-only: `:ro` appended to a short-syntax entry (`,ro` after other
/// options), `read_only: true` added to a long-syntax mapping. nullopt when not possible.
std::optional<Edit> MakeMountReadOnly(const ComposeFile& f, const compose::Mount& m);

/// True if `security_opt` values (or their merged/extended chain) contain `name[:=]value`
/// (`no-new-privileges` alone counts as `:true`).
bool HasSecurityOpt(const ComposeFile& f, const Service& s, std::string_view name, std::string_view value);

/// Healthcheck state of a service (own, merged or extended).
enum class Health : uint8_t {
  kDefined,   ///< A `healthcheck:` with a test.
  kDisabled,  ///< `disable: true` or `test: ["NONE"]`.
  kNone,      ///< No healthcheck key anywhere in the chain.
};
Health HealthOf(const ComposeFile& f, const Service& s);

/// Whether the image the service runs defines a HEALTHCHECK: true/false when known, nullopt when
/// it cannot be known (an unknown pulled image, a build without workspace). A build is judged on
/// its Dockerfile's model (inline or read from the workspace): the last HEALTHCHECK over the chain
/// of the `target` stage (the last stage without one), else the known base image's, else unknown.
/// `dockerfile_read` (optional) tells whether a build's Dockerfile could be read.
std::optional<bool> ImageHasHealthcheck(const RuleContext& ctx, const ComposeFile& f, const Service& s,
                                        bool* dockerfile_read = nullptr);

/// The fix adding the known image's healthcheck to `s` (nullopt if the image is unknown, has no
/// table healthcheck, or the service mapping cannot be edited).
std::optional<Fix> KnownHealthcheckFix(const ComposeFile& f, const Service& s);

/// True for services whose ports should not face the network: a known database, cache, queue or
/// search image; for other images, `port` (a container port) is a well-known database port.
bool IsDatastore(const ComposeFile& f, const Service& s);
bool IsDatastorePort(const ComposeFile& f, const Service& s, int port);

/// Inserts entries at the end of the service's own mapping; nullopt when the mapping is not the
/// service's own (an alias) or cannot be edited.
std::optional<Edit> InsertIntoService(const ComposeFile& f, const Service& s,
                                      const std::vector<std::pair<std::string, compose::edit::YamlValue>>& entries);

/// An Editor on the file being linted.
compose::edit::Editor EditorFor(const ComposeFile& f);

/// Parses a memory size (`512m`, `2G`, `1.5gb`, `1024`) to bytes; nullopt if malformed.
std::optional<double> ParseBytes(std::string_view s);

/// Boolean reading of a raw scalar with Compose's YAML 1.1 forms (yes/no/on/off too).
std::optional<bool> ScalarBool(const yaml::Node* n);

/// True for configuration-looking file names (`nginx.conf`, `app.yml`, `Caddyfile`, `tls.key`...).
bool LooksLikeConfigFile(std::string_view name);

/// True if `n` or anything under it defines an anchor or uses an alias (moving text around would
/// risk an alias before its anchor).
bool HasAnchorsOrAliases(const yaml::Node& n);

/// Reports a collection whose entries are not in the order `rank` gives (stable sort by rank)
/// and attaches a safe Reorder fix. `at(i)` is the range to report for entry i.
void ReportOrder(RuleContext& ctx, const ComposeFile& f, const yaml::Node& coll, const std::vector<int>& rank,
                 const std::vector<TextRange>& ranges, const std::vector<std::string>& names, std::string_view what);

/// Every entry of the workspace `.env` beside the compose file (empty without a workspace).
std::vector<std::pair<std::string, std::string>> DotEnvEntries(const RuleContext& ctx);

/// True if git ignores `rel_path` (relative to the Compose file's directory), as
/// patterns::GitignoreDecide judges it (the same walk and semantics as DX021). nullopt without a
/// workspace or for a path outside the scan root. Says nothing of tracked files: see GitTracks.
std::optional<bool> GitIgnored(const RuleContext& ctx, std::string_view rel_path);

/// The workspace path of `rel_path` (relative to the Compose file's directory) when it lies inside
/// the scan root; nullopt outside it (`../../x` above the root, absolute paths).
std::optional<std::string> InsideRoot(const RuleContext& ctx, std::string_view rel_path);

}  // namespace shipshape::crules

#endif  // SHIPSHAPE_RULES_COMPOSE_COMPOSE_UTIL_H_
