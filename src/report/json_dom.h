// Writes a nlohmann::json value through a JsonWriter: for the small, fixed parts of streamed
// documents (SARIF's rule descriptions) built as a DOM. Objects come out in the DOM's (sorted)
// key order, as nlohmann's dump prints them.
#ifndef SHIPSHAPE_REPORT_JSON_DOM_H_
#define SHIPSHAPE_REPORT_JSON_DOM_H_

#include <nlohmann/json.hpp>

#include "report/json_writer.h"

namespace shipshape::report {

inline void WriteDom(JsonWriter& w, const nlohmann::json& j) {
  using nlohmann::json;
  switch (j.type()) {
    case json::value_t::object:
      w.BeginObject();
      for (auto it = j.begin(); it != j.end(); ++it) {
        w.Key(it.key());
        WriteDom(w, it.value());
      }
      w.EndObject();
      break;
    case json::value_t::array:
      w.BeginArray();
      for (const json& x : j) WriteDom(w, x);
      w.EndArray();
      break;
    case json::value_t::string: w.String(j.get_ref<const std::string&>()); break;
    case json::value_t::boolean: w.Bool(j.get<bool>()); break;
    case json::value_t::number_unsigned: w.Uint(j.get<uint64_t>()); break;
    case json::value_t::number_integer: w.Int(j.get<int64_t>()); break;
    default: w.Null(); break;  // No floats in our documents.
  }
}

}  // namespace shipshape::report

#endif  // SHIPSHAPE_REPORT_JSON_DOM_H_
