#include "compose/image_notes.h"

#include <nlohmann/json.hpp>

#include "core/embedded.h"

namespace shipshape::compose {

std::map<std::string, ImageNotes, std::less<>> ParseImageNotes(std::string_view text) {
  std::map<std::string, ImageNotes, std::less<>> out;
  const nlohmann::json doc = nlohmann::json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (!doc.is_object() || !doc.contains("images") || !doc["images"].is_array()) return out;
  for (const nlohmann::json& e : doc["images"]) {
    if (!e.is_object() || !e.contains("name") || !e["name"].is_string()) continue;
    ImageNotes n;
    if (auto it = e.find("source"); it != e.end() && it->is_string()) n.source = it->get<std::string>();
    if (auto it = e.find("no_probe"); it != e.end() && it->is_string()) n.no_probe = it->get<std::string>();
    if (!n.source.empty() || !n.no_probe.empty()) out[e["name"].get<std::string>()] = std::move(n);
  }
  return out;
}

const ImageNotes& NotesOf(const KnownImage& img) {
  static const auto* kNotes =
      new std::map<std::string, ImageNotes, std::less<>>(ParseImageNotes(EmbeddedFile("known-images.json")));
  static const ImageNotes kNone;
  auto it = kNotes->find(img.name);
  return it == kNotes->end() ? kNone : it->second;
}

}  // namespace shipshape::compose
