// Credential detection shared by the Dockerfile and Compose rules: which variable names look like
// they hold a secret, which strings are credentials of a known format (cloud keys, tokens, private
// key blocks, passwords embedded in URLs), and a Shannon-entropy test for random-looking values.
//
// Patterns are RE2, compiled once on first use; every function is thread-safe and allocation-light.
// Callers must never print a matched value: use MaskSecret() and DiagnosticBuilder::Redact().
#ifndef SHIPSHAPE_RULES_SECRETS_H_
#define SHIPSHAPE_RULES_SECRETS_H_

#include <cstddef>
#include <string>
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

/// True for an OpenPGP key ID or fingerprint (16 or 40 upper-case hex digits, optionally grouped
/// by spaces): public identifiers that official images pin in `GPG_KEY`/`*_SIGNING_KEY`.
bool IsKeyFingerprint(std::string_view value);

/// Credentials recognisable by their form alone: FindKnownSecrets and passwords on command lines
/// (`curl -u user:PASS`, `mysql -pPASS`, ...; see FindSecretsToMask). Safe on prose, where
/// `name: value` may be a sentence. Sorted and disjoint.
std::vector<SecretMatch> FindSecretsByForm(std::string_view text);

/// Byte ranges of `text` to mask before any of it is shown (an excerpt, a diff, `docker inspect`
/// output): FindKnownSecrets, plus passwords given on command lines (`curl -u user:PASS`,
/// `mysql -pPASS`, `sshpass -p PASS`, `redis-cli -a PASS`, `--password PASS`,
/// `echo user:PASS | chpasswd`) and literal values of secret-named keys (`DB_PASSWORD=x`,
/// `POSTGRES_PASSWORD: x`, `"token": "x"`, `ENV API_KEY x`, YAML block scalars under such keys).
/// Broader than what rules report: placeholders and short values (`test`, `1234`) are masked too,
/// since hiding a harmless value in an excerpt costs nothing and printing a real one cannot be
/// undone. Sorted and disjoint; linear in the size of `text`.
std::vector<SecretMatch> FindSecretsToMask(std::string_view text);

/// The values of an env file (`KEY=value`, `KEY: value`, and the text after the key on a line
/// docker compose cannot parse, such as `KEY value`), quoted values across lines included.
/// Everything in an env file may be a credential, named like one or not.
std::vector<SecretMatch> FindEnvFileValues(std::string_view text);

/// `text` with every byte in `ranges` (sorted, disjoint, within `text`) replaced by '*'.
std::string MaskRanges(std::string_view text, const std::vector<SecretMatch>& ranges);

/// `text` with the bytes FindSecretsToMask finds replaced by '*' (same length).
std::string MaskSecretsIn(std::string_view text);

/// The value to interpolate for variable `name` when the result may be shown to the user: the
/// value itself, or "****" for a secret-named variable, a value of a known credential format or a
/// random-looking one, and URLs with their password masked. Compose values built from `.env`
/// would otherwise print a password wherever a rule quotes them (a port, a container name...).
std::string DisplaySafeValue(std::string_view name, std::string_view value);

/// True for a client key that is public by design, shipped to browsers and apps: a PostHog
/// project key (`phc_...`; personal keys are `phx_`), a Stripe publishable key (`pk_live_`,
/// `pk_test_`), a key named publishable, or a Pusher-protocol app key (`PUSHER_APP_KEY`,
/// `SOKETI_DEFAULT_APP_KEY`, `REVERB_APP_KEY`: the app *secret* signs, the app key only names the
/// app). Such values are configuration, not credentials; the matching secrets (`phx_`, `sk_live_`,
/// `PUSHER_APP_SECRET`) are still credentials.
bool IsPublicClientKey(std::string_view name, std::string_view value);

/// True for obvious placeholders (`changeme`, `xxx`, `<your-token>`, `***`, `your_password`...).
bool IsPlaceholder(std::string_view value);

}  // namespace shipshape::secrets

#endif  // SHIPSHAPE_RULES_SECRETS_H_
