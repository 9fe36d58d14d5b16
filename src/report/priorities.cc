#include "report/priorities.h"

#include <algorithm>
#include <array>
#include <map>
#include <tuple>

namespace shipshape::report {
namespace {

struct HardeningRule {
  std::string_view code;
  std::string_view setting;  ///< What the service lacks, as a report lists it.
};

constexpr std::array<HardeningRule, 6> kHardening = {{
    {"DC022", "capabilities not dropped"},
    {"DC023", "no-new-privileges"},
    {"DC034", "read-only root filesystem"},
    {"DC044", "resource limits"},
    {"DC046", "log rotation"},
    {"DC050", "pids limit"},
}};

std::string_view SettingOf(std::string_view code) {
  for (const HardeningRule& h : kHardening)
    if (h.code == code) return h.setting;
  return code;
}

double ConfidenceOf(const Item& it) {
  const Rule* rule = it.diag->rule;
  if (rule && rule->status == Status::kPreview) return 0.5;
  return 1.0;
}

void Finish(Entry* e) {
  e->severity = e->items[0]->diag->severity;
  double confidence = 1.0;
  for (const Item* it : e->items) {
    e->severity = std::max(e->severity, it->diag->severity);
    confidence = std::min(confidence, ConfidenceOf(*it));
  }
  if (e->grouped()) confidence = std::min(confidence, 0.75);
  e->confidence = confidence;
  e->rank = std::max(0.1, static_cast<double>(SeverityWeight(e->severity))) * confidence;
}

}  // namespace

bool IsServiceHardeningCode(std::string_view code) {
  return std::any_of(kHardening.begin(), kHardening.end(),
                     [&](const HardeningRule& h) { return h.code == code; });
}

std::string_view ServiceOf(std::string_view message) {
  constexpr std::string_view kLead = "service `";
  const size_t at = message.find(kLead);
  if (at == std::string_view::npos) return {};
  const size_t start = at + kLead.size();
  const size_t end = message.find('`', start);
  if (end == std::string_view::npos) return {};
  return message.substr(start, end - start);
}

std::vector<Entry> Entries(const std::vector<Item>& items) {
  std::vector<Entry> out;
  out.reserve(items.size());
  // Hardening findings of one service share its file and the service key's range; they may be
  // interleaved with other findings at that key, so they are collected by (file, start).
  std::map<std::tuple<const FileResult*, uint32_t, std::string_view>, size_t> group_of;
  for (const Item& it : items) {
    if (IsServiceHardeningCode(it.code)) {
      const std::string_view service = ServiceOf(it.message);
      if (!service.empty()) {
        const auto key = std::make_tuple(it.file, it.diag->range.start, service);
        auto [pos, fresh] = group_of.emplace(key, out.size());
        if (!fresh) {
          out[pos->second].items.push_back(&it);
          continue;
        }
      }
    }
    out.push_back(Entry{{&it}});
  }
  for (Entry& e : out) Finish(&e);
  return out;
}

std::vector<Entry> Ranked(std::vector<Entry> entries) {
  std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    if (a.rank != b.rank) return a.rank > b.rank;
    if (a.severity != b.severity) return a.severity > b.severity;
    return a.items.size() > b.items.size();
  });
  return entries;
}

std::string GroupCodes(const Entry& e) {
  std::string out;
  for (const Item* it : e.items) {
    if (!out.empty()) out += ", ";
    out += it->code;
  }
  return out;
}

std::string EntryText(const Entry& e) {
  if (!e.grouped()) return e.items[0]->message;
  std::string out = "service `" + std::string(ServiceOf(e.items[0]->message)) + "` lacks " +
                    std::to_string(e.items.size()) + " hardening settings: ";
  for (size_t i = 0; i < e.items.size(); ++i) {
    if (i) out += ", ";
    out += SettingOf(e.items[i]->code);
  }
  return out;
}

}  // namespace shipshape::report
