#include "interpolate/interpolate.h"

#include <algorithm>

namespace shipshape::compose {
namespace {

bool IsNameStart(char c) { return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsNameChar(char c) { return IsNameStart(c) || (c >= '0' && c <= '9'); }

void AddUnique(std::vector<std::string>* v, std::string_view s) {
  if (std::find(v->begin(), v->end(), s) == v->end()) v->emplace_back(s);
}

class Interpolator {
 public:
  Interpolator(const VarLookup& lookup, Interpolated* out) : lookup_(lookup), out_(out) {}

  // Interpolates `in` (whose first byte is at `base` within the top-level input) into `*dst`.
  void Run(std::string_view in, uint32_t base, std::string* dst, int depth) {
    size_t i = 0;
    while (i < in.size()) {
      const char c = in[i];
      if (c != '$' || i + 1 >= in.size()) {
        dst->push_back(c);
        ++i;
        continue;
      }
      const char n = in[i + 1];
      if (n == '$') {
        dst->push_back('$');
        i += 2;
        continue;
      }
      if (IsNameStart(n)) {
        size_t j = i + 1;
        while (j < in.size() && IsNameChar(in[j])) ++j;
        Substitute(in.substr(i + 1, j - i - 1), dst);
        i = j;
        continue;
      }
      if (n != '{') {
        dst->push_back('$');
        ++i;
        continue;
      }
      // Braced: find the matching '}' counting nested `${`.
      size_t j = i + 2;
      int nest = 0;
      bool closed = false;
      while (j < in.size()) {
        if (in[j] == '$' && j + 1 < in.size() && in[j + 1] == '$') { j += 2; continue; }
        if (in[j] == '$' && j + 1 < in.size() && in[j + 1] == '{') { ++nest; j += 2; continue; }
        if (in[j] == '}') {
          if (nest == 0) { closed = true; break; }
          --nest;
        }
        ++j;
      }
      const TextRange whole{base + static_cast<uint32_t>(i),
                            base + static_cast<uint32_t>(closed ? j + 1 : in.size())};
      if (!closed) {
        Error(whole, "unterminated `${`");
        dst->append(in.substr(i));
        return;
      }
      Braced(in.substr(i + 2, j - i - 2), base + static_cast<uint32_t>(i + 2), whole, dst, depth);
      i = j + 1;
    }
  }

 private:
  void Error(TextRange r, std::string msg) {
    out_->errors.push_back({InterpolationError::Kind::kInvalidTemplate, "invalid interpolation template: " + msg, {}, r});
  }

  std::optional<std::string> Get(std::string_view name) {
    out_->has_variables = true;
    AddUnique(&out_->variables, name);
    return lookup_ ? lookup_(name) : std::nullopt;
  }

  void Substitute(std::string_view name, std::string* dst) {
    if (auto v = Get(name)) {
      dst->append(*v);
    } else {
      out_->known = false;
      AddUnique(&out_->unknown, name);
    }
  }

  void Braced(std::string_view body, uint32_t body_base, TextRange whole, std::string* dst, int depth) {
    size_t k = 0;
    if (body.empty() || !IsNameStart(body[0])) {
      Error(whole, "`${" + std::string(body) + "}` does not start with a variable name");
      return;
    }
    while (k < body.size() && IsNameChar(body[k])) ++k;
    const std::string_view name = body.substr(0, k);
    if (k == body.size()) {
      Substitute(name, dst);
      return;
    }
    bool colon = false;
    if (body[k] == ':') {
      colon = true;
      ++k;
    }
    if (k >= body.size() || (body[k] != '-' && body[k] != '?' && body[k] != '+')) {
      Error(whole, "unsupported expansion `${" + std::string(body) + "}` (only :- - :? ? :+ + are supported)");
      return;
    }
    const char op = body[k++];
    const std::string_view rest = body.substr(k);
    const uint32_t rest_base = body_base + static_cast<uint32_t>(k);
    const std::optional<std::string> v = Get(name);
    const bool set = v.has_value() && (!colon || !v->empty());
    if (depth > 32) {
      Error(whole, "templates nested too deeply");
      return;
    }
    switch (op) {
      case '-':
        if (set) dst->append(*v);
        else Run(rest, rest_base, dst, depth + 1);
        break;
      case '+':
        if (set) Run(rest, rest_base, dst, depth + 1);
        break;
      case '?':
        if (set) {
          dst->append(*v);
        } else {
          std::string msg;
          Interpolated sub;
          Interpolator inner(lookup_, &sub);
          inner.Run(rest, rest_base, &msg, depth + 1);
          if (msg.empty()) msg = "required variable " + std::string(name) + " is missing a value";
          out_->errors.push_back({InterpolationError::Kind::kRequiredUnset, msg, std::string(name), whole});
          out_->known = false;
          AddUnique(&out_->unknown, name);
        }
        break;
    }
  }

  const VarLookup& lookup_;
  Interpolated* out_;
};

}  // namespace

VarLookup MapLookup(const std::map<std::string, std::string, std::less<>>* vars) {
  return [vars](std::string_view name) -> std::optional<std::string> {
    auto it = vars->find(name);
    if (it == vars->end()) return std::nullopt;
    return it->second;
  };
}

Interpolated Interpolate(std::string_view input, const VarLookup& lookup) {
  Interpolated out;
  if (!MayNeedInterpolation(input)) {
    out.value.assign(input);
    return out;
  }
  out.value.reserve(input.size());
  Interpolator(lookup, &out).Run(input, 0, &out.value, 0);
  return out;
}

}  // namespace shipshape::compose
