// Notes of the known-images table (data/known-images.json) that only reports and messages read:
// where each entry's facts come from (`source`, the image's Dockerfile or documentation) and why
// an entry offers no healthcheck although the image needs one (`no_probe`: no curl or wget in
// the image, an endpoint that must be enabled first...). DC041 says the latter in its finding
// instead of inventing a probe (issue 17 §2). Read from the same embedded table, by entry name.
#ifndef SHIPSHAPE_COMPOSE_IMAGE_NOTES_H_
#define SHIPSHAPE_COMPOSE_IMAGE_NOTES_H_

#include <map>
#include <string>
#include <string_view>

#include "compose/known_images.h"

namespace shipshape::compose {

struct ImageNotes {
  std::string source;
  std::string no_probe;
};

/// Notes by entry name from the table's JSON text (entries without notes are left out; a
/// malformed table gives an empty map: KnownImages::Parse reports it).
std::map<std::string, ImageNotes, std::less<>> ParseImageNotes(std::string_view json);

/// The notes of `img` in the embedded table (empty notes when it has none).
const ImageNotes& NotesOf(const KnownImage& img);

}  // namespace shipshape::compose

#endif  // SHIPSHAPE_COMPOSE_IMAGE_NOTES_H_
