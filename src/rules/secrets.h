// Credential detection shared by the Dockerfile and Compose rules: which variable names look like
// they hold a secret, which strings are credentials of a known format (cloud keys, tokens, private
// key blocks, passwords embedded in URLs), and a Shannon-entropy test for random-looking values.
//
// Patterns are RE2, compiled once on first use; every function is thread-safe and allocation-light.
// Callers must never print a matched value: use MaskSecret() and DiagnosticBuilder::Redact().
#ifndef SHIPSHAPE_RULES_SECRETS_H_
#define SHIPSHAPE_RULES_SECRETS_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace shipshape::secrets {

/// A credential found in a text: byte offsets [start, end) of the secret part (for a URL, only
/// the password) and a human name of its kind ("AWS access key ID", ...).
struct SecretMatch {
  size_t start = 0;
  size_t end = 0;
  std::string_view kind;
};

/// Credentials of a known format in `text`, in order, non-overlapping. Values that contain a
/// variable reference (`$X`, `${X}`) or an obvious placeholder are not reported.
std::vector<SecretMatch> FindKnownSecrets(std::string_view text);

/// True if a variable or key name looks like it holds a credential. BuildKit's rule (a `_`- or
/// `-`-delimited token among apikey, auth, credential(s), key, password, pword, passwd, secret,
/// token, unless a token is public, file or version) plus hadolint's substrings (password,
/// secret, api_key, private_key...), minus names that describe a secret rather than hold one
/// (`*_FILE`, `*_PATH`, `*_URL`, `GPG_KEY`, `*_KEY_ID`, `*_TTL`, `*_ENABLED`...).
bool LooksLikeSecretName(std::string_view name);

/// Shannon entropy of the bytes of `s`, in bits per byte.
double ShannonEntropy(std::string_view s);

/// True for a random-looking token: at least 16 bytes, no whitespace, not a path, URL, version or
/// variable reference, at least two character classes and high entropy for its alphabet.
bool LooksHighEntropy(std::string_view value);

/// True for values that cannot be a credential: empty, booleans, small numbers, paths, variable
/// references, URLs without a password, and placeholders such as `changeme` or `<token>`.
bool IsNonSecretValue(std::string_view value);

/// True for obvious placeholders (`changeme`, `xxx`, `<your-token>`, `***`, `your_password`...).
bool IsPlaceholder(std::string_view value);

}  // namespace shipshape::secrets

#endif  // SHIPSHAPE_RULES_SECRETS_H_
