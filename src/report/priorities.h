// What a report leads with. Two views over the flattened findings, shared by the Markdown and
// HTML reports:
//  - a service's per-service hardening gaps (capabilities, no-new-privileges, read-only root,
//    resource and pids limits, log rotation) read as one entry with the individual codes kept, so
//    six routine settings on one service do not bury the finding that matters;
//  - "fix these first": every entry ranked by severity weight x confidence.
// Machine formats (JSON, SARIF, the CI formats) keep one finding per rule: suppressions, config
// and code-scanning alerts work per code.
#ifndef SHIPSHAPE_REPORT_PRIORITIES_H_
#define SHIPSHAPE_REPORT_PRIORITIES_H_

#include <string>
#include <string_view>
#include <vector>

#include "report/render_util.h"

namespace shipshape::report {

/// True for the per-service hardening rules grouped per service (DC022, DC023, DC034, DC044,
/// DC046, DC050).
bool IsServiceHardeningCode(std::string_view code);

/// One entry: a single finding, or two or more hardening findings on the same service.
struct Entry {
  std::vector<const Item*> items;  ///< In report order; items[0] gives the place.
  Severity severity = Severity::kInfo;  ///< The highest among items.
  /// How sure the finding is to be a real problem worth its severity here: 1 for stable rules,
  /// 0.5 for preview ones, 0.75 for hardening gaps (generic advice whose right values depend on
  /// the workload).
  double confidence = 1;
  double rank = 0;  ///< SeverityWeight(severity) x confidence (at least 0.1 for style).
  bool grouped() const { return items.size() > 1; }
};

/// Every finding as entries, hardening findings of one service folded together, in report order.
std::vector<Entry> Entries(const std::vector<Item>& items);
/// The same entries ranked: rank, then severity, then more folded findings, then report order.
std::vector<Entry> Ranked(std::vector<Entry> entries);
/// The codes of a grouped entry ("DC022, DC023, DC044").
std::string GroupCodes(const Entry& e);
/// A one-line description of an entry: the finding's message, or for a group the service and the
/// names of the missing settings.
std::string EntryText(const Entry& e);
/// The service a Compose finding names ("service `web` ..."), or empty.
std::string_view ServiceOf(std::string_view message);

}  // namespace shipshape::report

#endif  // SHIPSHAPE_REPORT_PRIORITIES_H_
